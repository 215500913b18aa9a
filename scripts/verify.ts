/**
 * `npm run verify`: re-check every chain number in public/data offline, from the published proofs
 * (`proofs/<block>.json`, docs/proofs.md). For each block a published value comes from: its proof file's header must
 * hash to the block's hash and carry its number; the nodes must prove every listed key under that header's state root
 * (scripts/snapshot/proof.ts `verifyProof`: the kept trie implementation and the node-codec walk); each listed key
 * must be the storage key of its item and netuid. The values are then decoded with the types in the file and turned
 * into the published fields by the snapshot's own code (scripts/snapshot/build.ts, on a BlockState), and every
 * published field is compared with them. A chain number whose block has no proof file fails; cited figures are
 * counted apart, as not chain data. With `--endpoint URL`, a node of the user's choice is also asked for every
 * block's hash (`chain_getBlockHash`, batched), and a different hash fails.
 *
 *   node scripts/verify.ts [--dir public/data] [--endpoint wss://…]
 *
 * Prints the numbers checked, verified and failed, and each failure as `<file>: <field>: <what failed>`; exits 1 on
 * any failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsHex, xxhashAsU8a } from '@polkadot/util-crypto';
import { loadSubnetsDaily, parseSnapshot } from '../src/data/load.ts';
import type { SeriesPoint, Snapshot, SubnetsDaily } from '../src/model/schema.ts';
import { governance, seriesValues, subnetRowsOf } from './snapshot/build.ts';
import { columnNames, SUBNET_COLUMNS } from '../src/model/columns.ts';
import { dateOf } from './snapshot/days.ts';
import { decodeLastRuntimeUpgrade, decodeU64 } from './snapshot/keys.ts';
import {
  decodeHeaderHex,
  PROOFS_DIR,
  ProofFile,
  proofFileName,
  RUNTIME_UPGRADE,
  TIMESTAMP,
  type ProofValue,
} from './snapshot/proof-file.ts';
import { verifyProof } from './snapshot/proof.ts';
import { BlockState } from './snapshot/read.ts';
import { DEFAULT_POLICY } from './snapshot/retry.ts';
import { RpcClient } from './snapshot/rpc.ts';
import { asBool, Runtime, type ItemInfo } from './snapshot/runtime.ts';

export interface VerifyOptions {
  /** the data directory (public/data) */
  dir: string;
  /** also ask this node for each block's hash */
  endpoint?: string | null;
  log?: (line: string) => void;
}

export interface VerifyResult {
  /** chain numbers compared with their proofs */
  checked: number;
  verified: number;
  failed: number;
  /** published values that are not chain data (cited figures) */
  notChain: number;
  /** blocks whose proof file was checked */
  blocks: number;
  /** one line per failure: `<file>: <field>: <what failed>` */
  failures: string[];
}

/** What one block's proof file proves: a BlockState to build the published fields from, or why it proves nothing. */
/** a block's state rebuilt from its checked proof file, and its header's parent hash; or what failed */
type Proven = { state: BlockState; parentHash: string } | { problem: string };

const registry = new TypeRegistry();

/** The map key hashers a netuid map may use (all end with the key itself): the key's possible encodings. */
function hashedKeys(encoded: Uint8Array): string[] {
  return [encoded, u8aConcat(xxhashAsU8a(encoded, 64), encoded), u8aConcat(blake2AsU8a(encoded, 128), encoded)].map(
    (k) => u8aToHex(k).slice(2),
  );
}

/** Why `v.key` is not the storage key of `v.item` with `v.args`, or null when it is. */
function keyProblem(v: ProofValue): string | null {
  const [pallet, item] = v.item.split('.');
  const prefix = xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
  if (v.args.length === 0) return v.key === prefix ? null : `key ${v.key} is not the key of ${v.item}`;
  const n = v.args[0];
  if (v.args.length !== 1 || typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffff)
    return `${v.item}: args ${JSON.stringify(v.args)}: expected one netuid`;
  const tail = v.key.startsWith(prefix) ? v.key.slice(prefix.length) : null;
  const enc = registry.createType('u16', n).toU8a();
  return tail !== null && hashedKeys(enc).includes(tail) ? null : `key ${v.key} is not the key of ${v.item}[${n}]`;
}

