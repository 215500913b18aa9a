/** The built site under test: `npm test` builds it first; running vitest alone needs `npm run build`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { ROOT } from '../../testing/project.ts';

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

/** Internal links of a build whose page or anchor does not exist, as `page: href (why)`. */
export function brokenLinks(dist = DIST): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file))
      ids.set(
        file,
        new Set([...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[id]')].map((e) => e.id)),
      );
    return ids.get(file)!;
  };
  const broken: string[] = [];
  for (const file of htmlPages(dist)) {
    const pageUrl = new URL(`/${relative(dist, file).replace(/index\.html$/, '')}`, 'http://site');
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (/^(https?:|mailto:)/.test(href)) continue;
      const u = new URL(href, pageUrl);
      let target = join(dist, decodeURIComponent(u.pathname));
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push(`${relative(dist, file)}: ${href} (no such file)`);
        continue;
      }
      const hash = decodeURIComponent(u.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash))
        broken.push(`${relative(dist, file)}: ${href} (no #${hash})`);
    }
  }
  return broken;
}
