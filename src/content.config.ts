/** Astro content collections over content/: essays, the article's paragraphs, claims, sources, glossary. */
import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import {
  ArithmeticEntry,
  BibEntry,
  Claim,
  EssayFrontmatter,
  GlossaryEntry,
  linkClaims,
  Paragraph,
  termId,
} from './model/content.ts';

const essays = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/essays' }),
  schema: EssayFrontmatter,
});
const paragraphs = defineCollection({
  loader: file('content/article/paragraphs.yaml', {
    parser: (text) =>
      linkClaims(parseYaml(text), parseYaml(readFileSync('content/claims.yaml', 'utf8'))) as Record<string, unknown>[],
  }),
  schema: Paragraph,
});
const claims = defineCollection({ loader: file('content/claims.yaml'), schema: Claim });
const sources = defineCollection({ loader: file('content/sources.yaml'), schema: BibEntry });
const glossary = defineCollection({
  loader: file('content/glossary.yaml', {
    parser: (text) => (parseYaml(text) as Array<{ term: string }>).map((e) => ({ id: termId(e.term), ...e })),
  }),
  schema: GlossaryEntry,
});

const arithmetic = defineCollection({ loader: file('content/arithmetic.yaml'), schema: ArithmeticEntry });

export const collections = { essays, paragraphs, claims, sources, glossary, arithmetic };
