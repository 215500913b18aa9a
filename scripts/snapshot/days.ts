/**
 * Finding the first block of each UTC day (pure). A day's sample is the first block whose Timestamp.Now is at or
 * after 00:00:00 UTC. The search keeps "anchors" (block number, timestamp) and proposes the next block to read
 * by interpolating between the two anchors that bracket midnight (blocks come at a near-constant rate), with a
 * bisection step whenever interpolation stops shrinking the bracket. No bisection per day from scratch: with
 * anchors from neighbouring days, one read usually suffices.
 *
 * With Aura (Finney), the first probe is aimed at the expected first block, from the slot of the newest block
 * read before midnight and the recent missed-slot share (nextStep). It is the day's first block, proven by its
 * own slot, when that many slots were missed (about 4% of days at Finney's ~80 ± 11 missed slots a day). Else its
 * slot bounds the first block: a probe e past midnight with slot(e) = daySlot + k gives slot(e - k) <= daySlot
 * (slots strictly increase), and e - k's hash came with the probe (System.BlockHash); a probe before midnight
 * with slot daySlot - m gives slot(e + m) >= daySlot. That second read is the day's first block, proven by its
 * slot being daySlot, unless a slot was missed between it and the probe (a third read then).
 *
 * A block b with timestamp t_b >= M (midnight) is proven to be the day's first block when any of these hold:
 *  - the block before it is known and has t < M;
 *  - t_b - M < MinimumPeriod: the runtime (pallet_timestamp) enforces t_b >= t_{b-1} + MinimumPeriod, so t_{b-1} < M;
 *  - with Aura (slot = floor(t / slotMs), strictly increasing per block, enforced by pallet_aura):
 *    floor(t_b / slotMs) * slotMs <= M, i.e. b's slot starts at or before midnight, so b-1's slot, and its
 *    timestamp, ended by then.
 */

export const DAY_MS = 86_400_000;

export interface Anchor {
  block: number;
  /** Timestamp.Now in ms; for an approximate anchor, a lower bound known to be on the right side of midnights */
  ts: number;
  /** false for anchors taken from an existing file's points (block known to be a day's first, ts ≈ that midnight) */
  exact: boolean;
  minGapMs?: number | null;
  slotMs?: number | null;
}

