/**
 * Live charts: fetch the same JSON the build used, re-render the same chart spec with Plot in the
 * browser at the container's real width (again whenever that width changes), and wire the reader's controls.
 * The build-time SVGs stay until the live one is ready.
 */
import { keyHtml } from '../charts/key.ts';
import { renderChart, unnameMarks } from '../charts/spec.ts';
import { chartCaption, chartDescription } from '../charts/text.ts';
import type { ReportData } from '../model/schema.ts';
import { migrate } from '../model/migrate.ts';
import type { Reference, Snapshot } from '../model/schema.ts';
import { loadChart } from './charts.ts';

let data: Promise<ReportData> | undefined;

/** A JSON file of the site (the browser's fetch: d3-fetch's `json` did the same and added 2 KB gzipped). */
async function json<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
  return (await r.json()) as T;
}

function loadData(base: string): Promise<ReportData> {
  data ??= Promise.all([
    json<unknown>(`${base}data/snapshot.json`),
    json<Reference>(`${base}data/reference.json`),
  ]).then(([snapshot, reference]) => ({ snapshot: migrate(snapshot) as Snapshot, reference: reference as Reference }));
  return data;
}

export async function hydrate(figure: HTMLElement): Promise<void> {
  const plot = figure.querySelector<HTMLElement>('.chart-plot');
  if (!plot) return;
  const base = figure.dataset.base ?? '/';
  // the chart's own module and the data, at once
  const [def, d] = await Promise.all([loadChart(figure.dataset.chart ?? ''), loadData(base)]);
  if (!def) return;
  const controls = figure.querySelector<HTMLFieldSetElement>('.chart-controls');
  let drawnWidth = 0;
  const draw = () => {
    const width = Math.floor(plot.clientWidth);
    if (width <= 0) return;
    drawnWidth = width;
    const options = Object.fromEntries([...(controls?.querySelectorAll('select') ?? [])].map((s) => [s.name, s.value]));
    const { el, key } = renderChart(def, d, options, `chart-${def.id}-desc`, width);
    const layout = document.createElement('div');
    layout.className = 'chart-layout chart-layout-live';
    layout.append(el);
    layout.insertAdjacentHTML('beforeend', keyHtml(key, base));
    plot.replaceChildren(layout);
    // the caption and the SVG's description say what is drawn now (e.g. the dates in the chosen range)
    const caption = figure.querySelector('.chart-caption-text');
    const desc = document.getElementById(`chart-${def.id}-desc`);
    if (caption) caption.textContent = chartCaption(def, d, options);
    if (desc) desc.textContent = chartDescription(def, d, options);
    // Plot re-renders interactive marks (tips) on pointer moves: keep them free of ARIA names too
    new MutationObserver(() => unnameMarks(el)).observe(el, { childList: true, subtree: true });
    figure.dataset.live = 'true';
  };
  draw();
  if ('ResizeObserver' in window) {
    let frame = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (Math.floor(plot.clientWidth) !== drawnWidth) draw();
      });
    }).observe(plot);
  }
  if (controls) {
    controls.classList.remove('pending');
    controls.addEventListener('change', draw);
  }
}
