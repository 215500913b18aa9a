/** Verdicts for the three-schemes essay: subnet tokens, pool depth, where the TAO stayed, the subnet count (C20-C24). */
import type { ReportData } from '../../data/schema.ts';
import { SUBNET_ITEMS } from '../../data/schema.ts';
import { formatTao } from '../../metrics/amount.ts';
import { DTAO_DATE } from '../../metrics/dates.ts';
import { averagePoolDepth, poolChange } from '../../metrics/pools.ts';
import { rootShareOfStake, sampledRootPayments } from '../../metrics/root.ts';
import {
  C21_SHALLOW,
  C22_OUTSIDE_BAND,
  C22_OUTSIDE_LITTLE,
  C22_ROOT_BAND,
  C22_ROOT_SHARE,
  C23_FLOOD,
} from '../thresholds.ts';
import { changeBetween, daysBetween, measuredAt, specAt } from '../../metrics/series.ts';
import { CODE, DTAO_SPEC, EPOCH_CYCLE_BLOCKS } from '../code.ts';
import {
  changeEvidence,
  citedEvidence,
  computedEvidence,
  crossedBreaks,
  dateOf,
  figure,
  figureEvidence,
  needsChain,
  noteRootDivs,
  observationEvidence,
  pct,
  result,
  tallyBanded,
} from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

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

/** C21: thin pools make alpha spike and cover root selling. Pool depth is checkable; the motive is not. */
export const C21: VerdictFn = (data) => {
  const date = articleDate(data);
  const avg = averagePoolDepth(data.snapshot, date);
  const root = measuredAt(data.snapshot, 'rootStake', date);
  if (!avg || !root) return needsChain(`subnet pool TAO, the subnet count and root stake on ${date}`, []);
  const { average, count } = avg.value;
  const share = Number(average) / Number(root.value);
  const ev: Evidence[] = [
    computedEvidence(
      `Average TAO per subnet pool (${avg.value.pools.date}, ${count.value - 1n} pools)`,
      formatTao(average),
      avg,
    ),
    observationEvidence('Root stake', root),
  ];
  const depth = `On ${avg.value.pools.date} the ${count.value - 1n} subnet pools held ${formatTao(average)} of TAO on average, ${pct(share, 2)} of the ${formatTao(root.value)} staked on root`;
  const motive = 'That price spikes gave root stakers cover to sell is a motive no data can show.';
  return share < C21_SHALLOW
    ? result(
        'partly supported',
        `${depth}: shallow (under 1% of root stake), so a large root staker could move any pool. ${motive}`,
        ev,
      )
    : result('contradicted', `${depth}: not shallow by that measure (1% of root stake or more). ${motive}`, ev);
};

/**
 * C22: dTAO drew little new money and root TAO stayed put. The baseline for the pools is the TAO the protocol put in
 * net of the TAO paid to root (root's alpha was sold in the pools, lowering SubnetTAO: v2.0.11 swap_alpha_for_tao),
 * so users' net TAO into the pools = growth of pool TAO − (injection − paid to root). Each check has a band inside
 * which it cannot decide (thresholds.ts), and then the verdict is unverifiable.
 */