/**
 * A Runtime that knows only the items of a proof file, decoding each with the file's type in a bare registry:
 * `Runtime.prototype`'s own `decode` and `address` (the reader's decoding), its `item` and `keyOf` from the file.
 */
function fileRuntime(f: ProofFile, spec: number, ss58: number): Runtime {
  const items = new Map<string, ItemInfo & { keys: Map<number, string> }>();
  for (const v of f.values) {
    const [pallet, item] = v.item.split('.');
    let info = items.get(v.item);
    if (!info) {
      info = {
        pallet,
        item,
        prefix: v.key.slice(0, 66),
        kind: v.args.length ? 'map' : 'plain',
        hasher: v.args.length ? 'file' : null,
        keyUintBytes: v.args.length ? 2 : null,
        valueType: v.type,
        optional: v.default === undefined,
        fallback: hexToU8a(v.default ?? '0x'),
        entry: undefined as never,
        keys: new Map(),
      };
      items.set(v.item, info);
    }
    info.keys.set(Number(v.args[0] ?? -1), v.key);
  }
  const rt = Object.create(Runtime.prototype) as Runtime;
  return Object.assign(rt, {
    specVersion: spec,
    registry,
    ss58,
    item: (pallet: string, item: string) => items.get(`${pallet}.${item}`) ?? null,
    keyOf: (info: ItemInfo, key?: number) =>
      items.get(`${info.pallet}.${info.item}`)?.keys.get(key ?? -1) ?? `missing:${info.pallet}.${info.item}[${key}]`,
  });
}

/** Check a block's proof file and rebuild the block's state from it. */
async function proveBlock(dir: string, block: number, hash: string, ss58: number): Promise<Proven> {
  const file = join(dir, PROOFS_DIR, proofFileName(block));
  if (!existsSync(file)) return { problem: `no proof file ${file}` };
  let f: ProofFile;
  try {
    f = ProofFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    return { problem: `${file} is not a proof file: ${(e as Error).message.split('\n')[0]}` };
  }
  let header: ReturnType<typeof decodeHeaderHex>;
  try {
    header = decodeHeaderHex(f.header);
  } catch (e) {
    return { problem: `${file}: the header does not decode: ${(e as Error).message}` };
  }
  if (header.hash !== hash)
    return { problem: `${file}: the header hashes to ${header.hash}, not to the published hash ${hash}` };
  if (header.number !== block || f.block !== block)
    return { problem: `${file}: the header carries number ${header.number}, not ${block}` };
  for (const v of f.values) {
    const p = keyProblem(v);
    if (p) return { problem: `${file}: ${p}` };
  }
  let values: Map<string, string | null>;
  try {
    values = await verifyProof(
      header.stateRoot,
      f.nodes,
      f.values.map((v) => v.key),
    );
  } catch (e) {
    const key = (e as { key?: string | null }).key;
    const v = key ? f.values.find((x) => x.key === key) : undefined;
    const what = v ? `${v.item}${v.args.length ? `[${v.args.join(', ')}]` : ''}: ` : '';
    return { problem: `${file}: ${what}${(e as Error).message} (state root ${header.stateRoot} of its header)` };
  }
  const state = new BlockState(block, hash);
  for (const [k, v] of values) state.raw.set(k, v);
  const raw = (ref: readonly [string, string]) => {
    const v = f.values.find((x) => x.item === ref.join('.') && x.args.length === 0);
    return v ? (values.get(v.key) ?? null) : undefined;
  };
  try {
    const lru = raw(RUNTIME_UPGRADE);
    const now = raw(TIMESTAMP);
    state.specVersion = lru ? decodeLastRuntimeUpgrade(lru).specVersion : -1;
    state.ts = now ? Number(decodeU64(now)) : -1;
    state.runtime = fileRuntime(f, state.specVersion, ss58);
    const added = f.values.filter((v) => v.item === 'SubtensorModule.NetworksAdded');
    if (added.length) {
      state.netuids = added
        .filter((v) =>
          asBool(state.runtime.decode(state.runtime.item('SubtensorModule', 'NetworksAdded')!, values.get(v.key)!)!),
        )
        .map((v) => Number(v.args[0]))
        .sort((a, b) => a - b);
      const total = state.int(['SubtensorModule', 'TotalNetworks']);
      if (total !== null && Number(total) !== state.netuids.length)
        return {
          problem: `${file}: NetworksAdded holds ${state.netuids.length} subnets, TotalNetworks ${total}: the values over subnets are not proven complete`,
        };
    }
  } catch (e) {
    return { problem: `${file}: ${(e as Error).message}` };
  }
  return { state, parentHash: header.parentHash };
}

