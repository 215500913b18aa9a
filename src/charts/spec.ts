/**
 * Full Plot options for a chart: the chart's own options plus size, accessible text and the annotations the
 * renderer places (event and break markers in lanes above the frame, point labels, a message in the frame), the
 * same in Node and the browser. A chart is drawn at the width it is shown at: the build renders a narrow and a wide
 * layout (CSS shows the one that fits), the browser re-renders at the container's width.
 */
import * as Plot from '@observablehq/plot';
import { assignLanes, AXIS_FONT, blockBox, LANE, MARK_FONT, placeLabels, wrap, type Box } from './place.ts';
import {
  COLORS,
  type Annotations,
  type ChartData,
  type AnyChartDef,
  type ChartOptions,
  type KeyItem,
} from './types.ts';

/** The build-time layouts: a phone (a 390 px screen gives the chart about 358 px) and the desktop column. */
export const WIDTHS = { narrow: 340, wide: 688 } as const;

export function defaultOptions(def: AnyChartDef): ChartOptions {
  return Object.fromEntries(def.controls.map((c) => [c.name, c.values[0]]));
}

/** Move Plot's mark labels from aria-label to data-mark (also used on marks Plot re-renders on pointer moves). */
export function unnameMarks(root: Element): void {
  for (const child of root.querySelectorAll('[aria-label]')) {
    child.setAttribute('data-mark', child.getAttribute('aria-label') ?? '');
    child.removeAttribute('aria-label');
  }
}

interface Scale {
  apply(v: unknown): number;
  bandwidth?: number;
  range?: number[];
  type?: string;
}
type Rendered = (SVGSVGElement | HTMLElement) & { scale(name: string): Scale | undefined };

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);

function markerRules(markers: KeyItem[]) {
  // an event on a break's day is drawn as the break (one mark, named once in the key)
  const isBreak = (m: KeyItem) => m.kind === 'break' || (m.breaks?.length ?? 0) > 0;
  const events = markers.filter((m) => m.kind === 'event' && !isBreak(m));
  const breaks = markers.filter(isBreak);
  return [
    Plot.ruleX(events, { x: (m: KeyItem) => toDate(m.date ?? ''), stroke: COLORS.muted, strokeDasharray: '2,3' }),
    Plot.ruleX(breaks, {
      x: (m: KeyItem) => toDate(m.date ?? ''),
      stroke: COLORS.purple,
      strokeDasharray: '9,3',
      strokeWidth: 1.5,
    }),
  ];
}

/** Marks for the annotations at a given size, and the key entries of labels that found no place. */
function annotationMarks(
  a: Annotations,
  plot: Rendered | null,
  lanes: number[],
  width: number,
  inset: { left: number; top: number },
): { marks: Plot.Markish[]; unplaced: KeyItem[] } {
  const markers = a.markers ?? [];
  const x = plot?.scale('x');
  const y = plot?.scale('y');
  const marks: Plot.Markish[] = [];
  // Plot's dy is a constant: one text mark per lane
  for (const lane of new Set(lanes))
    marks.push(
      Plot.text(
        markers.filter((_, i) => lanes[i] === lane),
        {
          x: (m: KeyItem) => toDate(m.date ?? ''),
          text: 'mark',
          frameAnchor: 'top',
          lineAnchor: 'bottom',
          dy: -3 - lane * LANE,
          fontSize: MARK_FONT,
          fontWeight: 'bold',
          fill: (m: KeyItem) => (m.kind === 'break' || m.breaks?.length ? COLORS.purple : 'currentColor'),
        },
      ),
    );
  const labels = a.labels ?? [];
  if (!x?.range || !y?.range || (!labels.length && !a.message)) return { marks, unplaced: [] };
  const [x0, x1] = [Math.min(...x.range), Math.max(...x.range)];
  const [y0, y1] = [Math.min(...y.range), Math.max(...y.range)];
  // text marks anchored at the frame's top-left corner, which lies the scales' insets above and left of (x0, y0)
  const [fx, fy] = [x0 - inset.left, y0 - inset.top];
  // labels may use the empty right margin, never the axes' margins (left, bottom) or the marker lanes (top)
  const frame: Box = { x0, y0, x1: width - 2, y1 };
  const half = (s: Scale) => (s.bandwidth ?? 0) / 2;
  const points = labels.map((l) => ({
    px: l.level ? x0 : x.apply(l.x) + half(x),
    py: y.apply(l.y) + half(y),
    text: l.text,
    level: l.level,
    left: l.left,
  }));
  const obstacles: Box[] = [];
  if (a.message) {
    const lines = wrap(a.message, Math.min(x1 - x0 - 16, 320));
    const near = (b: Box) =>
      points.some((p) => !p.level && p.px > b.x0 - 8 && p.px < b.x1 + 8 && p.py > b.y0 - 8 && p.py < b.y1 + 8);
    const spots = [0.5, 0.25, 0.75, 0.12, 0.88].map((f) => blockBox(lines, (x0 + x1) / 2, y0 + f * (y1 - y0)));
    const box = spots.find((b) => !near(b) && b.y0 >= y0 && b.y1 <= y1) ?? spots[0];
    obstacles.push(box);
    marks.push(
      Plot.text([lines.join('\n')], {
        frameAnchor: 'top-left',
        dx: (box.x0 + box.x1) / 2 - fx,
        dy: (box.y0 + box.y1) / 2 - fy,
        text: (d: string) => d,
        textAnchor: 'middle',
        lineAnchor: 'middle',
        lineHeight: 1.2,
        fontSize: MARK_FONT,
        fontStyle: 'italic',
        fill: 'currentColor',
      }),
    );
  }
  const spots = placeLabels(points, frame, obstacles);
  const unplaced: KeyItem[] = [];
  spots.forEach((s, i) => {
    const l = labels[i];
    if (!l.text) return; // a mark to keep clear of, not a label
    if (!s) {
      unplaced.push({ mark: '', kind: 'figure', date: l.date ?? null, label: l.text, href: null });
      return;
    }
    marks.push(
      Plot.text([l], {
        frameAnchor: 'top-left',
        dx: s.x - fx,
        dy: (s.box.y0 + s.box.y1) / 2 - fy,
        text: 'text',
        textAnchor: s.textAnchor,
        lineAnchor: 'middle',
        fontSize: MARK_FONT,
        fontWeight: l.fontWeight,
        fill: l.fill,
      }),
    );
  });
  return { marks, unplaced };
}

