/** Verdicts for the staking essay: the staking ratio and the market-cap arithmetic built on it (C13-C16). */
import type { ReportData } from '../../model/schema.ts';
import type { Source } from '../../model/schema.ts';
import { breaksCrossed } from '../../model/breaks.ts';
import { formatCompact, formatTao, raoToTao } from '../../metrics/amount.ts';
import { addDays } from '../../metrics/series.ts';
import {
  rangeOf,
  STAKING_RATIO_FORMULA,
  stakeGrowth,
  stakingSeries,
  usableDays,
  type StakeGrowth,
  type StakingDay,
} from '../../metrics/staking.ts';
import { overWindows, windowNote } from '../windows.ts';
import {
  breakEvidence,
  breakNote,
  dateOf,
  figure,
  figureEvidence,
  figureText,
  matches,
  needsChain,
  noteRootDivs,
  pct,
  result,
  said,
  tally,
  TOLERANCE,
  valueOf,
} from '../evidence.ts';
import { C13_PARTLY, C13_SUPPORTED } from '../thresholds.ts';
import { formulaOf } from '../../model/metrics.ts';
import { shareText } from '../../metrics/figures.ts';

/**
 * From dTAO until spec 283 TotalStake left out the root dividends credited to stakers (series break
 * root-divs-outside-subnet-tao), so the staking ratio read low. Each runtime upgrade also reset TotalIssuance to
 * Balances issuance + TotalStake (v2.0.11 runtime/src/lib.rs L1459-L1462, Migrations: initialise_total_issuance;
 * migrate_init_total_issuance.rs), taking the dividends paid until then out of the issuance too. By April 2025, with
 * the article's TAO paid to root and its issued supply, the ratio read low by about 0.5 points just after an upgrade
 * and up to 1.7 points with no upgrade since dTAO.
 */
const rootDivsText = (data: ReportData) =>
  ` From dTAO until spec 283 (about 30 June 2025) TotalStake left out the root dividends credited to stakers, and each runtime upgrade reset TotalIssuance to Balances issuance plus that TotalStake, so on those days the ratio reads low: by April 2025 by about 0.5 to 1.7 points (the article’s ${said(data, 'article-root-autosell')} TAO paid to root against ${said(data, 'article-issued-supply')} issued; 0.5 just after an upgrade, 1.7 with none since dTAO; series break “root-divs-outside-subnet-tao”)`;
import type { Evidence, Verdict, VerdictFn, VerdictResult } from '../types.ts';

const usd = (x: number) => `$${formatCompact(x)}`;
/** The TotalIssuance read made at the same block as a staking day's TotalStake read. */
const issuedSource = (d: StakingDay): Source =>
  d.source.kind === 'chain' ? { ...d.source, item: 'SubtensorModule.TotalIssuance' } : d.source;
const articleDate = (data: ReportData) => dateOf(figure(data, 'article-market-cap'));

/** Chain days up to the article's date, whatever their TotalStake measured. */
function daysBefore(data: ReportData): StakingDay[] {
  if (data.snapshot.kind === 'cited') return [];
  const until = articleDate(data);
  return stakingSeries(data.snapshot).filter((d) => d.date <= until);
}

/**
 * The days up to the article whose TotalStake is a staking figure, and what was left out: the days before spec 133,
 * when TotalStake left out the whole genesis stake (series break total-stake-fixed-v2, invalidBefore), are unusable.
 */
function usableBefore(data: ReportData): {
  days: StakingDay[];
  text: string;
  evidence: Evidence[];
  since: string;
  /** the first date the breaks crossed by the usable days are counted from: the unusable range's break is explained already */
  crossFrom: (first: string) => string;
} {
  const { usable, unusable } = usableDays(daysBefore(data));
  const b = unusable[0]?.unusable;
  if (!b) return { days: usable, text: '', evidence: [], since: '', crossFrom: (first) => first };
  return {
    days: usable,
    crossFrom: (first) => (first < b.date ? b.date : first),
    since: ` from spec ${b.spec} (${usable[0]?.date ?? b.date})`,
    text: ` The ${unusable.length} days of reads from ${unusable[0].date} to ${unusable[unusable.length - 1].date} are left out: until spec ${b.spec} ${b.invalidBefore?.why ?? b.label}, so the ratio then was not a staking ratio (series break “${b.id}”).`,
    evidence: [breakEvidence(b, `that makes ${unusable.length} days unusable`)],
  };
}

