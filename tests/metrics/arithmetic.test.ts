import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { RECOMPUTE } from '../../src/metrics/arithmetic.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';

const figures = () => Object.fromEntries(reference().figures.map((f) => [f.id, f]));
const refSnap = () => citedSnapshot(reference(), '2026-01-01T00:00:00.000Z');

describe('the article’s arithmetic', () => {
  test('every entry of content/arithmetic.yaml has a recomputation, and no other exists', () => {
    const ids = (parseYaml(readFileSync('content/arithmetic.yaml', 'utf8')) as { id: string }[]).map((e) => e.id);
    expect(Object.keys(RECOMPUTE).sort()).toEqual([...ids].sort());
  });

  test('from the article’s own inputs', () => {
    const f = figures();
    const r = (id: string) => RECOMPUTE[id](f, refSnap());
    expect(r('insider-share').article).toBe('62.49%');
    expect(r('never-circulated').article).toBe('$1.4B');
    expect(r('real-market-cap').article).toBe('$600M');
    expect(r('fdv').article).toBe('$4.88B');
    expect(r('autosell-share').article).toBe('33.3%');
    expect(r('root-outflow').article).toBe(
      '300k TAO (with the 150k credited to stakers; 150k TAO if the 5.71M is the SubnetTAO[0] counter)',
    );
    expect(r('days-of-emission').article).toBe('62.5 days');
    expect(r('mined-before-subnets-rebuilt').article).toBe('5.58M TAO');
    expect(r('insider-share').chain).toBeNull(); // no chain data in a cited-figures build
  });

  test('from chain data when the build has it', () => {
    const s = dtaoSnapshot(); // root stake falls 2,000 TAO a day after dTAO; issuance +7,200 a day
    const out = RECOMPUTE['root-outflow'](figures(), s);
    expect(out.chain?.value).toBe('126k TAO'); // 63 days from 2025-02-13 to 2025-04-17
    expect(out.chain?.inputs.every((i) => i.kind === 'chain')).toBe(true);
    expect(RECOMPUTE['days-of-emission'](figures(), s).chain?.value).toMatch(
      /^454k TAO issued from 2025-02-13 to 2025-04-17$/,
    );
  });
});