/** What the snapshot's own code builds from a block's proven state, built once per block. */
const built = new WeakMap<BlockState, Map<string, unknown>>();
function once<T>(s: BlockState, what: string, f: () => T): T {
  let m = built.get(s);
  if (!m) built.set(s, (m = new Map()));
  if (!m.has(what)) m.set(what, f());
  return m.get(what) as T;
}
type Row = Record<string, unknown>;
const valuesOf = (s: BlockState) => once(s, 'series', () => seriesValues(s) as Record<string, string | null>);

const governanceOf = (s: BlockState) => once(s, 'governance', () => governance(s));
const specOf = (s: BlockState) => (s.specVersion < 0 ? 'no System.LastRuntimeUpgrade' : s.specVersion);

/** Compares published fields with the proven ones, counting and collecting failures. */
class Tally {
  checked = 0;
  verified = 0;
  notChain = 0;
  readonly failures: string[] = [];

  /** `published` at `file: path` against what the block's proof holds (`proven` computes it). */
  check(file: string, path: string, published: unknown, block: number, p: Proven, proven: (s: BlockState) => unknown) {
    this.checked++;
    if ('problem' in p) {
      this.failures.push(`${file}: ${path}: ${p.problem}`);
      return;
    }
    let holds: unknown;
    try {
      holds = proven(p.state);
    } catch (e) {
      const m = /^internal: (.*) was not read at block/.exec((e as Error).message);
      this.failures.push(
        `${file}: ${path}: ${m ? `the proof of block ${block} lists no ${m[1].replace(/^missing:/, '')}` : (e as Error).message}`,
      );
      return;
    }
    const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    if (JSON.stringify(published) === JSON.stringify(holds)) this.verified++;
    else
      this.failures.push(
        `${file}: ${path}: published ${show(published)}, proof of block ${block} holds ${show(holds)}`,
      );
  }
}

