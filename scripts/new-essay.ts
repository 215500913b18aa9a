/**
 * `npm run new:essay -- "Title"`: scaffold content/essays/<slug>.mdx with valid frontmatter and one example of
 * each component, ready to build. Refuses to overwrite an existing essay.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../src/content/lint.ts';

const DIR = 'content/essays';

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export function scaffold(title: string, order: number, today: string): string {
  return `---
title: ${JSON.stringify(title)}
summary: "One or two sentences: what this essay checks and what it finds."
originalTitle: "（原題）"
order: ${order}
claims: []
authors: ["taoproof"]
updated: "${today}"
---

{/* Components need no import. See CONTRIBUTING.md for each one.
    Show lines of the article (ids in content/article/paragraphs.yaml; each line belongs to one essay):
      <Passage from="p05" to="p07" />
    Show a claim with its verdict (ids in content/claims.yaml; list it in the frontmatter's claims too):
      <Claim id="C06" /> */}

Write the argument here. Cite a source by its id in content/sources.yaml<Cite id="taostats-halving" />, and quote a
cited figure with its source: <Figure id="max-supply" />.

<Note tone="context">
An annotation: what the article gets right, wrong, cannot be checked, or what changed since.
</Note>

<Chart id="issuance" />
`;
}

function main(): void {
  const title = process.argv.slice(2).join(' ').trim();
  if (!title) throw new Error('usage: npm run new:essay -- "Title of the essay"');
  const slug = slugify(title);
  if (!slug) throw new Error(`cannot make a file name from ${JSON.stringify(title)}`);
  const file = join(DIR, `${slug}.mdx`);
  if (existsSync(file)) throw new Error(`${file} already exists`);
  const orders = readdirSync(DIR)
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => Number((parseYaml(splitFrontmatter(readFileSync(join(DIR, n), 'utf8')).frontmatter ?? '') as { order?: number })?.order) || 0);
  writeFileSync(file, scaffold(title, Math.max(0, ...orders) + 1, new Date().toISOString().slice(0, 10)));
  console.log(`created ${file}; edit it, then \`npm run dev\` to preview or \`npm run build\` to check it`);
}

if (import.meta.main) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
