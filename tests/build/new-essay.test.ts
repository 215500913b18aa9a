/**
 * The scaffold makes a draft essay that passes what `npm test` checks of content: the build's up-front check, the
 * content tests (run on a copy of the project with the new essay) and the build, where the draft is a preview page
 * kept out of listings, search and the sitemap, and out of a production build. The two builds are the run's shared
 * ones, each carrying the same scaffolded draft (tests/helpers/draft.ts): the synthetic build is a preview
 * (tests/helpers/synthetic-build.ts), the contributed build a production build (tests/helpers/contributed-build.ts).
 * A second run refuses to overwrite.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { slugify } from '../../scripts/new-essay.ts';
import { checkProject } from '../../src/checks/check.ts';
import { removeProject, ROOT, tempProject } from '../../testing/project.ts';
import { contributedBuild } from '../helpers/contributed-build.ts';
import { DRAFT_PAGE, DRAFT_TITLE } from '../helpers/draft.ts';
import { syntheticBuild } from '../helpers/synthetic-build.ts';

let dir: string;
beforeAll(() => {
  dir = tempProject();
});
afterAll(() => removeProject(dir));

const scaffold = (title: string) =>
  spawnSync(process.execPath, ['scripts/new-essay.ts', title], { cwd: dir, encoding: 'utf8' });
const page = DRAFT_PAGE;

test('slugs are readable file names', () => {
  expect(slugify('Who holds the keys? Sudo & the Senate')).toBe('who-holds-the-keys-sudo-the-senate');
});

test('npm run new:essay writes a draft that passes the checks and the content tests', () => {
  const r = scaffold(DRAFT_TITLE);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('created content/essays/who-holds-the-keys.mdx (draft: true');
  expect(readFileSync(join(dir, 'content/essays/who-holds-the-keys.mdx'), 'utf8')).toMatch(/^draft: true\b/m);
  expect(checkProject(dir, { production: false }).problems).toEqual([]);
  expect(checkProject(dir, { production: true }).problems).toEqual([]);

  cpSync(join(ROOT, 'tests'), join(dir, 'tests'), { recursive: true });
  cpSync(join(ROOT, 'vitest.config.ts'), join(dir, 'vitest.config.ts'));
  const t = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/content'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(t.status, `${t.stdout}\n${t.stderr}`.slice(-3000)).toBe(0);
  const out = stripVTControlCharacters(t.stdout);
  expect(out).toMatch(/tests\/content\/article\.test\.ts \(\d+ tests\)/);
  expect(out).toMatch(/Tests\s+\d+ passed \(\d+\)/);

  const again = scaffold(DRAFT_TITLE);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('content/essays/who-holds-the-keys.mdx already exists');
}, 180_000);

test('the draft builds as a preview page, out of listings, search and the sitemap', async () => {
  // the preview build shared with other test files, whose project got this draft from the same command
  const built = await syntheticBuild();
  expect(built.prepared.draft.status, built.prepared.draft.stderr).toBe(0);
  expect(built.prepared.draft.stdout).toContain('created content/essays/who-holds-the-keys.mdx (draft: true');
  expect(built.output).not.toContain('(production build)');
  expect(built.output).toContain(
    'draft essays (who-holds-the-keys): built for preview, not listed, searched or in the sitemap',
  );
  const at = (path: string) => join(built.project, path);
  const html = readFileSync(at(page), 'utf8');
  expect(html).toContain('Who holds the keys');
  expect(html).toContain('Draft: a preview');
  expect(html).not.toContain('data-pagefind-body'); // not indexed by search
  expect(readFileSync(at('dist/index.html'), 'utf8')).not.toContain('who-holds-the-keys');
  expect(readFileSync(at('dist/sitemap-0.xml'), 'utf8')).not.toContain('who-holds-the-keys');
  expect(readFileSync(at('dist/sitemap-0.xml'), 'utf8')).toContain('/essays/staking/');
}, 180_000);

test('a production build leaves the draft out', async () => {
  // the production build shared with other test files, whose project got the same draft from the same command
  const b = await contributedBuild();
  expect(b.scaffold.status, b.scaffold.stderr).toBe(0);
  expect(existsSync(join(b.project, 'content/essays/who-holds-the-keys.mdx'))).toBe(true);
  expect(b.status, b.output.slice(-2000)).toBe(0);
  expect(b.output).toContain('(production build)');
  expect(b.output).toContain('draft essays (who-holds-the-keys): left out of this production build');
  expect(existsSync(join(b.project, page))).toBe(false);
  expect(existsSync(join(b.project, 'dist/essays/staking/index.html'))).toBe(true);
}, 180_000);
