/** The snapshot run: connect, read the head, backfill missing days, validate, write atomically. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesPoint, Snapshot, SubnetsDaily, SubnetsDay } from '../../src/data/schema.ts';
import { current, governance, seriesValues, subnetRows } from './build.ts';
import { FINNEY_GENESIS, type Options } from './cli.ts';
import { dateOf, datesBetween } from './days.ts';
import { backfill } from './history.ts';
import { Progress } from './progress.ts';
import { MetadataCache, metadataCacheDir } from './metadata-cache.ts';
import { Reader } from './read.ts';
import { RpcClient } from './rpc.ts';
import { DEFAULT_POLICY } from './retry.ts';
import {
  readCheckpoint,
  readCheckpointSubnets,
  readExisting,
  readExistingSubnets,
  removeCheckpoint,
  removeStaleTemps,
  SUBNETS_DAILY_NAME,
  writeCheckpoint,
  writeSnapshot,
  writeSubnetsDaily,
} from './write.ts';
import { DataFileError } from '../../src/data/errors.ts';

export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckError';
  }
}

export interface Summary {
  file: string;
  kind: 'chain' | 'synthetic';
  head: { number: number; hash: string; timestamp: string; specVersion: number };
  days: number;
  fetched: number;
  reused: number;
  fetchedDays: string[];
  emptyDays: string[];
  requests: number;
  byMethod: Record<string, number>;
  retries: number;
  failovers: number;
  seconds: number;
  /** `<out>/subnets-daily.json`: its days, and the days read in this run (new days, and known days re-read at their block) */
  subnetsDaily: { file: string; days: number; fetchedDays: string[]; regenerated: string[] };
}

function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return `taoproof scripts/snapshot.ts ${pkg.version ?? ''}`.trim();
  } catch {
    return 'taoproof scripts/snapshot.ts';
  }
}

function firstOf(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Values that must hold between consecutive days; a failure means a bad read, not a chain fact to publish. */
export function checkSeries(points: SeriesPoint[]): void {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.block !== null && b.block !== null && b.block <= a.block)
      throw new CheckError(`series: block of ${b.date} (#${b.block}) is not after the block of ${a.date} (#${a.block})`);
    const ta = a.values.totalIssuance;
    const tb = b.values.totalIssuance;
    if (ta != null && tb != null && BigInt(tb) < BigInt(ta))
      throw new CheckError(`SubtensorModule.TotalIssuance went down from ${ta} (${a.date}, #${a.block}) to ${tb} (${b.date}, #${b.block})`);
  }
}

