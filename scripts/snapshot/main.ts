/** The snapshot run (`run`), in named steps: connect and check the chain, find the head, plan the days, backfill, read the head's details, write. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SCHEMA_VERSION,
  type SeriesPoint,
  type Snapshot,
  type SubnetsDaily,
  type SubnetsDay,
  type Upgrade,
  type Verification,
} from '../../src/model/schema.ts';
import { current, governance, seriesPoint, seriesValues, subnetRows } from './build.ts';
import type { Options } from './cli.ts';
import { FINNEY } from '../../src/data/chain.ts';
import { DAY_MS, dateOf, datesBetween } from './days.ts';
import { confirmHashes, type Anchoring } from './confirm.ts';
import { backfill, type HistoryResult } from './history.ts';
import { Progress } from './progress.ts';
import { MetadataCache, metadataCacheDir } from './metadata-cache.ts';
import { Reader, VerificationError, type BlockState } from './read.ts';
import { RpcClient } from './rpc.ts';
import { DEFAULT_POLICY } from './retry.ts';
import {
  CHECKPOINT_NAME,
  acquireLock,
  readCheckpoint,
  readCheckpointSubnets,
  readExisting,
  readExistingSubnets,
  removeCheckpoint,
  removeStaleTemps,
  SNAPSHOT_NAME,
  SUBNETS_DAILY_NAME,
  writeCheckpoint,
  writeDataFiles,
  type ProofFiles,
} from './write.ts';
import { PROOFS_DIR, proofFileName, proofFileText } from './proof-file.ts';
import { DataFileError } from '../../src/data/errors.ts';
import { safeLine } from './sanitize.ts';
import { findUpgrades } from './upgrades.ts';

class CheckError extends Error {
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
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
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
      throw new CheckError(
        `series: block of ${b.date} (#${b.block}) is not after the block of ${a.date} (#${a.block})`,
      );
    const ta = a.values.totalIssuance;
    const tb = b.values.totalIssuance;
    if (ta != null && tb != null && BigInt(tb) < BigInt(ta))
      throw new CheckError(
        `SubtensorModule.TotalIssuance went down from ${ta} (${a.date}, #${a.block}) to ${tb} (${b.date}, #${b.block})`,
      );
  }
}

/** The files already in `--out`, validated (null when absent, or invalid and rebuilt with --replace). */
interface Previous {
  snapshot: Snapshot | null;
  subnets: SubnetsDaily | null;
}

/** What the node is: checked against --genesis (by the client) and against the chain of the previous files. */
interface Chain {
  name: string;
  genesisHash: string;
  kind: 'chain' | 'synthetic';
  ss58: number;
  decimals: number;
  symbol: string;
  /** the finalized head's hash; null with --at */
  finalized: string | null;
}

/** The days to sample and what is already known of them (previous file of the same chain, checkpoint). */
interface Plan {
  since: string;
  dates: string[];
  known: Map<string, SeriesPoint>;
  knownSubnets: Map<string, SubnetsDay>;
  checkpointed: SeriesPoint[];
  checkpointedSubnets: SubnetsDay[];
}

/**
 * The snapshot, step by step: read the previous files, connect and check the chain, find the head, read the head's
 * details (in parallel with the history), plan the days, backfill them, write.
 */
export async function run(
  opts: Options,
  log: (line: string) => void = (l) => process.stderr.write(`${safeLine(l)}\n`),
  progress: ProgressOutput = {},
): Promise<Summary> {
  const t0 = Date.now();
  mkdirSync(opts.out, { recursive: true });
  const release = acquireLock(opts.out, log);
  interrupt.release = release;
  try {
    return await runLocked(opts, log, t0, progress);
  } finally {
    interrupt.release = null;
    release();
  }
}

/** Where the backfill's progress lines go (default: stderr, one updating line when it is a TTY; progress.ts). */
export interface ProgressOutput {
  write?: (s: string) => void;
  tty?: boolean;
}

/** Interrupt handlers (SIGINT, SIGTERM) call this: it writes the checkpoint of the days fetched so far, if any. */
export const interrupt: { flush: (() => string) | null; release: (() => void) | null } = {
  flush: null,
  release: null,
};

