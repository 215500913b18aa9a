/** The scaffold makes an essay that builds; a second run refuses to overwrite it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { slugify } from '../../scripts/new-essay.ts';
import { build, removeProject, tempProject } from '../helpers/project.ts';

let dir: string;
beforeAll(() => {
  dir = tempProject();
});
afterAll(() => removeProject(dir));

const scaffold = (title: string) => spawnSync(process.execPath, ['scripts/new-essay.ts', title], { cwd: dir, encoding: 'utf8' });

test('slugs are readable file names', () => {
  expect(slugify('Who holds the keys? Sudo & the Senate')).toBe('who-holds-the-keys-sudo-the-senate');
});

test('npm run new:essay produces an essay that builds', () => {
  const r = scaffold('Who holds the keys');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('created content/essays/who-holds-the-keys.mdx');
  const b = build(dir);
  expect(b.status, b.output.slice(-2000)).toBe(0);
  const html = join(dir, 'dist/essays/who-holds-the-keys/index.html');
  expect(existsSync(html)).toBe(true);
  expect(readFileSync(html, 'utf8')).toContain('Who holds the keys');
  const again = scaffold('Who holds the keys');
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('content/essays/who-holds-the-keys.mdx already exists');
});
