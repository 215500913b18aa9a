/**
 * The per-block emission split with the snapshot's own parameters (claims C36, C38): SubnetOwnerCut, TaoWeight
 * and root stake, read from the chain or, in a cited-figures build, cited (each input keeps its source).
 */
import type { Quantity, Snapshot } from '../model/schema.ts';
import { rao } from './amount.ts';
import { emissionSplit, ownerCutShare, taoWeightShare, type EmissionSplit } from './emission.ts';
import { poolDepths } from './pools.ts';
import type { Computed } from './provenance.ts';
import { observations } from './series.ts';
import { citedFormula, formulaOf } from '../model/metrics.ts';

/** A proportion as a share in [0, 1], whatever its unit: u16-fraction (/65535), u64-fraction (/(2^64−1)) or ratio. */
export function quantityShare(q: Quantity | undefined, metric: 'owner-cut' | 'tao-weight'): Computed<number> | null {
  if (!q || q.value === null) return null;
  const v = q.value;
  const share =
    q.unit === 'u16-fraction'
      ? ownerCutShare(rao(v))
      : q.unit === 'u64-fraction'
        ? taoWeightShare(rao(v))
        : q.unit === 'ratio'
          ? Number(v)
          : null;
  if (share === null || !Number.isFinite(share)) return null;
  return {
    value: share,
    formula: q.unit === 'ratio' ? citedFormula(metric) : formulaOf(metric, { raw: v }),
    inputs: [q.source],
  };
}

export interface SplitParams {
  ownerCut: Computed<number>;
  taoWeight: Computed<number>;
  /**
   * root stake in RAO: current.rootStake, else the latest rootStake value of the series (cited in a cited-figures build,
   * and then labelled as cited). SubnetTAO[0] is the root pool's counter: until spec 283 it left out the root
   * dividends credited to stakers (series break root-divs-outside-subnet-tao).
   */
  rootTao: Computed<bigint>;
}

export function splitParams(s: Snapshot): SplitParams | null {
  const ownerCut = quantityShare(s.current.subnetOwnerCut, 'owner-cut');
  const taoWeight = quantityShare(s.current.taoWeight, 'tao-weight');
  const cur = s.current.rootStake;
  const last = observations(s, 'rootStake').at(-1);
  const rootTao: Computed<bigint> | null =
    cur?.value != null
      ? { value: rao(cur.value), formula: formulaOf('root-stake'), inputs: [cur.source] }
      : last
        ? {
            value: last.value,
            formula:
              last.source.kind === 'chain'
                ? formulaOf('root-stake', {}, last.date)
                : citedFormula(
                    'root-stake',
                    `for ${last.date}, ${last.source.by === 'article' ? 'the article’s figure' : last.source.title}`,
                  ),
            inputs: [last.source],
          }
        : null;
  return ownerCut && taoWeight && rootTao ? { ownerCut, taoWeight, rootTao } : null;
}

/** The split of one block's alpha emission for a subnet with this alpha issuance (alpha-RAO). */
export function splitFor(p: SplitParams, alphaIssuance: bigint): EmissionSplit {
  return emissionSplit({
    ownerCut: p.ownerCut.value,
    taoWeight: p.taoWeight.value,
    rootTao: p.rootTao.value,
    alphaIssuance,
  });
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
  return poolDepths(s).flatMap((d) =>
    d.alphaIssuance === null
      ? []
      : [{ netuid: d.netuid, alphaIssuance: d.alphaIssuance, ...splitFor(p, d.alphaIssuance) }],
  );
}
