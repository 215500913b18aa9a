/**
 * The Finney-like chain's model: every block's number, hash, timestamp, runtime and storage values as a pure,
 * deterministic function of (block, item, netuid), computed lazily (a chain of ~300k blocks is never
 * materialised). Storage keys and values are built with @polkadot/types from the real Finney metadata files in
 * ../shared/chain/metadata/ (see runtimes.ts), never with the snapshot reader's code (scripts/snapshot/): the
 * node and the reader share nothing but the chain's own metadata.
 *
 * Block times (Finney's pallet_aura + pallet_timestamp rules, with the constants of the metadata files:
 * Aura.SlotDuration 12000 ms, Timestamp.MinimumPeriod 6000 ms):
 *  - block n (n >= 1) is authored in Aura slot s(n); slots strictly increase, a missed slot is a gap of two or
 *    more slots (rate `missedSlotRate`, ~1.4% on Finney: 7,100 blocks a day instead of 7,200);
 *  - Timestamp.Now(n) = s(n) * 12000 + jitter(n), jitter in [0, jitterMs) with jitterMs <= MinimumPeriod, so
 *    floor(ts / 12000) = s(n) and ts(n) - ts(n-1) >= MinimumPeriod hold as the runtime enforces them;
 *  - block 0 (genesis) has Timestamp.Now = 0.
 * With `timing` (e.g. Finney's real 2025 block times, real-timing.ts), Timestamp.Now(n) is timing.ts(n) instead, the
 * slot floor(ts / 12000), and block numbers are the real chain's: the genesis date then only places the head and
 * the upgrades (block 1 is wherever the timing puts it).
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export const DAY_MS = 86_400_000;
export const SLOT_MS = 12_000;
export const TAO = 1_000_000_000n;

/** Runtime versions of the metadata files, in the order Finney ran them (spec versions only increase). */
export const FINNEY_SPECS = [218, 219, 315, 320, 343, 365, 393, 424] as const;

/**
 * Finney's runtime-upgrade cadence, counted from opentensor/subtensor's history: spec_version values in
 * runtime/src/lib.rs that reached `main` (the mainnet branch) as new maxima, along `git log --first-parent main`:
 * 133 runtimes between 2023-03-20 (genesis) and 2026-06-30, i.e. one every 1198 / 133 = 9.0 days on average
 * (3.4 a month); 79 between 2025-01-01 and 2026-06-30 (one every 6.9 days). See docs/snapshot.md.
 */
export const FINNEY_RUNTIMES_2023_03_20_TO_2026_06_30 = 133;
export const FINNEY_UPGRADE_EVERY_DAYS = 1198 / 133;
/** 9,233,529 blocks in 1,297 days (issue 8): 7,119 a day, so 1.1% of the 7,200 12-second slots a day had no block */
export const FINNEY_BLOCKS_PER_DAY = 9_233_529 / 1_297;
export const FINNEY_MISSED_SLOT_RATE = 1 - FINNEY_BLOCKS_PER_DAY / (DAY_MS / SLOT_MS);

export interface ModelOptions {
  /** UTC date of block 1 */
  genesisDate: string;
  /** days from the genesis date to the head's day (the head is in that day) */
  days: number;
  /** runtimes in order (default FINNEY_SPECS) */
  specs?: readonly number[];
  /** days between runtime upgrades (the k-th upgrade is in day round(k * upgradeEveryDays)) */
  upgradeEveryDays: number;
  /** probability that a slot is missed before a block */
  missedSlotRate?: number;
  /** timestamp jitter within a slot, [0, jitterMs) ms; at most MinimumPeriod (6000) */
  jitterMs?: number;
  /** subnets at genesis (netuids 0..initialSubnets-1) and registered part-way (the next netuids) */
  initialSubnets?: number;
  laterSubnets?: number;
  /** netuid deregistered at 40% of the chain and registered again (a new subnet) at 70% */
  churnNetuid?: number | null;
  /** label mixed into every hash (two models with different seeds are different chains) */
  seed?: string;
  /** blocks between the head and the finalized head */
  unfinalized?: number;
  /** block times from elsewhere (Finney's real ones: real-timing.ts) instead of the missed-slot model */
  timing?: BlockTiming | null;
}

