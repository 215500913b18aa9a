/**
 * One page per claim (/claims/<id>/): every claim of content/claims.yaml has one; its ClaimReview JSON-LD validates
 * against tests/schemas/claim-review.schema.json (the fields Google's and schema.org's ClaimReview documentation ask
 * for) and agrees with the verdict the registry computes; the page shows the claim in Japanese and English with its
 * line in the essay, the corrections banner when there are corrections, the code behind the verdict, the replies (or
 * that there are none), and a "Cite this" box naming the build's commit and data block. Every page names its version.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { DIST, distFile, htmlPages } from '../helpers/dist.ts';
import { ROOT } from '../../testing/project.ts';
import { loadReferenceYaml, loadSnapshot } from '../../src/data/load.ts';
import { loadCorrectionLog } from '../../src/data/corrections.ts';
import { labelOf } from '../../src/site/findings.ts';
import { RATING_VALUE } from '../../src/site/claim-record.ts';
import type { Claim } from '../../src/model/content.ts';

const claims = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Claim[];
const data = { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
const log = loadCorrectionLog();
const schema = z.fromJSONSchema(
  JSON.parse(readFileSync(join(ROOT, 'tests/schemas/claim-review.schema.json'), 'utf8')) as Record<string, unknown>,
);
const page = (id: string) => parseHTML(distFile(`claims/${id}/index.html`)).document;
const jsonLd = (doc: Document) => {
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0].textContent ?? '') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
/** The commit the build was made from: this checkout's HEAD (npm test builds before it tests). */
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();