export interface RenderedChart {
  el: SVGSVGElement | HTMLElement;
  /** the numbered key under the chart: events, breaks, and figures whose label did not fit */
  key: KeyItem[];
}

/**
 * Render a chart at `width` px. The root <svg> is the accessible image (role="img", its title as label, the text
 * description by id); Plot's per-mark aria-labels move to data-mark, since ARIA forbids names on plain <g> elements.
 */
export function renderChart(
  def: AnyChartDef,
  data: ChartData,
  options: ChartOptions,
  describedBy: string,
  width: number,
  document?: Document,
): RenderedChart {
  const rows = def.rows(data);
  const opts = { ...defaultOptions(def), ...options };
  const { options: base, annotations = {} } = def.plot(rows, opts, data, { width });
  const markers = annotations.markers ?? [];
  const common = {
    width,
    style: { background: 'transparent', fontSize: `${AXIS_FONT}px` },
    ...(document ? { document } : {}),
  };
  const marks = [...markerRules(markers), ...(base.marks ?? [])];
  const draw = (extra: Plot.PlotOptions, more: Plot.Markish[] = []) =>
    Plot.plot({ ...base, ...common, ...extra, marks: [...marks, ...more] }) as Rendered;
  // pass 1: where the markers fall (the x scale does not depend on the top margin), so how many lanes they need
  let marginTop = base.marginTop ?? 20;
  let lanes: number[] = [];
  let plot: Rendered | null = null;
  if (markers.length) {
    const x = draw({}).scale('x');
    lanes = x
      ? assignLanes(markers.map((m) => ({ x: x.apply(toDate(m.date ?? '')), text: m.mark })))
      : markers.map(() => 0);
    marginTop = Math.max(marginTop, 6 + (Math.max(...lanes) + 1) * LANE);
  }
  // pass 2: the scales at the final size, to place labels in pixels
  if ((annotations.labels?.length ?? 0) > 0 || annotations.message) plot = draw({ marginTop });
  const inset = {
    left: base.x?.insetLeft ?? base.insetLeft ?? 0,
    top: base.y?.insetTop ?? base.insetTop ?? 0,
  };
  const { marks: extra, unplaced } = annotationMarks(annotations, plot, lanes, width, inset);
  const el = draw({ marginTop, ariaLabel: def.title }, extra); // described by the page's paragraph (aria-describedby)
  unnameMarks(el);
  el.setAttribute('font-size', String(AXIS_FONT)); // Plot writes 10; the style says 12: one value, not two
  el.setAttribute('role', 'img');
  el.setAttribute('aria-describedby', describedBy);
  return { el, key: [...markers, ...(annotations.notes ?? []), ...unplaced] };
}
