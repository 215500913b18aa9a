/**
 * The per-block emission split with the snapshot's own parameters (claims C36, C38): SubnetOwnerCut, TaoWeight
 * and root stake, read from the chain or, in a reference build, cited (each input keeps its source).
 */
import type { Quantity, Snapshot } from '../data/schema.ts';
import { rao, ratio } from './amount.ts';
import { blockEmissionForIssuance, emissionSplit, ownerCutShare, taoWeightShare, type EmissionSplit } from './emission.ts';
import { poolDepths } from './pools.ts';
import type { Computed } from './provenance.ts';
import { observations } from './series.ts';

/** A proportion as a share in [0, 1], whatever its unit: u16-fraction (/65535), u64-fraction (/(2^64−1)) or ratio. */
export function quantityShare(q: Quantity | undefined, formula: string): Computed<number> | null {
  if (!q || q.value === null) return null;
  const v = q.value;
  const share = q.unit === 'u16-fraction' ? ownerCutShare(rao(v)) : q.unit === 'u64-fraction' ? taoWeightShare(rao(v)) : q.unit === 'ratio' ? Number(v) : null;
  if (share === null || !Number.isFinite(share)) return null;
  return { value: share, formula: q.unit === 'ratio' ? formula : `${formula} = ${v} / ${q.unit === 'u16-fraction' ? '65535' : '(2^64 − 1)'}`, inputs: [q.source] };
}

export interface SplitParams {
  ownerCut: Computed<number>;
  taoWeight: Computed<number>;
  /**
   * root stake in RAO: current.rootStake, else the latest rootStake value of the series (cited in a reference build,
   * and then labelled as cited). SubnetTAO[0] is the root pool's counter: until spec 283 it left out the root
   * dividends credited to stakers (series break root-divs-outside-subnet-tao).
   */
  rootTao: Computed<bigint>;
}

export function splitParams(s: Snapshot): SplitParams | null {
  const ownerCut = quantityShare(s.current.subnetOwnerCut, 'SubnetOwnerCut');
  const taoWeight = quantityShare(s.current.taoWeight, 'TaoWeight');
  const cur = s.current.rootStake;
  const last = observations(s, 'rootStake').at(-1);
  const rootTao: Computed<bigint> | null =
    cur?.value != null
      ? { value: rao(cur.value), formula: 'SubnetTAO[0]', inputs: [cur.source] }
      : last
        ? { value: last.value, formula: last.source.kind === 'chain' ? `SubnetTAO[0] (${last.date})` : `root stake as cited for ${last.date} (${last.source.by === 'article' ? 'the article’s figure' : last.source.title}), not a chain read`, inputs: [last.source] }
        : null;
  return ownerCut && taoWeight && rootTao ? { ownerCut, taoWeight, rootTao } : null;
}

/** The split of one block's alpha emission for a subnet with this alpha issuance (alpha-RAO). */
export function splitFor(p: SplitParams, alphaIssuance: bigint): EmissionSplit {
  return emissionSplit({ ownerCut: p.ownerCut.value, taoWeight: p.taoWeight.value, rootTao: p.rootTao.value, alphaIssuance });
}

/** Root's largest possible share of a subnet's alpha emission: half of what the owner leaves (alpha issuance → 0). */
export function maxRootShare(ownerCut: number): number {
  return (1 - ownerCut) / 2;
}

export interface SubnetSplit extends EmissionSplit {
  netuid: number;
  alphaIssuance: bigint;
}

/** The split for every subnet of the snapshot's subnets table that has both alpha reserves. */
export function subnetSplits(s: Snapshot, p: SplitParams): SubnetSplit[] {
  return poolDepths(s).flatMap((d) => (d.alphaIssuance === null ? [] : [{ netuid: d.netuid, alphaIssuance: d.alphaIssuance, ...splitFor(p, d.alphaIssuance) }]));
}

/** The last runtime spec in which an alpha's price is SubnetTAO / SubnetAlphaIn (methodology: valid to spec 282). */
export const LAST_RESERVE_PRICE_SPEC = 282;

export interface RootTaoEstimate {
  /** Σ over subnets of root's alpha per block × spot price (TAO per alpha), RAO */
  rootTao: bigint;
  /** the TAO block reward for the current issuance, RAO */
  blockEmission: bigint;
  /** rootTao / blockEmission */
  share: number;
  subnets: number;
}

/**
 * What root's alpha of one block is worth in TAO at spot prices, against the block's TAO emission, under the
 * April 2025 rule (v2.0.11 run_coinbase: root's alpha is sold into each pool for TAO). Spot price ignores
 * slippage, so this is an upper estimate of the TAO root received for that block.
 */
export function rootTaoEstimate(s: Snapshot, p: SplitParams): Computed<RootTaoEstimate> | null {
  const issued = s.current.totalIssuance;
  const table = s.subnets;
  if (!issued?.value || !table || s.kind === 'reference') return null;
  // the spot price SubnetTAO / SubnetAlphaIn is the pool price only up to spec 282: at v3.1.6 (spec 283) the price
  // comes from pallet_swap (stake_utils.rs L61, T::SwapInterface::current_alpha_price); root's alpha was sold
  // automatically only until spec 333
  const spec = s.series.find((x) => x.block === table.block)?.specVersion ?? (s.head?.number === table.block ? s.head.specVersion : null);
  if (spec === null || spec === undefined || spec > LAST_RESERVE_PRICE_SPEC) return null;
  const pools = table.rows.filter((r) => r.netuid !== 0 && r.mechanism === 1 && r.tao !== null && r.alphaIn !== null && r.alphaOut !== null && r.alphaIn !== '0');
  if (pools.length === 0) return null;
  let rootTao = 0n;
  for (const r of pools) {
    const alphaIn = BigInt(r.alphaIn as string);
    const alphaIssuance = alphaIn + BigInt(r.alphaOut as string);
    const alphaPerBlock = blockEmissionForIssuance(alphaIssuance);
    const rootAlpha = BigInt(Math.round(splitFor(p, alphaIssuance).root * Number(alphaPerBlock)));
    rootTao += (rootAlpha * BigInt(r.tao as string)) / alphaIn;
  }
  const blockEmission = blockEmissionForIssuance(rao(issued.value));
  const at = (item: string) => ({ kind: 'chain' as const, block: table.block, hash: table.hash, item });
  return {
    value: { rootTao, blockEmission, share: ratio(rootTao, blockEmission), subnets: pools.length },
    formula: 'Σ_subnets root_share × alpha_emission × SubnetTAO / SubnetAlphaIn ÷ TAO block emission',
    inputs: [at('SubtensorModule.SubnetTAO'), at('SubtensorModule.SubnetAlphaIn'), at('SubtensorModule.SubnetAlphaOut'), issued.source, ...p.ownerCut.inputs, ...p.taoWeight.inputs, ...p.rootTao.inputs],
  };
}
