/** Every internal link of the built site resolves: the page exists, and so does the anchor it points to. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { DIST, htmlPages } from '../helpers/dist.ts';

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  if (!ids.has(file))
    ids.set(
      file,
      new Set([...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[id]')].map((e) => e.id)),
    );
  return ids.get(file)!;
}

test('no broken internal links or anchors', () => {
  const broken: string[] = [];
  const files = htmlPages();
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const pageUrl = new URL(`/${relative(DIST, file).replace(/index\.html$/, '')}`, 'http://site');
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (/^(https?:|mailto:)/.test(href)) continue;
      const u = new URL(href, pageUrl);
      let target = join(DIST, decodeURIComponent(u.pathname));
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push(`${relative(DIST, file)}: ${href} (no such file)`);
        continue;
      }
      const hash = decodeURIComponent(u.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash))
        broken.push(`${relative(DIST, file)}: ${href} (no #${hash})`);
    }
  }
  expect(broken).toEqual([]);
});