/** Timestamp.Now of every block (0 at genesis), strictly increasing, at most one block per 12-second slot. */
export interface BlockTiming {
  ts(n: number): number;
}

/** 32-bit integer mix (splitmix-like), the only source of "randomness": deterministic in its inputs. */
export function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h ^ Math.floor(x / 2 ** 32), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

const CHUNK = 4096;

export class ChainModel {
  readonly o: Required<ModelOptions>;
  readonly specs: readonly number[];
  /** Aura slot of block 1 */
  readonly slot1: number;
  readonly genesisMs: number;
  readonly seedBytes: Uint8Array;
  /** cumulative missed slots before the first block of each chunk (block c*CHUNK), filled lazily */
  readonly #missedAt: number[] = [0];
  readonly head: number;
  readonly finalized: number;
  /** first block of each runtime: upgrades[k] executes specs[k]; upgrades[0] = 0 */
  readonly upgrades: number[];
  readonly subnetReg: Map<number, { from: number; to: number | null }[]>;

  constructor(options: ModelOptions) {
    this.o = {
      specs: FINNEY_SPECS,
      missedSlotRate: FINNEY_MISSED_SLOT_RATE,
      jitterMs: 4_000,
      initialSubnets: 64,
      laterSubnets: 76,
      churnNetuid: 17,
      seed: 'taoproof finney-like',
      unfinalized: 2,
      timing: null,
      ...options,
    };
    if (this.o.jitterMs > 6_000)
      throw new RangeError('jitterMs above MinimumPeriod would break ts(n) - ts(n-1) >= MinimumPeriod');
    this.specs = this.o.specs;
    this.seedBytes = new TextEncoder().encode(this.o.seed);
    this.genesisMs = Date.parse(`${this.o.genesisDate}T00:00:00Z`);
    // block 1 a little after the genesis day's midnight
    this.slot1 = this.genesisMs / SLOT_MS + 1 + (mix(1, this.seedBytes.length) % 500);
    const endMs = this.genesisMs + this.o.days * DAY_MS + 14 * 3_600_000 + 1_234;
    this.head = this.firstAtOrAfter(endMs) ?? 0;
    this.finalized = this.head - this.o.unfinalized;
    // upgrades: spread over the days; offsets within the day chosen to hit the edge cases (the day's first
    // block is the first block of the new runtime; it is the setCode block; an upgrade mid-day)
    const offsets = [0, 1, 2_517, 6_003, 2, 4_100, 7_011, 333];
    this.upgrades = [0];
    for (let k = 1; k < this.specs.length; k++) {
      const day = Math.round(k * this.o.upgradeEveryDays);
      const first = this.firstAtOrAfter(this.genesisMs + day * DAY_MS)!;
      const u = first + offsets[(k - 1) % offsets.length];
      if (u > this.finalized - 10)
        throw new RangeError(
          `upgrade ${k} (spec ${this.specs[k]}) at block ${u} is past the head ${this.head}: more days needed`,
        );
      this.upgrades.push(u);
    }
    // subnets
    this.subnetReg = new Map();
    for (let n = 0; n < this.o.initialSubnets; n++) this.subnetReg.set(n, [{ from: 0, to: null }]);
    for (let i = 0; i < this.o.laterSubnets; i++) {
      const from = 1 + Math.floor(((i + 1) * (this.head - 1)) / (this.o.laterSubnets + 1)) + (mix(i, 77) % 1000);
      this.subnetReg.set(this.o.initialSubnets + i, [{ from, to: null }]);
    }
    if (this.o.churnNetuid !== null) {
      const c = this.o.churnNetuid;
      this.subnetReg.set(c, [
        { from: 0, to: Math.floor(this.head * 0.4) },
        { from: Math.floor(this.head * 0.7), to: null },
      ]);
    }
  }

  // ---- block times ----

