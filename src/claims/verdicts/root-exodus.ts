/** Verdicts for the root-exodus essay: TAO into pools, TAO to root, root stake and the 300k outflow (C27-C30). */
import { formatCompact, formatCompactTao, formatTao, raoToTao } from '../../metrics/amount.ts';
import { issuanceChange, sampledInjection } from '../../metrics/pools.ts';
import { rootStakeChange } from '../../metrics/root.ts';
import { daysBetween, measuredAt } from '../../metrics/series.ts';
import { DTAO_DATE } from '../../metrics/dates.ts';
import { CODE } from '../code.ts';
import {
  breakEvidence,
  changeEvidence,
  citedEvidence,
  computedEvidence,
  dateOf,
  dtaoNote,
  figure,
  figureEvidence,
  figureText,
  formatChange,
  matches,
  observationEvidence,
  pct,
  result,
  rootDivsEvidence,
  TOLERANCE,
  valueOf,
} from '../evidence.ts';
import { ARTICLE_ROUNDING_TAO } from '../thresholds.ts';
import type { Evidence, Verdict, VerdictFn, VerdictResult } from '../types.ts';
import { indexerRootReading } from '../indexer.ts';
import { rootDivsGap, rootStakeBreaks } from './shared/root-stake.ts';
import { formulaOf } from '../../model/metrics.ts';

/** The measured values that `matches` (within TOLERANCE of the measured value) accepts for a claimed figure. */
const matchBand = (claimed: number) => [claimed / (1 + TOLERANCE), claimed / (1 - TOLERANCE)] as const;

/**
 * C27: 450,000 TAO injected into subnet pools since dTAO. A flip condition but no windows: the claim is a total since
 * dTAO, and the TAO injected over the last 7 or 30 days is a part of it, not another reading of it.
 */
export const C27: VerdictFn = (data) => {
  const claimed = figure(data, 'article-pool-injection');
  const date = dateOf(claimed);
  const ev: Evidence[] = [figureEvidence(claimed)];
  const INJECTED = figureText(claimed);
  const days = daysBetween(DTAO_DATE, date);
  const sampled = sampledInjection(data.snapshot, date);
  const issued = issuanceChange(data.snapshot, date);
  if (sampled)
    ev.push(
      computedEvidence(
        `Estimate from daily reads of SubnetTaoInEmission (${sampled.value.days} of ${sampled.value.span} days)`,
        formatTao(sampled.value.total),
        sampled,
      ),
    );
  const issuedAt = dtaoNote(data.snapshot, ['totalIssuance']);
  if (issued) ev.push(changeEvidence('Issued TAO (net of recycled TAO)', issued), ...issuedAt.evidence);
  const [low, high] = matchBand(valueOf(claimed));
  const band = `between ${formatCompactTao(low)} and ${formatCompactTao(high)}`;
  const reads = !sampled
    ? ''
    : sampled.value.days === sampled.value.span
      ? `; they add up to ${formatTao(sampled.value.total)}`
      : `; ${sampled.value.days} of the ${sampled.value.span} days are read`;
  const recomputed = issued?.value.breaks.length ?? 0;
  const grew = !issued
    ? ''
    : `; it grew by ${formatTao(issued.value.delta)}${recomputed ? ` across ${recomputed} recomputation${recomputed > 1 ? 's' : ''}` : ''}`;
  const flipCondition = `Daily reads of SubnetTaoInEmission on every day from ${DTAO_DATE} to ${date} adding up to ${band} (${INJECTED} within ${pct(TOLERANCE, 0)}) would make this supported, any other total contradicted${reads}. Without them, issuance growth decides only when no runtime upgrade recomputed TotalIssuance in between: growth ${band} supported, above it contradicted (it is net of recycled TAO, so the pools got at least that), below it unverifiable${grew}.`;
  const done = (verdict: Verdict, reason: string, evidence: Evidence[]): VerdictResult => ({
    ...result(verdict, reason, evidence),
    flipCondition,
  });
  const schedule = `At 7,200 TAO a day the ${days} days from ${DTAO_DATE} to ${date} would emit ${(days * 7200).toLocaleString('en-US')} TAO, so the figure fits the schedule`;
  const full = sampled && sampled.value.days === sampled.value.span ? sampled.value.total : null;
  if (full !== null) {
    const est = raoToTao(full);
    return matches(valueOf(claimed), est)
      ? done(
          'supported',
          `Daily reads of the TAO injected per block, times 7,200 blocks, add up to ${formatTao(full)} from dTAO to ${date}, within ${pct(TOLERANCE, 0)} of the article’s ${INJECTED}.`,
          ev,
        )
      : done(
          'contradicted',
          `Daily reads of the TAO injected per block, times 7,200 blocks, add up to ${formatTao(full)} from dTAO to ${date}, not ${INJECTED}.`,
          ev,
        );
  }
  if (!issued)
    return done(
      'unverifiable',
      `This build has no chain data for the TAO injected into pools from dTAO to ${date}. ${schedule}, but only chain reads can show what was injected.`,
      ev,
    );
  const net = raoToTao(issued.value.delta);
  // a runtime upgrade between the two reads recomputed TotalIssuance (breaks table): the growth is then not emission
  const resets = issued.value.breaks;
  if (resets.length > 0) {
    ev.push(...resets.map((b) => breakEvidence(b)));
    return done(
      'unverifiable',
      `Issuance grew by ${formatTao(issued.value.delta)} from dTAO to ${date}, but between the two reads the chain recomputed TotalIssuance (${resets.map((b) => `break “${b.id}”`).join('; ')}), so the growth is partly that recomputation, not the TAO emitted into pools. ${schedule}; per-block injection reads would settle it.${issuedAt.text}`,
      ev,
    );
  }
  if (matches(valueOf(claimed), net))
    return done(
      'supported',
      `Issuance grew by ${formatTao(issued.value.delta)} from dTAO to ${date}; all new TAO then went into subnet pools, and this matches the article’s ${INJECTED}.${issuedAt.text}`,
      ev,
    );
  if (valueOf(claimed) < net)
    return done(
      'contradicted',
      `Issuance grew by ${formatTao(issued.value.delta)} from dTAO to ${date}. That is net of recycled TAO, so the pools received at least that much, more than the article’s ${INJECTED}.${issuedAt.text}`,
      ev,
    );
  return done(
    'unverifiable',
    `Issuance grew by only ${formatTao(issued.value.delta)} from dTAO to ${date}, but that is net of recycled TAO, which daily reads do not separate; per-block injection reads would settle it. ${schedule}.${issuedAt.text}`,
    ev,
  );
};

