/** Building blocks for verdict functions: figures by id, chain observations near a date, and evidence lines. */
import type { ChartData } from '../charts/types.ts';
import type { Figure, SeriesField } from '../data/schema.ts';
import { formatCompact, formatPercent, formatTao, raoToTao } from '../metrics/amount.ts';
import { observationAt, type Observation } from '../metrics/series.ts';
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
  if (data.snapshot.kind === 'reference') return null;
  return observationAt(data.snapshot, field, date);
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