/** The staking day on (or within a week after) the article's date. */
function dayAt(data: ReportData): StakingDay | null {
  if (data.snapshot.kind === 'cited') return null;
  const from = articleDate(data);
  return stakingSeries(data.snapshot).find((d) => d.date >= from && d.date <= addDays(from, 7)) ?? null;
}

const ratioEvidence = (d: StakingDay, label = 'Staking ratio'): Evidence => ({
  label: `${label} (${d.date}): ${formatTao(d.staked)} staked of ${formatTao(d.issued)} issued`,
  value: pct(d.ratio),
  formula: STAKING_RATIO_FORMULA,
  sources: [d.source, issuedSource(d)],
});

/** C13's verdict on a split of the stake's growth (thresholds C13_SUPPORTED, C13_PARTLY). */
function c13Verdict(g: StakeGrowth): Verdict {
  if (g.stakeChange <= 0n) return 'contradicted';
  return g.fromIssuance >= C13_SUPPORTED
    ? 'supported'
    : g.fromIssuance >= C13_PARTLY
      ? 'partly supported'
      : 'contradicted';
}

/**
 * The staking ratio on the last day at which issuance growth would explain exactly `share` of the stake's rise:
 * share = r₀·ΔI / (r₁·I₁ − S₀), so r₁ = (S₀ + r₀·ΔI / share) / I₁.
 */
function ratioForShare(g: StakeGrowth, share: number): number {
  const dI = raoToTao(g.last.issued - g.first.issued);
  return (raoToTao(g.first.staked) + (g.first.ratio * dI) / share) / raoToTao(g.last.issued);
}

/** What would change C13's verdict: the last day's staking ratio at which issuance growth crosses a threshold. */
function c13Flip(g: StakeGrowth, verdict: Verdict): string {
  const { last } = g;
  const at = (share: number) => pct(ratioForShare(g, share));
  const now = `on ${last.date} (it was ${pct(last.ratio)})`;
  if (g.stakeChange <= 0n)
    return `Staked TAO would have to rise from ${g.first.date} to ${last.date} for issuance growth to explain it; with a rise, a staking ratio at or below ${at(C13_PARTLY)} ${now} would make this partly supported.`;
  const never = ratioForShare(g, C13_PARTLY) > 1;
  if (verdict === 'supported')
    return `A staking ratio above ${at(C13_SUPPORTED)} ${now} would leave issuance growth under ${pct(C13_SUPPORTED, 0)} of the rise and make this partly supported; ${never ? 'no ratio up to 100% would make it contradicted' : `above ${at(C13_PARTLY)}, contradicted`}.`;
  if (verdict === 'partly supported')
    return `A staking ratio at or below ${at(C13_SUPPORTED)} ${now} would make this supported; above ${at(C13_PARTLY)}, contradicted.`;
  return `A staking ratio at or below ${at(C13_PARTLY)} ${now} would make this partly supported; at or below ${at(C13_SUPPORTED)}, supported.`;
}

/** C13: the stake only looks like it rose because supply inflated. Splits the stake's growth into issuance growth and ratio change. */
export const C13: VerdictFn = (data) => {
  const usable = usableBefore(data);
  const grown = stakeGrowth(usable.days);
  const ev: Evidence[] = [figureEvidence(figure(data, 'article-staking-floor'))];
  if (!grown) return needsChain('daily TotalStake and TotalIssuance before the article', [...ev, ...usable.evidence]);
  const g = grown.value;
  const { first, last, stakeChange, fromIssuance } = g;
  ev.push(ratioEvidence(first, 'First day'), ratioEvidence(last, 'Last day before the article'), {
    label: 'Share of the stake’s rise that issuance growth alone explains (at the first day’s ratio)',
    value: Number.isNaN(fromIssuance) ? 'n/a' : pct(fromIssuance),
    formula: grown.formula,
    sources: grown.inputs,
  });
  ev.push(...usable.evidence);
  const from = usable.crossFrom(first.date);
  const crossed = breakNote(from, last.date, breaksCrossed(['totalStake', 'totalIssuance'], from, last.date));
  ev.push(...crossed.evidence);
  const gap = noteRootDivs(ev, first.date, last.date, 'in force over this range') ? `${rootDivsText(data)}.` : '';
  const verdict = c13Verdict(g);
  const windows = windowNote(
    verdict,
    overWindows(last.date, (from) => {
      const w = stakeGrowth(usable.days.filter((d) => d.date >= from));
      return w
        ? {
            verdict: c13Verdict(w.value),
            value: Number.isNaN(w.value.fromIssuance) ? 'no rise' : `${pct(w.value.fromIssuance)} from issuance`,
            sources: w.inputs,
          }
        : { verdict: null, value: '', sources: [] };
    }),
    'the share issuance growth explains',
  );
  ev.push(windows.evidence);
  const notes = `${usable.text}${crossed.text}${gap}${windows.text}`;
  const span = `From ${first.date} to ${last.date}`;
  const flipCondition = c13Flip(g, verdict);
  const done = (reason: string): VerdictResult => ({ ...result(verdict, reason, ev), flipCondition });
  if (stakeChange <= 0n)
    return done(
      `${span} staked TAO did not rise (${formatTao(first.staked)} → ${formatTao(last.staked)}), so there is no rise to explain.${notes}`,
    );
  const how = `${span} staked TAO rose by ${formatTao(stakeChange)} while the staking ratio went from ${pct(first.ratio)} to ${pct(last.ratio)}: issuance growth at a constant ratio accounts for ${pct(fromIssuance)} of the rise`;
  const bounds = ` (Thresholds: ${pct(C13_SUPPORTED, 0)} or more supports the claim, ${pct(C13_PARTLY, 0)} to ${pct(C13_SUPPORTED, 0)} partly.)`;
  if (verdict === 'supported') return done(`${how}, so the rise mostly reflects a growing supply.${notes}${bounds}`);
  if (verdict === 'partly supported')
    return done(`${how}; the rest came from a higher share of TAO being staked.${notes}${bounds}`);
  return done(`${how}; most of it came from a higher share of TAO being staked.${notes}${bounds}`);
};

