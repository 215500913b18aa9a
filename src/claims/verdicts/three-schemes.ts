/** Verdicts for the three-schemes essay: subnet tokens, pool depth, where the TAO stayed, the subnet count (C20-C24). */
import { breaksCrossed } from '../../model/breaks.ts';
import type { ReportData } from '../../model/schema.ts';
import { SUBNET_ITEMS } from '../../model/columns.ts';
import { formatTao, raoToTao, taoToRao } from '../../metrics/amount.ts';
import { DTAO_DATE } from '../../metrics/dates.ts';
import { averagePoolDepth, poolChange } from '../../metrics/pools.ts';
import {
  rootShareOfStake,
  rootStakeChange,
  sampledRootPayments,
  type SampledRootPayments,
} from '../../metrics/root.ts';
import type { Computed } from '../../metrics/provenance.ts';
import type { Change } from '../../metrics/series.ts';
import { changeSince } from '../../metrics/upgrades.ts';
import { overWindows, windowNote } from '../windows.ts';
import { rootDivsGap, rootStakeBreaks } from './shared/root-stake.ts';
import {
  C21_SHALLOW,
  C22_OUTSIDE_BAND,
  C22_OUTSIDE_LITTLE,
  C22_ROOT_BAND,
  C22_ROOT_KEPT,
  C23_FLOOD,
} from '../thresholds.ts';
import { daysBetween, measuredAt, measuredObservations, specAt } from '../../metrics/series.ts';
import { CODE, DTAO_SPEC, EPOCH_CYCLE_BLOCKS } from '../code.ts';
import {
  changeEvidence,
  citedEvidence,
  computedEvidence,
  breakNote,
  dateOf,
  dtaoNote,
  figure,
  figureEvidence,
  formatChange,
  needsChain,
  observationEvidence,
  pct,
  result,
  tallyBanded,
  type BreakNote,
} from '../evidence.ts';
import { formulaOf } from '../../model/metrics.ts';
import type { Evidence, Verdict, VerdictFn, VerdictResult } from '../types.ts';

/** The article's date (its figures are dated 2025-04-17). */
const articleDate = (data: ReportData) => dateOf(figure(data, 'article-issued-supply'));

/** C20: every subnet issues its own token, paired with TAO: every subnet in the table has a TAO–alpha pool. */
export const C20: VerdictFn = (data) => {
  const t = data.snapshot.kind === 'cited' ? null : data.snapshot.subnets;
  if (!t) return needsChain('the subnets table (SubnetMechanism, SubnetTAO and SubnetAlphaIn for each subnet)', []);
  const subnets = t.rows.filter((r) => r.netuid !== 0);
  const paired = subnets.filter(
    (r) => r.mechanism === 1 && r.tao !== null && r.tao !== '0' && r.alphaIn !== null && r.alphaIn !== '0',
  );
  const src = (item: string) => ({ kind: 'chain' as const, block: t.block, hash: t.hash, item });
  const at = `block ${t.block.toLocaleString('en-US')}`;
  const ev: Evidence[] = [
    {
      label: `Subnets with a TAO–alpha pool (dynamic mechanism, TAO and alpha reserves) at ${at}`,
      value: `${paired.length} of ${subnets.length}`,
      sources: [src(SUBNET_ITEMS.mechanism), src(SUBNET_ITEMS.tao), src(SUBNET_ITEMS.alphaIn)],
    },
  ];
  if (subnets.length === 0)
    return result('unverifiable', `The subnets table at ${at} lists no subnet besides root.`, ev);
  const verdict =
    paired.length === subnets.length ? 'supported' : paired.length === 0 ? 'contradicted' : 'partly supported';
  return result(
    verdict,
    `At ${at}, ${paired.length} of the ${subnets.length} subnets besides root had their own alpha token in a pool paired with TAO. Calling this a “split scheme” is the author’s framing.`,
    ev,
  );
};

/** C21's share on `date`: average pool TAO over root stake, both read that day; null without the reads. */
function c21Share(data: ReportData, date: string) {
  const avg = averagePoolDepth(data.snapshot, date);
  const root = measuredAt(data.snapshot, 'rootStake', date);
  return avg && root && root.value > 0n ? { avg, root, share: Number(avg.value.average) / Number(root.value) } : null;
}

