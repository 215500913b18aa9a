/**
 * A chart is a pure module: `rows(data)` picks exactly the numbers it plots (also served as CSV/JSON and shown
 * as a table), and `plot(rows, options)` turns them into Observable Plot options. The same two functions run
 * at build time (inline SVG, no JavaScript needed) and in the browser (live, with tips and controls).
 */
import type { ReportData } from '../data/schema.ts';

/** A chart reads the report's data (owned by the data layer, src/data/schema.ts). */
export type ChartData = ReportData;

/** Where a plotted number came from. */
export type Origin = 'chain' | 'synthetic' | 'publication' | 'article' | 'computed';

/** Provenance columns every row carries, so downloads keep the provenance of each number. */
export interface RowSource {
  origin: Origin;
  block: number | null;
  hash: string | null;
  item: string | null;
  url: string | null;
}

export interface Column<R> {
  key: keyof R & string;
  label: string;
  format?: 'tao' | 'percent' | 'date' | 'count' | 'text' | 'usd';
}

export interface Control {
  name: string;
  label: string;
  values: readonly string[];
}

/** Reader choices, e.g. `{ scale: 'log' }`; each chart declares its own. */
export type ChartOptions = Record<string, string>;

export interface ChartDef<R extends RowSource = RowSource> {
  id: string;
  title: string;
  /** what the chart shows, for the caption */
  caption: string;
  columns: Column<R>[];
  controls: Control[];
  rows(data: ChartData): R[];
  /** a text alternative: what a sighted reader would take from the chart */
  describe(rows: R[], data: ChartData): string;
  /** Plot options without `document`, width or aria (added by spec.ts) */
  plot(rows: R[], options: ChartOptions, data: ChartData): Record<string, unknown>;
}

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, in light and dark mode. */
export const COLORS = {
  chain: '#0072B2',
  cited: '#009E73',
  article: '#D55E00',
  accent: '#E69F00',
  muted: '#999999',
  purple: '#CC79A7',
  sky: '#56B4E9',
} as const;
