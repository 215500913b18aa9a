import { describe, expect, test } from 'vitest';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { rootShareOfStake, rootStakeChange, sampledRootPayments } from '../../src/metrics/root.ts';
import { daysFrom, reference, TAO } from '../fixtures/snapshots.ts';

/** From 2025-02-10: root stake appears at dTAO (2025-02-13) at 5.86M and falls 2,000 TAO a day; pools grow 7,200 a day. */
const sample = () =>
  daysFrom('2025-02-10', 70, (i) => ({
    issuedTao: 8_000_000 + i * 7200,
    stakedTao: 6_000_000,
    rootTao: 5_860_000 - Math.max(0, i - 3) * 2000,
    subnetTao: 64_000 + Math.max(0, i - 3) * 7200,
  }));

describe('root stake', () => {
  test('net change from dTAO to a date, exact, from two chain reads', () => {
    const c = rootStakeChange(sample(), '2025-04-17');
    expect(c?.value.before.date).toBe('2025-02-13');
    expect(c?.value.after.date).toBe('2025-04-17');
    expect(c?.value.delta).toBe(-126_000n * TAO);
    expect(c?.inputs.every((s) => s.kind === 'chain' && s.item === 'SubtensorModule.SubnetTAO[0]')).toBe(true);
  });

  test('no change without chain reads: the article’s figures in a cited snapshot are not measurements', () => {
    expect(rootStakeChange(citedSnapshot(reference(), '2026-01-01T00:00:00.000Z'), '2025-04-17')).toBeNull();
  });

  test('share of staked TAO on root', () => {
    const r = rootShareOfStake(sample(), '2025-02-13');
    expect(r?.value.share).toBe(0.989196488858);
    expect(r?.inputs).toHaveLength(2);
    expect(rootShareOfStake(sample(), '2025-01-01')).toBeNull();
  });
});

describe('sampledRootPayments: TAO paid to root estimated from one block a day', () => {
  const flows = (pending: number, spec = 261, n = 70) =>
    daysFrom('2025-02-13', n, (i) => ({
      issuedTao: 8_000_000 + i * 7200,
      stakedTao: 6_000_000,
      taoInEmission: 1,
      pendingRootDivs: pending,
      specVersion: spec,
    }));
  test('Σ PendingRootDivs stands for half an epoch cycle of payments: 2 × pending / cycle a block, × 7,200 a day', () => {
    const r = sampledRootPayments(flows(361), '2025-04-17', '2025-02-13', 361);
    expect(r?.value.days).toBe(63);
    expect(r?.value.total).toBe(63n * 7200n * 2n * TAO);
    expect(r?.value.injected).toBe(63n * 7200n * TAO);
    expect(r?.value.daily[0].share).toBe(2);
  });
  test('null outside the runtimes that sold root’s alpha for TAO (pre-dTAO 219, root claim from 334)', () => {
    expect(sampledRootPayments(flows(100, 219), '2025-04-17', '2025-02-13', 361)).toBeNull();
    expect(sampledRootPayments(flows(100, 334), '2025-04-17', '2025-02-13', 361)).toBeNull();
  });
  test('null when fewer than 90% of the days were read', () => {
    expect(sampledRootPayments(flows(100, 261, 40), '2025-04-17', '2025-02-13', 361)).toBeNull();
  });
  test('null in a cited-figures build', () =>
    expect(
      sampledRootPayments(citedSnapshot(reference(), '2026-01-01T00:00:00.000Z'), '2025-04-17', '2025-02-13', 361),
    ).toBeNull());
});