/** C28: 150,000 TAO (33%) went to root through the auto-sell. The share is the article's own arithmetic; the flow is not measured. */
export const C28: VerdictFn = (data) => {
  const paid = figure(data, 'article-root-autosell');
  const share = figure(data, 'article-root-autosell-share');
  const injected = figure(data, 'article-pool-injection');
  const own = valueOf(paid) / valueOf(injected);
  const ownFormula = formulaOf('autosell-share', {
    'paid to root': figureText(paid),
    'injected into pools': figureText(injected),
  });
  const ev: Evidence[] = [
    figureEvidence(paid),
    figureEvidence(share),
    {
      label: 'The article’s own ratio, recomputed',
      value: pct(own),
      formula: ownFormula,
      sources: [paid.source, injected.source],
    },
  ];
  const pending = measuredAt(data.snapshot, 'pendingRootDivs', dateOf(paid));
  if (pending)
    ev.push(
      observationEvidence(
        'Σ PendingRootDivs: dividends waiting for the next epoch, a balance, not a total paid',
        pending,
      ),
    );
  return result(
    'unverifiable',
    `The article’s ratio holds (${ownFormula} = ${pct(own)}, given as ${figureText(share)}), but the TAO paid to root is a flow: daily reads hold only PendingRootDivs, what waits for each subnet’s next epoch${pending ? ` (${formatTao(pending.value)} on ${pending.date})` : ''}, not what was paid out since dTAO. Summing the root dividends paid each epoch would settle it.`,
    ev,
  );
};

const articleDecline = (before: number, after: number) => before - after;

/** How far a change read on chain may be from one of the article's TAO changes: its rounding (10k TAO) plus 3%. */
const slack = (target: number) => ARTICLE_ROUNDING_TAO + TOLERANCE * target;
/** Whether a change read on chain matches one of the article's (C29's decline, C30's outflow). */
const near = (x: number, target: number) => Math.abs(x - target) <= slack(target);
/** The changes `near` accepts for `target`, for a flip condition. */
const nearBand = (target: number) =>
  `${formatCompactTao(target - slack(target))} and ${formatCompactTao(target + slack(target))}`;

/**
 * C29: root stake fell from 5.86M to 5.71M TAO between dTAO and the article. A flip condition but no windows: the claim
 * names its two ends (dTAO and the article's date), so a window starting later tests another change.
 */
