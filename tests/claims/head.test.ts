/** Claims about April 2025 are judged on the chain as it was then: reads after the article do not change their verdicts. */
import { describe, expect, test } from 'vitest';
import { VERDICT_FNS } from '../../src/claims/index.ts';
import { dataOf, daysFrom } from '../fixtures/snapshots.ts';

/** Verdicts that read the snapshot's head (its subnets and governance tables, or the current owner cut) and say so in their reason. */
const HEAD_READS = new Set(['C02', 'C04', 'C20', 'C36']);

const day = (i: number) => ({
  issuedTao: 8_000_000 + i * 7200,
  stakedTao: 6_300_000,
  rootTao: 5_860_000 - i * 2300,
  subnetTao: 64_000 + i * 5000,
  subnets: 65 + Math.floor(i / 3),
  taoInEmission: 1,
  pendingRootDivs: 60,
});
/** Daily reads from 2023-09-25 to 2025-04-25; the longer file goes on to mid-2026 with very different values and runtimes. */
const april = () =>
  dataOf(
    daysFrom('2023-09-25', 579, (i) =>
      i < 507 ? { ...day(0), issuedTao: 4_000_000 + i * 7200, stakedTao: 3_200_000 + i * 5000 } : day(i - 507),
    ),
  );
const later = () =>
  dataOf(
    daysFrom('2023-09-25', 1000, (i) =>
      i < 507
        ? { ...day(0), issuedTao: 4_000_000 + i * 7200, stakedTao: 3_200_000 + i * 5000 }
        : i < 579
          ? day(i - 507)
          : {
              issuedTao: 10_000_000,
              stakedTao: 2_000_000,
              rootTao: 1_000_000,
              subnetTao: 3_000_000,
              subnets: 129,
              taoInEmission: 0.5,
              pendingRootDivs: 5,
              specVersion: 400,
              senate: null,
              triumvirate: null,
            },
    ),
  );

describe('verdicts about April 2025 do not depend on the snapshot head', () => {
  for (const id of Object.keys(VERDICT_FNS).filter((x) => !HEAD_READS.has(x)))
    test(id, () => {
      const a = VERDICT_FNS[id](april());
      const b = VERDICT_FNS[id](later());
      expect(b.verdict).toBe(a.verdict);
      expect(b.reason).toBe(a.reason);
    });
});
