/** Full Plot options for a chart: the chart's own options plus size and accessible text, the same in Node and the browser. */
import * as Plot from '@observablehq/plot';
import type { ChartData, ChartDef, ChartOptions } from './types.ts';

/** Charts render at this width on both sides; CSS scales the SVG, so the live render never shifts the page. */
export const CHART_WIDTH = 688;

export function defaultOptions(def: ChartDef<any>): ChartOptions {
  return Object.fromEntries(def.controls.map((c) => [c.name, c.values[0]]));
}

/** Move Plot's mark labels from aria-label to data-mark (also used on marks Plot re-renders on pointer moves). */
export function unnameMarks(root: Element): void {
  for (const child of root.querySelectorAll('[aria-label]')) {
    child.setAttribute('data-mark', child.getAttribute('aria-label') ?? '');
    child.removeAttribute('aria-label');
  }
}

/**
 * Render a chart. The root <svg> is the accessible image (role="img", its title as label, the text description by
 * id); Plot's per-mark aria-labels move to data-mark, since ARIA forbids names on plain <g> elements.
 */
export function renderChart(def: ChartDef<any>, data: ChartData, options: ChartOptions, describedBy: string, document?: Document): SVGSVGElement | HTMLElement {
  const rows = def.rows(data);
  const opts = { ...defaultOptions(def), ...options };
  const el = Plot.plot({
    ...def.plot(rows, opts, data),
    width: CHART_WIDTH,
    style: { background: 'transparent', fontSize: '11px' },
    ariaLabel: def.title,
    ariaDescription: def.describe(rows, data),
    ...(document ? { document } : {}),
  } as Plot.PlotOptions);
  unnameMarks(el);
  el.setAttribute('role', 'img');
  el.setAttribute('aria-describedby', describedBy);
  el.removeAttribute('aria-description');
  return el;
}
