/**
 * Incremental daily history: reuse the points already known (snapshot file, checkpoint), fetch only the
 * missing days, each at the first block of its UTC day, with bounded concurrency. The per-subnet values of a
 * day (subnets-daily.json) come from the same read; a day whose series point is known but whose per-subnet
 * values are not is re-read at its known block (one call). Every finished day goes to the checkpoint
 * (atomically, in batches) so an interrupted run resumes where it stopped.
 */
import type { SeriesPoint, SubnetsDay } from '../../src/model/schema.ts';
import { seriesPoint, subnetsDay } from './build.ts';
import { addAnchor, DAY_MS, findFirstBlock, midnightOf, probeWindow, type Anchor } from './days.ts';
import type { Progress } from './progress.ts';
import type { BlockState, Reader } from './read.ts';

export interface HistoryOptions {
  reader: Reader;
  head: BlockState;
  /** every date wanted, ascending */
  dates: string[];
  /** points already known, by date */
  known: Map<string, SeriesPoint>;
  /** dates of known points whose per-subnet values are known too (the others are re-read at their block) */
  subnetsKnown?: Set<string>;
  concurrency: number;
  /** called with the new points and per-subnet days so far, at most every `checkpointEvery` days and at the end */
  checkpoint?: (newPoints: SeriesPoint[], newSubnetDays: SubnetsDay[]) => void;
  checkpointEvery?: number;
  progress?: Progress;
  log?: (line: string) => void;
  /** receives a function that checkpoints the days fetched so far at once (for SIGTERM), returning their count */
  onFlush?: (flush: () => number) => void;
}

export interface HistoryResult {
  points: SeriesPoint[];
  fetched: string[];
  /** days without any block (chain halted all day, or the day is before the chain's first block) */
  empty: string[];
  /** reads of blocks (state_queryStorageAt rounds) made for the history */
  blockReads: number;
  /** per-subnet values read in this run (fetched days and known days re-read at their block), by date */
  subnetDays: Map<string, SubnetsDay>;
  /** known days whose per-subnet values were re-read at their block */
  regenerated: string[];
}

function anchorOf(s: BlockState): Anchor {
  return { block: s.number, ts: s.ts, exact: true, minGapMs: s.runtime.minimumPeriodMs, slotMs: s.runtime.slotMs };
}