/** C14: the staking ratio never fell below 70% and peaked near 90%. Judged on the days whose TotalStake is a staking figure. */
export const C14: VerdictFn = (data) => {
  const floor = figure(data, 'article-staking-floor');
  const peak = figure(data, 'article-staking-peak');
  const ev: Evidence[] = [figureEvidence(floor), figureEvidence(peak)];
  const cited = data.reference.figures.find((f) => f.id === 'staking-ratio-april-2025');
  if (cited) ev.push(figureEvidence(cited));
  const usable = usableBefore(data);
  const r = rangeOf(usable.days);
  if (!r)
    return needsChain(
      `a daily staking ratio (${cited ? `the cited ${figureText(cited)} for April 2025 is` : 'a cited figure would be'} one day, not “never below”)`,
      [...ev, ...usable.evidence],
    );
  ev.push(ratioEvidence(r.min, 'Lowest ratio'), ratioEvidence(r.max, 'Highest ratio'), ...usable.evidence);
  const allowed = valueOf(floor) * (1 - TOLERANCE);
  const floorHolds = r.min.ratio >= allowed;
  const peakHolds = matches(valueOf(peak), r.max.ratio);
  const verdict = tally([floorHolds, peakHolds]);
  const [FLOOR, PEAK, TOL] = [figureText(floor), figureText(peak), pct(TOLERANCE, 0)];
  const floorText =
    r.min.ratio >= valueOf(floor)
      ? `never below the article’s ${FLOOR}`
      : floorHolds
        ? `just under the article’s ${FLOOR} at its lowest, within the ${TOL} allowance for its rounding (down to ${pct(allowed)})`
        : `below the article’s ${FLOOR}, and below the ${TOL} allowance (${pct(allowed)})`;
  const first = usable.days[0];
  const last = usable.days[usable.days.length - 1];
  const from = usable.crossFrom(first.date);
  const crossed = breakNote(from, last.date, breaksCrossed(['totalStake', 'totalIssuance'], from, last.date));
  ev.push(...crossed.evidence);
  const gap = noteRootDivs(ev, first.date, last.date, 'in force over this range') ? `${rootDivsText(data)}.` : '';
  const since = usable.since;
  const peakBand = `${pct(valueOf(peak) / (1 + TOLERANCE))}–${pct(valueOf(peak) / (1 - TOLERANCE))}`;
  const floorFlip = floorHolds
    ? `a staking ratio below ${pct(allowed)} (${FLOOR} less the ${TOL} allowance) on any day${since} up to the article would make the “never below ${FLOOR}” half fail`
    : `no day${since} up to the article below ${pct(allowed)} would be needed for the “never below ${FLOOR}” half to hold`;
  const peakFlip = peakHolds
    ? `a highest ratio outside ${peakBand} would make the “near ${PEAK}” half fail`
    : `a highest ratio within ${peakBand} (it was ${pct(r.max.ratio)}) would make the “near ${PEAK}” half hold`;
  return {
    ...result(
      verdict,
      `Over ${r.days} days of chain reads up to the article, the staking ratio ranged from ${pct(r.min.ratio)} (${r.min.date}) to ${pct(r.max.ratio)} (${r.max.date}): ${floorText}, and a peak ${peakHolds ? 'near' : 'far from'} its ${PEAK}.${usable.text}${crossed.text}${gap} The claim is about every day, so it is judged on all of them, not on windows.`,
      ev,
    ),
    flipCondition: `Each half is judged on its own (both hold: supported; one: partly supported; none: contradicted): ${floorFlip}; ${peakFlip}.`,
  };
};