async function runLocked(
  opts: Options,
  log: (line: string) => void,
  t0: number,
  progressOutput: ProgressOutput,
): Promise<Summary> {
  const previous = readPrevious(opts, log);
  const client = new RpcClient({
    endpoints: opts.endpoints,
    timeoutMs: opts.timeoutMs,
    concurrency: opts.concurrency,
    rps: opts.rps,
    policy: { ...DEFAULT_POLICY, retries: opts.retries },
    genesis: opts.genesis,
    maxReplyBytes: opts.maxReplyBytes,
    log,
  });
  try {
    const chain = await connectAndCheckChain(client, opts, previous);
    const cacheDir = metadataCacheDir();
    const metadataCache = cacheDir ? new MetadataCache(cacheDir, chain.genesisHash, log) : null;
    // the proof file of every block read with proofs (the head's is rebuilt with its details when writing)
    const proofTexts = new Map<number, string>();
    const reader = new Reader(client, chain.ss58, {
      log,
      metadataCache,
      trustNode: opts.trustNode,
      onProven: (s) => proofTexts.set(s.number, proofFileText(s, false)),
    });
    const head = await findHead(client, reader, opts, chain.finalized);
    const reuse = sameChain(previous, chain.genesisHash);
    checkNotBehind(opts, reuse.snapshot, head);
    const details = readHeadDetails(reader, head);
    const usable = withProofFiles(provenOnly(reuse, opts.trustNode, log), opts, log);
    const plan = await planDays(reader, opts, head, usable, chain.genesisHash, log);
    const verified = verifyPast(reader, opts, reuse.snapshot, head, log);
    verified.catch(() => {}); // awaited (and its error thrown) after the backfill
    const hist = await keepingCheckpoint(opts.out, () =>
      backfillDays(client, reader, opts, head, plan, chain.genesisHash, log, progressOutput),
    );
    await details;
    await verified;
    checkNoDaysDropped(opts, reuse.snapshot, hist.points);
    const upgrades = await findUpgrades({ reader, points: hist.points, known: usable.snapshot?.upgrades, log });
    const anchoring = await confirmHashes({
      readFrom: client.used,
      confirm: opts.confirm,
      genesisHash: chain.genesisHash,
      blocks: [
        head,
        ...hist.points.map((p) => ({ number: p.block!, hash: p.hash! })),
        ...upgrades.flatMap((u) => [
          { number: u.before.block!, hash: u.before.hash! },
          { number: u.firstBlock, hash: u.firstHash },
        ]),
      ],
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      log,
    });
    const written = writeFiles(opts, client, chain, head, { ...hist, upgrades }, plan, anchoring, proofTexts, log);
    return {
      file: written.file,
      kind: chain.kind,
      head: written.head,
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
        file: written.subnetsFile,
        days: written.subnetDays,
        fetchedDays: [...hist.subnetDays.keys()].sort(),
        regenerated: hist.regenerated,
      },
    };
  } finally {
    await client.close();
  }
}

/** Prepare `--out` (removing temp files of an interrupted run) and read the files already there. */
function readPrevious(opts: Options, log: (line: string) => void): Previous {
  for (const f of removeStaleTemps(opts.out)) log(`removed ${f} left by an interrupted run`);
  return {
    snapshot: readOrRebuild(() => readExisting(opts.out), 'snapshot', opts, log),
    subnets: readOrRebuild(() => readExistingSubnets(opts.out), SUBNETS_DAILY_NAME, opts, log),
  };
}

/** A previous file, or null when absent; an invalid one stops the run unless --replace (it is then rebuilt). */
function readOrRebuild<T>(read: () => T | null, name: string, opts: Options, log: (line: string) => void): T | null {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    if (!opts.replace)
      throw new CheckError(
        `existing ${e.problems.length ? `${e.file}: ${e.problems[0]}` : e.message} (fix it, or pass --replace to rebuild it)`,
      );
    log(`existing ${name} is invalid; rebuilding it (--replace)`);
    return null;
  }
}

/** The previous files that hold chain reads of this chain (not cited figures, not another chain): their days are reusable. */
function sameChain(previous: Previous, genesisHash: string): Previous {
  const s = previous.snapshot;
  return {
    snapshot: s && s.kind !== 'cited' && s.chain.genesisHash === genesisHash ? s : null,
    subnets: previous.subnets?.chain.genesisHash === genesisHash ? previous.subnets : null,
  };
}