export async function backfill(o: HistoryOptions): Promise<HistoryResult> {
  const { reader, head } = o;
  const missing = o.dates.filter((d) => !o.known.has(d));
  const wanted = new Set(o.dates);
  const reread = [...o.known.values()]
    .filter(
      (p) =>
        wanted.has(p.date) &&
        p.block !== null &&
        p.hash !== null &&
        p.block <= head.number &&
        !o.subnetsKnown?.has(p.date),
    )
    .sort((a, b) => (a.date < b.date ? -1 : 1));
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
      p = reader.read(n, guessSpec(n), { complete: false }).then((s) => {
        specs.set(n, s.specVersion);
        return s;
      });
      states.set(n, p);
      p.catch(() => states.delete(n));
      if (states.size > 256) states.delete(states.keys().next().value!); // keep memory flat on long backfills
    }
    return p;
  };

  // Hash prefetch: the first probe of the next days, estimated now, with a window around it (days.ts
  // probeWindow), fetched in one chain_getBlockHash call.
  const PREFETCH = 32;
  let prefetchedUpTo = -1;
  const prefetch = (i: number) => {
    if (i <= prefetchedUpTo) return;
    const end = Math.min(missing.length, i + PREFETCH);
    for (let j = i; j < end; j++) {
      const blocks = probeWindow(midnightOf(missing[j]), anchors, j - i + 1, head.number);
      if (!blocks.length) return; // nothing to estimate from yet (only genesis below): try again with the next day
      for (const b of blocks) reader.hashOf(b).catch(() => {});
      prefetchedUpTo = j;
    }
  };

  const found = new Map<string, SeriesPoint>();
  const foundSubnets = new Map<string, SubnetsDay>();
  const regenerated: string[] = [];
  const fetched: string[] = [];
  const empty: string[] = [];
  let sinceCheckpoint = 0;
  let lastCheckpoint = Date.now();
  const every = o.checkpointEvery ?? 25;

  // Days run concurrently, but a day's first probe waits for the previous day's first read: its estimate then
  // starts from a block read near the previous midnight (about a day of missed slots to guess), not from one
  // several days back, which would make it land further from the boundary (more reads to prove it).
  const firstRead = missing.map(() => {
    let resolve!: () => void;
    const p = new Promise<void>((r) => (resolve = r));
    return { p, resolve };
  });
  const doDay = async (i: number) => {
    const date = missing[i];
    const M = midnightOf(date);
    if (i > 0) await firstRead[i - 1].p;
    prefetch(i);
    let res: Awaited<ReturnType<typeof findFirstBlock>>;
    try {
      // the next day starts once this day's first read is among the anchors (not before: it would aim from the
      // anchors of the day before)
      res = await findFirstBlock(
        M,
        anchors,
        async (n) => anchorOf(await read(n)),
        undefined,
        () => firstRead[i].resolve(),
      );
    } finally {
      firstRead[i].resolve();
    }
    if (process.env.SNAPSHOT_DEBUG) o.log?.(`${date}: block ${res?.block} after ${res?.probes} probes`);
    if (res === null) throw new Error(`no block at or after ${date} 00:00 UTC up to the head`);
    const a = anchors.find((x) => x.block === res.block);
    if (a && !a.exact && a.ts >= M + DAY_MS) {
      empty.push(date);
      return;
    }
    const s = await reader.complete(await read(res.block));
    addAnchor(anchors, anchorOf(s));
    if (s.ts >= M + DAY_MS) {
      empty.push(date);
      // the first block at or after midnight is block 1 (block 0, genesis, has no timestamp): the day is not a halt
      // but lies before the chain began, e.g. a local or test chain started later than --since
      o.log?.(
        s.number <= 1
          ? `${date}: before the chain's first block (block 1 is at ${new Date(s.ts).toISOString()})`
          : `${date}: no block that day (the chain produced none between 00:00 and 24:00 UTC)`,
      );
      return;
    }
    found.set(date, seriesPoint(s, date));
    foundSubnets.set(date, subnetsDay(s, date));
    fetched.push(date);
    o.progress?.tick();
    maybeCheckpoint();
  };
  o.onFlush?.(() => {
    if (found.size || foundSubnets.size) o.checkpoint?.([...found.values()], [...foundSubnets.values()]);
    return found.size;
  });
  const maybeCheckpoint = () => {
    if (++sinceCheckpoint >= every || Date.now() - lastCheckpoint > 10_000) {
      sinceCheckpoint = 0;
      lastCheckpoint = Date.now();
      o.checkpoint?.([...found.values()], [...foundSubnets.values()]);
    }
  };
  // a known day without its per-subnet values: its block is known, one read there. The first block of a
  // runtime not loaded yet is read alone (its metadata then serves the others' single calls).
  const firstOfSpec = new Map<number, Promise<BlockState>>();
  const redoDay = async (p: SeriesPoint) => {
    reader.hashes.set(p.block!, p.hash!);
    const spec = p.specVersion;
    if (spec !== null && !reader.runtimes.has(spec)) {
      const first = firstOfSpec.get(spec);
      if (first) await first.catch(() => {});
      else firstOfSpec.set(spec, read(p.block!));
    }
    const s = await reader.complete(await read(p.block!));
    if (s.hash !== p.hash)
      throw new Error(`${p.date}: block ${p.block} is ${s.hash} on the node, the snapshot has ${p.hash}`);
    foundSubnets.set(p.date, subnetsDay(s, p.date));
    regenerated.push(p.date);
    o.progress?.tick();
    maybeCheckpoint();
  };

  const tasks = missing.length + reread.length;
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < tasks) {
      const i = next++;
      try {
        if (i < missing.length) await doDay(i);
        else await redoDay(reread[i - missing.length]);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, tasks)) }, worker));
  // keep what was fetched even when failing: the next run resumes from the checkpoint
  if (found.size || foundSubnets.size) o.checkpoint?.([...found.values()], [...foundSubnets.values()]);
  if (failure !== null) throw failure;

  const all = new Map(o.known);
  for (const [d, p] of found) all.set(d, p);
  const points = o.dates.filter((d) => all.has(d)).map((d) => all.get(d)!);
  return {
    points,
    fetched: fetched.sort(),
    empty: empty.sort(),
    blockReads,
    subnetDays: foundSubnets,
    regenerated: regenerated.sort(),
  };
}