export async function run(opts: VerifyOptions): Promise<VerifyResult> {
  const log = opts.log ?? (() => {});
  // every published subnet field is re-checked: the columns of the table (src/model/columns.ts), the daily ones in
  // subnets-daily.json, rebuilt from the block's proven state by the snapshot's own builder
  const columns = SUBNET_COLUMNS;
  const rowsOf = (s: BlockState) =>
    once(s, 'rows', () => new Map(subnetRowsOf(s, columns).map((r) => [r.netuid, r as Row])));
  const dayRowsOf = (s: BlockState) =>
    once(s, 'day', () => new Map(subnetRowsOf(s, columns, 'daily').map((r) => [r.netuid, r as Row])));
  const tally = new Tally();
  const snapFile = join(opts.dir, 'snapshot.json');
  const dailyFile = join(opts.dir, 'subnets-daily.json');
  let snap: Snapshot | null;
  let daily: SubnetsDaily | null;
  try {
    snap = existsSync(snapFile) ? parseSnapshot(JSON.parse(readFileSync(snapFile, 'utf8')), snapFile) : null;
    daily = loadSubnetsDaily(dailyFile);
  } catch (e) {
    tally.failures.push((e as Error).message.split('\n').slice(0, 2).join(': '));
    return { ...counts(tally), blocks: 0 };
  }

  // every block a published chain value comes from, with its published hash
  const blocks = new Map<number, string>();
  const want = (file: string, path: string, block: number, hash: string) => {
    const had = blocks.get(block);
    if (had !== undefined && had !== hash)
      tally.failures.push(`${file}: ${path}: block ${block} is ${hash} here, ${had} elsewhere in public/data`);
    else blocks.set(block, hash);
  };
  const chain = snap && snap.kind !== 'cited' ? snap : null;
  for (const [i, p] of (snap?.series ?? []).entries())
    if (chain && p.block !== null && p.hash !== null) want(snapFile, `series[${i}]`, p.block, p.hash);
  if (chain?.head) want(snapFile, 'head', chain.head.number, chain.head.hash);
  if (chain?.subnets) want(snapFile, 'subnets', chain.subnets.block, chain.subnets.hash);
  if (chain?.governance) want(snapFile, 'governance', chain.governance.block, chain.governance.hash);
  for (const [f, q] of Object.entries(chain?.current ?? {}))
    if (q?.source.kind === 'chain') want(snapFile, `current.${f}`, q.source.block, q.source.hash);
  for (const [i, d] of (daily?.days ?? []).entries()) want(dailyFile, `days[${i}]`, d.block, d.hash);
  for (const [i, u] of (chain?.upgrades ?? []).entries()) {
    want(snapFile, `upgrades[${i}]`, u.firstBlock, u.firstHash);
    if (u.before.block !== null && u.before.hash !== null)
      want(snapFile, `upgrades[${i}].before`, u.before.block, u.before.hash);
  }

  const proven = new Map<number, Proven>();
  for (const [block, hash] of [...blocks].sort((a, b) => a[0] - b[0]))
    proven.set(block, await proveBlock(opts.dir, block, hash, snap?.chain.ss58Prefix ?? 42));
  if (opts.endpoint && blocks.size) await checkHashes(opts.endpoint, snap!.chain.genesisHash, blocks, proven);

  const ss = chain;
  if (snap && !ss) tally.notChain += citedCount(snap);
  if (ss) {
    const point = (where: string, p: SeriesPoint) => {
      if (p.block === null) {
        tally.notChain += Object.values(p.values).filter((v) => v !== null && v !== undefined).length;
        return;
      }
      const pr = proven.get(p.block)!;
      const at = (path: string, published: unknown, f: (s: BlockState) => unknown) =>
        tally.check(snapFile, `${where}.${path}`, published, p.block!, pr, f);
      at('hash', p.hash, (s) => s.hash);
      at('date', p.date, (s) => (s.ts < 0 ? 'no Timestamp.Now' : dateOf(s.ts)));
      at('specVersion', p.specVersion, specOf);
      for (const [k, v] of Object.entries(p.values)) at(`values.${k}`, v, (s) => valuesOf(s)[k]);
    };
    for (const [i, p] of ss.series.entries()) point(`series[${i}]`, p);
    // an exact runtime upgrade: the first block of the new runtime (its spec, time and parent, from its proof and
    // header) and the values at that parent, the last block of the old runtime
    for (const [i, u] of ss.upgrades.entries()) {
      const pr = proven.get(u.firstBlock)!;
      const at = (path: string, published: unknown, f: (s: BlockState) => unknown) =>
        tally.check(snapFile, `upgrades[${i}].${path}`, published, u.firstBlock, pr, f);
      at('firstHash', u.firstHash, (s) => s.hash);
      at('specVersion', u.specVersion, specOf);
      at('timestamp', u.timestamp, (s) => (s.ts < 0 ? 'no Timestamp.Now' : new Date(s.ts).toISOString()));
      at('date', u.date, (s) => (s.ts < 0 ? 'no Timestamp.Now' : dateOf(s.ts)));
      at('before.hash', u.before.hash, () => ('problem' in pr ? null : pr.parentHash));
      point(`upgrades[${i}].before`, u.before);
    }
    if (ss.head) {
      const pr = proven.get(ss.head.number)!;
      const at = (path: string, published: unknown, f: (s: BlockState) => unknown) =>
        tally.check(snapFile, `head.${path}`, published, ss.head!.number, pr, f);
      at('hash', ss.head.hash, (s) => s.hash);
      at('timestamp', ss.head.timestamp, (s) => (s.ts < 0 ? 'no Timestamp.Now' : new Date(s.ts).toISOString()));
      at('specVersion', ss.head.specVersion, (s) => s.specVersion);
    }
    for (const [f, q] of Object.entries(ss.current ?? {})) {
      if (!q) continue;
      if (q.source.kind !== 'chain') {
        if (q.value !== null) tally.notChain++;
        continue;
      }
      tally.check(
        snapFile,
        `current.${f}.value`,
        q.value,
        q.source.block,
        proven.get(q.source.block)!,
        (s) => valuesOf(s)[f],
      );
    }
    if (ss.subnets) {
      const { block, rows } = ss.subnets;
      const pr = proven.get(block)!;
      tally.check(
        snapFile,
        'subnets.rows[*].netuid',
        rows.map((r) => r.netuid),
        block,
        pr,
        (s) => s.netuids ?? [],
      );
      for (const [i, r] of rows.entries())
        for (const k of columnNames(columns))
          tally.check(
            snapFile,
            `subnets.rows[${i}].${k}`,
            (r as Row)[k],
            block,
            pr,
            (s) => rowsOf(s).get(r.netuid)?.[k],
          );
    }
    if (ss.governance) {
      const g = ss.governance;
      const pr = proven.get(g.block)!;
      for (const k of ['sudoKey', 'triumvirate', 'senate', 'authorities'] as const)
        tally.check(snapFile, `governance.${k}`, g[k], g.block, pr, (s) => governanceOf(s)[k]);
    }
  }
  for (const [i, d] of (daily?.days ?? []).entries()) {
    const pr = proven.get(d.block)!;
    tally.check(dailyFile, `days[${i}].hash`, d.hash, d.block, pr, (s) => s.hash);
    tally.check(
      dailyFile,
      `days[${i}].subnets[*].netuid`,
      d.subnets.map((r) => r.netuid),
      d.block,
      pr,
      (s) => s.netuids ?? [],
    );
    for (const [j, r] of d.subnets.entries())
      for (const k of columnNames(columns, 'daily'))
        tally.check(
          dailyFile,
          `days[${i}].subnets[${j}].${k}`,
          (r as Row)[k],
          d.block,
          pr,
          (s) => dayRowsOf(s).get(r.netuid)?.[k],
        );
  }
  log(`verify: ${blocks.size} blocks`);
  return { ...counts(tally), blocks: blocks.size };
}

