import { describe, expect, test } from 'vitest';
import {
  correctedClaims,
  correctionAnchors,
  latestCorrection,
  loadCorrections,
  parseCorrections,
  verdictChanges,
} from '../../src/claims/corrections.ts';
import { VERDICT_FNS } from '../../src/claims/index.ts';
import { loadReferenceYaml, loadSnapshot } from '../../src/data/load.ts';
import { dataOf, daysFrom } from '../fixtures/snapshots.ts';

const committed = () => ({ snapshot: loadSnapshot(), reference: loadReferenceYaml() });

describe('the corrections log', () => {
  const entries = loadCorrections();
  test('each verdict entry’s new verdict is what the committed data give today', () => {
    const data = committed();
    const verdictEntries = entries.filter((e) => e.kind === 'verdict');
    expect(verdictEntries.length).toBeGreaterThan(0);
    for (const e of verdictEntries) expect(VERDICT_FNS[e.claim](data).verdict, e.claim).toBe(e.new);
  });
  test('lists the five verdicts this correction changed on the committed data', () => {
    expect(
      entries
        .filter((e) => e.kind === 'verdict')
        .map((e) => `${e.claim}: ${e.old} → ${e.new}`)
        .sort(),
    ).toEqual([
      'C03: partly supported → unverifiable',
      'C07: contradicted → unverifiable',
      'C23: partly supported → unverifiable',
      'C24: contradicted → partly supported',
      'C30: contradicted → unverifiable',
    ]);
  });
  test('every claim named exists', () => {
    for (const id of correctedClaims(entries))
      expect(Object.hasOwn(VERDICT_FNS, id) || ['C37'].includes(id), id).toBe(true);
  });
  test('a malformed entry is refused with the file and the field', () => {
    expect(() =>
      parseCorrections(
        [
          {
            date: '2026-11-27',
            kind: 'verdict',
            claim: 'C30',
            old: 'wrong',
            new: 'unverifiable',
            why: 'x'.repeat(30),
            code: null,
          },
        ],
        'content/corrections.yaml',
      ),
    ).toThrow(/content\/corrections\.yaml.*\[0\]\.old/s);
    expect(() =>
      parseCorrections(
        [
          {
            date: '2026-11-27',
            kind: 'verdict',
            claim: 'C30',
            old: 'unverifiable',
            new: 'unverifiable',
            why: 'x'.repeat(30),
            code: null,
          },
        ],
        'content/corrections.yaml',
      ),
    ).toThrow(/\[0\]\.new/);
  });
});

describe('links from claims to their corrections', () => {
  const entry = (claim: string | null, date: string) => ({
    date,
    kind: 'statement' as const,
    claim,
    old: 'before',
    new: 'after',
    why: 'x'.repeat(30),
    code: null,
  });
  test('anchors are per claim and day, numbered only on repeats, and unique', () => {
    const entries = [
      entry('C30', '2026-11-27'),
      entry(null, '2026-11-27'),
      entry(null, '2026-11-27'),
      entry('C30', '2026-11-27'),
      entry('C30', '2026-12-01'),
    ];
    expect(correctionAnchors(entries)).toEqual([
      'correction-C30-2026-11-27',
      'correction-general-2026-11-27',
      'correction-general-2026-11-27-2',
      'correction-C30-2026-11-27-2',
      'correction-C30-2026-12-01',
    ]);
    const committed = correctionAnchors(loadCorrections());
    expect(new Set(committed).size).toBe(committed.length);
  });
  test('a claim links to its newest entry; a claim without one links nowhere', () => {
    const entries = [entry('C30', '2026-11-27'), entry('C30', '2026-12-01'), entry('C07', '2026-11-27')];
    expect(latestCorrection(entries, 'C30')).toEqual({
      date: '2026-12-01',
      kind: 'statement',
      anchor: 'correction-C30-2026-12-01',
    });
    expect(latestCorrection(entries, 'C01')).toBeNull();
  });
  test('every claim whose verdict changed on 2026-11-27 links to that entry', () => {
    const entries = loadCorrections();
    const changed = entries.flatMap((e) => (e.kind === 'verdict' && e.date === '2026-11-27' ? [e.claim] : []));
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed)
      expect(latestCorrection(entries, id), id).toMatchObject({
        date: '2026-11-27',
        anchor: `correction-${id}-2026-11-27`,
      });
  });
});

describe('automatic entries when nightly data flip a verdict', () => {
  const root = (drop: number) =>
    dataOf(
      daysFrom('2025-02-13', 67, (i) => ({
        issuedTao: 8_000_000 + i * 7200,
        stakedTao: 6_000_000,
        rootTao: 5_860_000 - (drop * i) / 63,
      })),
    );
  const verdicts = (data: ReturnType<typeof root>) =>
    Object.fromEntries(Object.entries(VERDICT_FNS).map(([id, fn]) => [id, fn(data).verdict]));
  test('two data files that differ in root stake flip C30, and only the flipped claims get an entry, with the block', () => {
    const before = verdicts(root(150_000));
    const next = root(300_000);
    const after = verdicts(next);
    const block = next.snapshot.head!.number;
    const made = verdictChanges(before, after, { date: '2025-04-21', block });
    expect(made.map((e) => e.claim)).toContain('C30');
    const c30 = made.find((e) => e.claim === 'C30')!;
    expect(c30).toMatchObject({ kind: 'verdict', old: 'contradicted', new: 'partly supported', block });
    expect(c30.why).toContain(block.toLocaleString('en-US'));
    for (const e of made) expect(before[e.claim!]).not.toBe(after[e.claim!]);
    expect(parseCorrections(made)).toHaveLength(made.length);
  });
  test('no entry when nothing flips', () => {
    const v = verdicts(root(150_000));
    expect(verdictChanges(v, v, { date: '2025-04-21', block: 1 })).toEqual([]);
  });
});