export const C22: VerdictFn = (data) => {
  const date = articleDate(data);
  const share = rootShareOfStake(data.snapshot, date);
  const pools = poolChange(data.snapshot, date);
  const flows = sampledRootPayments(data.snapshot, date, DTAO_DATE, EPOCH_CYCLE_BLOCKS);
  const bands = `Thresholds: root ${pct(C22_ROOT_SHARE, 0)} of staked TAO (±${(C22_ROOT_BAND * 100).toFixed(0)} points); users’ net TAO into pools at most ${pct(C22_OUTSIDE_LITTLE, 0)} of the protocol’s net injection (±${(C22_OUTSIDE_BAND * 100).toFixed(0)} points); inside a band the data cannot decide.`;
  if (!share || !pools || !flows)
    return needsChain(
      `root stake and subnet pool TAO on ${date}, and daily reads of the TAO injected into pools and of PendingRootDivs from dTAO to ${date}. ${bands}`,
      [
        citedEvidence(
          'Root’s alpha is sold in each pool for TAO, lowering its SubnetTAO',
          'swap_alpha_for_tao',
          CODE.swapAlphaForTao,
        ),
      ],
    );
  const baseline = flows.value.injected - flows.value.total;
  const inflow = pools.value.delta - baseline;
  const inflowShare = Number(inflow) / Number(baseline);
  const ev: Evidence[] = [
    computedEvidence(`Share of staked TAO on root (${share.value.root.date})`, pct(share.value.share), share),
    changeEvidence('TAO in subnet pools', pools),
    computedEvidence(
      `TAO injected into pools, estimated from ${flows.value.days} daily reads`,
      formatTao(flows.value.injected),
      flows,
    ),
    computedEvidence('… less TAO paid to root (estimated), the pools’ baseline', formatTao(baseline), flows),
    computedEvidence('Users’ net TAO into pools (growth − baseline), as a share of the baseline', pct(inflowShare), {
      formula: '(ΔΣ SubnetTAO[netuid>0] − (injected − paid to root)) / (injected − paid to root)',
      inputs: [...pools.inputs, ...flows.inputs],
    }),
    citedEvidence(
      'Root’s alpha is sold in each pool for TAO, lowering its SubnetTAO',
      'swap_alpha_for_tao',
      CODE.swapAlphaForTao,
    ),
  ];
  const crossed = crossedBreaks(['rootStake', 'subnetTao'], pools.value.before.date, pools.value.after.date);
  ev.push(...crossed.evidence);
  const omitted = noteRootDivs(ev, pools.value.before.date, share.value.root.date, 'in force on this date');
  const s0 = share.value.share;
  const rootStayed = s0 >= C22_ROOT_SHARE + C22_ROOT_BAND ? true : s0 < C22_ROOT_SHARE - C22_ROOT_BAND ? false : null;
  const little =
    inflowShare <= C22_OUTSIDE_LITTLE - C22_OUTSIDE_BAND
      ? true
      : inflowShare > C22_OUTSIDE_LITTLE + C22_OUTSIDE_BAND
        ? false
        : null;
  const rootText = `On ${share.value.root.date} root held ${pct(s0)} of staked TAO (${rootStayed === null ? 'too close to 90% to decide' : rootStayed ? 'above 90%: it stayed put' : 'under 90%: much of it moved'})`;
  const inflowText = `since dTAO the pools grew by ${formatTao(pools.value.delta)} against a baseline of ${formatTao(baseline)} (TAO injected less TAO paid to root), so users added a net ${formatTao(inflow)}, ${pct(inflowShare)} of the baseline (${little === null ? 'too close to the threshold to decide' : little ? 'little new money' : 'more than a little'})`;
  const gap = omitted
    ? ' Until spec 283 SubnetTAO[0] left out the root dividends credited to stakers, so root’s true share was slightly higher (series break “root-divs-outside-subnet-tao”).'
    : '';
  return result(tallyBanded([rootStayed, little]), `${rootText}; ${inflowText}.${gap}${crossed.text} ${bands}`, ev);
};

/** C23: low barrier and no subnet cap flooded the market: no cap until September 2025, and the subnet count since dTAO. */
export const C23: VerdictFn = (data) => {
  const date = articleDate(data);
  const cap = data.reference.figures.find((f) => f.id === 'subnet-limit-2025');
  const ev: Evidence[] = cap ? [figureEvidence(cap)] : [];
  const capText = cap
    ? `A subnet cap (${cap.value}) came back only on ${cap.asOf}, so there was none in April 2025`
    : '';
  const count = changeBetween(data.snapshot, 'subnetCount', DTAO_DATE, date);
  if (!count)
    return result(
      'unverifiable',
      `${cap ? `${capText}. ` : ''}How fast subnets were added needs the chain’s TotalNetworks from dTAO to ${date}, which this build does not have; growth of ${pct(C23_FLOOD, 0)} or more would bear out “too quickly”, and “too many” stays a judgement.`,
      ev,
    );
  const { before, after, delta } = count.value;
  ev.push(
    computedEvidence(`Subnets (incl. root), ${before.date} → ${after.date}`, `${before.value} → ${after.value}`, count),
  );
  const growth = Number(delta) / Number(before.value);
  const pace = `TotalNetworks went from ${before.value} on ${before.date} to ${after.value} on ${after.date}: ${delta} new subnets in ${daysBetween(before.date, after.date)} days (+${pct(growth, 0)})`;
  const lead = cap ? `${capText}. ` : '';
  if (delta <= 0n) return result('contradicted', `${lead}${pace}: no flood of new subnets.`, ev);
  return growth >= C23_FLOOD
    ? result('supported', `${lead}${pace}. Whether that is “too many” is a judgement.`, ev)
    : result('partly supported', `${lead}${pace}, under a quarter more than at dTAO.`, ev);
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
