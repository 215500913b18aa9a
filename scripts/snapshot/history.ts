/**
 * Incremental daily history: reuse the points already known (snapshot file, checkpoint), fetch only the
 * missing days, each at the first block of its UTC day, with bounded concurrency. Every finished day goes to
 * the checkpoint (atomically, in batches) so an interrupted run resumes where it stopped.
 */
import type { SeriesPoint } from '../../src/data/schema.ts';
import { seriesPoint } from './build.ts';
import { addAnchor, DAY_MS, findFirstBlock, midnightOf, nextStep, type Anchor } from './days.ts';
import type { Progress } from './progress.ts';
import type { BlockState, Reader } from './read.ts';

export interface HistoryOptions {
  reader: Reader;
  head: BlockState;
  /** every date wanted, ascending */
  dates: string[];
  /** points already known, by date */
  known: Map<string, SeriesPoint>;
  concurrency: number;
  /** called with the new points so far, at most every `checkpointEvery` days and at the end */
  checkpoint?: (newPoints: SeriesPoint[]) => void;
  checkpointEvery?: number;
  progress?: Progress;
  log?: (line: string) => void;
}

export interface HistoryResult {
  points: SeriesPoint[];
  fetched: string[];
  /** days without any block (chain halted all day) */
  empty: string[];
  /** reads of blocks (state_queryStorageAt rounds) made for the history */
  blockReads: number;
}

export function anchorOf(s: BlockState): Anchor {
  return { block: s.number, ts: s.ts, exact: true, minGapMs: s.runtime.minimumPeriodMs, slotMs: s.runtime.slotMs };
}

export async function backfill(o: HistoryOptions): Promise<HistoryResult> {
  const { reader, head } = o;
  const missing = o.dates.filter((d) => !o.known.has(d));
  const anchors: Anchor[] = [];
  const specs = new Map<number, number>(); // block -> specVersion, for guessing the runtime of a probe
  addAnchor(anchors, anchorOf(head));
  // genesis: Timestamp.Now is 0 in every FRAME genesis state, so block 0 needs no read
  if (head.number > 0) addAnchor(anchors, { block: 0, ts: 0, exact: true });
  specs.set(head.number, head.specVersion);
  for (const p of o.known.values())
    if (p.block !== null && p.block <= head.number) {
      addAnchor(anchors, { block: p.block, ts: midnightOf(p.date), exact: false });
      if (p.specVersion !== null) specs.set(p.block, p.specVersion);
    }

  const states = new Map<number, Promise<BlockState>>();
  states.set(head.number, Promise.resolve(head));
  let blockReads = 0;
  const guessSpec = (n: number): number | null => {
    let best: number | null = null;
    let dist = Infinity;
    for (const [b, s] of specs) if (Math.abs(b - n) < dist) [best, dist] = [s, Math.abs(b - n)];
    return best;
  };
  const read = (n: number): Promise<BlockState> => {
    let p = states.get(n);
    if (!p) {
      blockReads++;
      p = reader.read(n, guessSpec(n)).then((s) => {
        specs.set(n, s.specVersion);
        return s;
      });
      states.set(n, p);
      p.catch(() => states.delete(n));
      if (states.size > 256) states.delete(states.keys().next().value!); // keep memory flat on long backfills
    }
    return p;
  };

  // Hash prefetch: the first probe of the next days, estimated now, fetched in one chain_getBlockHash call.
  const PREFETCH = 32;
  let prefetchedUpTo = -1;
  const prefetch = (i: number) => {
    if (i <= prefetchedUpTo) return;
    const end = Math.min(missing.length, i + PREFETCH);
    for (let j = i; j < end; j++) {
      const step = nextStep(midnightOf(missing[j]), anchors, 0);
      if (step.kind === 'probe') reader.hashOf(step.block).catch(() => {});
    }
    prefetchedUpTo = end - 1;
  };

  const found = new Map<string, SeriesPoint>();
  const fetched: string[] = [];
  const empty: string[] = [];
  let sinceCheckpoint = 0;
  let lastCheckpoint = Date.now();
  const every = o.checkpointEvery ?? 25;

  const doDay = async (i: number) => {
    const date = missing[i];
    const M = midnightOf(date);
    prefetch(i);
    const res = await findFirstBlock(M, anchors, async (n) => anchorOf(await read(n)));
    if (process.env.SNAPSHOT_DEBUG) o.log?.(`${date}: block ${res?.block} after ${res?.probes} probes`);
    if (res === null) throw new Error(`no block at or after ${date} 00:00 UTC up to the head`);
    const a = anchors.find((x) => x.block === res.block);
    if (a && !a.exact && a.ts >= M + DAY_MS) {
      empty.push(date);
      return;
    }
    const s = await read(res.block);
    addAnchor(anchors, anchorOf(s));
    if (s.ts >= M + DAY_MS) {
      empty.push(date);
      o.log?.(`${date}: no block that day (the chain produced none between 00:00 and 24:00 UTC)`);
      return;
    }
    found.set(date, seriesPoint(s, date));
    fetched.push(date);
    o.progress?.tick();
    if (++sinceCheckpoint >= every || Date.now() - lastCheckpoint > 10_000) {
      sinceCheckpoint = 0;
      lastCheckpoint = Date.now();
      o.checkpoint?.([...found.values()]);
    }
  };

  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < missing.length) {
      const i = next++;
      try {
        await doDay(i);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, missing.length)) }, worker));
  // keep what was fetched even when failing: the next run resumes from the checkpoint
  if (found.size) o.checkpoint?.([...found.values()]);
  if (failure !== null) throw failure;

  const all = new Map(o.known);
  for (const [d, p] of found) all.set(d, p);
  const points = o.dates.filter((d) => all.has(d)).map((d) => all.get(d)!);
  return { points, fetched: fetched.sort(), empty: empty.sort(), blockReads };
}