/** C21's checkable half on a share: shallow pools bear out the depth the claim needs; the motive caps it at partly. */
const c21Verdict = (share: number): Verdict => (share < C21_SHALLOW ? 'partly supported' : 'contradicted');

/** C21: thin pools make alpha spike and cover root selling. Pool depth is checkable; the motive is not. */
export const C21: VerdictFn = (data) => {
  const date = articleDate(data);
  const day = c21Share(data, date);
  if (!day) return needsChain(`subnet pool TAO, the subnet count and root stake on ${date}`, []);
  const { avg, root, share } = day;
  const { average, count } = avg.value;
  const ev: Evidence[] = [
    computedEvidence(
      `Average TAO per subnet pool (${avg.value.pools.date}, ${count.value - 1n} pools)`,
      formatTao(average),
      avg,
    ),
    observationEvidence('Root stake', root),
  ];
  const verdict = c21Verdict(share);
  // the same test on the deepest day of each window before the article: does "shallow" hang on the day read?
  const windows = windowNote(
    verdict,
    overWindows(
      date,
      (from) => {
        const days = measuredObservations(data.snapshot, 'subnetTao')
          .filter((o) => o.date >= from && o.date <= date)
          .flatMap((o) => {
            const d = c21Share(data, o.date);
            return d && d.avg.value.pools.date === o.date ? [{ date: o.date, ...d }] : [];
          });
        const deepest = days.reduce<(typeof days)[number] | null>((a, d) => (!a || d.share > a.share ? d : a), null);
        return deepest
          ? {
              verdict: c21Verdict(deepest.share),
              value: `deepest ${pct(deepest.share, 2)} on ${deepest.date}`,
              sources: [...deepest.avg.inputs, deepest.root.source],
            }
          : { verdict: null, value: '', sources: [] };
      },
      DTAO_DATE,
    ),
    'pool depth against root stake (its deepest day)',
  );
  ev.push(windows.evidence);
  const depth = `On ${avg.value.pools.date} the ${count.value - 1n} subnet pools held ${formatTao(average)} on average, ${pct(share, 2)} of the ${formatTao(root.value)} staked on root`;
  const motive = 'That price spikes gave root stakers cover to sell is a motive no data can show.';
  const flipCondition = `An average pool of ${formatTao(taoToRao(raoToTao(root.value) * C21_SHALLOW))} or more (${pct(C21_SHALLOW, 0)} of the ${formatTao(root.value)} staked on root) on ${avg.value.pools.date} would make this contradicted; it was ${formatTao(average)}, ${pct(share, 2)}. The motive keeps it from “supported” whatever the depth.`;
  const done = (reason: string): VerdictResult => ({ ...result(verdict, reason, ev), flipCondition });
  return verdict === 'partly supported'
    ? done(
        `${depth}: shallow (under ${pct(C21_SHALLOW, 0)} of root stake), so a large root staker could move any pool.${windows.text} ${motive}`,
      )
    : done(
        `${depth}: not shallow by that measure (${pct(C21_SHALLOW, 0)} of root stake or more).${windows.text} ${motive}`,
      );
};

interface C22Parts {
  root: Computed<Change>;
  /** SubnetTAO[0] at the end over SubnetTAO[0] at the start */
  kept: number;
  pools: Computed<Change>;
  flows: Computed<SampledRootPayments>;
  baseline: bigint;
  inflow: bigint;
  inflowShare: number;
  /** null: inside the band, or the root reads straddle a break of the counter */
  rootStayed: boolean | null;
  little: boolean | null;
  rootBreaks: BreakNote;
}

