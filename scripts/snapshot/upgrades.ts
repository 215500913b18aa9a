/**
 * The exact runtime upgrades the report reads "before" (src/model/upgrades.ts, at least dTAO's): the sampled days know
 * the runtime spec of each day's first block, so an upgrade lies between the last day that ran an older spec and the
 * first that ran the new one. Its first block is found there by bisection on the spec each probed block ran
 * (`System.LastRuntimeUpgrade` in the block's state, which the first block of every runtime sets in
 * frame_executive's `on_runtime_upgrade` path; `state_getRuntimeVersion` would answer the runtime in the block's
 * post-state code, which already is the new one in the block that called `set_code`). Probes are unproven, like the
 * day search's; the answer is then read with proofs like a sampled day (Reader.read + complete): the first block,
 * whose proven LastRuntimeUpgrade must be the new spec and whose proven System.BlockHash gives its parent's hash, and
 * the parent, whose proven LastRuntimeUpgrade must be the old spec and whose values become the upgrade's `before`.
 */
import type { SeriesPoint, Upgrade } from '../../src/model/schema.ts';
import { UPGRADES_READ } from '../../src/model/upgrades.ts';
import { seriesPoint } from './build.ts';
import { dateOf } from './days.ts';
import { blockHashKey, decodeHash, decodeLastRuntimeUpgrade, FIXED } from './keys.ts';
import { VerificationError, type Reader } from './read.ts';

export interface UpgradeSearch {
  reader: Reader;
  /** the sampled days, in order, each with the spec its first block ran */
  points: readonly SeriesPoint[];
  /** upgrades of the previous file of this chain (proven, or read as this run reads): reused when they still fit */
  known?: readonly Upgrade[];
  /** specs to find (default src/model/upgrades.ts UPGRADES_READ) */
  specs?: readonly number[];
  log?: (line: string) => void;
}

/** Bisection reads for a bracket of `size` blocks: log2, and one to spare. */
export function maxProbes(size: number): number {
  return Math.ceil(Math.log2(Math.max(2, size))) + 1;
}

/**
 * The first block in (lo, hi] for which `ranNew` holds, when it fails at lo and holds at hi and, between them, fails
 * up to some block and holds from it (a spec only grows). At most maxProbes(hi - lo) calls of `ranNew`; a call that
 * breaks the order is caught by the proven reads that follow. Pure apart from `ranNew`.
 */
export async function firstBlockWhere(
  lo: number,
  hi: number,
  ranNew: (block: number) => Promise<boolean>,
): Promise<{ block: number; probes: number }> {
  if (hi <= lo) throw new RangeError(`empty bracket: ${lo}..${hi}`);
  const limit = maxProbes(hi - lo);
  let probes = 0;
  while (hi - lo > 1) {
    if (++probes > limit) throw new Error(`no upgrade block found after ${limit} reads (between ${lo} and ${hi})`);
    const mid = lo + Math.floor((hi - lo) / 2);
    if (await ranNew(mid)) hi = mid;
    else lo = mid;
  }
  return { block: hi, probes };
}

/** The spec that executed block `n`, unproven: its LastRuntimeUpgrade, else (never upgraded) the code in n-1's state. */
async function specRan(reader: Reader, n: number): Promise<number> {
  const hash = await reader.hashOf(n);
  const raw = await reader.client.call('state_getStorage', [FIXED.lastRuntimeUpgrade, hash], (r) => {
    if (r !== null && (typeof r !== 'string' || !/^0x[0-9a-f]*$/i.test(r))) throw new Error('expected hex or null');
    return r as string | null;
  });
  if (raw !== null) return decodeLastRuntimeUpgrade(raw).specVersion;
  const parent = await reader.hashOf(Math.max(0, n - 1));
  return reader.client.call('state_getRuntimeVersion', [parent], (r) => {
    const v = (r as { specVersion?: unknown })?.specVersion;
    if (typeof v !== 'number') throw new Error('expected specVersion');
    return v;
  });
}

/** The two sampled days whose specs bracket the first block running `spec` or later; null when the days do not cross it. */
export function bracketOf(points: readonly SeriesPoint[], spec: number): [SeriesPoint, SeriesPoint] | null {
  const i = points.findIndex((p) => p.specVersion !== null && p.specVersion >= spec);
  if (i <= 0) return null;
  const [lo, hi] = [points[i - 1], points[i]];
  if (lo.specVersion === null || lo.block === null || hi.block === null) return null;
  return [lo, hi];
}

/** The upgrades to `specs` that the sampled days cross, each found (or reused) and read with proofs at its parent. */
export async function findUpgrades(o: UpgradeSearch): Promise<Upgrade[]> {
  const { reader } = o;
  const found = new Map<number, Upgrade>();
  for (const spec of o.specs ?? UPGRADES_READ) {
    const bracket = bracketOf(o.points, spec);
    if (!bracket) continue;
    const [lo, hi] = bracket;
    const fits = (u: Upgrade) =>
      u.firstBlock > lo.block! && u.firstBlock <= hi.block! && u.specVersion >= spec && u.before.specVersion! < spec;
    const reused = o.known?.find(fits);
    if (reused) {
      found.set(reused.firstBlock, reused);
      continue;
    }
    const { block: first, probes } = await firstBlockWhere(
      lo.block!,
      hi.block!,
      async (n) => (await specRan(reader, n)) >= spec,
    );
    const upgrade = await readUpgrade(reader, first, spec, lo.specVersion!, hi.specVersion!);
    o.log?.(
      `runtime upgrade to spec ${upgrade.specVersion} (the first at or after ${spec}): block ${first}, ${upgrade.timestamp}, found in ${probes} reads between ${lo.date} and ${hi.date}`,
    );
    found.set(first, upgrade);
  }
  return [...found.values()].sort((a, b) => a.firstBlock - b.firstBlock);
}

/** Read the first block of the new runtime and its parent with proofs, and check that the spec changes between them. */
async function readUpgrade(
  reader: Reader,
  first: number,
  spec: number,
  oldSpec: number,
  newSpec: number,
): Promise<Upgrade> {
  const head = await reader.complete(await reader.read(first, newSpec));
  if (head.specVersion < spec)
    throw new VerificationError(
      `block ${first} (${head.hash}): System.LastRuntimeUpgrade is spec ${head.specVersion}, proven, but the probes found the first block of spec ${spec} or later there`,
    );
  const parentHash = head.raw.get(blockHashKey(first - 1));
  if (!parentHash) throw new VerificationError(`block ${first} (${head.hash}): no System.BlockHash of its parent`);
  reader.hashes.set(first - 1, decodeHash(parentHash));
  const parent = await reader.complete(await reader.read(first - 1, oldSpec));
  if (parent.hash !== decodeHash(parentHash))
    throw new VerificationError(`block ${first - 1}: hash ${parent.hash}, but block ${first} names ${parentHash}`);
  if (parent.specVersion >= spec)
    throw new VerificationError(
      `block ${first - 1} (${parent.hash}): System.LastRuntimeUpgrade is spec ${parent.specVersion}, proven, but the probes found it before spec ${spec}`,
    );
  const timestamp = new Date(head.ts).toISOString();
  const before = seriesPoint(parent, dateOf(parent.ts));
  return {
    specVersion: head.specVersion,
    firstBlock: first,
    firstHash: head.hash,
    timestamp,
    date: dateOf(head.ts),
    before,
  };
}
