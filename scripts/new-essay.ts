/**
 * `npm run new:essay -- "Title"`: scaffold content/essays/<slug>.mdx with valid frontmatter (`draft: true` until
 * the author removes it) and an example of each component that needs no lines of its own, passing the build's
 * checks and `npm test`. Refuses to overwrite an existing essay.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SCAFFOLD_PLACEHOLDERS as P, splitFrontmatter } from '../src/checks/lint.ts';

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
summary: "${P.summary}"
originalTitle: "${P.originalTitle}"
order: ${order}
claims: []
authors: ["taoproof"]
updated: "${today}"
draft: true # a preview until you remove this line: not listed, searched or in the sitemap, left out of the production build
---

{/* Components need no import; CONTRIBUTING.md describes each one. To show lines of the article, give them to
    this essay (their essay: field in content/article/paragraphs.yaml), then add a Passage element with from and
    to. To show a claim, set its essay in content/claims.yaml, list its id under claims above and add a Claim
    element with that id. The build names the file and line of any mistake. */}

${P.body} Cite a source by its id in content/sources.yaml<Cite id="taostats-halving" />, and quote a
cited figure with its source: <Figure id="max-supply" />.

<Note tone="context">
${P.note}
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
    .map(
      (n) =>
        Number(
          (parseYaml(splitFrontmatter(readFileSync(join(DIR, n), 'utf8')).frontmatter ?? '') as { order?: number })
            ?.order,
        ) || 0,
    );
  writeFileSync(file, scaffold(title, Math.max(0, ...orders) + 1, new Date().toISOString().slice(0, 10)));
  console.log(
    `created ${file} (draft: true until you remove that line); edit it, then \`npm run dev\` to preview or \`npm run build\` to check it`,
  );
}

if (import.meta.main) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