export const C29: VerdictFn = (data) => {
  const before = figure(data, 'article-root-stake-before');
  const after = figure(data, 'article-root-stake-after');
  const ev: Evidence[] = [figureEvidence(before), figureEvidence(after)];
  const change = rootStakeChange(data.snapshot, dateOf(after), dateOf(before));
  const indexer = indexerRootReading(data);
  if (!change)
    return result(
      'unverifiable',
      `This build has no chain reads of root stake (SubnetTAO[0]) on ${before.asOf} and ${after.asOf}; taken at face value the article’s figures give a decline of ${formatCompactTao(articleDecline(valueOf(before), valueOf(after)))}. Which measure of root stake the article used (the SubnetTAO[0] counter or the stakers’ root stake, higher by the dividends credited to them) is open, see C30.${indexer?.text ?? ''}`,
      [...ev, rootDivsEvidence('in force over this range'), ...(indexer?.evidence ?? [])],
    );
  const at = dtaoNote(data.snapshot, ['rootStake']);
  ev.push(changeEvidence('Root stake, SubtensorModule.SubnetTAO[0]', change), ...at.evidence);
  const { before: b0, after: a0 } = change.value;
  // the caveat every root-stake verdict from dTAO to spec 283 carries (series break root-divs-outside-subnet-tao)
  const gap = rootDivsGap(
    ev,
    b0.date,
    a0.date,
    'so the stakers’ root stake was higher than it by the dividends paid since dTAO',
  );
  const crossed = rootStakeBreaks(b0.date, a0.date);
  ev.push(...crossed.evidence);
  const b = raoToTao(b0.value);
  const a = raoToTao(a0.value);
  const decline = b - a;
  const claimedDecline = articleDecline(valueOf(before), valueOf(after));
  const endsOk = matches(valueOf(before), b) && matches(valueOf(after), a);
  const declineOk = near(decline, claimedDecline);
  const verdict = endsOk && declineOk ? 'supported' : endsOk || declineOk ? 'partly supported' : 'contradicted';
  const ends = (claimed: number) => matchBand(claimed).map(formatCompactTao).join(' and ');
  const flipCondition = `Two checks, both: supported; one: partly supported; neither: contradicted. The ends match when SubnetTAO[0] read between ${ends(valueOf(before))} on ${b0.date} and between ${ends(valueOf(after))} on ${a0.date} (it read ${formatTao(b0.value)} and ${formatTao(a0.value)}); the change matches when the fall is between ${nearBand(claimedDecline)} (it was ${formatCompactTao(decline)}).`;
  return {
    flipCondition,
    ...result(
      verdict,
      `The chain’s root stake counter went from ${formatTao(b0.value)} on ${b0.date} to ${formatTao(a0.value)} on ${a0.date} (${formatChange(change.value.delta)}); the article says ${figureText(before)} → ${figureText(after)} (−${formatCompact(claimedDecline)}).${endsOk ? '' : ` The levels differ from the article’s by more than ${pct(TOLERANCE, 0)}.`}${declineOk ? '' : ` The change differs from the article’s −${formatCompact(claimedDecline)}.`}${gap}${crossed.text}${at.text} A change of ${formatTao(BigInt(Math.round(claimedDecline * 1e9)))} ± ${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')} TAO plus ${pct(TOLERANCE, 0)} would make it supported.`,
      ev,
    ),
  };
};

/**
 * C30: 300,000 TAO (≈$70M) left root. In the April 2025 runtime root's TAO dividends were credited to root stake
 * (v2.0.11 run_coinbase.rs L474-L500) without entering SubnetTAO[0] (stake_utils.rs L532-L535), so the article's
 * arithmetic holds if its 5.71M is the stakers' root stake: 5.86M + 150k credited − 5.71M = 300k. If the 5.71M is
 * the SubnetTAO[0] counter, the outflow is 150k. Either way SubnetTAO[0] counted stakes and unstakes on root and
 * not dividends, so its fall from dTAO to the article is the net outflow, which decides the 300k. A flip condition
 * but no windows: the outflow is a total from dTAO to the article, and a later start measures only part of it.
 */
