/**
 * A chart is a pure module: `rows(data)` picks exactly the numbers it plots (also served as CSV/JSON and shown
 * as a table), and `plot(rows, options)` turns them into Observable Plot options. The same two functions run
 * at build time (inline SVG, no JavaScript needed) and in the browser (live, with tips and controls).
 */
import type { Markish, PlotOptions } from '@observablehq/plot';
import type { Origin } from '../model/provenance.ts';
import type { SeriesBreak } from '../model/breaks.ts';
import type { ReportData } from '../model/schema.ts';

/** A chart reads the report's data (owned by the data layer, src/model/schema.ts). */
export interface ChartData extends ReportData {
  /** the chain's series breaks to mark; default: SERIES_BREAKS (src/model/breaks.ts). Tests pass their own rows. */
  breaks?: readonly SeriesBreak[];
}

/** The size a chart is drawn at: the width of its container (live) or of one of the build-time layouts. */
export interface Layout {
  width: number;
}

/**
 * One entry of the numbered key under a chart: a dated event, a series break, a caveat on a counter the chart reads
 * (an open report of wrong values), or a figure whose label did not fit.
 */
export interface KeyItem {
  /** what the chart draws for it: "1", "2" for events, "A", "B" for breaks, "!" for a caveat, "" for a figure */
  mark: string;
  kind: 'event' | 'break' | 'caveat' | 'figure';
  date: string | null;
  label: string;
  /** a citation (events), a methodology anchor relative to the site's base (breaks, caveats), or null */
  href: string | null;
  /** an event's: the chain's series breaks on its day, drawn as the event's one mark and named in its key entry */
  breaks?: Array<{ label: string; href: string }>;
}

/**
 * A text label for a point, placed by the renderer where it collides with no other label or point (or moved to the
 * key). An empty text marks a point that labels must keep clear of.
 */
export interface PointLabel {
  /** in the scale's domain: a date or number, or a band's name */
  x: number | Date | string;
  y: number | string;
  text: string;
  fill: string;
  /** the row's date, for the key when the label does not fit */
  date?: string | null;
  /** a level (a horizontal rule): the label sits above or below it at the frame's left */
  level?: boolean;
  /** try left of the point first (e.g. a label inside an area at its last point) */
  left?: boolean;
  fontWeight?: string;
}

/** What the renderer places around the chart's own marks, measured in pixels at the chart's width. */
export interface Annotations {
  /** dated rules (events, breaks), each with a short mark above the frame, explained in the key */
  markers?: KeyItem[];
  /** entries for the key only, drawn as no mark: breaks a chart's undated bars cross, caveats on what it reads */
  notes?: KeyItem[];
  labels?: PointLabel[];
  /** a sentence drawn in the frame, e.g. that the build has no chain reads */
  message?: string | null;
}

export interface ChartPlot {
  /** Plot options without `document`, width or aria (added by spec.ts) */
  options: PlotOptions & { marks?: Markish[] };
  annotations?: Annotations;
}

/** Provenance columns every row carries, so downloads keep the provenance of each number. */
export interface RowSource {
  /** where the number came from (the one provenance vocabulary, src/model/provenance.ts) */
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
  /**
   * what the chart shows, for the caption: a function of the rows drawn and of the options (the reader's, with the
   * defaults filled in; the build's are the defaults), so it names only what is drawn
   */
  caption(rows: R[], data: ChartData, options: ChartOptions): string;
  columns: Column<R>[];
  controls: Control[];
  rows(data: ChartData): R[];
  /** a text alternative: what a sighted reader would take from the chart, with these options */
  describe(rows: R[], data: ChartData, options: ChartOptions): string;
  /** true when, with these options, the chart draws no dates, so its date range does not apply (a per-subnet view) */
  undated?(options: ChartOptions): boolean;
  plot(rows: R[], options: ChartOptions, data: ChartData, layout: Layout): ChartPlot;
}

/**
 * A chart or column of some row type, as the registry, the renderers and the tables hold them: each chart has its
 * own rows, so the type parameter is existential here, which TypeScript cannot say; `any` stands for "some R".
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChartDef = ChartDef<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumn = Column<any>;

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
