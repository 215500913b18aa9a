/** Building blocks for verdict functions: figures by id, chain observations near a date, and evidence lines. */
import type { ChartData } from '../charts/types.ts';
import type { Figure, SeriesField, Source } from '../data/schema.ts';
import { formatCompact, formatPercent, formatTao, formatTaoChange, raoToTao } from '../metrics/amount.ts';
import type { Computed } from '../metrics/provenance.ts';
import { measuredAt, type Change, type Observation } from '../metrics/series.ts';
import type { Evidence, Verdict, VerdictResult } from './types.ts';

export function figure(data: ChartData, id: string): Figure {
  const f = data.reference.figures.find((x) => x.id === id);
  if (!f) throw new Error(`content/reference.yaml: figures: expected a figure with id "${id}"`);
  return f;
}

/** Display a figure's value in its unit. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'rao':
      return formatTao(BigInt(f.value));
    case 'ratio':
      return formatPercent(Number(f.value));
    case 'usd':
      return `$${formatCompact(Number(f.value))}`;
    default:
      return Number(f.value).toLocaleString('en-US');
  }
}

export function figureEvidence(f: Figure, label = f.label): Evidence {
  return { label: `${f.source.by === 'article' ? 'The article' : f.source.title}: ${label}`, value: formatFigure(f), sources: [f.source] };
}

/** A chain (or synthetic) observation of `field` on or just after `date`; null in a reference build. */
export function chainAt(data: ChartData, field: SeriesField, date: string): Observation | null {
  return measuredAt(data.snapshot, field, date);
}

export function observationEvidence(label: string, o: Observation, unit: 'rao' | 'count' = 'rao'): Evidence {
  return { label: `${label} (${o.date})`, value: unit === 'rao' ? formatTao(o.value) : o.value.toLocaleString('en-US'), sources: [o.source] };
}

/** |a − b| / b, for comparing the article's figures with the chain's. */
export function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

export const tao = (o: Observation) => raoToTao(o.value);

export function result(verdict: Verdict, reason: string, evidence: Evidence[]): VerdictResult {
  return { verdict, reason, evidence };
}

/** The standard answer when the build has no chain data for a claim. */
export function needsChain(what: string, evidence: Evidence[]): VerdictResult {
  return result('unverifiable', `This build has no chain data for ${what}; the verdict follows once a chain snapshot is committed.`, evidence);
}

/** Within this relative tolerance a rounded article figure counts as matching the chain. */
export const TOLERANCE = 0.03;

/** Whether a rounded article figure matches a measured value (within TOLERANCE, relative to the measured value). */
export function matches(claimed: number, measured: number): boolean {
  return relativeGap(claimed, measured) <= TOLERANCE;
}

/** Several independent checks of one claim: all hold → supported, none → contradicted, some → partly supported. */
export function tally(checks: boolean[]): Verdict {
  const held = checks.filter(Boolean).length;
  return held === checks.length ? 'supported' : held === 0 ? 'contradicted' : 'partly supported';
}

/** The date a figure describes; the article's figures all carry one. */
export function dateOf(f: Figure): string {
  if (!f.asOf) throw new Error(`content/reference.yaml: figures: ${f.id}.asOf: expected a date for this check`);
  return f.asOf;
}

/** A figure in TAO (RAO amounts) or as a plain number (ratios, counts, dollars). */
export function valueOf(f: Figure): number {
  return f.unit === 'rao' ? raoToTao(BigInt(f.value)) : Number(f.value);
}

/** `−150k TAO`, `+7.2k TAO`: a signed change. */
export const formatChange = (r: bigint) => formatTaoChange(r);

export const pct = (x: number, digits = 1) => formatPercent(x, digits);

/** An evidence line for a computed value, naming its formula and every input's source. */
export function computedEvidence(label: string, value: string, c: Pick<Computed<unknown>, 'formula' | 'inputs'>): Evidence {
  return { label, value, formula: c.formula, sources: c.inputs };
}

/** A change between two chain reads: "Root stake, 2025-02-13 → 2025-04-17: −150k TAO". */
export function changeEvidence(label: string, c: Computed<Change>): Evidence {
  const { before, after, delta } = c.value;
  return computedEvidence(`${label}, ${before.date} → ${after.date} (${formatTao(before.value)} → ${formatTao(after.value)})`, formatChange(delta), c);
}

/** An evidence line citing code or a publication without a figure in content/reference.yaml. */
export function citedEvidence(label: string, value: string, source: Source): Evidence {
  return { label, value, sources: [source] };
}