/** C15: $2B × ≥70% staked = at least $1.4B that never circulated. */
export const C15: VerdictFn = (data) => {
  const cap = figure(data, 'article-market-cap');
  const never = figure(data, 'article-never-circulated');
  const floor = figure(data, 'article-staking-floor');
  const own = valueOf(cap) * valueOf(floor);
  const [CAP, FLOOR, NEVER] = [figureText(cap), figureText(floor), figureText(never)];
  const ev: Evidence[] = [
    figureEvidence(cap),
    figureEvidence(never),
    {
      label: 'The article’s own inputs, recomputed',
      value: usd(own),
      formula: formulaOf('market-value', { 'market cap': CAP, 'share of supply': FLOOR }),
      sources: [cap.source, floor.source],
    },
  ];
  const concept = `Staked TAO had no unbonding period: it could be unstaked in one block and then transferred to an exchange and sold there, so “staked” is not “never circulated” (after dTAO, though, TotalStake also counts the TAO in subnet pools, about ${said(data, 'article-pool-injection')} of it injected by the protocol, which no holder can withdraw at par); the ${CAP} market cap is not sourced here.`;
  const day = dayAt(data);
  if (!day)
    return result(
      'unverifiable',
      `The arithmetic holds (${CAP} × ${FLOOR} = ${usd(own)}), but this build has no chain staking ratio for ${cap.asOf}. ${concept}`,
      ev,
    );
  const implied = valueOf(cap) * day.ratio;
  ev.push(ratioEvidence(day), {
    label: `The article’s ${CAP} times the chain’s ratio`,
    value: usd(implied),
    formula: formulaOf('market-value', { 'market cap': CAP, 'share of supply': STAKING_RATIO_FORMULA }),
    sources: [cap.source, day.source],
  });
  const gap = noteRootDivs(ev, day.date, day.date, 'in force on this date') ? rootDivsText(data) : '';
  const allowed = valueOf(floor) * (1 - TOLERANCE);
  const holds = (ratio: number): Verdict => (ratio >= allowed ? 'partly supported' : 'contradicted');
  const verdict = holds(day.ratio);
  // the same test on the lowest day of each window before the article: does the $1.4B hang on the day read?
  const days = daysBefore(data).filter((d) => !d.unusable);
  const windows = windowNote(
    verdict,
    overWindows(day.date, (from) => {
      const low = rangeOf(days.filter((d) => d.date >= from))?.min;
      return low
        ? { verdict: holds(low.ratio), value: `lowest ${pct(low.ratio)} on ${low.date}`, sources: [low.source] }
        : { verdict: null, value: '', sources: [] };
    }),
    'the staking ratio (its lowest day)',
  );
  ev.push(windows.evidence);
  const flipCondition = `A staking ratio below ${pct(allowed)} (${FLOOR} less the ${pct(TOLERANCE, 0)} allowance) on ${day.date} would make ${CAP} × the ratio less than ${NEVER} and this contradicted; it was ${pct(day.ratio)}. The concept (staked is not “never circulated”) keeps it from “supported” whatever the ratio.`;
  const done = (reason: string): VerdictResult => ({ ...result(verdict, reason, ev), flipCondition });
  return verdict === 'partly supported'
    ? done(
        `On ${day.date} ${pct(day.ratio)} of issued TAO was staked, so ${CAP} × ${pct(day.ratio)} = ${usd(implied)}, consistent with “at least ${NEVER}”.${gap}${windows.text} ${concept}`,
      )
    : done(
        `On ${day.date} only ${pct(day.ratio)} of issued TAO was staked, so ${CAP} × ${pct(day.ratio)} = ${usd(implied)}, less than the article’s ${NEVER}.${gap}${windows.text} ${concept}`,
      );
};

