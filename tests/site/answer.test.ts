/**
 * The home page's answer and pills (src/site/findings.ts) and the data line of every page (src/site/kind.ts): pure
 * functions of the verdicts and the snapshot, so the first screen can never say more than the verdicts do.
 */
import { describe, expect, test } from 'vitest';
import type { Evidence, Verdict, VerdictResult } from '../../src/claims/types.ts';
import type { Source } from '../../src/model/schema.ts';
import { answer, pillOf, type ArgumentVerdict } from '../../src/site/findings.ts';
import { dataLine } from '../../src/site/kind.ts';
import { dtaoSnapshot } from '../fixtures/snapshots.ts';

const article: Source = {
  kind: 'cited',
  ref: 'article',
  by: 'article',
  title: 'The article',
  url: 'https://x.invalid',
};
const chain: Source = { kind: 'chain', block: 1, hash: `0x${'1'.repeat(64)}`, item: 'SubtensorModule.TotalIssuance' };
const ownArithmetic: Evidence = { label: 'own inputs', value: '62.49%', formula: '5.38M / 8.61M', sources: [article] };
const read: Evidence = { label: 'a chain read', value: '8.61M TAO', sources: [chain] };
const result = (verdict: Verdict, evidence: Evidence[] = []): VerdictResult => ({ verdict, reason: 'r.', evidence });
const arg = (topic: string, verdict: Verdict, evidence: Evidence[] = []): ArgumentVerdict => ({
  topic,
  result: result(verdict, evidence),
});

describe('pillOf', () => {
  test('an unverifiable verdict that recomputed the article’s arithmetic without chain data says both', () => {
    expect(pillOf(result('unverifiable', [ownArithmetic])).text).toBe('no chain data · arithmetic checked');
  });
  test('otherwise the pill is the verdict', () => {
    expect(pillOf(result('unverifiable')).text).toBe('unverifiable');
    expect(pillOf(result('unverifiable', [ownArithmetic, read])).text).toBe('unverifiable'); // it had chain data
    expect(pillOf(result('supported', [ownArithmetic])).text).toBe('supported');
    expect(pillOf(result('unverifiable', [{ ...ownArithmetic, formula: undefined }])).text).toBe('unverifiable');
  });
});

describe('answer', () => {
  test('no argument supported: “not shown”, then each kind counted, named and the arithmetic noted', () => {
    const a = answer([
      arg('Governance', 'partly supported'),
      arg('Premine', 'unverifiable', [ownArithmetic]),
      arg('Staking', 'unverifiable', [ownArithmetic]),
      arg('Owners', 'contradicted'),
    ]);
    expect(a).toBe(
      'Not shown: none of the critique’s four arguments is supported outright by this evidence. One is partly supported (Governance), one is contradicted (Owners) and two cannot be checked with this build’s data, though the article’s own arithmetic was recomputed for both.',
    );
  });
  test('every argument supported: one sentence that the case holds', () => {
    expect(answer([arg('A', 'supported'), arg('B', 'supported')])).toBe(
      'The critique’s case holds on this evidence: both its arguments are supported.',
    );
  });
  test('some supported: “only in part”, naming them; arithmetic noted only where it was recomputed', () => {
    expect(answer([arg('A', 'supported'), arg('B', 'unverifiable', [ownArithmetic]), arg('C', 'unverifiable')])).toBe(
      'Only in part: one of the critique’s three arguments is supported outright (A). Two cannot be checked with this build’s data, though the article’s own arithmetic was recomputed for one.',
    );
  });
  test('at most two sentences, and the counts add up to the arguments', () => {
    const verdicts: Verdict[] = ['supported', 'partly supported', 'contradicted', 'unverifiable'];
    for (let mask = 1; mask < 4 ** 3; mask++) {
      const args = [0, 1, 2].map((i) => arg(`T${i}`, verdicts[Math.floor(mask / 4 ** i) % 4]));
      const a = answer(args);
      expect(a.match(/[.!?](\s|$)/g)!.length, a).toBeLessThanOrEqual(2);
      for (const t of args) if (t.result.verdict !== 'unverifiable') expect(a, a).toContain(t.topic);
    }
  });
});

describe('dataLine', () => {
  test('says once what data the page shows', () => {
    const s = dtaoSnapshot();
    expect(dataLine(s)).toMatch(/^SYNTHETIC test data from block [\d,]+ \(\d{4}-\d{2}-\d{2}\)$/);
    const cited = { ...s, kind: 'cited' as const, head: null };
    const line = dataLine(cited);
    expect(line).toBe(`No chain data yet: figures cited from publications, the latest dated ${s.series.at(-1)!.date}`);
    expect(line.match(/cited/g)).toHaveLength(1);
    expect(dataLine({ ...s, kind: 'chain' })).toMatch(/^Chain data from block/);
  });
});
