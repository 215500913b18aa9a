/** Marks shared by the time-series charts: events and series breaks, the article's figures and cited figures, drawn distinctly. */
import * as Plot from '@observablehq/plot';
import { breaksWithin } from '../data/breaks.ts';
import type { SeriesField } from '../data/fields.ts';
import { MARK_FONT } from './place.ts';
import { COLORS, type ChartData, type KeyItem, type PointLabel } from './types.ts';
import { isArticle, isCited, isEvent, toDate, type TimeRow } from './time-rows.ts';

const label = (r: TimeRow) => r.series.replace(/^(event|article|cited): /, '');

/** What a time chart says in its frame when the build has no chain reads for it. */
export const NO_CHAIN_READS = 'No chain reads in this build: the line appears once a chain snapshot is committed.';

/** The dated rows' first and last date. */
function dateSpan(rows: Array<{ date: string | null }>): [string, string] | null {
  const dates = rows.flatMap((r) => (r.date ? [r.date] : [])).sort();
  return dates.length ? [dates[0], dates[dates.length - 1]] : null;
}

/**
 * The markers of a time chart: its dated events, numbered 1, 2, … in date order, and the chain's series breaks of
 * `series` within the chart's date span, lettered A, B, … (`data.breaks` when given, else SERIES_BREAKS).
 */
export function timeMarkers(shown: TimeRow[], series: readonly SeriesField[], data: ChartData): KeyItem[] {
  const span = dateSpan(shown);
  if (!span) return [];
  const [from, to] = span;
  const events: KeyItem[] = shown
    .filter(isEvent)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .map((r, i) => ({ mark: String(i + 1), kind: 'event', date: r.date, label: label(r), href: r.url }));
  const list = breaksWithin(from, to, series, data.breaks);
  const breaks: KeyItem[] = [...list]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((b, i) => ({
      mark: String.fromCharCode(65 + (i % 26)),
      kind: 'break',
      date: b.date,
      label: b.invalidBefore ? `unusable until here: ${b.label}` : `counter break: ${b.label}`,
      href: `methodology/#break-${b.id}`,
    }));
  return [...events, ...breaks];
}

/**
 * The article's figures (vermillion diamonds when dated, dashed rules when levels) and cited figures (green
 * circles), with labels for the article's figures that the renderer places clear of other text.
 */
export function figureMarks(
  rows: TimeRow[],
  fmt: (v: number) => string,
  levelX?: number | Date,
): { marks: unknown[]; labels: PointLabel[] } {
  const article = rows.filter(isArticle);
  const dated = article.filter((r) => r.date);
  const levels = article.filter((r) => !r.date);
  const cited = rows.filter((r) => isCited(r) && r.date);
  const span = dateSpan(rows);
  const start = levelX ?? (span ? new Date(`${span[0]}T00:00:00Z`) : null);
  return {
    marks: [
      Plot.ruleY(levels, { y: 'value', stroke: COLORS.article, strokeDasharray: '6,3', strokeWidth: 1.5 }),
      Plot.dot(dated, {
        x: toDate,
        y: 'value',
        symbol: 'diamond2',
        r: 5,
        stroke: COLORS.article,
        strokeWidth: 2,
        fill: 'none',
      }),
      Plot.tip(
        dated,
        Plot.pointer({
          x: toDate,
          y: 'value',
          fontSize: MARK_FONT,
          title: (r: TimeRow) => `The article: ${label(r)}\n${fmt(r.value ?? 0)} (${r.date})`,
        }),
      ),
      Plot.dot(cited, { x: toDate, y: 'value', r: 4, stroke: COLORS.cited, strokeWidth: 2, fill: 'none' }),
      Plot.tip(
        cited,
        Plot.pointer({
          x: toDate,
          y: 'value',
          fontSize: MARK_FONT,
          title: (r: TimeRow) => `Cited: ${label(r)}\n${fmt(r.value ?? 0)} (${r.date})`,
        }),
      ),
    ],
    labels: [
      ...dated.map((r) => ({
        x: toDate(r) as Date,
        y: r.value ?? 0,
        text: `article ${fmt(r.value ?? 0)}`,
        fill: COLORS.article,
        date: r.date,
      })),
      ...(start
        ? levels.map((r) => ({
            x: start,
            y: r.value ?? 0,
            text: `article: ${label(r)} ${fmt(r.value ?? 0)}`,
            fill: COLORS.article,
            level: true,
          }))
        : []),
    ],
  };
}

/** A measured line with a hover tip naming the block each point was read at; `step` for counts that change in steps. */
export function measuredLine(rows: TimeRow[], fmt: (v: number) => string, stroke: string = COLORS.chain, step = false) {
  return [
    Plot.lineY(rows, {
      x: toDate,
      y: 'value',
      stroke,
      strokeWidth: 1.75,
      ...(step ? { curve: 'step-after' as const } : {}),
    }),
    Plot.tip(
      rows,
      Plot.pointerX({
        x: toDate,
        y: 'value',
        fontSize: MARK_FONT,
        title: (r: TimeRow) =>
          `${r.series}: ${fmt(r.value ?? 0)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}`,
      }),
    ),
  ];
}

/** The earliest date a chart shows for a range control value. */
export function rangeStart(range: string | undefined, rows: Array<{ date: string | null }>): string | undefined {
  if (range === 'since-dtao') return '2025-02-13';
  if (range === 'last-year') {
    const last = rows.reduce<string>((m, r) => (r.date && r.date > m ? r.date : m), '');
    return last ? `${Number(last.slice(0, 4)) - 1}${last.slice(4)}` : undefined;
  }
  return undefined;
}

/** The rows a range control value shows: dated rows from its start on, and undated levels always. */
export function inRange<R extends { date: string | null }>(rows: R[], range: string | undefined): R[] {
  const from = rangeStart(range, rows);
  return from ? rows.filter((r) => !r.date || r.date >= from) : rows;
}

export const RANGE_CONTROL = { name: 'range', label: 'Dates', values: ['all', 'since-dtao', 'last-year'] } as const;
