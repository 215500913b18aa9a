/** Build-time rendering: Plot with linkedom's document, serialised to inline SVG, at each build-time layout. */
import { parseHTML } from 'linkedom';
import { renderChart, WIDTHS } from './spec.ts';
import type { AnyChartDef, ChartData, ChartOptions, KeyItem } from './types.ts';

export interface StaticChart {
  svg: string;
  key: KeyItem[];
}

export function renderStatic(
  def: AnyChartDef,
  data: ChartData,
  options: ChartOptions = {},
  width: number = WIDTHS.wide,
  describedBy = `chart-${def.id}-desc`,
): StaticChart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const { el, key } = renderChart(def, data, options, describedBy, width, document as unknown as Document);
  el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return { svg: el.outerHTML, key };
}

/** renderStatic's SVG alone. */
export function renderSvg(...args: Parameters<typeof renderStatic>): string {
  return renderStatic(...args).svg;
}
