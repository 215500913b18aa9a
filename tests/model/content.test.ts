/** Essay frontmatter: the argument's short name is the essay's own `topic:` field, not a map in a page. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { EssayFrontmatter } from '../../src/model/content.ts';

const DIR = resolve(import.meta.dirname, '../../content/essays');
const essays = readdirSync(DIR)
  .filter((n) => n.endsWith('.mdx'))
  .map((n) => ({
    name: n,
    data: EssayFrontmatter.parse(parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(DIR, n), 'utf8'))![1])),
  }));

describe('essay topic', () => {
  test('every essay whose argument the home page lists (decidingClaim) names its topic, each a different one', () => {
    const listed = essays.filter((e) => e.data.decidingClaim);
    expect(listed.length).toBeGreaterThan(0);
    for (const e of listed) expect(e.data.topic, e.name).toBeTruthy();
    expect(new Set(listed.map((e) => e.data.topic)).size).toBe(listed.length);
  });

  test('a topic is short, and optional', () => {
    const base = essays[0].data;
    expect(EssayFrontmatter.safeParse({ ...base, topic: 'x'.repeat(41) }).success).toBe(false);
    const { topic: _, ...without } = base;
    expect(EssayFrontmatter.safeParse(without).success).toBe(true);
  });
});
