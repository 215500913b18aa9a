/**
 * The whole article is in the report: every line of the source (../shared/source when present, else the copy in
 * content/article/source.txt) appears, in order, in paragraphs.yaml, and every paragraph is shown exactly once,
 * in its own essay, by a <Passage>. Every claim id is unique and used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { passageIds, scanEssay } from '../../src/checks/lint.ts';
import { Claim, Paragraph } from '../../src/model/content.ts';
import { ROOT } from '../../testing/project.ts';

const SHARED = join(ROOT, '..', 'shared', 'source', '000_059284908b6f7c30.txt');
const COPY = join(ROOT, 'content/article/source.txt');
const source = readFileSync(existsSync(SHARED) ? SHARED : COPY, 'utf8');
const yaml = (f: string) => parseYaml(readFileSync(join(ROOT, f), 'utf8')) as unknown[];
const paragraphs = yaml('content/article/paragraphs.yaml').map((p) => Paragraph.parse(p));
const claims = yaml('content/claims.yaml').map((c) => Claim.parse(c));
const essays = readdirSync(join(ROOT, 'content/essays'))
  .filter((n) => n.endsWith('.mdx'))
  .map((n) => ({ slug: n.replace(/\.mdx$/, ''), elements: scanEssay(readFileSync(join(ROOT, 'content/essays', n), 'utf8')).elements }));

describe('the article', () => {
  test('the committed copy equals the shared source (when present)', () => {
    if (existsSync(SHARED)) expect(readFileSync(COPY, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
  });

  test('every non-blank source line is a paragraph, verbatim and in order', () => {
    const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(paragraphs.map((p) => p.ja)).toEqual(lines);
    expect(paragraphs.map((p) => p.id)).toEqual(lines.map((_, i) => `p${String(i + 1).padStart(2, '0')}`));
  });

  test('every paragraph is shown exactly once, in its own essay', () => {
    // read by the MDX parser, so a <Passage> inside a comment or a code block does not count
    const ids = new Set(paragraphs.map((p) => p.id));
    const shown = new Map<string, string[]>();
    for (const e of essays)
      for (const el of e.elements.filter((x) => x.name === 'Passage'))
        for (const id of passageIds(el, ids)) shown.set(id, [...(shown.get(id) ?? []), e.slug]);
    for (const p of paragraphs) expect(shown.get(p.id), `${p.id} (${p.essay})`).toEqual([p.essay]);
  });

  test('claim ids are unique, quoted from their paragraph and shown in their essay', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    expect(claims.length).toBeGreaterThanOrEqual(35);
    const byId = new Map(paragraphs.map((p) => [p.id, p]));
    for (const c of claims) {
      expect(byId.get(c.paragraph)?.ja, c.id).toContain(c.ja);
      const essay = essays.find((e) => e.slug === c.essay);
      expect(essay?.elements.filter((el) => el.name === 'Claim').map((el) => el.attrs.id), `${c.id} in ${c.essay}`).toContain(c.id);
    }
  });
});