/** Both halves of C22 from `from` to `to`; null without the reads either needs. */
function c22Parts(data: ReportData, from: string, to: string): C22Parts | null {
  const root = rootStakeChange(data.snapshot, to, from);
  const pools = poolChange(data.snapshot, to, from);
  const flows = sampledRootPayments(data.snapshot, to, from, EPOCH_CYCLE_BLOCKS);
  if (!root || !pools || !flows || root.value.before.value === 0n) return null;
  const kept = Number(root.value.after.value) / Number(root.value.before.value);
  const baseline = flows.value.injected - flows.value.total;
  const inflow = pools.value.delta - baseline;
  const inflowShare = Number(inflow) / Number(baseline);
  const [r0, r1] = [root.value.before.date, root.value.after.date];
  const rootBreaks = rootStakeBreaks(r0, r1);
  const rootStayed =
    rootBreaks.breaks.length > 0
      ? null
      : kept >= C22_ROOT_KEPT + C22_ROOT_BAND
        ? true
        : kept < C22_ROOT_KEPT - C22_ROOT_BAND
          ? false
          : null;
  const little =
    inflowShare <= C22_OUTSIDE_LITTLE - C22_OUTSIDE_BAND
      ? true
      : inflowShare > C22_OUTSIDE_LITTLE + C22_OUTSIDE_BAND
        ? false
        : null;
  return { root, kept, pools, flows, baseline, inflow, inflowShare, rootStayed, little, rootBreaks };
}

/** What would change C22's verdict, in TAO, from the same thresholds. */
function c22Flip(p: C22Parts): string {
  const before = raoToTao(p.root.value.before.value);
  const out = (kept: number) => formatTao(BigInt(Math.round(before * (1 - kept))) * 1_000_000_000n);
  const base = raoToTao(p.baseline);
  const users = (share: number) => formatTao(BigInt(Math.round(base * share)) * 1_000_000_000n);
  return `The inside half holds when SubnetTAO[0] keeps at least ${pct(C22_ROOT_KEPT + C22_ROOT_BAND, 0)} of its TAO at dTAO (a net outflow of at most ${out(C22_ROOT_KEPT + C22_ROOT_BAND)}) and fails under ${pct(C22_ROOT_KEPT - C22_ROOT_BAND, 0)} (over ${out(C22_ROOT_KEPT - C22_ROOT_BAND)}); it kept ${pct(p.kept)}. The outside half holds when users’ net TAO into the pools is at most ${users(C22_OUTSIDE_LITTLE - C22_OUTSIDE_BAND)} (${pct(C22_OUTSIDE_LITTLE - C22_OUTSIDE_BAND, 0)} of the baseline) and fails above ${users(C22_OUTSIDE_LITTLE + C22_OUTSIDE_BAND)} (${pct(C22_OUTSIDE_LITTLE + C22_OUTSIDE_BAND, 0)}); it was ${formatTao(p.inflow)}. Both hold: supported; one: partly supported; neither: contradicted; either inside its band: unverifiable.`;
}

/**
 * C22: dTAO drew little new money and root TAO stayed put. Two halves, each with a band inside which it cannot decide
 * (thresholds.ts), and then the verdict is unverifiable:
 * - inside liquidity (root TAO stayed put): the fall of SubnetTAO[0] since dTAO. From dTAO to spec 282 root stakes and
 *   unstakes moved SubnetTAO[0] (v2.0.11 stake_utils.rs swap_tao_for_alpha / swap_alpha_for_tao, L700-759, on netuid 0)
 *   and root dividends did not (increase_stake_for_hotkey_on_subnet, L532-535), so its fall is the net TAO that left
 *   root (see C30). Root's share of staked TAO is not the test: it falls whenever the pools grow, whoever pays in.
 * - outside liquidity (little new money): users' net TAO into the pools = growth of pool TAO − (injection − paid to
 *   root), since root's alpha was sold in the pools for TAO (v2.0.11 swap_alpha_for_tao lowers SubnetTAO).
 */
