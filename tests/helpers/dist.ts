/** The built site under test: `npm test` builds it first; running vitest alone needs `npm run build`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './project.ts';

/** TAOPROOF_DIST points the tests at another build (e.g. a copy built elsewhere). */
export const DIST = process.env.TAOPROOF_DIST ?? join(ROOT, 'dist');

export function distFile(path: string): string {
  const file = join(DIST, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does it first)`);
  return readFileSync(file, 'utf8');
}

/** Every HTML page of the build (not Pagefind's files, the bundled assets or the social images), as paths. */
export function htmlPages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ['pagefind', '_astro', 'og'].includes(e.name)
        ? []
        : htmlPages(join(dir, e.name))
      : e.name.endsWith('.html')
        ? [join(dir, e.name)]
        : [],
  );
}