describe('a page per claim', () => {
  test('every claim has its page', () => {
    expect(claims.length).toBeGreaterThan(30);
    for (const c of claims) expect(page(c.id).querySelector('h1')?.textContent, c.id).toContain(c.id);
  });

  test.each(claims.map((c) => c.id))('%s: its ClaimReview JSON-LD is valid and says what the page says', (id) => {
    const c = claims.find((x) => x.id === id)!;
    const doc = page(id);
    const ld = jsonLd(doc);
    const r = schema.safeParse(ld);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
    const { label } = labelOf(c, data);
    expect(ld.claimReviewed).toBe(c.en);
    expect(ld.reviewRating.alternateName).toBe(label === 'opinion' ? 'opinion, not judged' : label);
    expect(doc.querySelector('.claim-verdict .verdict')?.textContent).toBe(ld.reviewRating.alternateName);
    // a number only for a verdict on the scale: none for unverifiable or an opinion
    if (label === 'unverifiable' || label === 'opinion') expect(ld.reviewRating).not.toHaveProperty('ratingValue');
    else expect(ld.reviewRating.ratingValue).toBe(RATING_VALUE[label]);
    expect(ld.itemReviewed.author.name).toBe('@0xLogicrw');
    expect(ld.itemReviewed.datePublished).toBe('2025-04-18');
    expect(ld.itemReviewed.firstAppearance.url).toBe('https://pressbased.com/post/12518.html');
    expect(ld.url).toMatch(new RegExp(`/claims/${id}/$`));
    expect(ld.dateModified >= ld.datePublished).toBe(true);
    if (data.snapshot.head)
      expect(ld.isBasedOn.identifier).toBe(`block ${data.snapshot.head.number}, hash ${data.snapshot.head.hash}`);
    else expect(ld.isBasedOn.name).toMatch(/no chain block/);
  });

  test('the claim in Japanese (lang="ja") and English, linked to its line and to the claim in the essay', () => {
    for (const c of claims) {
      const doc = page(c.id);
      expect(doc.querySelector('.quote [lang="ja"]')?.textContent, c.id).toContain(c.ja);
      expect(doc.querySelector('.quote')?.textContent, c.id).toContain(c.en);
      expect(doc.querySelector(`a[href$="essays/${c.essay}/#${c.paragraph}"]`), c.id).not.toBeNull();
      expect(doc.querySelector(`a[href$="essays/${c.essay}/#claim-${c.id}"]`), c.id).not.toBeNull();
    }
  });

  test('a corrected claim opens with an "Updated on" banner naming its newest entry; an uncorrected one has none', () => {
    const c30 = page('C30');
    const newest = log
      .filter((l) => l.entry.claim === 'C30')
      .map((l) => l.entry.date)
      .sort()
      .at(-1);
    expect(c30.querySelector('main > .updated-banner')?.textContent).toContain(`Updated on ${newest}.`);
    expect(c30.querySelector('main > .updated-banner')).toBe(c30.querySelector('main')?.firstElementChild);
    expect(c30.querySelectorAll('#corrections ~ ol li').length).toBe(log.filter((l) => l.entry.claim === 'C30').length);
    const uncorrected = claims.find((c) => !log.some((l) => l.entry.claim === c.id))!;
    const plain = page(uncorrected.id);
    expect(plain.querySelector('.updated-banner')).toBeNull();
    expect(plain.getElementById('corrections')?.nextElementSibling?.textContent).toMatch(/^None/);
  });

  test('the flip condition, when the verdict gives one, is on the page once', () => {
    const flips = claims.flatMap((c) => {
      const r = labelOf(c, data).result;
      return r?.flipCondition ? [{ id: c.id, flip: r.flipCondition }] : [];
    });
    for (const { id, flip } of flips) {
      const text = page(id).querySelector('main')?.textContent ?? '';
      expect(text.split(flip).length - 1, id).toBe(1);
    }
  });

  test('the verdict function and its test are named to the line; replies have an empty state', () => {
    const doc = page('C06');
    const codes = [...doc.querySelectorAll('#code ~ ul code')].map((e) => e.textContent);
    const src = readFileSync(join(ROOT, 'src/claims/verdicts/premine.ts'), 'utf8').split('\n');
    const line = src.findIndex((l) => l.startsWith('export const C06')) + 1;
    expect(codes[0]).toBe(`src/claims/verdicts/premine.ts:${line}`);
    const tests = readFileSync(join(ROOT, 'tests/claims/premine.test.ts'), 'utf8').split('\n');
    expect(codes[1]).toBe(`tests/claims/premine.test.ts:${tests.findIndex((l) => l.startsWith("describe('C06")) + 1}`);
    expect(doc.getElementById('replies')?.nextElementSibling?.textContent).toMatch(/^None received yet/);
    // an opinion has no verdict function
    const opinion = claims.find((c) => c.type === 'opinion')!;
    expect(page(opinion.id).getElementById('code')?.nextElementSibling?.textContent).toMatch(/no verdict function/);
  });

  test('the cite box names the build’s commit and data block, in all three forms', () => {
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    for (const doc of [page('C06'), parseHTML(distFile('about/index.html')).document]) {
      const box = doc.querySelector('.cite-box')!;
      expect(box.getAttribute('data-commit')).toBe(head);
      const block = data.snapshot.head ? String(data.snapshot.head.number) : 'none';
      expect(box.getAttribute('data-block')).toBe(block);
      const plain = box.querySelector('.cite-plain')?.textContent ?? '';
      const bibtex = box.querySelector('.cite-bibtex')?.textContent ?? '';
      const csl = JSON.parse(box.querySelector('.cite-csl')?.textContent ?? '[]') as Array<Record<string, string>>;
      expect(plain).toContain(`site commit ${head.slice(0, 12)}`);
      expect(bibtex).toContain(`version = {${head}}`);
      expect(csl[0].version).toBe(head);
      const dataWords = data.snapshot.head
        ? `block ${data.snapshot.head.number.toLocaleString('en-US')}`
        : 'no chain block';
      expect(plain).toContain(dataWords);
      expect(csl[0].note).toContain(data.snapshot.head ? `block ${data.snapshot.head.number}` : 'no chain block');
    }
  });

  test('every page names its version in the footer: site commit, data, build date', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(40);
    for (const f of pages) {
      const text = parseHTML(readFileSync(f, 'utf8')).document.querySelector('.site-version')?.textContent ?? '';
      expect(text, f.slice(DIST.length)).toMatch(
        new RegExp(`site commit ${head.slice(0, 12)}.*data: .*built \\d{4}-\\d{2}-\\d{2}`, 's'),
      );
    }
  });
});
