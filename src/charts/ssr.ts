/** Build-time rendering: Plot with linkedom's document, serialised to inline SVG. */
import { parseHTML } from 'linkedom';
import { renderChart } from './spec.ts';
import type { ChartData, ChartDef, ChartOptions } from './types.ts';

export function renderSvg(def: ChartDef<any>, data: ChartData, options: ChartOptions = {}, describedBy = `chart-${def.id}-desc`): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = renderChart(def, data, options, describedBy, document as unknown as Document);
  el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return el.outerHTML;
}