/** The previous files whose days a run may reuse: not those read without proofs, unless this run reads so too. */
function provenOnly(reuse: Previous, trustNode: boolean, log: (line: string) => void): Previous {
  if (trustNode) return reuse;
  const proven = (f: { verification: Verification | null } | null) => f?.verification?.values === 'proven';
  if ((reuse.snapshot && !proven(reuse.snapshot)) || (reuse.subnets && !proven(reuse.subnets)))
    log('the existing files were read without proofs: their days are read again, with proofs');
  return {
    snapshot: proven(reuse.snapshot) ? reuse.snapshot : null,
    subnets: proven(reuse.subnets) ? reuse.subnets : null,
  };
}

const hasProofFile = (opts: Options, block: number) => existsSync(join(opts.out, PROOFS_DIR, proofFileName(block)));

/**
 * The previous days whose proof file is in `--out` (every day of a proven run must have one, `proofs/<block>.json`):
 * a day without one is read again, with its proof. A --trust-node run keeps every day (it writes no proofs).
 */
function withProofFiles(reuse: Previous, opts: Options, log: (line: string) => void): Previous {
  const s = reuse.snapshot;
  if (opts.trustNode || !s) return reuse;
  const has = (b: number | null) => b !== null && hasProofFile(opts, b);
  const lacking = s.series.filter((p) => p.block !== null && !has(p.block));
  // a recorded upgrade is reused only with the proof files of its two blocks (else it is found and read again)
  const upgrades = s.upgrades.filter((u) => has(u.before.block) && has(u.firstBlock));
  if (!lacking.length)
    return upgrades.length === s.upgrades.length ? reuse : { ...reuse, snapshot: { ...s, upgrades } };
  log(`${lacking.length} published days have no proof file in ${join(opts.out, PROOFS_DIR)}: read again, with proofs`);
  return { ...reuse, snapshot: { ...s, series: s.series.filter((p) => has(p.block)), upgrades } };
}

/**
 * Run the backfill; when a read fails its check (a node lying or broken), put `--out`'s checkpoint back as it was,
 * so that the run writes nothing at all.
 */
async function keepingCheckpoint<T>(out: string, f: () => Promise<T>): Promise<T> {
  const file = join(out, CHECKPOINT_NAME);
  const before = existsSync(file) ? readFileSync(file) : null;
  try {
    return await f();
  } catch (e) {
    if (e instanceof VerificationError) {
      if (before === null) rmSync(file, { force: true });
      else writeFileSync(file, before);
    }
    throw e;
  }
}

const checkHash = (r: unknown) => {
  if (typeof r !== 'string' || !/^0x[0-9a-f]{64}$/.test(r)) throw new Error('expected a hash');
  return r;
};