function counts(t: Tally) {
  return {
    checked: t.checked,
    verified: t.verified,
    failed: t.checked - t.verified,
    notChain: t.notChain,
    failures: t.failures,
  };
}

/** Values of a cited snapshot (figures quoted from publications): counted, not checked. */
function citedCount(s: Snapshot): number {
  const series = s.series.reduce((n, p) => n + Object.values(p.values).filter((v) => v != null).length, 0);
  const current = Object.values(s.current ?? {}).filter((q) => q?.value != null).length;
  return series + current;
}

/** Ask `endpoint` for every block's hash in one batched call; a different hash makes the block's proof a failure. */
async function checkHashes(
  endpoint: string,
  genesis: string,
  blocks: Map<number, string>,
  proven: Map<number, Proven>,
) {
  // the node must be of the published chain (the client checks its genesis hash first)
  const client = new RpcClient({
    endpoints: [endpoint],
    genesis,
    timeoutMs: 60_000,
    concurrency: 1,
    policy: { ...DEFAULT_POLICY, retries: 2 },
  });
  try {
    const numbers = [...blocks.keys()];
    const hashes = await client.call('chain_getBlockHash', [numbers], (r) => {
      if (!Array.isArray(r) || r.length !== numbers.length) throw new Error(`expected ${numbers.length} hashes`);
      return r as Array<string | null>;
    });
    numbers.forEach((n, i) => {
      const theirs = hashes[i];
      if (theirs?.toLowerCase() !== blocks.get(n))
        proven.set(n, {
          problem: `${endpoint} answers block ${n} is ${theirs ?? 'unknown'}, published ${blocks.get(n)}`,
        });
    });
  } finally {
    await client.close();
  }
}

/** The report: counts, then one line per failure. */
export function report(r: VerifyResult): string {
  const lines = [
    `verify: ${r.checked} chain numbers checked from the proofs of ${r.blocks} blocks: ${r.verified} verified, ${r.failed} failed; ${r.notChain} values are not chain data (cited)`,
    ...r.failures.map((f) => `verify: FAILED ${f}`),
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'public/data' }, endpoint: { type: 'string' } },
  });
  const r = await run({ dir: values.dir!, endpoint: values.endpoint ?? null });
  process.stdout.write(report(r));
  process.exit(r.failures.length ? 1 : 0);
}