/** C16: real market cap $600M (the unstaked 30%), FDV $5B (price × 21M). */
export const C16: VerdictFn = (data) => {
  const cap = figure(data, 'article-market-cap');
  const real = figure(data, 'article-real-market-cap');
  const fdv = figure(data, 'article-fdv');
  const supply = figure(data, 'article-issued-supply');
  const max = figure(data, 'max-supply');
  const ownFdv = (valueOf(cap) / valueOf(supply)) * valueOf(max);
  const [CAP, REAL, FDV, SUPPLY, MAX] = [cap, real, fdv, supply, max].map(figureText);
  const unstaked = shareText(1 - valueOf(figure(data, 'article-staking-floor')));
  const ev: Evidence[] = [
    figureEvidence(real),
    figureEvidence(fdv),
    {
      label: 'FDV from the article’s own inputs',
      value: usd(ownFdv),
      formula: formulaOf('fdv', {
        'market cap': CAP,
        'issued supply': `${SUPPLY} TAO`,
        'max supply': `${MAX} TAO`,
      }),
      sources: [cap.source, supply.source, max.source],
    },
  ];
  const day = dayAt(data);
  if (!day)
    return result(
      'unverifiable',
      `The article’s figures agree with each other (${formulaOf('market-value', { 'market cap': CAP, 'share of supply': unstaked })} = ${REAL}; ${formulaOf('fdv', { 'market cap': CAP, 'issued supply': SUPPLY, 'max supply': MAX })} = ${usd(ownFdv)}, rounded to ${FDV}), but this build has no chain supply or staking ratio for ${cap.asOf}, and no price source for the ${CAP}.`,
      ev,
    );
  const chainReal = valueOf(cap) * (1 - day.ratio);
  const chainFdv = (valueOf(cap) / raoToTao(day.issued)) * valueOf(max);
  ev.push(
    ratioEvidence(day),
    {
      label: `Liquid value: ${CAP} × unstaked share`,
      value: usd(chainReal),
      formula: formulaOf('market-value', { 'market cap': CAP, 'share of supply': `(1 − ${STAKING_RATIO_FORMULA})` }),
      sources: [cap.source, day.source],
    },
    {
      label: `FDV: ${CAP} / chain issuance × ${MAX}`,
      value: usd(chainFdv),
      formula: formulaOf('fdv', {
        'market cap': CAP,
        'issued supply': formulaOf('issued-supply'),
        'max supply': MAX,
      }),
      sources: [cap.source, issuedSource(day), max.source],
    },
  );
  const realOk = matches(valueOf(real), chainReal);
  const fdvOk = matches(valueOf(fdv), chainFdv);
  // matches(a, b): |a − b| ≤ 3% of b; the liquid value is cap × (1 − ratio), the FDV cap / issued × max supply
  const liquidBand = [
    1 - valueOf(real) / (1 - TOLERANCE) / valueOf(cap),
    1 - valueOf(real) / (1 + TOLERANCE) / valueOf(cap),
  ];
  const issuedBand = [
    (valueOf(cap) * valueOf(max)) / (valueOf(fdv) / (1 - TOLERANCE)),
    (valueOf(cap) * valueOf(max)) / (valueOf(fdv) / (1 + TOLERANCE)),
  ];
  const flipCondition = `Both figures match when the staking ratio on ${day.date} lies between ${pct(liquidBand[0])} and ${pct(liquidBand[1])} (it was ${pct(day.ratio)}) and issued TAO between ${formatTao(BigInt(Math.round(issuedBand[0])) * 1_000_000_000n)} and ${formatTao(BigInt(Math.round(issuedBand[1])) * 1_000_000_000n)} (it was ${formatTao(day.issued)}); then this is partly supported (the ${CAP} is not sourced here), otherwise contradicted.`;
  const numbers = `With the chain’s ${pct(day.ratio)} staked and ${formatTao(day.issued)} issued on ${day.date}, ${CAP} gives a liquid value of ${usd(chainReal)} and an FDV of ${usd(chainFdv)}`;
  const out =
    realOk && fdvOk
      ? result(
          'partly supported',
          `${numbers}, matching ${REAL} and ${FDV}. The ${CAP} itself is not sourced here, and calling the unstaked part the “real” market cap assumes staked TAO is out of the market, which it is not.`,
          ev,
        )
      : result(
          'contradicted',
          `${numbers}, against the article’s ${REAL} and ${FDV}${realOk ? ' (the FDV is off)' : fdvOk ? ' (the liquid value is off)' : ''}.`,
          ev,
        );
  return { ...out, flipCondition };
};
