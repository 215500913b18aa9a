/**
 * Live charts: fetch the same JSON the build used (d3-fetch), re-render the same chart spec with Plot in the
 * browser, and wire the reader's controls. The build-time SVG stays until the live one is ready.
 */
import { json } from 'd3-fetch';
import { getChart } from '../charts/index.ts';
import { renderChart, unnameMarks } from '../charts/spec.ts';
import type { ReportData } from '../data/schema.ts';
import { migrate } from '../data/migrate.ts';
import type { Reference, Snapshot } from '../data/schema.ts';

let data: Promise<ReportData> | undefined;

function loadData(base: string): Promise<ReportData> {
  data ??= Promise.all([json<unknown>(`${base}data/snapshot.json`), json<Reference>(`${base}data/reference.json`)]).then(
    ([snapshot, reference]) => ({ snapshot: migrate(snapshot) as Snapshot, reference: reference as Reference }),
  );
  return data;
}

export async function hydrate(figure: HTMLElement): Promise<void> {
  const def = getChart(figure.dataset.chart ?? '');
  const plot = figure.querySelector<HTMLElement>('.chart-plot');
  if (!def || !plot) return;
  const d = await loadData(figure.dataset.base ?? '/');
  const controls = figure.querySelector<HTMLFieldSetElement>('.chart-controls');
  const draw = () => {
    const options = Object.fromEntries([...(controls?.querySelectorAll('select') ?? [])].map((s) => [s.name, s.value]));
    const el = renderChart(def, d, options, `chart-${def.id}-desc`);
    plot.replaceChildren(el);
    // Plot re-renders interactive marks (tips) on pointer moves: keep them free of ARIA names too
    new MutationObserver(() => unnameMarks(el)).observe(el, { childList: true, subtree: true });
    figure.dataset.live = 'true';
  };
  draw();
  if (controls) {
    controls.classList.remove("pending");
    controls.addEventListener('change', draw);
  }
}
