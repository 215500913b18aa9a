/** Verdicts for the three-schemes essay: subnet tokens, pool depth, where the TAO stayed, the subnet count (C20-C24). */
import type { ChartData } from '../../charts/types.ts';
import { SUBNET_ITEMS } from '../../data/schema.ts';
import { formatTao } from '../../metrics/amount.ts';
import { DTAO_DATE } from '../../metrics/dates.ts';
import { averagePoolDepth, issuanceChange, poolChange } from '../../metrics/pools.ts';
import { rootShareOfStake } from '../../metrics/root.ts';
import { changeBetween, daysBetween, measuredAt, specAt } from '../../metrics/series.ts';
import { CODE, DTAO_SPEC } from '../code.ts';
import { changeEvidence, citedEvidence, computedEvidence, dateOf, figure, figureEvidence, needsChain, observationEvidence, pct, result, tally, TOLERANCE } from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

/** The article's date (its figures are dated 2025-04-17). */
const articleDate = (data: ChartData) => dateOf(figure(data, 'article-issued-supply'));

/** C20: every subnet issues its own token, paired with TAO: every subnet in the table has a TAO–alpha pool. */
export const C20: VerdictFn = (data) => {
  const t = data.snapshot.kind === 'reference' ? null : data.snapshot.subnets;
  if (!t) return needsChain('the subnets table (SubnetMechanism, SubnetTAO and SubnetAlphaIn for each subnet)', []);
  const subnets = t.rows.filter((r) => r.netuid !== 0);
  const paired = subnets.filter((r) => r.mechanism === 1 && r.tao !== null && r.tao !== '0' && r.alphaIn !== null && r.alphaIn !== '0');
  const src = (item: string) => ({ kind: 'chain' as const, block: t.block, hash: t.hash, item });
  const at = `block ${t.block.toLocaleString('en-US')}`;
  const ev: Evidence[] = [
    { label: `Subnets with a TAO–alpha pool (dynamic mechanism, TAO and alpha reserves) at ${at}`, value: `${paired.length} of ${subnets.length}`, sources: [src(SUBNET_ITEMS.mechanism), src(SUBNET_ITEMS.tao), src(SUBNET_ITEMS.alphaIn)] },
  ];
  if (subnets.length === 0) return result('unverifiable', `The subnets table at ${at} lists no subnet besides root.`, ev);
  const verdict = paired.length === subnets.length ? 'supported' : paired.length === 0 ? 'contradicted' : 'partly supported';
  return result(verdict, `At ${at}, ${paired.length} of the ${subnets.length} subnets besides root had their own alpha token in a pool paired with TAO. Calling this a “split scheme” is the author’s framing.`, ev);
};

/** C21: thin pools make alpha spike and cover root selling. Pool depth is checkable; the motive is not. */
export const C21: VerdictFn = (data) => {
  const date = articleDate(data);
  const avg = averagePoolDepth(data.snapshot, date);
  const root = measuredAt(data.snapshot, 'rootStake', date);
  if (!avg || !root) return needsChain(`subnet pool TAO, the subnet count and root stake on ${date}`, []);
  const { average, count } = avg.value;
  const share = Number(average) / Number(root.value);
  const ev: Evidence[] = [computedEvidence(`Average TAO per subnet pool (${avg.value.pools.date}, ${count.value - 1n} pools)`, formatTao(average), avg), observationEvidence('Root stake', root)];
  const depth = `On ${avg.value.pools.date} the ${count.value - 1n} subnet pools held ${formatTao(average)} of TAO on average, ${pct(share, 2)} of the ${formatTao(root.value)} staked on root`;
  const motive = 'That price spikes gave root stakers cover to sell is a motive no data can show.';
  return share < 0.01
    ? result('partly supported', `${depth}: shallow (under 1% of root stake), so a large root staker could move any pool. ${motive}`, ev)
    : result('contradicted', `${depth}: not shallow by that measure (1% of root stake or more). ${motive}`, ev);
};

