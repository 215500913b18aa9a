/** Verdicts for the root-exodus essay: TAO into pools, TAO to root, root stake and the 300k outflow (C27-C30). */
import { formatTao, raoToTao } from '../../metrics/amount.ts';
import { issuanceChange, sampledInjection } from '../../metrics/pools.ts';
import { rootStakeChange } from '../../metrics/root.ts';
import { daysBetween, measuredAt } from '../../metrics/series.ts';
import { DTAO_DATE } from '../../metrics/dates.ts';
import { changeEvidence, computedEvidence, dateOf, figure, figureEvidence, formatChange, matches, observationEvidence, pct, result, TOLERANCE, valueOf } from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

/** Article figures are rounded to 10k TAO: a difference of two of them is uncertain by up to 10k. */
const ROUNDING = 10_000;

/** C27: 450,000 TAO injected into subnet pools since dTAO. */
export const C27: VerdictFn = (data) => {
  const claimed = figure(data, 'article-pool-injection');
  const date = dateOf(claimed);
  const ev: Evidence[] = [figureEvidence(claimed)];
  const days = daysBetween(DTAO_DATE, date);
  const sampled = sampledInjection(data.snapshot, date);
  const issued = issuanceChange(data.snapshot, date);
  if (sampled) ev.push(computedEvidence(`Estimate from daily reads of SubnetTaoInEmission (${sampled.value.days} of ${sampled.value.span} days)`, formatTao(sampled.value.total), sampled));
  if (issued) ev.push(changeEvidence('Issued TAO (net of recycled TAO)', issued));
  const schedule = `At 7,200 TAO a day the ${days} days from ${DTAO_DATE} to ${date} would emit ${(days * 7200).toLocaleString('en-US')} TAO, so the figure fits the schedule`;
  const full = sampled && sampled.value.days === sampled.value.span ? sampled.value.total : null;
  if (full !== null) {
    const est = raoToTao(full);
    return matches(valueOf(claimed), est)
      ? result('supported', `Daily reads of the TAO injected per block, times 7,200 blocks, add up to ${formatTao(full)} from dTAO to ${date}, within ${pct(TOLERANCE, 0)} of the article’s 450k.`, ev)
      : result('contradicted', `Daily reads of the TAO injected per block, times 7,200 blocks, add up to ${formatTao(full)} from dTAO to ${date}, not 450k.`, ev);
  }
  if (!issued) return result('unverifiable', `This build has no chain data for the TAO injected into pools from dTAO to ${date}. ${schedule}, but only chain reads can show what was injected.`, ev);
  const net = raoToTao(issued.value.delta);
  if (matches(valueOf(claimed), net))
    return result('supported', `Issuance grew by ${formatTao(issued.value.delta)} from dTAO to ${date}; all new TAO then went into subnet pools, and this matches the article’s 450k.`, ev);
  if (valueOf(claimed) < net)
    return result('contradicted', `Issuance grew by ${formatTao(issued.value.delta)} from dTAO to ${date}. That is net of recycled TAO, so the pools received at least that much, more than the article’s 450k.`, ev);
  return result('unverifiable', `Issuance grew by only ${formatTao(issued.value.delta)} from dTAO to ${date}, but that is net of recycled TAO, which daily reads do not separate; per-block injection reads would settle it. ${schedule}.`, ev);
};

/** C28: 150,000 TAO (33%) went to root through the auto-sell. The share is the article's own arithmetic; the flow is not measured. */
export const C28: VerdictFn = (data) => {
  const paid = figure(data, 'article-root-autosell');
  const share = figure(data, 'article-root-autosell-share');
  const injected = figure(data, 'article-pool-injection');
  const own = valueOf(paid) / valueOf(injected);
  const ev: Evidence[] = [figureEvidence(paid), figureEvidence(share), { label: 'The article’s own ratio, recomputed', value: pct(own), formula: '150k / 450k', sources: [paid.source, injected.source] }];
  const pending = measuredAt(data.snapshot, 'pendingRootDivs', dateOf(paid));
  if (pending) ev.push(observationEvidence('Σ PendingRootDivs: dividends waiting for the next epoch, a balance, not a total paid', pending));
  return result(
    'unverifiable',
    `The article’s ratio holds (150k / 450k = ${pct(own)}, given as 33%), but the TAO paid to root is a flow: daily reads hold only PendingRootDivs, what waits for each subnet’s next epoch${pending ? ` (${formatTao(pending.value)} on ${pending.date})` : ''}, not what was paid out since dTAO. Summing the root dividends paid each epoch would settle it.`,
    ev,
  );
};

