/** Verdicts for the staking essay: the staking ratio and the market-cap arithmetic built on it (C13-C16). */
import type { ReportData } from '../../data/schema.ts';
import type { Source } from '../../data/schema.ts';
import { formatCompact, formatTao, raoToTao } from '../../metrics/amount.ts';
import { addDays } from '../../metrics/series.ts';
import { rangeOf, STAKING_RATIO_FORMULA, stakeGrowth, stakingSeries, type StakingDay } from '../../metrics/staking.ts';
import {
  crossedBreaks,
  dateOf,
  figure,
  figureEvidence,
  matches,
  needsChain,
  noteRootDivs,
  pct,
  result,
  tally,
  TOLERANCE,
  valueOf,
} from '../evidence.ts';
import { C13_PARTLY, C13_SUPPORTED } from '../thresholds.ts';

/**
 * From dTAO until spec 283 TotalStake left out the root dividends credited to stakers (series break
 * root-divs-outside-subnet-tao), so the staking ratio read low. Each runtime upgrade also reset TotalIssuance to
 * Balances issuance + TotalStake (v2.0.11 runtime/src/lib.rs L1459-L1462, Migrations: initialise_total_issuance;
 * migrate_init_total_issuance.rs), taking the dividends paid until then out of the issuance too. By April 2025, with
 * the article's 150k paid to root and 8.61M issued, the ratio read low by about 0.5 points just after an upgrade and
 * up to 1.7 points with no upgrade since dTAO.
 */
const ROOT_DIVS_TEXT =
  ' From dTAO until spec 283 (about 30 June 2025) TotalStake left out the root dividends credited to stakers, and each runtime upgrade reset TotalIssuance to Balances issuance plus that TotalStake, so on those days the ratio reads low: by April 2025 by about 0.5 to 1.7 points (the article’s 150k TAO paid to root against 8.61M issued; 0.5 just after an upgrade, 1.7 with none since dTAO; series break “root-divs-outside-subnet-tao”)';
import type { Evidence, VerdictFn } from '../types.ts';

const usd = (x: number) => `$${formatCompact(x)}`;
/** The TotalIssuance read made at the same block as a staking day's TotalStake read. */
const issuedSource = (d: StakingDay): Source =>
  d.source.kind === 'chain' ? { ...d.source, item: 'SubtensorModule.TotalIssuance' } : d.source;
const articleDate = (data: ReportData) => dateOf(figure(data, 'article-market-cap'));

