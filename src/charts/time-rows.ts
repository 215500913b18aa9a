/** Rows for time-series charts: measured points from the snapshot, cited and article figures as overlays. */
import type { Figure, SeriesField, Snapshot } from '../model/schema.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { raoToTao } from '../metrics/amount.ts';
import { measuredObservations } from '../metrics/series.ts';
import { rowSource } from './source-columns.ts';
import type { ChartData, RowSource } from './types.ts';

export interface TimeRow extends RowSource {
  /** YYYY-MM-DD, or null for a level that holds at every date (a horizontal rule) */
  date: string | null;
  series: string;
  value: number | null;
  unit: string;
}

/** Measured daily values of a field. A `cited` snapshot has no measurements: its points are figures. */
export function measuredRows(
  s: Snapshot,
  field: SeriesField,
  series: string,
  toValue: (v: bigint) => number,
  unit: string,
): TimeRow[] {
  return measuredObservations(s, field).map((o) => ({
    date: o.date,
    series,
    value: toValue(o.value),
    unit,
    ...rowSource(o.source, s.kind),
  }));
}

export const taoValue = (v: bigint) => raoToTao(v);

/**
 * A TAO series' rows: its daily reads, the article's and cited figures drawn against it, and the dated events; reads
 * and events from `from` on when given.
 */
export function taoSeriesRows(data: ChartData, field: SeriesField, from?: string): TimeRow[] {
  const measured = measuredRows(data.snapshot, field, SERIES_FIELDS[field].label, taoValue, 'TAO');
  return [
    ...measured.filter((r) => !from || (r.date !== null && r.date >= from)),
    ...figureRows(data, field),
    ...eventRows(data, from),
  ];
}

/** A figure as a plotted value in display units (TAO for RAO amounts). */
function figureValue(f: Figure): number {
  return f.unit === 'rao' || f.unit === 'alpha-rao' ? raoToTao(BigInt(f.value)) : Number(f.value);
}

export function figureRow(f: Figure, series: string): TimeRow {
  return {
    date: f.asOf,
    series,
    value: figureValue(f),
    unit: f.unit === 'rao' ? 'TAO' : f.unit,
    ...rowSource(f.source, 'cited'),
  };
}

/** Figures drawn against a series field, labelled "the article" or "cited". */
export function figureRows(data: ChartData, field: SeriesField): TimeRow[] {
  return data.reference.figures
    .filter((f) => f.field === field && f.asOf)
    .map((f) => figureRow(f, f.source.by === 'article' ? `article: ${f.label}` : `cited: ${f.label}`));
}

export function eventRows(data: ChartData, from?: string): TimeRow[] {
  return data.reference.events
    .filter((e) => !from || e.date >= from)
    .map((e) => ({
      date: e.date,
      series: `event: ${e.label}`,
      value: null,
      unit: '',
      ...rowSource(e.source, 'cited'),
    }));
}

export const isEvent = (r: TimeRow) => r.series.startsWith('event: ');
export const isArticle = (r: TimeRow) => r.origin === 'article' && !isEvent(r);
export const isCited = (r: TimeRow) => r.origin === 'publication' && !isEvent(r);
export const isMeasured = (r: TimeRow) => r.origin === 'chain' || r.origin === 'synthetic';
/** The caption's sentence for the dated events, '' when the rows have none. */
export const eventsNote = (rows: TimeRow[]) =>
  rows.some(isEvent) ? 'Numbers: dated events, listed under the chart.' : '';
export const toDate = (r: TimeRow) => (r.date ? new Date(`${r.date}T00:00:00Z`) : null);

export const TIME_COLUMNS = [
  { key: 'date', label: 'Date', format: 'date' },
  { key: 'series', label: 'Series', format: 'text' },
  { key: 'value', label: 'Value' },
  { key: 'unit', label: 'Unit', format: 'text' },
  { key: 'origin', label: 'Origin', format: 'text' },
  { key: 'block', label: 'Block', format: 'count' },
  { key: 'item', label: 'Storage item', format: 'text' },
  { key: 'url', label: 'Citation', format: 'text' },
] as const;