/** Connect (the first call opens the connection, which checks the genesis hash), read the chain's name and token, and refuse previous files of another chain. */
async function connectAndCheckChain(client: RpcClient, opts: Options, previous: Previous): Promise<Chain> {
  const [name, props, finalized] = await Promise.all([
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
  const held: Array<[file: string, genesis: string | undefined]> = [
    [SNAPSHOT_NAME, previous.snapshot?.kind === 'cited' ? undefined : previous.snapshot?.chain.genesisHash],
    [SUBNETS_DAILY_NAME, previous.subnets?.chain.genesisHash],
  ];
  for (const [file, genesis] of held)
    if (genesis !== undefined && genesis !== genesisHash && !opts.replace)
      throw new CheckError(
        `${join(opts.out, file)} holds chain ${genesis}, the node is ${genesisHash}: use another --out, or --replace`,
      );
  return {
    name,
    genesisHash,
    kind: genesisHash === FINNEY.genesisHash ? 'chain' : 'synthetic',
    ss58: Number(firstOf(props.ss58Format) ?? 42),
    decimals: Number(firstOf(props.tokenDecimals) ?? 9),
    symbol: String(firstOf(props.tokenSymbol) ?? 'TAO'),
    finalized,
  };
}

/** The head: --at (a number or a hash), or the finalized head (never an unfinalized fork), read in full. */
async function findHead(
  client: RpcClient,
  reader: Reader,
  opts: Options,
  finalized: string | null,
): Promise<BlockState> {
  let headNumber: number;
  let headHash: string;
  if (typeof opts.at === 'number') {
    headNumber = opts.at;
    headHash = await reader.hashOf(headNumber).catch((e) => {
      throw new CheckError(`--at ${opts.at}: ${(e as Error).message}`);
    });
  } else {
    headHash = (opts.at as string | null) ?? finalized!;
    headNumber = await client.call('chain_getHeader', [headHash], (r) => {
      if (r === null && opts.at) throw new Error(`block ${opts.at} is not known to the node`);
      const n = (r as { number?: unknown })?.number;
      if (typeof n !== 'string' || !/^0x[0-9a-f]+$/i.test(n)) throw new Error('expected a header');
      return parseInt(n, 16);
    });
    reader.hashes.set(headNumber, headHash);
  }
  return reader.read(headNumber, await reader.preload(headHash));
}

/** The head's details (subnet owners and names, governance), read in parallel with the history; awaited before writing. */
function readHeadDetails(reader: Reader, head: BlockState): Promise<void> {
  const details = reader.readHeadDetails(head);
  details.catch(() => {}); // awaited (and its error thrown) after the backfill
  return details;
}

/** The days from --since (default: the day of block 1) to the head's, and what is already known of them. */
async function planDays(
  reader: Reader,
  opts: Options,
  head: BlockState,
  reuse: Previous,
  genesisHash: string,
  log: (line: string) => void,
): Promise<Plan> {
  const headDate = dateOf(head.ts);
  let since = opts.since;
  if (since === null) {
    // the day of the first block: known from the existing file when its history starts there
    const first = reuse.snapshot?.series[0];
    since =
      first && first.block !== null && first.block <= 1
        ? first.date
        : dateOf(await reader.timestampOf(Math.min(1, head.number)));
  }
  const dates = since <= headDate ? datesBetween(since, headDate) : [];

  const known = new Map<string, SeriesPoint>();
  const wanted = new Set(dates);
  const usable = (p: SeriesPoint) =>
    wanted.has(p.date) && p.block !== null && p.hash !== null && p.block <= head.number;
  for (const p of reuse.snapshot?.series ?? []) if (usable(p)) known.set(p.date, p);
  const values = opts.trustNode ? 'unproven' : 'proven';
  // a checkpointed day keeps no proof file (unless one of a previous run is there): it is read again
  const checkpointed = readCheckpoint(opts.out, genesisHash, log, values).filter(
    (p) => usable(p) && (opts.trustNode || hasProofFile(opts, p.block!)),
  );
  for (const p of checkpointed) known.set(p.date, p);
  if (checkpointed.length) log(`resuming: ${checkpointed.length} days from the checkpoint of an interrupted run`);

  // per-subnet days are reused only for the very block of the known point (same chain, same block and hash)
  const knownSubnets = new Map<string, SubnetsDay>();
  const sameBlock = (d: SubnetsDay) => {
    const p = known.get(d.date);
    return p !== undefined && p.block === d.block && p.hash === d.hash;
  };
  for (const d of reuse.subnets?.days ?? []) if (sameBlock(d)) knownSubnets.set(d.date, d);
  const checkpointedSubnets = readCheckpointSubnets(opts.out, genesisHash, values).filter(sameBlock);
  for (const d of checkpointedSubnets) knownSubnets.set(d.date, d);
  return { since, dates, known, knownSubnets, checkpointed, checkpointedSubnets };
}

/** Fetch the missing days (and the per-subnet values of known days that lack them), checkpointing as it goes. */
async function backfillDays(
  client: RpcClient,
  reader: Reader,
  opts: Options,
  head: BlockState,
  plan: Plan,
  genesisHash: string,
  log: (line: string) => void,
  progressOutput: ProgressOutput,
): Promise<HistoryResult> {
  const { dates, known, knownSubnets, checkpointed, checkpointedSubnets } = plan;
  const missingCount = dates.filter((d) => !known.has(d)).length;
  const rereadCount = [...known.keys()].filter((d) => !knownSubnets.has(d)).length;
  const progress = new Progress(missingCount + rereadCount, () => client.stats.requests, progressOutput);
  if (missingCount)
    log(`history ${plan.since} .. ${dateOf(head.ts)}: ${known.size} days known, ${missingCount} to fetch`);
  if (rereadCount)
    log(`${SUBNETS_DAILY_NAME}: ${rereadCount} known days without per-subnet values, read again at their block`);
  const hist = await backfill({
    reader,
    head,
    dates,
    known,
    subnetsKnown: new Set(knownSubnets.keys()),
    concurrency: opts.concurrency,
    checkpoint: (pts, sdays) =>
      writeCheckpoint(
        opts.out,
        genesisHash,
        [...checkpointed, ...pts],
        [...checkpointedSubnets, ...sdays],
        opts.trustNode ? 'unproven' : 'proven',
      ),
    checkpointEvery: Number(process.env.SNAPSHOT_CHECKPOINT_EVERY ?? 25),
    progress,
    log,
    onFlush: (flush) => {
      interrupt.flush = () => {
        const n = flush();
        return n
          ? `${n} days fetched so far written to the checkpoint; the next run resumes from it`
          : 'no day fetched yet, so no checkpoint written';
      };
    },
  });
  interrupt.flush = null;
  progress.end();
  return hist;
}

/** Check the history against the head, then write snapshot.json and, after it, subnets-daily.json; drop the checkpoint. */
function writeFiles(
  opts: Options,
  client: RpcClient,
  chain: Chain,
  head: BlockState,
  hist: HistoryResult & { upgrades: Upgrade[] },
  plan: Plan,
  anchoring: Anchoring,
  proofTexts: Map<number, string>,
  log: (line: string) => void,
) {
  checkSeries(hist.points);
  const last = hist.points.at(-1);
  const headValues = seriesValues(head);
  if (
    last?.values.totalIssuance != null &&
    headValues.totalIssuance !== null &&
    BigInt(headValues.totalIssuance) < BigInt(last.values.totalIssuance)
  )
    throw new CheckError(`SubtensorModule.TotalIssuance at the head (#${head.number}) is below that of ${last.date}`);

  const verification: Verification = {
    values: opts.trustNode ? 'unproven' : 'proven',
    ...anchoring,
  };
  const snapshot: Snapshot = {
    schemaVersion: SCHEMA_VERSION,
    kind: chain.kind,
    verification,
    chain: {
      name: chain.name,
      genesisHash: chain.genesisHash,
      ss58Prefix: chain.ss58,
      decimals: chain.decimals,
      symbol: chain.symbol,
    },
    head: {
      number: head.number,
      hash: head.hash,
      timestamp: new Date(head.ts).toISOString(),
      specVersion: head.specVersion,
    },
    source: {
      endpoint: client.used.join(', ') || opts.endpoints[0],
      tool: toolVersion(),
      generatedAt: new Date().toISOString(),
    },
    current: current(head, headValues),
    series: hist.points,
    upgrades: hist.upgrades,
    subnets: head.netuids === null ? null : { block: head.number, hash: head.hash, rows: subnetRows(head) },
    governance: governance(head),
  };
  // the per-subnet values of exactly the snapshot's sampled days; both files are written, or neither
  const subnetDays = hist.points.map((p) => {
    const d = hist.subnetDays.get(p.date) ?? plan.knownSubnets.get(p.date);
    if (!d || d.block !== p.block || d.hash !== p.hash)
      throw new Error(`internal: no per-subnet values for ${p.date} (#${p.block})`);
    return d;
  });
  // proof files: every sampled day's block and the head's (with the subnets table); none for unproven data
  let proofs: ProofFiles | null = null;
  if (opts.trustNode)
    log(`no proof files written (--trust-node: the data is unproven); ${join(opts.out, PROOFS_DIR)} removed`);
  else {
    proofTexts.set(head.number, proofFileText(head, true));
    const upgradeBlocks = hist.upgrades.flatMap((u) => [u.before.block!, u.firstBlock]);
    proofs = {
      files: proofTexts,
      referenced: new Set([head.number, ...hist.points.map((p) => p.block!), ...upgradeBlocks]),
    };
  }
  const [file, subnetsFile] = writeDataFiles(
    opts.out,
    snapshot,
    {
      schemaVersion: SCHEMA_VERSION,
      kind: chain.kind,
      verification,
      chain: { genesisHash: chain.genesisHash },
      days: subnetDays,
    },
    proofs,
  );
  removeCheckpoint(opts.out);
  return { file, head: snapshot.head!, subnetsFile, subnetDays: subnetDays.length };
}

const behind = (ms: number) =>
  ms >= DAY_MS ? `${(ms / DAY_MS).toFixed(1)} days` : `${(ms / 3_600_000).toFixed(1)} hours`;

/**
 * History never goes backwards: a finalized head older than the existing snapshot's (a node lagging behind, or an
 * older run finishing last) is refused unless --allow-older-head. An --at run is a deliberate view of the past.
 */
export function checkNotBehind(
  opts: Pick<Options, 'at' | 'allowOlderHead' | 'out'>,
  prev: Snapshot | null,
  head: { number: number; ts: number },
): void {
  if (opts.at !== null || opts.allowOlderHead || !prev?.head || head.number >= prev.head.number) return;
  const ms = Date.parse(prev.head.timestamp) - head.ts;
  throw new CheckError(
    `the node's finalized head #${head.number} (${new Date(head.ts).toISOString()}) is ${prev.head.number - head.number} blocks (${behind(ms)}) behind the head #${prev.head.number} of ${join(opts.out, SNAPSHOT_NAME)}; try another --endpoint, or pass --allow-older-head to write the older view on purpose`,
  );
}

/** A run never drops a day the existing snapshot publishes (unless --replace, or --at / --allow-older-head on purpose). */
export function checkNoDaysDropped(
  opts: Pick<Options, 'at' | 'allowOlderHead' | 'replace' | 'out'>,
  prev: Snapshot | null,
  points: SeriesPoint[],
): void {
  if (!prev || opts.at !== null || opts.allowOlderHead || opts.replace) return;
  const kept = new Set(points.map((p) => p.date));
  const lost = prev.series.filter((p) => p.block !== null && !kept.has(p.date)).map((p) => p.date);
  if (lost.length)
    throw new CheckError(
      `this run would drop ${lost.length} day${lost.length > 1 ? 's' : ''} that ${join(opts.out, SNAPSHOT_NAME)} publishes (${lost.length > 4 ? `${lost.slice(0, 2).join(', ')} … ${lost.at(-1)}` : lost.join(', ')}); give --since ${lost[0]}, or --replace to drop them on purpose`,
    );
}

/** Which past days to re-verify: all with --verify-all, else `n` chosen at random (a different sample each night). */
export function verifySample<T>(days: T[], n: number, random: () => number = Math.random): T[] {
  if (n >= days.length) return [...days];
  const pool = [...days];
  const out: T[] = [];
  while (out.length < n) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

/**
 * Re-read a sample of the published days at their block and compare every value with the file's: a difference
 * stops the run with both values (the file or the node is wrong; nothing is written until that is settled).
 */
async function verifyPast(
  reader: Reader,
  opts: Options,
  prev: Snapshot | null,
  head: BlockState,
  log: (line: string) => void,
): Promise<void> {
  const days = (prev?.series ?? []).filter(
    (p) => p.block !== null && p.hash !== null && p.block <= head.number && opts.at === null,
  );
  const sample = verifySample(days, opts.verify);
  if (!sample.length) return;
  for (const p of sample) {
    const s = await reader.complete(await reader.read(p.block!, p.specVersion));
    if (s.hash !== p.hash)
      throw new CheckError(
        `re-verifying ${p.date} of ${join(opts.out, SNAPSHOT_NAME)}: block #${p.block} is ${s.hash} on the node, the file has ${p.hash}`,
      );
    const fresh = seriesPoint(s, p.date);
    for (const [k, v] of Object.entries(fresh.values)) {
      const had = (p.values as Record<string, string | null | undefined>)[k];
      if (had !== undefined && had !== v)
        throw new CheckError(
          `re-verifying ${p.date} (#${p.block}) of ${join(opts.out, SNAPSHOT_NAME)}: ${k} is ${had} in the file but ${v} on the chain; nothing written`,
        );
    }
  }
  log(`re-verified ${sample.length} of ${days.length} published days against the chain: all values agree`);
}