/** C22: dTAO drew little new money and root TAO stayed put. */
export const C22: VerdictFn = (data) => {
  const date = articleDate(data);
  const share = rootShareOfStake(data.snapshot, date);
  const pools = poolChange(data.snapshot, date);
  const issued = issuanceChange(data.snapshot, date);
  if (!share || !pools || !issued) return needsChain(`root stake, subnet pool TAO and issuance from dTAO to ${date}`, []);
  const ev: Evidence[] = [
    computedEvidence(`Share of staked TAO on root (${share.value.root.date})`, pct(share.value.share), share),
    changeEvidence('TAO in subnet pools', pools),
    changeEvidence('Issued TAO (what the protocol could inject)', issued),
  ];
  const rootStayed = share.value.share >= 0.9;
  const littleNew = Number(pools.value.delta) <= Number(issued.value.delta) * (1 + TOLERANCE);
  return result(
    tally([rootStayed, littleNew]),
    `On ${share.value.root.date} root still held ${pct(share.value.share)} of staked TAO (${rootStayed ? 'at least' : 'under'} 90%). Since dTAO the pools grew by ${formatTao(pools.value.delta)} while issuance grew by ${formatTao(issued.value.delta)}, so ${littleNew ? 'the pools hold no more than the protocol’s new TAO: little came from outside or from root' : 'users added TAO beyond the protocol’s injection'}.`,
    ev,
  );
};

/** C23: low barrier and no subnet cap flooded the market: no cap until September 2025, and the subnet count since dTAO. */
export const C23: VerdictFn = (data) => {
  const date = articleDate(data);
  const cap = data.reference.figures.find((f) => f.id === 'subnet-limit-2025');
  const ev: Evidence[] = cap ? [figureEvidence(cap)] : [];
  const capText = cap ? `A subnet cap (${cap.value}) came back only on ${cap.asOf}, so there was none in April 2025` : '';
  const count = changeBetween(data.snapshot, 'subnetCount', DTAO_DATE, date);
  if (!count)
    return cap ? result('partly supported', `${capText}. How fast subnets were added needs the chain’s TotalNetworks; “too many” is a judgement.`, ev) : needsChain(`TotalNetworks from dTAO to ${date}`, ev);
  const { before, after, delta } = count.value;
  ev.push(computedEvidence(`Subnets (incl. root), ${before.date} → ${after.date}`, `${before.value} → ${after.value}`, count));
  const growth = Number(delta) / Number(before.value);
  const pace = `TotalNetworks went from ${before.value} on ${before.date} to ${after.value} on ${after.date}: ${delta} new subnets in ${daysBetween(before.date, after.date)} days (+${pct(growth, 0)})`;
  const lead = cap ? `${capText}. ` : '';
  if (delta <= 0n) return result('contradicted', `${lead}${pace}: no flood of new subnets.`, ev);
  return growth >= 0.25
    ? result('supported', `${lead}${pace}. Whether that is “too many” is a judgement.`, ev)
    : result('partly supported', `${lead}${pace}, under a quarter more than at dTAO.`, ev);
};

/** C24: tokens cannot be swapped between subnets. swap_stake does it in one call (through TAO). */
export const C24: VerdictFn = (data) => {
  const ev: Evidence[] = [citedEvidence('The v2.0.11 runtime’s stake extrinsics: move_stake, transfer_stake, swap_stake (from spec 233)', 'swap_stake', CODE.swapStake)];
  const how = 'swap_stake: one call moves stake from one subnet’s alpha to another’s, routed through TAO (two pools, as there is no direct alpha-to-alpha pool)';
  const spec = specAt(data.snapshot, articleDate(data));
  if (!spec) return result('contradicted', `The runtime line in use in April 2025 (v2.0.11) has ${how}.`, ev);
  ev.push({ label: `Runtime spec version (${spec.date})`, value: String(spec.specVersion), sources: [spec.source] });
  return spec.specVersion >= DTAO_SPEC
    ? result('contradicted', `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, which has ${how}.`, ev)
    : result('unverifiable', `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, before dTAO (spec ${DTAO_SPEC}): there were no subnet tokens to swap.`, ev);
};
