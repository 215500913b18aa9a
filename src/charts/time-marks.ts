/** Marks shared by the time-series charts: events and series breaks, the article's figures and cited figures, drawn distinctly. */
import * as Plot from '@observablehq/plot';
import { breaksCrossed, caveatsFor, type SeriesBreak } from '../model/breaks.ts';
import { addDays } from '../metrics/series.ts';
import type { SeriesField } from '../model/series.ts';
import type { SubnetColumn } from '../model/columns.ts';
import { MARK_FONT } from './place.ts';
import { COLORS, type ChartData, type ChartPlot, type KeyItem, type PointLabel } from './types.ts';
import { isArticle, isCited, isEvent, isMeasured, toDate, type TimeRow } from './time-rows.ts';

const label = (r: TimeRow) => r.series.replace(/^(event|article|cited): /, '');

/** What a time chart says in its frame when the build has no chain reads for it, in a reader's words. */
export const NO_CHAIN_READS = 'No chain data in this build: only the article’s and cited figures are drawn.';

/** The dated rows' first and last date. */
function dateSpan(rows: Array<{ date: string | null }>): [string, string] | null {
  const dates = rows.flatMap((r) => (r.date ? [r.date] : [])).sort();
  return dates.length ? [dates[0], dates[dates.length - 1]] : null;
}

/** Days added on each side of the figures' dates when a chart has no chain rows, so one point gets a short axis. */
export const SHORT_AXIS_PAD_DAYS = 60;

const shiftDate = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The dates a time chart spans: those of what it draws besides events (chain rows, the article's and cited figures);
 * with no chain rows, padded by SHORT_AXIS_PAD_DAYS on each side (a short axis around the figures rather than the
 * whole history of events); with nothing but events, the events'.
 */
export function timeSpan(shown: TimeRow[]): [string, string] | null {
  const drawn = shown.filter((r) => !isEvent(r));
  const span = dateSpan(drawn);
  if (!span) return dateSpan(shown);
  if (drawn.some(isMeasured)) return span;
  return [shiftDate(span[0], -SHORT_AXIS_PAD_DAYS), shiftDate(span[1], SHORT_AXIS_PAD_DAYS)];
}

/** The x domain of a time chart with no chain rows (its short axis), or undefined to let the data set it. */
export function timeDomain(shown: TimeRow[]): [Date, Date] | undefined {
  if (shown.some(isMeasured)) return undefined;
  const span = timeSpan(shown);
  return span ? [new Date(`${span[0]}T00:00:00Z`), new Date(`${span[1]}T00:00:00Z`)] : undefined;
}

/**
 * The markers of a time chart: its dated events within its span (timeSpan), numbered 1, 2, … in date order, and the
 * chain's series breaks of `series` within it, lettered A, B, … (`data.breaks` when given, else SERIES_BREAKS). A
 * break on an event's day is not a second mark: the event's key entry names it (`breaks`).
 */
export function timeMarkers(shown: TimeRow[], series: readonly SeriesField[], data: ChartData): KeyItem[] {
  const span = timeSpan(shown);
  if (!span) return [];
  const [from, to] = span;
  // the breaks crossed from the day before the span to its last day, dated within it (a recurring break of a period
  // that began earlier is marked at its own date or not at all)
  const list = breaksCrossed(series, addDays(from, -1), to, data.breaks).filter((b) => b.date >= from);
  const breakItem = (b: SeriesBreak) => ({ label: keyNote(b, '').label, href: `methodology/#break-${b.id}` });
  const events: KeyItem[] = shown
    .filter((r) => isEvent(r) && r.date !== null && r.date >= from && r.date <= to)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .map((r, i) => {
      const same = list.filter((b) => b.date === r.date && b.kind !== 'caveat').map(breakItem);
      return {
        mark: String(i + 1),
        kind: 'event',
        date: r.date,
        label: label(r),
        href: r.url,
        ...(same.length ? { breaks: same } : {}),
      };
    });
  const eventDays = new Set(events.map((e) => e.date));
  const breaks: KeyItem[] = list
    .filter((b) => !(eventDays.has(b.date) && b.kind !== 'caveat'))
    .map((b, i) => keyNote(b, String.fromCharCode(65 + (i % 26))));
  return [...events, ...breaks];
}

/** A break or caveat as an entry of the key only (no rule drawn): for charts whose bars or dots are not dated. */
export function keyNote(b: SeriesBreak, mark: string): KeyItem {
  const caveat = b.kind === 'caveat';
  return {
    mark,
    kind: caveat ? 'caveat' : 'break',
    date: b.date,
    label: !caveat && b.invalidBefore ? `unusable until here: ${b.label}` : b.label,
    href: `methodology/#break-${b.id}`,
  };
}

/** The caveats (open reports of wrong values) on what a chart reads, as key entries marked "!". */
export function caveatNotes(
  series: readonly SeriesField[],
  columns: readonly SubnetColumn[],
  data: ChartData,
): KeyItem[] {
  return caveatsFor(series, columns, undefined, data.breaks).map((b) => keyNote(b, '!'));
}

/**
 * The article's figures (vermillion diamonds when dated, dashed rules when levels) and cited figures (green
 * circles), with labels for the article's figures that the renderer places clear of other text.
 */
export function figureMarks(
  rows: TimeRow[],
  fmt: (v: number) => string,
  levelX?: number | Date,
): { marks: Plot.Markish[]; labels: PointLabel[] } {
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
      // the cited circles carry no label, but the labels placed around them keep clear of them
      ...cited.map((r) => ({ x: toDate(r) as Date, y: r.value ?? 0, text: '', fill: COLORS.cited, date: r.date })),
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

/** What one time chart draws in the frame every time chart shares (timePlot). */
export interface TimeFrame {
  /** the series read: their breaks are marked on the axis, their caveats are in the key */
  series: readonly SeriesField[];
  /** the per-subnet columns read, for their caveats */
  columns?: readonly SubnetColumn[];
  /** how the article's and cited figures' values are written; null: the figures are not drawn */
  fmt: ((v: number) => string) | null;
  height: number;
  marginLeft: number;
  y: Plot.ScaleOptions;
  color?: Plot.ScaleOptions;
  /** the chart's own marks, drawn under the figures' */
  marks: Plot.Markish[];
  /** marks drawn over the figures' (tips) */
  over?: Plot.Markish[];
  /** labels placed before the figures' */
  labels?: PointLabel[];
  /** whether the frame draws anything read from the chain; when not, it says NO_CHAIN_READS */
  drawn: boolean;
}

/**
 * A time chart's Plot options and annotations from the rows it shows: a UTC x axis (the short axis without chain
 * rows), the chart's marks with the figures' over them, the events and series breaks of `series` as markers, the
 * caveats on what it reads as notes, and NO_CHAIN_READS in the frame when nothing from the chain is drawn.
 */
export function timePlot(shown: TimeRow[], data: ChartData, f: TimeFrame): ChartPlot {
  const figures = f.fmt ? figureMarks(shown, f.fmt) : { marks: [], labels: [] };
  return {
    options: {
      height: f.height,
      marginLeft: f.marginLeft,
      ...(f.color ? { color: f.color } : {}),
      y: f.y,
      x: { type: 'utc', label: null, domain: timeDomain(shown) },
      marks: [...f.marks, ...figures.marks, ...(f.over ?? [])],
    },
    annotations: {
      markers: timeMarkers(shown, f.series, data),
      notes: caveatNotes(f.series, f.columns ?? [], data),
      labels: [...(f.labels ?? []), ...figures.labels],
      message: f.drawn ? null : NO_CHAIN_READS,
    },
  };
}
