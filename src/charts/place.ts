/**
 * Where the renderer puts text it adds to a chart, so that no two labels collide: marker marks stacked in lanes
 * above the frame, point labels beside their point (right, left, above or below, the first that is free and inside
 * the frame), a message in the frame away from the points. Pure geometry in pixels; widths are estimated from the
 * font size (generously, so an estimate never undercuts the text the browser draws).
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Smallest text size on a chart, in CSS pixels at scale 1 (issue 10: never under 11 px on a phone). */
export const MARK_FONT = 11;
/** Tick labels and other axis text. */
export const AXIS_FONT = 12;
/** Height of one lane of markers above the frame. */
export const LANE = MARK_FONT + 5;

const NARROW = new Set([..."il.,:;'|!()[] 1Ijtf"]);
const WIDE = new Set([...'MWmw%@']);

/** An upper estimate of a text's width at `size` px in the site's sans-serif. */
export function textWidth(text: string, size = MARK_FONT): number {
  let em = 0;
  for (const ch of text) em += NARROW.has(ch) ? 0.34 : WIDE.has(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.68 : 0.58;
  return em * size + 2;
}

export const intersects = (a: Box, b: Box, pad = 1) =>
  a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
const inside = (a: Box, f: Box) => a.x0 >= f.x0 && a.x1 <= f.x1 && a.y0 >= f.y0 && a.y1 <= f.y1;

/**
 * Lanes for markers centred at pixel `x` with the given texts: first fit, left to right. Returns each marker's lane
 * (0 is nearest the frame) in input order.
 */
export function assignLanes(items: Array<{ x: number; text: string }>, gap = 4): number[] {
  const order = items.map((it, i) => ({ ...it, i, w: textWidth(it.text) })).sort((a, b) => a.x - b.x);
  const ends: number[] = [];
  const lane: number[] = new Array(items.length).fill(0);
  for (const it of order) {
    const left = it.x - it.w / 2;
    let l = ends.findIndex((end) => end + gap <= left);
    if (l === -1) {
      l = ends.length;
      ends.push(0);
    }
    ends[l] = it.x + it.w / 2;
    lane[it.i] = l;
  }
  return lane;
}

export interface Placement {
  x: number;
  y: number;
  textAnchor: 'start' | 'middle' | 'end';
  box: Box;
}

/** Candidate spots for a label of width w at point (px, py), in order of preference. */
function candidates(px: number, py: number, w: number, h: number, r: number, left = false): Placement[] {
  const mid = (x: number, y: number, anchor: Placement['textAnchor']): Placement => {
    const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { x, y, textAnchor: anchor, box: { x0, y0: y - h / 2, x1: x0 + w, y1: y + h / 2 } };
  };
  const beside = [mid(px + r + 3, py, 'start'), mid(px - r - 3, py, 'end')];
  return [
    ...(left ? beside.reverse() : beside),
    mid(px, py - r - h / 2 - 2, 'middle'),
    mid(px, py + r + h / 2 + 2, 'middle'),
    mid(px + r + 3, py - h, 'start'),
    mid(px - r - 3, py - h, 'end'),
    mid(px + r + 3, py + h, 'start'),
    mid(px - r - 3, py + h, 'end'),
  ];
}

/** Candidate spots for the label of a horizontal rule at height py: above it, then below it, from the left. */
function levelCandidates(x: number, py: number, w: number, h: number): Placement[] {
  return [py - h / 2 - 2, py + h / 2 + 2].map((y) => ({
    x,
    y,
    textAnchor: 'start' as const,
    box: { x0: x, y0: y - h / 2, x1: x + w, y1: y + h / 2 },
  }));
}

/**
 * Place labels for points (in pixels) inside `frame`, avoiding `obstacles`, every point and each other. A label with
 * no free spot gets null (the caller lists it in the key instead); so does a point with no text, which is only an
 * obstacle.
 */
export function placeLabels(
  points: Array<{ px: number; py: number; text: string; level?: boolean; left?: boolean }>,
  frame: Box,
  obstacles: Box[],
  r = 6,
): Array<Placement | null> {
  const h = MARK_FONT * 1.25;
  const taken = [
    ...obstacles,
    ...points.filter((p) => !p.level).map((p) => ({ x0: p.px - r, y0: p.py - r, x1: p.px + r, y1: p.py + r })),
  ];
  return points.map((p) => {
    if (!p.text) return null; // a point without a label: only an obstacle
    const w = textWidth(p.text);
    const spots = p.level ? levelCandidates(frame.x0 + 4, p.py, w, h) : candidates(p.px, p.py, w, h, r, p.left);
    const spot = spots.find((c) => inside(c.box, frame) && !taken.some((t) => intersects(c.box, t)));
    if (!spot) return null;
    taken.push(spot.box);
    return spot;
  });
}

/** Break a sentence into lines no wider than `width` px. */
export function wrap(text: string, width: number, size = MARK_FONT): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A box for a block of `lines` centred at (cx, cy). */
export function blockBox(lines: string[], cx: number, cy: number, size = MARK_FONT): Box {
  const w = Math.max(...lines.map((l) => textWidth(l, size)));
  const h = lines.length * size * 1.2;
  return { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
}