  /** slots missed between block n-1 and block n (n >= 2) */
  gapMissed(n: number): number {
    // a gap has 1 missed slot, or (one gap in 20) 2-5 in a row: 1.125 slots per gap on average; the gap
    // probability p gives missed / all slots = 1.125p / (1 + 1.125p) = missedSlotRate
    const f = this.o.missedSlotRate;
    const p = f / (1 - f) / 1.125;
    const r = mix(n, 0x51f7) / 2 ** 32;
    if (r >= p) return 0;
    return r < p / 20 ? 2 + (mix(n, 3) % 4) : 1;
  }

  /** a few chunks' per-block cumulative counts (a small LRU: the chain itself is never held in memory) */
  readonly #chunks = new Map<number, Int32Array>();

  #missedBefore(n: number): number {
    const c = Math.floor(n / CHUNK);
    while (this.#missedAt.length <= c) {
      const k = this.#missedAt.length - 1;
      let m = this.#missedAt[k];
      for (let b = k * CHUNK + 1; b <= (k + 1) * CHUNK; b++) if (b >= 2) m += this.gapMissed(b);
      this.#missedAt.push(m);
    }
    let chunk = this.#chunks.get(c);
    if (!chunk) {
      chunk = new Int32Array(CHUNK);
      let m = this.#missedAt[c];
      chunk[0] = m;
      for (let i = 1; i < CHUNK; i++) {
        const b = c * CHUNK + i;
        if (b >= 2) m += this.gapMissed(b);
        chunk[i] = m;
      }
      if (this.#chunks.size >= 32) this.#chunks.delete(this.#chunks.keys().next().value!);
      this.#chunks.set(c, chunk);
    }
    return chunk[n - c * CHUNK];
  }

  /** Aura slot of block n (n >= 1) */
  slot(n: number): number {
    if (n < 1) throw new RangeError('genesis has no slot');
    if (this.o.timing) return Math.floor(this.o.timing.ts(n) / SLOT_MS);
    return this.slot1 + (n - 1) + this.#missedBefore(n);
  }

  jitter(n: number): number {
    return mix(n, 0x7117) % this.o.jitterMs;
  }

  /** Timestamp.Now at block n (ms); 0 at genesis */
  ts(n: number): number {
    if (this.o.timing) return n === 0 ? 0 : this.o.timing.ts(n);
    return n === 0 ? 0 : this.slot(n) * SLOT_MS + this.jitter(n);
  }

  /** the first block with Timestamp.Now >= t, or null when it is after block `limit` (default: the head) */
  firstAtOrAfter(t: number, limit?: number): number | null {
    let lo = 1;
    // every block takes at least one slot, so the block in slot ceil(t / SLOT_MS) or an earlier one has ts >= t
    let hi = limit ?? this.head ?? Math.max(1, Math.ceil(t / SLOT_MS) - this.slot1 + 2);
    if (this.o.timing && limit === undefined && this.head === undefined) while (this.ts(hi) < t) hi *= 2;
    if (this.ts(hi) < t) return null;
    if (this.ts(1) >= t) return 1;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.ts(mid) >= t) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** first block of a UTC day (Timestamp.Now at or after its midnight), or null beyond the head */
  firstOfDay(date: string): number | null {
    return this.firstAtOrAfter(Date.parse(`${date}T00:00:00Z`));
  }

  // ---- hashes: blake2 of (seed, number), the number in the last 4 bytes so a hash maps back to its block ----
  // With headers (proofs.ts sets `headerHash`), a block's hash is its header's hash instead, as on a real chain.

  /** the block hash of n when the chain has headers (proofs.ts): blake2-256 of its SCALE header */
  headerHash: ((n: number) => string) | null = null;
  readonly #numbers = new Map<string, number>();

  hash(n: number): string {
    if (this.headerHash) {
      const h = this.headerHash(n);
      this.#numbers.set(h, n);
      return h;
    }
    return this.seedHash(n);
  }

  /** blake2 of (seed, number), the number in the last 4 bytes */
  seedHash(n: number): string {
    const h = blake2AsU8a(new Uint8Array([...this.seedBytes, ...u32be(n)]), 256);
    h.set(u32be(n), 28);
    return u8aToHex(h);
  }

