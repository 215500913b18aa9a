/** Full Plot options for a chart: the chart's own options plus size and accessible text, the same in Node and the browser. */
import * as Plot from '@observablehq/plot';
import type { ChartData, ChartDef, ChartOptions } from './types.ts';

/** Charts render at this width on both sides; CSS scales the SVG, so the live render never shifts the page. */
export const CHART_WIDTH = 688;

export function defaultOptions(def: ChartDef<any>): ChartOptions {
  return Object.fromEntries(def.controls.map((c) => [c.name, c.values[0]]));
}

export function renderChart(def: ChartDef<any>, data: ChartData, options: ChartOptions, document?: Document): SVGSVGElement | HTMLElement {
  const rows = def.rows(data);
  const opts = { ...defaultOptions(def), ...options };
  return Plot.plot({
    ...def.plot(rows, opts, data),
    width: CHART_WIDTH,
    style: { background: 'transparent', fontSize: '11px' },
    ariaLabel: def.title,
    ariaDescription: def.describe(rows, data),
    ...(document ? { document } : {}),
  } as Plot.PlotOptions);
}