const articleDecline = (before: number, after: number) => before - after;

/** C29: root stake fell from 5.86M to 5.71M TAO between dTAO and the article. */
export const C29: VerdictFn = (data) => {
  const before = figure(data, 'article-root-stake-before');
  const after = figure(data, 'article-root-stake-after');
  const ev: Evidence[] = [figureEvidence(before), figureEvidence(after)];
  const change = rootStakeChange(data.snapshot, dateOf(after), dateOf(before));
  if (!change) return result('unverifiable', `This build has no chain reads of root stake (SubnetTAO[0]) on ${before.asOf} and ${after.asOf}; taken at face value the article’s figures give a decline of 150k TAO.`, ev);
  ev.push(changeEvidence('Root stake, SubtensorModule.SubnetTAO[0]', change));
  const b = raoToTao(change.value.before.value);
  const a = raoToTao(change.value.after.value);
  const decline = b - a;
  const claimedDecline = articleDecline(valueOf(before), valueOf(after));
  const endsOk = matches(valueOf(before), b) && matches(valueOf(after), a);
  const declineOk = Math.abs(decline - claimedDecline) <= ROUNDING + TOLERANCE * claimedDecline;
  const verdict = endsOk && declineOk ? 'supported' : endsOk || declineOk ? 'partly supported' : 'contradicted';
  return result(
    verdict,
    `The chain’s root stake went from ${formatTao(change.value.before.value)} on ${change.value.before.date} to ${formatTao(change.value.after.value)} on ${change.value.after.date} (${formatChange(change.value.delta)}); the article says 5.86M → 5.71M (−150k).${endsOk ? '' : ' The levels differ from the article’s by more than 3%.'}${declineOk ? '' : ' The change differs from the article’s −150k.'}`,
    ev,
  );
};

/** C30: 300,000 TAO (≈$70M) left root. The article's own endpoints give 150k; only a 300k net outflow on chain would bear it out. */
export const C30: VerdictFn = (data) => {
  const out = figure(data, 'article-root-outflow');
  const usd = figure(data, 'article-root-outflow-usd');
  const before = figure(data, 'article-root-stake-before');
  const after = figure(data, 'article-root-stake-after');
  const own = articleDecline(valueOf(before), valueOf(after));
  const perTao = valueOf(usd) / valueOf(out);
  const ev: Evidence[] = [
    figureEvidence(out),
    { label: 'The article’s own root stake figures, 5.86M − 5.71M', value: `${own.toLocaleString('en-US')} TAO`, formula: 'article-root-stake-before − article-root-stake-after', sources: [before.source, after.source] },
    { label: 'Implied price of the $70M', value: `$${perTao.toFixed(0)} per TAO`, formula: '$70M / 300k TAO', sources: [usd.source, out.source] },
  ];
  const cex = '“Liquidated on exchanges” is unsupported: unstaked TAO can as well have gone into subnet pools.';
  const change = rootStakeChange(data.snapshot, dateOf(after), dateOf(before));
  const selfContradiction = `The article’s own figures give a decline of ${own.toLocaleString('en-US')} TAO (5.86M − 5.71M), not 300k; 300k would need the 150k of root dividends to have been added to root stake and then withdrawn as well, which the article does not say`;
  if (!change) return result('contradicted', `${selfContradiction}. ${cex}`, ev);
  ev.push(changeEvidence('Root stake, SubtensorModule.SubnetTAO[0]', change));
  const decline = -raoToTao(change.value.delta);
  return matches(valueOf(out), decline)
    ? result('partly supported', `Root stake fell by ${formatTao(-change.value.delta)} on chain from ${change.value.before.date} to ${change.value.after.date}, matching the 300k, although the article’s own endpoints give only 150k. ${cex}`, ev)
    : result('contradicted', `${selfContradiction}; the chain’s root stake changed by ${formatChange(change.value.delta)} from ${change.value.before.date} to ${change.value.after.date}, and daily reads show only this net change. ${cex}`, ev);
};