  /** block number of a hash of this chain, or null */
  numberOf(hash: string): number | null {
    if (!/^0x[0-9a-f]{64}$/.test(hash)) return null;
    if (this.headerHash) return this.#numbers.get(hash) ?? null;
    const n = parseInt(hash.slice(58), 16);
    return n <= this.head && this.hash(n) === hash ? n : null;
  }

  get genesisHash(): string {
    return this.hash(0);
  }

  // ---- runtimes ----

  /** index into specs of the runtime that executed block n */
  specIndex(n: number): number {
    let k = 0;
    while (k + 1 < this.upgrades.length && this.upgrades[k + 1] <= n) k++;
    return k;
  }

  /** spec version of the runtime that executed block n (System.LastRuntimeUpgrade in n's state) */
  specOf(n: number): number {
    return this.specs[this.specIndex(n)];
  }

  /** spec version of the code in block n's state (what state_getRuntimeVersion/state_getMetadata at n return) */
  codeSpecAt(n: number): number {
    return this.specOf(n + 1);
  }

  // ---- subnets ----

  netuids(n: number): number[] {
    const out: number[] = [];
    for (const [netuid, spans] of this.subnetReg)
      if (spans.some((s) => s.from <= n && (s.to === null || n < s.to))) out.push(netuid);
    return out.sort((a, b) => a - b);
  }

  registeredAt(netuid: number, n: number): number | null {
    const s = this.subnetReg.get(netuid)?.find((x) => x.from <= n && (x.to === null || n < x.to));
    return s ? s.from : null;
  }

  // ---- storage values (numbers in RAO or alpha-RAO; the runtime's own types encode them) ----

  /** SubtensorModule.TotalIssuance: grows by about 1 TAO a block */
  totalIssuance(n: number): bigint {
    return 2_000_000n * TAO + BigInt(n) * TAO + BigInt(mix(n, 1) % 1000);
  }

  /** Balances.TotalIssuance: a little below (they differed on Finney before spec 411) */
  balancesIssuance(n: number): bigint {
    return this.totalIssuance(n) - 1_000n * TAO - BigInt(mix(n, 2) % 100_000);
  }

  totalStake(n: number): bigint {
    return (this.totalIssuance(n) * 7n) / 10n + BigInt(mix(n, 3) % 1_000_000);
  }

  /** a per-subnet amount of item `itemId`, a few thousand TAO varying with the block */
  perSubnet(itemId: number, netuid: number, n: number): bigint {
    const base = BigInt(1 + (mix(netuid, itemId) % 50_000)) * TAO;
    return base + BigInt(n) * BigInt(mix(netuid, itemId, 9) % 997) + BigInt(mix(n, netuid, itemId) % 1_000_000);
  }

  taoWeight(n: number): bigint {
    return 3_320_413_933_267_719_290n + BigInt(this.specIndex(n)); // ~0.18 as a u64 fraction, changed by upgrades
  }

  subnetOwnerCut(n: number): number {
    return 11_796 + this.specIndex(n); // ~18% of u16::MAX
  }

  /** sizes of the governance sets at block n (their pallets exist in specs up to 333) */
  senateSize(n: number): number {
    return 10 + (Math.floor(this.ts(n) / DAY_MS) % 3);
  }

  triumvirateSize(_n: number): number {
    return 3;
  }

  authorityCount(n: number): number {
    return 5 + (Math.floor(this.ts(n) / DAY_MS / 7) % 3);
  }
}

export const ITEM_IDS = {
  SubnetTAO: 11,
  SubnetTaoInEmission: 12,
  PendingRootDivs: 13,
  SubnetAlphaIn: 14,
  SubnetAlphaOut: 15,
  SubnetExcessTao: 16,
} as const;

function u32be(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/** deterministic 32-byte account id #i of a set (governance members, subnet owners) */
export function account(set: string, i: number): Uint8Array {
  return blake2AsU8a(new TextEncoder().encode(`${set}/${i}`), 256);
}