export const C30: VerdictFn = (data) => {
  const out = figure(data, 'article-root-outflow');
  const usd = figure(data, 'article-root-outflow-usd');
  const before = figure(data, 'article-root-stake-before');
  const after = figure(data, 'article-root-stake-after');
  const credited = figure(data, 'article-root-autosell');
  const counterReading = articleDecline(valueOf(before), valueOf(after));
  const stakersReading = valueOf(before) + valueOf(credited) - valueOf(after);
  const perTao = valueOf(usd) / valueOf(out);
  const [OUT, USD, BEFORE, AFTER, CREDITED] = [out, usd, before, after, credited].map(figureText);
  const outflow = (creditedToStakers: string) =>
    formulaOf('root-outflow', {
      'root stake before': BEFORE,
      'credited to stakers': creditedToStakers,
      'root stake after': AFTER,
    });
  const ev: Evidence[] = [
    figureEvidence(out),
    {
      label: `Reading 1: the ${AFTER} is the SubnetTAO[0] counter, which did not include dividends, so nothing was credited to it`,
      value: `${counterReading.toLocaleString('en-US')} TAO`,
      formula: outflow('0'),
      sources: [before.source, after.source],
    },
    {
      label: `Reading 2: the ${AFTER} is the stakers’ root stake, which the dividends were credited to`,
      value: `${stakersReading.toLocaleString('en-US')} TAO`,
      formula: outflow(CREDITED),
      sources: [before.source, credited.source, after.source],
    },
    citedEvidence(
      'The April 2025 runtime credits root’s TAO dividends to root stake',
      'increase_stake_for_hotkey_on_subnet(hotkey, root, …)',
      CODE.rootDivsCredited,
    ),
    citedEvidence(
      '… through the stakers’ share pool only, not SubnetTAO[0] or TotalStake',
      'share pool only',
      CODE.shareCreditOnly,
    ),
    {
      label: `Implied price of the ${USD}`,
      value: `$${perTao.toFixed(0)} per TAO`,
      formula: formulaOf('price-per-tao', { dollars: USD, TAO: `${OUT} TAO` }),
      sources: [usd.source, out.source],
    },
  ];
  const cex =
    '“Liquidated on exchanges” is unsupported: TAO leaving root could as well have gone into subnet pools, and following it to exchanges needs address labels the chain does not hold.';
  const readings = `In the April 2025 runtime (v2.0.11) root’s TAO dividends were credited to the stakers’ root stake, so the article’s arithmetic holds if its ${AFTER} is the stakers’ root stake: ${outflow(`${CREDITED} credited`)} = ${stakersReading.toLocaleString('en-US')} TAO. If the ${AFTER} is the SubnetTAO[0] counter, which did not include those dividends, the outflow is ${counterReading.toLocaleString('en-US')} TAO`;
  const change = rootStakeChange(data.snapshot, dateOf(after), dateOf(before));
  const indexer = indexerRootReading(data);
  if (!change)
    return result(
      'unverifiable',
      `${readings}. Which measure the article used is not stated, and this build has no chain reads of SubnetTAO[0]: its fall from dTAO to ${after.asOf} is the net outflow either way, since it counted stakes and unstakes on root but not dividends, and would settle the ${OUT} (a fall of ${OUT} ± ${(ARTICLE_ROUNDING_TAO + TOLERANCE * valueOf(out)).toLocaleString('en-US')} TAO bears it out; one of about ${formatCompact(counterReading)} contradicts it).${indexer?.text ?? ''} ${cex}`,
      [...ev, ...(indexer?.evidence ?? [])],
    );
  const at = dtaoNote(data.snapshot, ['rootStake']);
  ev.push(
    ...at.evidence,
    changeEvidence(
      'Root stake counter, SubtensorModule.SubnetTAO[0] (stakes and unstakes on root, not dividends)',
      change,
    ),
  );
  const { before: b0, after: a0 } = change.value;
  const crossed = rootStakeBreaks(b0.date, a0.date);
  ev.push(...crossed.evidence);
  if (crossed.breaks.length > 0)
    return result(
      'unverifiable',
      `${readings}. The reads of SubnetTAO[0] on ${b0.date} and ${a0.date} straddle a change of the counter itself, so their difference is not the outflow.${crossed.text} ${cex}`,
      ev,
    );
  const net = -raoToTao(change.value.delta);
  const flipCondition = `A fall of SubnetTAO[0] from ${b0.date} to ${a0.date} between ${nearBand(valueOf(out))} would make this partly supported (the exchanges stay unsupported); any other fall contradicted, and reads straddling a change of the counter unverifiable; it fell by ${formatCompactTao(net)}.`;
  const done = (verdict: Verdict, reason: string): VerdictResult => ({ ...result(verdict, reason, ev), flipCondition });
  const counterLevel = Math.abs(raoToTao(a0.value) - valueOf(after)) <= ARTICLE_ROUNDING_TAO;
  const which = counterLevel
    ? ` SubnetTAO[0] on ${a0.date} (${formatTao(a0.value)}) matches the article’s ${AFTER} to its rounding, so the article read the counter (reading 1).`
    : '';
  const lead = `SubnetTAO[0], which counted stakes and unstakes on root but not dividends, fell by ${formatTao(-change.value.delta)} from ${b0.date} to ${a0.date}: the net TAO that left root.${at.text}`;
  if (near(net, valueOf(out)))
    return done(
      'partly supported',
      `${lead} That bears out the article’s ${OUT}, and its arithmetic (reading 2).${which} ${cex}`,
    );
  if (near(net, counterReading))
    return done(
      'contradicted',
      `${lead} That is the ${formatCompact(counterReading)} of reading 1, not ${OUT}: the ${CREDITED} of dividends credited to stakers was not withdrawn on top.${which} ${cex}`,
    );
  return done(
    'contradicted',
    `${lead} That is neither the article’s ${OUT} nor the ${formatCompact(counterReading)} its endpoints give (each within ${ARTICLE_ROUNDING_TAO.toLocaleString('en-US')} TAO plus ${pct(TOLERANCE, 0)}).${which} ${cex}`,
  );
};
