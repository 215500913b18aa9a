/**
 * Emission arithmetic from the subtensor runtime (coinbase/block_emission.rs and run_coinbase.rs), as pure
 * functions of chain values. Amounts in RAO (bigint); proportions as raw on-chain integers until the last step.
 */
import { ratio } from './amount.ts';

export const MAX_SUPPLY_RAO = 21_000_000n * 1_000_000_000n;
const U16_MAX = 65_535n;
const U64_MAX = 18_446_744_073_709_551_615n;

/**
 * TAO block reward for a given issuance: 1 TAO halved each time issuance crosses 10.5M, 15.75M, 18.375M ...
 * (`1e9 / 2^floor(log2(1 / (1 − TI / 21e15)))`), zero at or above 21M.
 */
export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= MAX_SUPPLY_RAO) return 0n;
  // floor(log2(S / (S − TI))) computed exactly: the largest k with 2^k ≤ S / (S − TI)
  const remaining = MAX_SUPPLY_RAO - issuance;
  let k = 0n;
  while (remaining << (k + 1n) <= MAX_SUPPLY_RAO) k += 1n;
  return 1_000_000_000n >> k;
}

/** Issuance at which the n-th halving happens (n = 1: 10.5M TAO). */
export function halvingThreshold(n: number): bigint {
  return MAX_SUPPLY_RAO - (MAX_SUPPLY_RAO >> BigInt(n));
}

/** SubnetOwnerCut (u16, proportion of 65535) as a share: 11,796 → 0.18. */
export function ownerCutShare(raw: bigint): number {
  return ratio(raw, U16_MAX);
}

/** TaoWeight (u64, proportion of 2^64−1) as a share. */
export function taoWeightShare(raw: bigint): number {
  return ratio(raw, U64_MAX);
}

export interface EmissionSplit {
  owner: number;
  miners: number;
  validators: number;
  root: number;
  rootProportion: number;
}

/**
 * How one block's alpha emission in a subnet splits (run_coinbase.rs `emit_to_subnets`): the owner cut first,
 * the rest half to miners and half to validators, with root's share taken out of the validators' half:
 * root_proportion = w·rootTao / (w·rootTao + alphaIssuance).
 */
export function emissionSplit(input: {
  ownerCut: number;
  taoWeight: number;
  rootTao: bigint;
  alphaIssuance: bigint;
}): EmissionSplit {
  const weighted = input.taoWeight * Number(input.rootTao);
  const denom = weighted + Number(input.alphaIssuance);
  const rootProportion = denom > 0 ? weighted / denom : 0;
  const rest = 1 - input.ownerCut;
  const root = rest * 0.5 * rootProportion;
  return { owner: input.ownerCut, miners: rest * 0.5, validators: rest * 0.5 - root, root, rootProportion };
}