export const C22: VerdictFn = (data) => {
  const date = articleDate(data);
  const bands = `Thresholds: root keeps ${pct(C22_ROOT_KEPT, 0)} of its TAO at dTAO (±${(C22_ROOT_BAND * 100).toFixed(0)} points); users’ net TAO into pools at most ${pct(C22_OUTSIDE_LITTLE, 0)} of the protocol’s net injection (±${(C22_OUTSIDE_BAND * 100).toFixed(0)} points); inside a band the data cannot decide.`;
  const sellEv = citedEvidence(
    'Root’s alpha is sold in each pool for TAO, lowering its SubnetTAO',
    'swap_alpha_for_tao',
    CODE.swapAlphaForTao,
  );
  const p = c22Parts(data, DTAO_DATE, date);
  if (!p)
    return needsChain(
      `root stake (SubnetTAO[0]) and subnet pool TAO at dTAO and on ${date}, and daily reads of the TAO injected into pools and of PendingRootDivs from dTAO to ${date}. ${bands}`,
      [sellEv],
    );
  const { root, pools, flows, baseline, inflow, inflowShare, rootStayed, little, kept } = p;
  const ev: Evidence[] = [
    changeEvidence(
      'Root stake counter, SubtensorModule.SubnetTAO[0] (stakes and unstakes on root, not dividends)',
      root,
    ),
    computedEvidence('Share of root’s TAO at dTAO still there', pct(kept), {
      formula: formulaOf('root-kept'),
      inputs: root.inputs,
    }),
    changeEvidence('TAO in subnet pools', pools),
    computedEvidence(
      `TAO injected into pools, estimated from ${flows.value.days} daily reads`,
      formatTao(flows.value.injected),
      flows,
    ),
    computedEvidence('… less TAO paid to root (estimated), the pools’ baseline', formatTao(baseline), flows),
    computedEvidence('Users’ net TAO into pools (growth − baseline), as a share of the baseline', pct(inflowShare), {
      formula: formulaOf('users-inflow-share'),
      inputs: [...pools.inputs, ...flows.inputs],
    }),
    sellEv,
  ];
  const share = rootShareOfStake(data.snapshot, date);
  if (share)
    ev.push(
      computedEvidence(
        `Context, not the test: share of staked TAO on root (${share.value.root.date}); it falls whenever the pools grow, whoever pays in`,
        pct(share.value.share),
        share,
      ),
    );
  const [p0, p1] = [pools.value.before.date, pools.value.after.date];
  const crossed = breakNote(p0, p1, breaksCrossed('subnetTao', p0, p1));
  const at = dtaoNote(data.snapshot, ['rootStake', 'subnetTao']);
  ev.push(...at.evidence, ...p.rootBreaks.evidence, ...crossed.evidence);
  const gap = rootDivsGap(
    ev,
    root.value.before.date,
    root.value.after.date,
    'so stakers held more than it by the dividends paid since dTAO; its fall is the TAO that left root, net of new stakes',
  );
  const verdict = tallyBanded([rootStayed, little]);
  const windows = windowNote(
    verdict,
    overWindows(
      date,
      (from) => {
        const w = c22Parts(data, from, date);
        return w
          ? {
              verdict: tallyBanded([w.rootStayed, w.little]),
              value: `root kept ${pct(w.kept)}, users ${pct(w.inflowShare)} of the baseline`,
              sources: [...w.root.inputs, ...w.pools.inputs],
            }
          : { verdict: null, value: '', sources: [] };
      },
      DTAO_DATE,
    ),
    'both halves',
  );
  ev.push(windows.evidence);
  const rootText = `From ${root.value.before.date} to ${root.value.after.date} SubnetTAO[0], the root counter that stakes and unstakes moved and dividends did not, went ${formatChange(root.value.delta)}: root kept ${pct(kept)} of its TAO (${p.rootBreaks.breaks.length ? 'the reads straddle a change of the counter, so this cannot decide' : rootStayed === null ? `too close to ${pct(C22_ROOT_KEPT, 0)} to decide` : rootStayed ? `at least ${pct(C22_ROOT_KEPT + C22_ROOT_BAND, 0)}: it stayed put` : `under ${pct(C22_ROOT_KEPT - C22_ROOT_BAND, 0)}: much of it moved`})`;
  const inflowText = `since dTAO the pools grew by ${formatTao(pools.value.delta)} against a baseline of ${formatTao(baseline)} (TAO injected less TAO paid to root), so users added a net ${formatTao(inflow)}, ${pct(inflowShare)} of the baseline (${little === null ? 'too close to the threshold to decide' : little ? 'little new money' : 'more than a little'})`;
  return {
    ...result(
      verdict,
      `${rootText}; ${inflowText}.${gap}${at.text}${p.rootBreaks.text}${crossed.text}${windows.text} ${bands}`,
      ev,
    ),
    flipCondition: c22Flip(p),
  };
};

