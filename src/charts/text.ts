/**
 * A chart's caption and text alternative for the reader's options. Both are written from the rows the chart draws
 * (`inRange(rows, options.range)`, as every chart's plot() selects them), so when a reader narrows the date range in
 * the browser, the caption and the description follow the drawing, and say which dates are shown. With the default
 * options (all dates) they are exactly the chart's caption(rows) and describe(rows), as the build renders them.
 */
import { defaultOptions } from './spec.ts';
import { inRange, rangeStart } from './time-marks.ts';
import type { AnyChartDef, ChartData, ChartOptions } from './types.ts';

const RANGE_NAME: Record<string, string> = { 'since-dtao': 'since dTAO', 'last-year': 'the last year of data' };

/** "Dates shown: since dTAO, 2025-02-13 to 2025-12-14." for a narrowed range; "" for all dates. */
export function rangeNote(rows: Array<{ date: string | null }>, range: string | undefined): string {
  const from = rangeStart(range, rows);
  if (!from || !range) return '';
  const last = inRange(rows, range).reduce<string>((m, r) => (r.date && r.date > m ? r.date : m), '');
  return `Dates shown: ${RANGE_NAME[range] ?? range}, ${from} to ${last || from}.`;
}

function shown(def: AnyChartDef, data: ChartData, options: ChartOptions) {
  const opts = { ...defaultOptions(def), ...options };
  const rows = def.rows(data);
  if (def.undated?.(opts)) return { opts, rows, note: '' };
  return { opts, rows: inRange(rows, opts.range), note: rangeNote(rows, opts.range) };
}

/** The caption under the chart: what is drawn, for these options. */
export function chartCaption(def: AnyChartDef, data: ChartData, options: ChartOptions = {}): string {
  const s = shown(def, data, options);
  return [def.caption(s.rows, data, s.opts), s.note].filter(Boolean).join(' ');
}

/** The text alternative the chart's SVG is described by: what a sighted reader takes from it, for these options. */
export function chartDescription(def: AnyChartDef, data: ChartData, options: ChartOptions = {}): string {
  const s = shown(def, data, options);
  return [def.describe(s.rows, data, s.opts), s.note].filter(Boolean).join(' ');
}