/** Chain days up to the article's date. */
function daysBefore(data: ReportData): StakingDay[] {
  if (data.snapshot.kind === 'cited') return [];
  const until = articleDate(data);
  return stakingSeries(data.snapshot).filter((d) => d.date <= until);
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

/** C13: the stake only looks like it rose because supply inflated. Splits the stake's growth into issuance growth and ratio change. */
export const C13: VerdictFn = (data) => {
  const g = stakeGrowth(daysBefore(data));
  const ev: Evidence[] = [figureEvidence(figure(data, 'article-staking-floor'))];
  if (!g) return needsChain('daily TotalStake and TotalIssuance before the article', ev);
  const { first, last, stakeChange, fromIssuance } = g.value;
  ev.push(ratioEvidence(first, 'First day'), ratioEvidence(last, 'Last day before the article'), {
    label: 'Share of the stake’s rise that issuance growth alone explains (at the first day’s ratio)',
    value: Number.isNaN(fromIssuance) ? 'n/a' : pct(fromIssuance),
    formula: g.formula,
    sources: g.inputs,
  });
  const crossed = crossedBreaks(['totalStake', 'totalIssuance'], first.date, last.date);
  ev.push(...crossed.evidence);
  const gap = noteRootDivs(ev, first.date, last.date, 'in force over this range') ? ROOT_DIVS_TEXT : '';
  const notes = `${crossed.text}${gap}`;
  const span = `From ${first.date} to ${last.date}`;
  if (stakeChange <= 0n)
    return result(
      'contradicted',
      `${span} staked TAO did not rise (${formatTao(first.staked)} → ${formatTao(last.staked)}), so there is no rise to explain.${notes}`,
      ev,
    );
  const how = `${span} staked TAO rose by ${formatTao(stakeChange)} while the staking ratio went from ${pct(first.ratio)} to ${pct(last.ratio)}: issuance growth at a constant ratio accounts for ${pct(fromIssuance)} of the rise`;
  const bounds = ` (Thresholds: ${pct(C13_SUPPORTED, 0)} or more supports the claim, ${pct(C13_PARTLY, 0)} to ${pct(C13_SUPPORTED, 0)} partly.)`;
  if (fromIssuance >= C13_SUPPORTED)
    return result('supported', `${how}, so the rise mostly reflects a growing supply.${notes}${bounds}`, ev);
  if (fromIssuance >= C13_PARTLY)
    return result(
      'partly supported',
      `${how}; the rest came from a higher share of TAO being staked.${notes}${bounds}`,
      ev,
    );
  return result(
    'contradicted',
    `${how}; most of it came from a higher share of TAO being staked.${notes}${bounds}`,
    ev,
  );
};

/** C14: the staking ratio never fell below 70% and peaked near 90%. */
export const C14: VerdictFn = (data) => {
  const floor = figure(data, 'article-staking-floor');
  const peak = figure(data, 'article-staking-peak');
  const ev: Evidence[] = [figureEvidence(floor), figureEvidence(peak)];
  const cited = data.reference.figures.find((f) => f.id === 'staking-ratio-april-2025');
  if (cited) ev.push(figureEvidence(cited));
  const r = rangeOf(daysBefore(data));
  if (!r)
    return needsChain(
      `a daily staking ratio (the cited ${cited ? pct(valueOf(cited), 0) : '70%'} for April 2025 is one day, not “never below”)`,
      ev,
    );
  ev.push(ratioEvidence(r.min, 'Lowest ratio'), ratioEvidence(r.max, 'Highest ratio'));
  const allowed = valueOf(floor) * (1 - TOLERANCE);
  const floorHolds = r.min.ratio >= allowed;
  const peakHolds = matches(valueOf(peak), r.max.ratio);
  const verdict = tally([floorHolds, peakHolds]);
  const floorText =
    r.min.ratio >= valueOf(floor)
      ? 'never below the article’s 70%'
      : floorHolds
        ? `just under the article’s 70% at its lowest, within the 3% allowance for its rounding (down to ${pct(allowed)})`
        : `below the article’s 70%, and below the 3% allowance (${pct(allowed)})`;
  const first = daysBefore(data)[0];
  const last = daysBefore(data).at(-1) ?? first;
  const crossed = crossedBreaks(['totalStake', 'totalIssuance'], first.date, last.date);
  ev.push(...crossed.evidence);
  const gap = noteRootDivs(ev, first.date, last.date, 'in force over this range') ? ROOT_DIVS_TEXT : '';
  return result(
    verdict,
    `Over ${r.days} days of chain reads up to the article, the staking ratio ranged from ${pct(r.min.ratio)} (${r.min.date}) to ${pct(r.max.ratio)} (${r.max.date}): ${floorText}, and a peak ${peakHolds ? 'near' : 'far from'} its 90%.${crossed.text}${gap}`,
    ev,
  );
};

/** C15: $2B × ≥70% staked = at least $1.4B that never circulated. */
export const C15: VerdictFn = (data) => {
  const cap = figure(data, 'article-market-cap');
  const never = figure(data, 'article-never-circulated');
  const floor = figure(data, 'article-staking-floor');
  const own = valueOf(cap) * valueOf(floor);
  const ev: Evidence[] = [
    figureEvidence(cap),
    figureEvidence(never),
    {
      label: 'The article’s own inputs, recomputed',
      value: usd(own),
      formula: '$2B × 70%',
      sources: [cap.source, floor.source],
    },
  ];
  const concept =
    'Staked TAO had no unbonding period: it could be unstaked in one block and then transferred to an exchange and sold there, so “staked” is not “never circulated” (after dTAO, though, TotalStake also counts the TAO in subnet pools, about 450k of it injected by the protocol, which no holder can withdraw at par); the $2B market cap is not sourced here.';
  const day = dayAt(data);
  if (!day)
    return result(
      'unverifiable',
      `The arithmetic holds (${usd(valueOf(cap))} × 70% = ${usd(own)}), but this build has no chain staking ratio for ${cap.asOf}. ${concept}`,
      ev,
    );
  const implied = valueOf(cap) * day.ratio;
  ev.push(ratioEvidence(day), {
    label: 'The article’s $2B times the chain’s ratio',
    value: usd(implied),
    formula: '$2B × TotalStake / TotalIssuance',
    sources: [cap.source, day.source],
  });
  const gap = noteRootDivs(ev, day.date, day.date, 'in force on this date') ? ROOT_DIVS_TEXT : '';
  return day.ratio >= valueOf(floor) * (1 - TOLERANCE)
    ? result(
        'partly supported',
        `On ${day.date} ${pct(day.ratio)} of issued TAO was staked, so $2B × ${pct(day.ratio)} = ${usd(implied)}, consistent with “at least $1.4B”.${gap} ${concept}`,
        ev,
      )
    : result(
        'contradicted',
        `On ${day.date} only ${pct(day.ratio)} of issued TAO was staked, so $2B × ${pct(day.ratio)} = ${usd(implied)}, less than the article’s $1.4B.${gap} ${concept}`,
        ev,
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
  const ev: Evidence[] = [
    figureEvidence(real),
    figureEvidence(fdv),
    {
      label: 'FDV from the article’s own inputs',
      value: usd(ownFdv),
      formula: '$2B / 8.61M TAO × 21M TAO',
      sources: [cap.source, supply.source, max.source],
    },
  ];
  const day = dayAt(data);
  if (!day)
    return result(
      'unverifiable',
      `The article’s figures agree with each other ($2B × 30% = $600M; $2B / 8.61M × 21M = ${usd(ownFdv)}, rounded to $5B), but this build has no chain supply or staking ratio for ${cap.asOf}, and no price source for the $2B.`,
      ev,
    );
  const chainReal = valueOf(cap) * (1 - day.ratio);
  const chainFdv = (valueOf(cap) / raoToTao(day.issued)) * valueOf(max);
  ev.push(
    ratioEvidence(day),
    {
      label: 'Liquid value: $2B × unstaked share',
      value: usd(chainReal),
      formula: '$2B × (1 − TotalStake / TotalIssuance)',
      sources: [cap.source, day.source],
    },
    {
      label: 'FDV: $2B / chain issuance × 21M',
      value: usd(chainFdv),
      formula: '$2B / TotalIssuance × 21M',
      sources: [cap.source, issuedSource(day), max.source],
    },
  );
  const realOk = matches(valueOf(real), chainReal);
  const fdvOk = matches(valueOf(fdv), chainFdv);
  const numbers = `With the chain’s ${pct(day.ratio)} staked and ${formatTao(day.issued)} issued on ${day.date}, $2B gives a liquid value of ${usd(chainReal)} and an FDV of ${usd(chainFdv)}`;
  return realOk && fdvOk
    ? result(
        'partly supported',
        `${numbers}, matching $600M and $5B. The $2B itself is not sourced here, and calling the unstaked part the “real” market cap assumes staked TAO is out of the market, which it is not.`,
        ev,
      )
    : result(
        'contradicted',
        `${numbers}, against the article’s $600M and $5B${realOk ? ' (the FDV is off)' : fdvOk ? ' (the liquid value is off)' : ''}.`,
        ev,
      );
};
