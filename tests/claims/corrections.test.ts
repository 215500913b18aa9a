import { describe, expect, test } from 'vitest';
import {
  correctedClaims,
  correctionAnchors,
  correctionLog,
  latestLogged,
  loadCorrectionLog,
  loadCorrections,
  parseCorrections,
  parseVerdictHistory,
  verdictChanges,
} from '../../src/data/corrections.ts';
import type { AutomaticCorrection } from '../../src/model/corrections.ts';
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
  test('lists the verdicts the corrections changed on the committed data', () => {
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
      'C36: supported → partly supported',
    ]);
  });
  test('every claim named exists', () => {
    for (const id of correctedClaims(entries))
      expect(Object.hasOwn(VERDICT_FNS, id) || ['C26', 'C37'].includes(id), id).toBe(true);
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

/** A hand-written statement entry for `claim` on `date`. */
const statement = (claim: string | null, date: string) => ({
  date,
  kind: 'statement' as const,
  claim,
  old: 'before',
  new: 'after',
  why: 'x'.repeat(30),
  code: null,
});

describe('links from claims to their corrections', () => {
  test('anchors are per claim and day, numbered only on repeats, and unique', () => {
    const entries = [
      statement('C30', '2026-11-27'),
      statement(null, '2026-11-27'),
      statement(null, '2026-11-27'),
      statement('C30', '2026-11-27'),
      statement('C30', '2026-12-01'),
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
    const entries = [statement('C30', '2026-11-27'), statement('C30', '2026-12-01'), statement('C07', '2026-11-27')];
    expect(latestLogged(correctionLog(entries), 'C30')).toEqual({
      date: '2026-12-01',
      kind: 'statement',
      anchor: 'correction-C30-2026-12-01',
      automatic: false,
    });
    expect(latestLogged(correctionLog(entries), 'C01')).toBeNull();
  });
  test('every claim whose verdict changed on 2026-11-27 links to its newest entry (that one, or a later statement)', () => {
    const entries = loadCorrections();
    const changed = entries.flatMap((e) => (e.kind === 'verdict' && e.date === '2026-11-27' ? [e.claim] : []));
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed) {
      const newest = entries
        .filter((e) => e.claim === id)
        .map((e) => e.date)
        .sort()
        .at(-1);
      expect(latestLogged(correctionLog(entries), id), id).toMatchObject({
        date: newest,
        anchor: `correction-${id}-${newest}`,
      });
    }
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

describe('the log of hand-written and automatic entries', () => {
  const auto = (claim: string, date: string, block: number): AutomaticCorrection =>
    verdictChanges({ [claim]: 'contradicted' }, { [claim]: 'supported' }, { date, block })[0] as AutomaticCorrection;
  test('automatic anchors name the block, so neither kind shifts the other’s anchors', () => {
    const log = correctionLog(
      [statement('C30', '2026-11-27'), statement('C30', '2026-11-27')],
      [auto('C30', '2026-11-27', 7_000_000), auto('C29', '2026-11-28', 7_007_200)],
    );
    expect(log.map((l) => [l.anchor, l.automatic])).toEqual([
      ['correction-C30-2026-11-27', false],
      ['correction-C30-2026-11-27-2', false],
      ['correction-C30-2026-11-27-block-7000000', true],
      ['correction-C29-2026-11-28-block-7007200', true],
    ]);
    const more = correctionLog(
      [...log.filter((l) => !l.automatic).map((l) => l.entry), statement('C30', '2026-11-27')],
      [auto('C30', '2026-11-27', 7_000_000)],
    );
    expect(more.find((l) => l.automatic)?.anchor).toBe('correction-C30-2026-11-27-block-7000000');
  });
  test('a claim links its newest entry: a later automatic one, else the hand-written one', () => {
    const log = correctionLog(
      [statement('C30', '2026-11-27'), statement('C07', '2026-11-27')],
      [auto('C30', '2026-12-01', 7_000_000), auto('C07', '2026-11-20', 6_900_000), auto('C29', '2026-11-27', 1)],
    );
    expect(latestLogged(log, 'C30')).toEqual({
      date: '2026-12-01',
      kind: 'verdict',
      anchor: 'correction-C30-2026-12-01-block-7000000',
      automatic: true,
    });
    expect(latestLogged(log, 'C07')).toMatchObject({ anchor: 'correction-C07-2026-11-27', automatic: false });
    expect(latestLogged(log, 'C01')).toBeNull();
    // without automatic entries it is the claim's first entry of its latest date in content/corrections.yaml
    const committed = loadCorrections();
    const anchors = correctionAnchors(committed);
    for (const id of correctedClaims(committed)) {
      const own = committed.map((e, i) => ({ e, anchor: anchors[i] })).filter(({ e }) => e.claim === id);
      const newest = own.find(
        ({ e }) =>
          e.date ===
          own
            .map((x) => x.e.date)
            .sort()
            .at(-1),
      )!;
      expect(latestLogged(correctionLog(committed), id), id).toEqual({
        date: newest.e.date,
        kind: newest.e.kind,
        anchor: newest.anchor,
        automatic: false,
      });
    }
  });
  test('without public/data/verdicts.json the log is content/corrections.yaml alone', () => {
    const log = loadCorrectionLog({ verdicts: '/nonexistent/verdicts.json' });
    expect(log.map((l) => l.entry)).toEqual(loadCorrections());
    expect(log.some((l) => l.automatic)).toBe(false);
  });
  test('verdicts.json refuses an entry without a block, a non-flip, entries out of order, and a non-chain kind', () => {
    const base = {
      verdictsVersion: 1,
      kind: 'chain',
      block: { number: 7_007_200, hash: `0x${'ab'.repeat(32)}`, date: '2026-11-28' },
      verdicts: { C30: 'supported' },
      changes: [auto('C30', '2026-11-27', 7_000_000)],
    };
    expect(parseVerdictHistory(base).changes).toHaveLength(1);
    const { block: _, ...noBlock } = base.changes[0];
    const bad = (over: object) => () => parseVerdictHistory({ ...base, ...over });
    expect(bad({ changes: [noBlock] })).toThrow(
      'public/data/verdicts.json: changes[0].block: expected number, received nothing (the field is missing)',
    );
    expect(bad({ changes: [{ ...base.changes[0], new: 'contradicted' }] })).toThrow(
      'public/data/verdicts.json: changes[0].new: expected a verdict different from old',
    );
    expect(bad({ changes: [auto('C30', '2026-11-28', 7_007_200), auto('C29', '2026-11-27', 7_000_000)] })).toThrow(
      /changes\[1\]\.block: expected entries oldest first/,
    );
    expect(bad({ kind: 'cited' })).toThrow(/public\/data\/verdicts\.json: kind: expected "chain"/);
    expect(bad({ changes: [auto('C30', '2026-11-29', 7_014_400)] })).toThrow(
      /changes\[0\]\.block: expected a block at or before the verdicts' block 7007200/,
    );
  });
});
