/** Marks shared by the time-series charts: events, the article's figures and cited figures, drawn distinctly. */
import * as Plot from '@observablehq/plot';
import { COLORS } from './types.ts';
import { isArticle, isCited, isEvent, toDate, type TimeRow } from './time-rows.ts';

const label = (r: TimeRow) => r.series.replace(/^(event|article|cited): /, '');

/** Vertical rules with short labels for dated events. */
export function eventMarks(rows: TimeRow[]) {
  const events = rows.filter(isEvent);
  return [
    Plot.ruleX(events, { x: toDate, stroke: COLORS.muted, strokeDasharray: '2,3' }),
    Plot.text(events, { x: toDate, text: label, frameAnchor: 'top', dy: -2, rotate: -90, textAnchor: 'end', dx: 3, fontSize: 9, fill: 'currentColor', fillOpacity: 0.75 }),
  ];
}

/** The article's figures: vermillion diamonds (dated) or dashed rules (levels), labelled "article". */
export function articleMarks(rows: TimeRow[], fmt: (v: number) => string) {
  const article = rows.filter(isArticle);
  const dated = article.filter((r) => r.date);
  const levels = article.filter((r) => !r.date);
  return [
    Plot.ruleY(levels, { y: 'value', stroke: COLORS.article, strokeDasharray: '6,3', strokeWidth: 1.5 }),
    Plot.text(levels, { y: 'value', text: (r: TimeRow) => `article: ${label(r)} ${fmt(r.value ?? 0)}`, frameAnchor: 'left', dy: -7, fill: COLORS.article, fontSize: 10 }),
    Plot.dot(dated, { x: toDate, y: 'value', symbol: 'diamond2', r: 5, stroke: COLORS.article, strokeWidth: 2, fill: 'none' }),
    Plot.text(dated, { x: toDate, y: 'value', text: (r: TimeRow) => `article ${fmt(r.value ?? 0)}`, dx: 8, textAnchor: 'start', fill: COLORS.article, fontSize: 10 }),
    Plot.tip(dated, Plot.pointer({ x: toDate, y: 'value', title: (r: TimeRow) => `The article: ${label(r)}\n${fmt(r.value ?? 0)} (${r.date})` })),
  ];
}

/** Figures cited from publications: green circles. */
export function citedMarks(rows: TimeRow[], fmt: (v: number) => string) {
  const cited = rows.filter((r) => isCited(r) && r.date);
  return [
    Plot.dot(cited, { x: toDate, y: 'value', r: 4, stroke: COLORS.cited, strokeWidth: 2, fill: 'none' }),
    Plot.tip(cited, Plot.pointer({ x: toDate, y: 'value', title: (r: TimeRow) => `Cited: ${label(r)}\n${fmt(r.value ?? 0)} (${r.date})` })),
  ];
}

/** A measured line with a hover tip naming the block each point was read at; `step` for counts that change in steps. */
export function measuredLine(rows: TimeRow[], fmt: (v: number) => string, stroke: string = COLORS.chain, step = false) {
  return [
    Plot.lineY(rows, { x: toDate, y: 'value', stroke, strokeWidth: 1.75, ...(step ? { curve: 'step-after' as const } : {}) }),
    Plot.tip(rows, Plot.pointerX({ x: toDate, y: 'value', title: (r: TimeRow) => `${r.series}: ${fmt(r.value ?? 0)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}` })),
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