export function midnightOf(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${date}`);
  return t;
}

export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** All dates from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = midnightOf(from); t <= midnightOf(to); t += DAY_MS) out.push(dateOf(t));
  return out;
}

/** Is `b` (t_b >= M) provably the first block at or after midnight `M`? */
export function provenFirst(M: number, b: Anchor, prev?: Anchor): boolean {
  if (!b.exact || b.ts < M) return false;
  if (b.block === 0) return true;
  if (prev && prev.block === b.block - 1 && prev.ts < M) return true;
  if (b.minGapMs && b.ts - M < b.minGapMs) return true;
  if (b.slotMs && Math.floor(b.ts / b.slotMs) * b.slotMs <= M) return true;
  return false;
}

export type Step = { kind: 'done'; block: number } | { kind: 'probe'; block: number } | { kind: 'none' };

/** Index of the first anchor with ts >= M (anchors sorted by block; timestamps increase with blocks). */
function firstAtOrAfter(anchors: readonly Anchor[], M: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].ts >= M) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/**
 * The block range [lower, upper] that holds the first block at or after M, from the anchors that bracket M (and
 * their Aura slots), or null when no anchor is at or after M or none is before it.
 */
export function searchBracket(M: number, anchors: readonly Anchor[]): { lower: number; upper: number } | null {
  const i = firstAtOrAfter(anchors, M);
  if (i === anchors.length || i === 0) return null;
  const [lo, hi] = [anchors[i - 1], anchors[i]];
  const bounds = slotBounds(M, lo, hi);
  return bounds ? { lower: bounds.lower, upper: bounds.upper } : { lower: lo.block + 1, upper: hi.block };
}

/**
 * The next step of the search for midnight M. `bisect` asks for the middle of the bracket (searchBracket) instead
 * of the estimate: findFirstBlock asks for it whenever an estimate failed to halve the bracket, which bounds a
 * day's reads at about twice a bisection's, whatever the gaps between blocks (a halt of hours included).
 */
export function nextStep(M: number, anchors: readonly Anchor[], bisect = false, preferLocalRate = false): Step {
  const i = firstAtOrAfter(anchors, M);
  if (i === anchors.length) return { kind: 'none' }; // midnight is after the newest known block
  const hi = anchors[i];
  const lo = i > 0 ? anchors[i - 1] : undefined;
  if (!lo) {
    if (hi.block === 0 || provenFirst(M, hi)) return { kind: 'done', block: hi.block };
    return { kind: 'probe', block: 0 }; // need the lower end of the chain
  }
  // adjacent anchors: hi is the first block at or after M (an approximate hi's real timestamp is >= its ts)
  if (hi.block === lo.block + 1) return { kind: 'done', block: hi.block };
  if (provenFirst(M, hi, lo)) return { kind: 'done', block: hi.block };
  // genesis carries no real time (Timestamp.Now is 0 there): start from block 1 instead of interpolating from it, or
  // with Aura from the lowest block hi's slot allows (a first backfill --since a recent date: hi is the head, days
  // later; that block is the day's first when no slot was missed since, else its slot bounds the answer from below)
  if (lo.block === 0) {
    const fromHi = slotBounds(M, lo, hi);
    return { kind: 'probe', block: fromHi && fromHi.lower > 1 && fromHi.lower < hi.block ? fromHi.lower : 1 };
  }
  // the answer is in (lo, hi]; hi itself is not proven, so probe strictly inside unless hi is approximate
  const max = hi.exact ? hi.block - 1 : hi.block;
  const clamp = (n: number): Step => ({ kind: 'probe', block: Math.min(Math.max(n, lo.block + 1), max) });
  const bounds = slotBounds(M, lo, hi);
  if (bounds && bounds.lower === bounds.upper) return { kind: 'done', block: bounds.lower };
  if (bisect) {
    const [lower, upper] = bounds ? [bounds.lower, bounds.upper] : [lo.block + 1, hi.block];
    return clamp(Math.floor((lower + upper) / 2));
  }
  if (bounds && bounds.probe !== null) return { kind: 'probe', block: bounds.probe };
  let n: number;
  let msPerBlock = (hi.ts - lo.ts) / (hi.block - lo.block);
  // hi far away (e.g. the head, days later): extrapolate from the local block rate before lo instead
  if (preferLocalRate || hi.ts - M > 2 * (M - lo.ts)) {
    const local = localRate(anchors, i - 1);
    if (local !== null) msPerBlock = local;
  }
  const slotMs = lo.exact && lo.block > 0 ? lo.slotMs : null;
  if (slotMs && msPerBlock > 0) {
    // Aura: lo's slot is known. The first block at or after M is lo + Δ - X, Δ = slots from lo's to M's, X the
    // slots missed among the Δ - 1 in between; aim at its expectation (the missed share from the block rate).
    // An overshoot or an undershoot is then corrected by the slot bounds in one more read (no slot missed
    // between the probe and midnight), and the read lands on the day's first block itself when X is as expected.
    const delta = Math.ceil(M / slotMs) - Math.floor(lo.ts / slotMs);
    const missedShare = recentMissedShare(anchors, i - 1, slotMs) ?? Math.max(0, 1 - slotMs / msPerBlock);
    // fewer than one missed slot expected (Finney in 2025 misses less than one a day on average, most days none):
    // aim at none, the most likely count
    const x = (delta - 1) * missedShare;
    n = lo.block + delta - (x < 1 ? 0 : Math.round(x));
  } else n = msPerBlock > 0 ? lo.block + Math.ceil((M - lo.ts) / msPerBlock) : Math.floor((lo.block + hi.block) / 2);
  return clamp(n);
}

/** A slot bound is probed only when its anchor is within 4 * LEAD_BLOCKS blocks (i.e. read near this midnight). */
const LEAD_BLOCKS = 24;

/**
 * Bounds on the first block at or after M from Aura slots (slot = floor(ts / slotMs), at least one slot per
 * block): a block k blocks before `hi` has a slot at most slot(hi) - k, and a block k blocks after `lo` a slot
 * at least slot(lo) + k. Blocks with a slot below floor(M / slotMs) are before M; blocks with a slot at or after
 * ceil(M / slotMs) are at or after it. So the answer is in [lower, upper]; `probe` is the bound closer to its
 * anchor (reading it either proves it, when its slot is the one at midnight, or narrows the bracket), or null
 * when neither anchor has slot information.
 */
export function slotBounds(
  M: number,
  lo: Anchor,
  hi: Anchor,
): { lower: number; upper: number; probe: number | null } | null {
  const loSlot = lo.exact && lo.slotMs && lo.block > 0 ? lo.slotMs : null;
  const hiSlot = hi.exact && hi.slotMs ? hi.slotMs : null;
  if (!loSlot && !hiSlot) return null;
  let lower = lo.block + 1;
  let upper = hi.block;
  let fromHi: number | null = null;
  let fromLo: number | null = null;
  if (hiSlot) {
    fromHi = hi.block - (Math.floor(hi.ts / hiSlot) - Math.floor(M / hiSlot));
    lower = Math.max(lower, fromHi);
  }
  if (loSlot) {
    fromLo = lo.block + (Math.ceil(M / loSlot) - Math.floor(lo.ts / loSlot));
    upper = Math.min(upper, fromLo);
  }
  if (lower > upper) return null; // inconsistent anchors (slot rules not kept): fall back to interpolation
  let probe: number | null = null;
  const dHi = fromHi === null ? Infinity : hi.block - lower;
  const dLo = fromLo === null ? Infinity : upper - lo.block;
  // a bound is worth probing only when its anchor is near (the other side's bound is a day away otherwise)
  if (Math.min(dHi, dLo) <= 4 * LEAD_BLOCKS) probe = dHi <= dLo ? lower : upper;
  if (probe !== null && hi.exact && probe === hi.block) probe = hi.block - 1;
  if (probe !== null && (probe <= lo.block || probe > hi.block)) probe = null;
  return { lower, upper, probe };
}

/**
 * Blocks whose hashes are worth fetching ahead (in one chain_getBlockHash call) for the first probe of midnight
 * M, `daysAhead` days after the newest resolved day: the estimate (the probe nextStep would make now) and a
 * window around it that grows with the distance (a day's block count varies by about ±11 blocks on Finney, and
 * the block rate is known to about ±4 blocks a day), so the probe actually made later, from newer anchors,
 * usually has its hash already. Empty when there is nothing to estimate from yet, or only from a block more than
 * daysAhead + 1 days before M (e.g. block 1, years earlier, on a first backfill `--since` a later date: a missed
 * share wrong by 0.01% would put every window of the batch hundreds of blocks off). For a day weeks ahead, the
 * estimate from the rate up to the upper anchor (right when the block rate is steady) and the one from the local
 * rate (right when a halt lies between the newest day and the upper anchor) may differ: both get a window.
 */
export function probeWindow(M: number, anchors: readonly Anchor[], daysAhead: number, maxBlock: number): number[] {
  const step = nextStep(M, anchors);
  if (step.kind !== 'probe' || step.block <= 1) return [];
  const k = Math.max(1, daysAhead);
  const i = firstAtOrAfter(anchors, M);
  if (i === 0 || M - anchors[i - 1].ts > (k + 1) * DAY_MS) return [];
  const w = 40 + Math.ceil(20 * Math.sqrt(k) + 4 * k);
  const local = nextStep(M, anchors, false, true);
  const centres = [step.block];
  if (local.kind === 'probe' && Math.abs(local.block - step.block) > w) centres.push(local.block);
  const out: number[] = [];
  for (const c of centres.sort((x, y) => x - y))
    for (let b = Math.max(1, c - w, (out.at(-1) ?? 0) + 1); b <= Math.min(maxBlock, c + w); b++) out.push(b);
  return out;
}

/**
 * The spans [from, to] before anchors[i], newest first, each of at least a quarter day (about a day each, between
 * anchors of consecutive days) and within `spanMs` of anchors[i], between anchors that `use` accepts (anchors[i]
 * itself is the first span's end). Genesis (Timestamp.Now = 0) is no time reference and ends no span.
 */
function daySpans(
  anchors: readonly Anchor[],
  i: number,
  spanMs: number,
  use: (a: Anchor) => boolean,
): Array<[Anchor, Anchor]> {
  const a = anchors[i];
  const spans: Array<[Anchor, Anchor]> = [];
  let end = a;
  for (let j = i - 1; j >= 1 || (j === 0 && anchors[0].block !== 0); j--) {
    const p = anchors[j];
    if (a.ts - p.ts > spanMs) break;
    if (!use(p)) continue;
    if (end.ts - p.ts >= DAY_MS / 4 && end.block > p.block) {
      spans.push([p, end]);
      end = p;
    }
  }
  return spans;
}

/**
 * ms per block before anchors[i], over up to RATE_SPAN_MS: the rate over the whole span, less the spans (of at
 * least a quarter day, about a day each) whose rate is more than 2% slower than their median. A day the chain
 * stalled (2025-05-21 and -22 on Finney: 2,190 blocks instead of 7,200) would otherwise make every estimate of
 * the next week aim hours early. Null without a quarter day of history.
 */
function localRate(anchors: readonly Anchor[], i: number): number | null {
  const spans = daySpans(anchors, i, RATE_SPAN_MS, () => true).map(([p, end]) => ({
    ms: end.ts - p.ts,
    blocks: end.block - p.block,
  }));
  if (!spans.length) return null;
  const rates = spans.map((x) => x.ms / x.blocks).sort((x, y) => x - y);
  const median = rates[rates.length >> 1];
  const kept = spans.length >= 3 ? spans.filter((x) => x.ms / x.blocks <= median * 1.02) : spans;
  return kept.reduce((t, x) => t + x.ms, 0) / kept.reduce((t, x) => t + x.blocks, 0);
}

/**
 * The share of Aura slots missed before anchors[i], from the spans (of at least a quarter day, about a day each,
 * within MISSED_SPAN_MS) between exact anchors with slots; null without one, the smallest with fewer than three. When most spans
 * missed no slot, 0: on Finney in 2025 most days miss none (the first block is stamped at midnight on 234 of 255
 * days), and the mean, which one day with a few missed slots or a halt lifts, would aim the next days a block or
 * more early (a second read each). Else the mean of the spans without those of a halt.
 */
function recentMissedShare(anchors: readonly Anchor[], i: number, slotMs: number): number | null {
  const slotted = (x: Anchor) => x.exact && x.block > 0 && x.slotMs === slotMs;
  if (!slotted(anchors[i])) return null;
  const shares: number[] = [];
  for (const [p, end] of daySpans(anchors, i, MISSED_SPAN_MS, slotted)) {
    const slots = Math.floor(end.ts / slotMs) - Math.floor(p.ts / slotMs);
    const blocks = end.block - p.block;
    if (slots < blocks) return null; // slot rules not kept: no slot arithmetic
    shares.push((slots - blocks) / slots);
  }
  if (!shares.length) return null;
  // a first backfill's first days: too few spans for a median; the fewest missed (0 on most 2025 days)
  if (shares.length < 3) return Math.min(...shares);
  const sorted = [...shares].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  if (median === 0) return 0;
  // slots are missed every day (the 2024-like chain): the mean of the spans less those of a halt (more than twice the
  // median) varies less than their median
  const kept = shares.filter((x) => x <= 2 * median);
  return kept.reduce((t, x) => t + x, 0) / kept.length;
}

/** The missed share is the median over up to this span: two weeks, so that a halt of three days cannot move it. */
const MISSED_SPAN_MS = 14 * DAY_MS;

/** The local block rate is taken over up to this span (a week: long enough to average out a day's missed slots). */
const RATE_SPAN_MS = 7 * DAY_MS;

/** Insert or replace an anchor, keeping the list sorted by block (exact anchors win over approximate ones). */
export function addAnchor(anchors: Anchor[], a: Anchor): void {
  const lo = firstAtOrAfterBlock(anchors, a.block);
  if (anchors[lo]?.block === a.block) {
    if (a.exact || !anchors[lo].exact) anchors[lo] = a;
  } else anchors.splice(lo, 0, a);
}

/** Reads a search may make for a bracket of `size` blocks: twice a bisection's, and a few to spare. */
export function maxReads(size: number): number {
  return 2 * Math.ceil(Math.log2(Math.max(2, size))) + 4;
}

/**
 * Drive the search for one midnight with `readTs(block)` (returns the exact anchor of that block). Returns the
 * first block at or after M, or null when no block has reached M yet. Pure apart from `readTs`.
 *
 * Interpolation guarded by bisection: a read at the estimate (nextStep) that leaves more than half of the bracket
 * is followed by a read at the bracket's middle, so every two reads at least halve it, and a day costs at most
 * maxReads(bracket) reads, however long the chain stalled around midnight. A read that contradicts the anchors
 * (a later block with an earlier or equal timestamp) stops the search with both blocks named. `afterRead` is called
 * once each read's anchor is in `anchors` (the next day's search may start from it).
 */
export async function findFirstBlock(
  M: number,
  anchors: Anchor[],
  readTs: (block: number) => Promise<Anchor>,
  maxProbes?: number,
  afterRead?: () => void,
): Promise<{ block: number; probes: number } | null> {
  const size = (b: { lower: number; upper: number } | null) => (b ? b.upper - b.lower + 1 : Infinity);
  const start = searchBracket(M, anchors);
  const limit = maxProbes ?? maxReads(start ? size(start) : (anchors.at(-1)?.block ?? 0) + 1);
  let before = Infinity; // the bracket before the last read at an estimate (Infinity: the last read bisected)
  let failed = 0; // reads at an estimate that did not halve the bracket
  let slotTried = false;
  for (let probes = 0; probes <= limit; probes++) {
    const now = size(searchBracket(M, anchors));
    if (now > before / 2) failed++;
    // after a failed estimate, bisect; after two, the timestamps are not worth interpolating (a halt): bisect on
    const bisect = now > before / 2 || failed >= 2;
    // after the first failed estimate, a slot bound near its anchor is read rather than the middle (it is the day's
    // first block unless a slot was missed in between: a probe a few blocks past midnight); bisection after that
    const slot = bisect && failed === 1 && !slotTried ? slotProbe(M, anchors) : null;
    if (slot !== null) slotTried = true;
    const step: Step = slot !== null ? { kind: 'probe', block: slot } : nextStep(M, anchors, bisect);
    if (step.kind === 'none') return null;
    if (step.kind === 'done') return { block: step.block, probes };
    before = bisect ? Infinity : now;
    const a = await readTs(step.block);
    if (a.block !== step.block) throw new Error(`read block ${a.block} instead of ${step.block}`);
    checkIncreasing(anchors, a);
    addAnchor(anchors, a);
    afterRead?.();
  }
  const b = searchBracket(M, anchors);
  throw new Error(
    `no day boundary found for ${dateOf(M)} after ${limit} reads (still between blocks ${b?.lower} and ${b?.upper})`,
  );
}

/** The slot bound nextStep would probe for M (slotBounds' `probe`), or null. */
function slotProbe(M: number, anchors: readonly Anchor[]): number | null {
  const i = firstAtOrAfter(anchors, M);
  if (i === 0 || i === anchors.length) return null;
  const b = slotBounds(M, anchors[i - 1], anchors[i]);
  return b && b.lower < b.upper ? b.probe : null;
}

/** Timestamps rise with block numbers: an exact anchor that says otherwise is refused, naming both blocks. */
function checkIncreasing(anchors: readonly Anchor[], a: Anchor): void {
  if (a.block === 0) return; // genesis: Timestamp.Now is 0
  const i = firstAtOrAfterBlock(anchors, a.block);
  let below = i - 1;
  while (below >= 0 && !anchors[below].exact) below--;
  let above = anchors[i]?.block === a.block ? i + 1 : i;
  while (above < anchors.length && !anchors[above].exact) above++;
  const bad = [anchors[below], anchors[above]].find(
    (x) => x && x.block !== 0 && (x.block < a.block ? x.ts >= a.ts : x.ts <= a.ts),
  );
  if (bad)
    throw new Error(
      `timestamps not increasing: block ${bad.block} has Timestamp.Now ${bad.ts} (${new Date(bad.ts).toISOString()}), block ${a.block} has ${a.ts} (${new Date(a.ts).toISOString()})`,
    );
}

/** Index of the first anchor whose block is >= n. */
function firstAtOrAfterBlock(anchors: readonly Anchor[], n: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].block < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