/**
 * C23: low barrier and no subnet cap flooded the market: no cap until September 2025, and the subnet count since dTAO.
 * A flip condition but no windows: “too quickly” is growth of the count since dTAO, and C23_FLOOD is set for those two
 * months; the growth over the last 7 or 30 days is another rate, which that threshold does not measure.
 */
export const C23: VerdictFn = (data) => {
  const date = articleDate(data);
  const cap = data.reference.figures.find((f) => f.id === 'subnet-limit-2025');
  const ev: Evidence[] = cap ? [figureEvidence(cap)] : [];
  const capText = cap
    ? `A subnet cap (${cap.value}) came back only on ${cap.asOf}, so there was none in April 2025`
    : '';
  const count = changeSince(data.snapshot, 'subnetCount', DTAO_DATE, date);
  if (!count)
    return result(
      'unverifiable',
      `${cap ? `${capText}. ` : ''}How fast subnets were added needs the chain’s TotalNetworks from dTAO to ${date}, which this build does not have; growth of ${pct(C23_FLOOD, 0)} or more would bear out “too quickly”, and “too many” stays a judgement.`,
      ev,
    );
  const { before, after, delta } = count.value;
  const at = dtaoNote(data.snapshot, ['subnetCount']);
  ev.push(
    computedEvidence(`Subnets (incl. root), ${before.date} → ${after.date}`, `${before.value} → ${after.value}`, count),
    ...at.evidence,
  );
  const growth = Number(delta) / Number(before.value);
  const pace = `TotalNetworks went from ${before.value} on ${before.date} to ${after.value} on ${after.date}: ${delta} new subnets in ${daysBetween(before.date, after.date)} days (+${pct(growth, 0)})`;
  const lead = cap ? `${capText}. ` : '';
  const flood = Math.ceil(Number(before.value) * (1 + C23_FLOOD));
  const flipCondition = `With ${before.value} subnets at dTAO (${before.date}), a count of ${flood} or more on ${after.date} (${pct(C23_FLOOD, 0)} more) would make this supported, ${Number(before.value) + 1} to ${flood - 1} partly supported, ${before.value} or fewer contradicted; it was ${after.value}, growth of ${pct(growth)}. “Too many” stays a judgement whatever the count.`;
  const done = (verdict: Verdict, reason: string): VerdictResult => ({
    ...result(verdict, `${reason}${at.text}`, ev),
    flipCondition,
  });
  if (delta <= 0n) return done('contradicted', `${lead}${pace}: no flood of new subnets.`);
  return growth >= C23_FLOOD
    ? done('supported', `${lead}${pace}. Whether that is “too many” is a judgement.`)
    : done('partly supported', `${lead}${pace}, under a quarter more than at dTAO.`);
};

/**
 * C24: tokens cannot be swapped between subnets. Contemporary descriptions said alpha could not be traded from one
 * subnet to another directly, only through TAO, which is probably what the author meant; swap_stake did it in one
 * call, but through two pools. Partly supported.
 */
export const C24: VerdictFn = (data) => {
  const ev: Evidence[] = [
    citedEvidence(
      'The v2.0.11 runtime’s stake extrinsics: move_stake, transfer_stake, swap_stake (from spec 233)',
      'swap_stake',
      CODE.swapStake,
    ),
  ];
  const how =
    'swap_stake, one call that moves stake from one subnet’s alpha to another’s, but only through TAO: it sells into one pool and buys from the other, as there is no direct alpha-to-alpha market';
  const reading =
    'Read as “there is no direct market between two subnets’ tokens, only through TAO”, which is how contemporary descriptions put it, the claim holds; read as “cannot be exchanged at all”, it does not';
  const spec = specAt(data.snapshot, articleDate(data));
  if (!spec)
    return result('partly supported', `The runtime line in use in April 2025 (v2.0.11) has ${how}. ${reading}.`, ev);
  ev.push({ label: `Runtime spec version (${spec.date})`, value: String(spec.specVersion), sources: [spec.source] });
  return spec.specVersion >= DTAO_SPEC
    ? result(
        'partly supported',
        `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, which has ${how}. ${reading}.`,
        ev,
      )
    : result(
        'unverifiable',
        `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, before dTAO (spec ${DTAO_SPEC}): there were no subnet tokens to swap.`,
        ev,
      );
};