export async function run(opts: Options, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Summary> {
  const t0 = Date.now();
  mkdirSync(opts.out, { recursive: true });
  for (const f of removeStaleTemps(opts.out)) log(`removed ${f} left by an interrupted run`);
  let existing: Snapshot | null = null;
  try {
    existing = readExisting(opts.out);
  } catch (e) {
    if (!(e instanceof DataFileError) || !opts.replace)
      throw e instanceof DataFileError ? new CheckError(`existing ${e.problems.length ? `${e.file}: ${e.problems[0]}` : e.message} (fix it, or pass --replace to rebuild it)`) : e;
    log(`existing snapshot is invalid; rebuilding it (--replace)`);
  }
  let existingSubnets: SubnetsDaily | null = null;
  try {
    existingSubnets = readExistingSubnets(opts.out);
  } catch (e) {
    if (!(e instanceof DataFileError) || !opts.replace)
      throw e instanceof DataFileError ? new CheckError(`existing ${e.problems.length ? `${e.file}: ${e.problems[0]}` : e.message} (fix it, or pass --replace to rebuild it)`) : e;
    log(`existing ${SUBNETS_DAILY_NAME} is invalid; rebuilding it (--replace)`);
  }

  const client = new RpcClient({
    endpoints: opts.endpoints,
    timeoutMs: opts.timeoutMs,
    concurrency: opts.concurrency,
    rps: opts.rps,
    policy: { ...DEFAULT_POLICY, retries: opts.retries },
    genesis: opts.genesis,
    log,
  });
  try {
    // the first call opens the connection, which checks the genesis hash
    const checkHash = (r: unknown) => {
      if (typeof r !== 'string' || !/^0x[0-9a-f]{64}$/.test(r)) throw new Error('expected a hash');
      return r;
    };
    const [chainName, props, finalized] = await Promise.all([
      client.call('system_chain', [], (r) => {
        if (typeof r !== 'string' || !r) throw new Error('expected a chain name');
        return r;
      }),
      client.call('system_properties', [], (r) => {
        if (typeof r !== 'object' || r === null) throw new Error('expected an object');
        return r as Record<string, unknown>;
      }),
      opts.at === null ? client.call('chain_getFinalizedHead', [], checkHash) : Promise.resolve(null),
    ]);
    const genesisHash = client.genesisHash!;
    const kind = genesisHash === FINNEY_GENESIS ? 'chain' : 'synthetic';
    if (existing && existing.kind !== 'reference' && existing.chain.genesisHash !== genesisHash && !opts.replace)
      throw new CheckError(`${join(opts.out, 'snapshot.json')} holds chain ${existing.chain.genesisHash}, the node is ${genesisHash}: use another --out, or --replace`);
    if (existingSubnets && existingSubnets.chain.genesisHash !== genesisHash && !opts.replace)
      throw new CheckError(`${join(opts.out, SUBNETS_DAILY_NAME)} holds chain ${existingSubnets.chain.genesisHash}, the node is ${genesisHash}: use another --out, or --replace`);
    const ss58 = Number(firstOf(props.ss58Format) ?? 42);
    const decimals = Number(firstOf(props.tokenDecimals) ?? 9);
    const symbol = String(firstOf(props.tokenSymbol) ?? 'TAO');

    const cacheDir = metadataCacheDir();
    const reader = new Reader(client, ss58, { log, metadataCache: cacheDir ? new MetadataCache(cacheDir, genesisHash, log) : null });
    // head: --at, or the finalized head (never an unfinalized fork)
    let headNumber: number;
    let headHash: string;
    const checkHeader = (r: unknown) => {
      const n = (r as { number?: unknown })?.number;
      if (typeof n !== 'string' || !/^0x[0-9a-f]+$/i.test(n)) throw new Error('expected a header');
      return parseInt(n, 16);
    };
    if (typeof opts.at === 'number') {
      headNumber = opts.at;
      headHash = await reader.hashOf(headNumber).catch((e) => {
        throw new CheckError(`--at ${opts.at}: ${(e as Error).message}`);
      });
    } else {
      headHash = (opts.at as string | null) ?? finalized!;
      headNumber = await client.call('chain_getHeader', [headHash], (r) => {
        if (r === null && opts.at) throw new Error(`block ${opts.at} is not known to the node`);
        return checkHeader(r);
      });
      reader.hashes.set(headNumber, headHash);
    }
    const head = await reader.read(headNumber, await reader.preload(headHash));
    const details = reader.readHeadDetails(head); // in parallel with the history
    details.catch(() => {});
    const headDate = dateOf(head.ts);

    let since = opts.since;
    if (since === null) {
      // the day of the first block: known from the existing file when its history starts there
      const first = existing?.chain.genesisHash === genesisHash ? existing.series[0] : undefined;
      since = first && first.block !== null && first.block <= 1 ? first.date : dateOf(await reader.timestampOf(Math.min(1, headNumber)));
    }
    const dates = since <= headDate ? datesBetween(since, headDate) : [];

    const known = new Map<string, SeriesPoint>();
    const wanted = new Set(dates);
    const usable = (p: SeriesPoint) => wanted.has(p.date) && p.block !== null && p.hash !== null && p.block <= head.number;
    if (existing && existing.kind !== 'reference' && existing.chain.genesisHash === genesisHash)
      for (const p of existing.series) if (usable(p)) known.set(p.date, p);
    const checkpointed = readCheckpoint(opts.out, genesisHash).filter(usable);
    for (const p of checkpointed) known.set(p.date, p);
    if (checkpointed.length) log(`resuming: ${checkpointed.length} days from the checkpoint of an interrupted run`);

    // per-subnet days are reused only for the very block of the known point (same chain, same block and hash)
    const knownSubnets = new Map<string, SubnetsDay>();
    const sameBlock = (d: SubnetsDay) => {
      const p = known.get(d.date);
      return p !== undefined && p.block === d.block && p.hash === d.hash;
    };
    if (existingSubnets && existingSubnets.chain.genesisHash === genesisHash) for (const d of existingSubnets.days) if (sameBlock(d)) knownSubnets.set(d.date, d);
    const checkpointedSubnets = readCheckpointSubnets(opts.out, genesisHash).filter(sameBlock);
    for (const d of checkpointedSubnets) knownSubnets.set(d.date, d);

    const missingCount = dates.filter((d) => !known.has(d)).length;
    const rereadCount = [...known.keys()].filter((d) => !knownSubnets.has(d)).length;
    const progress = new Progress(missingCount + rereadCount, () => client.stats.requests);
    if (missingCount) log(`history ${since} .. ${headDate}: ${known.size} days known, ${missingCount} to fetch`);
    if (rereadCount) log(`${SUBNETS_DAILY_NAME}: ${rereadCount} known days without per-subnet values, read again at their block`);
    const hist = await backfill({
      reader,
      head,
      dates,
      known,
      subnetsKnown: new Set(knownSubnets.keys()),
      concurrency: opts.concurrency,
      checkpoint: (pts, sdays) => writeCheckpoint(opts.out, genesisHash, [...checkpointed, ...pts], [...checkpointedSubnets, ...sdays]),
      checkpointEvery: Number(process.env.SNAPSHOT_CHECKPOINT_EVERY ?? 25),
      progress,
      log,
    });
    progress.end();
    await details;
    checkSeries(hist.points);
    const last = hist.points.at(-1);
    const headValues = seriesValues(head);
    if (last?.values.totalIssuance != null && headValues.totalIssuance !== null && BigInt(headValues.totalIssuance) < BigInt(last.values.totalIssuance))
      throw new CheckError(`SubtensorModule.TotalIssuance at the head (#${head.number}) is below that of ${last.date}`);

    const snapshot: Snapshot = {
      schemaVersion: 2,
      kind,
      chain: { name: chainName, genesisHash, ss58Prefix: ss58, decimals, symbol },
      head: { number: head.number, hash: head.hash, timestamp: new Date(head.ts).toISOString(), specVersion: head.specVersion },
      source: { endpoint: client.used.join(', ') || opts.endpoints[0], tool: toolVersion(), generatedAt: new Date().toISOString() },
      current: current(head, headValues),
      series: hist.points,
      subnets: head.netuids === null ? null : { block: head.number, hash: head.hash, rows: subnetRows(head) },
      governance: governance(head),
    };
    const file = writeSnapshot(opts.out, snapshot);
    // only after snapshot.json: the per-subnet values of exactly its sampled days
    const subnetDays = hist.points.map((p) => {
      const d = hist.subnetDays.get(p.date) ?? knownSubnets.get(p.date);
      if (!d || d.block !== p.block || d.hash !== p.hash) throw new Error(`internal: no per-subnet values for ${p.date} (#${p.block})`);
      return d;
    });
    const subnetsFile = writeSubnetsDaily(opts.out, { schemaVersion: 2, kind, chain: { genesisHash }, days: subnetDays });
    removeCheckpoint(opts.out);
    return {
      file,
      kind,
      head: snapshot.head!,
      days: hist.points.length,
      fetched: hist.fetched.length,
      reused: hist.points.length - hist.fetched.length,
      fetchedDays: hist.fetched,
      emptyDays: hist.empty,
      requests: client.stats.requests,
      byMethod: client.stats.byMethod,
      retries: client.stats.retries,
      failovers: client.stats.failovers,
      seconds: (Date.now() - t0) / 1000,
      subnetsDaily: {
        file: subnetsFile,
        days: subnetDays.length,
        fetchedDays: [...hist.subnetDays.keys()].sort(),
        regenerated: hist.regenerated,
      },
    };
  } finally {
    await client.close();
  }
}
