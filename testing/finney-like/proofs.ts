/**
 * Headers and read proofs for the Finney-like node. Each block that a snapshot records (the first block of every
 * UTC day, from the genesis date's with recorded timing, the finalized head and the head, and any block named in `provable`) has its whole state (ChainState
 * .entries) built into a trie by the independent implementation (@acala-network/chopsticks-executor's
 * `create_proof`, state version 0), whose root goes into its header; every block's hash is then the blake2-256 of its
 * SCALE header, as on a real chain. Other blocks (the day search's probes) get a header with a stand-in state root
 * (their hash is handed out before any trie could be built); their read proofs come from a trie of their state built
 * when first asked, whose root is in no header: a reader that took such a probe's values for proven would fail on
 * its header's root. A block's parent hash is the model's seed hash of the block before (parents are not linked: the
 * reader never walks them).
 *
 * Lying modes (`lie`), each one way a node could get a wrong number past a reader:
 *  - `altered-value`: the honest proof with one value changed in its node (TotalIssuance);
 *  - `other-block`: the proof of another recorded block;
 *  - `forged-root`: a self-consistent proof of an altered state, its root put in the header (which then no longer
 *    hashes to the block's hash);
 *  - `wrong-height`: `chain_getBlockHash` answering the hash of another recorded block;
 *  - `storage-at`: `state_queryStorageAt` serving a changed value while the proofs are honest.
 */
import { blake2AsHex } from '@polkadot/util-crypto';
import { headerHash, type RpcHeader } from '../../scripts/snapshot/header.ts';
import { buildTrie, nodesByHash, proofOf } from '../../scripts/snapshot/proof.ts';
import { DAY_MS } from './model.ts';
import type { ChainState } from './state.ts';

export type LieKind = 'altered-value' | 'other-block' | 'forged-root' | 'wrong-height' | 'storage-at';
export interface Lie {
  kind: LieKind;
  /** the recorded block the lie is about */
  block: number;
}

interface Trie {
  root: string;
  nodes: Map<string, Uint8Array>;
}

const hexNumber = (n: number) => `0x${n.toString(16)}`;
const PROBE_TRIES = 512;

export class Proofs {
  readonly state: ChainState;
  /** blocks whose header carries their real state root */
  readonly provable: Set<number>;
  readonly #tries = new Map<number, Trie>();
  readonly #headers = new Map<number, RpcHeader>();
  readonly #hashes = new Map<number, string>();
  lie: Lie | null = null;

  private constructor(state: ChainState, provable: Set<number>) {
    this.state = state;
    this.provable = provable;
  }

  /** Build the tries of the recorded blocks (oldest first: a state holds earlier blocks' hashes) and hook the model's hashes. */
  static async start(state: ChainState, extra: Iterable<number> = []): Promise<Proofs> {
    const m = state.model;
    const provable = new Set<number>([m.head, m.finalized, ...extra]);
    // with recorded timing (real-timing.ts) block 1 is years before the genesis date, which places the days served:
    // their first blocks only (a run reads them with --since); the others' tries took a minute to build
    const from = m.o.timing ? m.genesisMs : Math.floor(m.ts(1) / DAY_MS) * DAY_MS;
    for (let t = from; t <= m.ts(m.head); t += DAY_MS) {
      const b = m.firstAtOrAfter(t);
      if (b !== null) provable.add(b);
    }
    const p = new Proofs(state, provable);
    m.headerHash = (n) => {
      let h = p.#hashes.get(n);
      if (!h) p.#hashes.set(n, (h = headerHash(p.header(n))));
      return h;
    };
    for (const n of [...provable].sort((a, b) => a - b)) await p.#trie(n);
    return p;
  }

  async #trie(n: number): Promise<Trie> {
    let t = this.#tries.get(n);
    if (!t) {
      const { root, nodes } = await buildTrie(this.state.entries(n));
      t = { root, nodes: nodesByHash(nodes) };
      this.#tries.set(n, t);
    }
    return t;
  }

  /** The header of block n (its real state root when n is provable and its trie is built). */
  header(n: number): RpcHeader {
    let h = this.#headers.get(n);
    if (!h) {
      const root = this.#tries.get(n)?.root;
      if (this.provable.has(n) && !root) throw new Error(`internal: block ${n}'s trie is not built yet`);
      const m = this.state.model;
      h = {
        // a proven block's parent is linked by its real hash, as on a chain (npm run verify follows the link from an
        // upgrade's first block to its parent); other parents by a seed hash, so no header needs all its ancestors'
        parentHash: n === 0 ? `0x${'00'.repeat(32)}` : this.provable.has(n - 1) ? m.hash(n - 1) : m.seedHash(n - 1),
        number: hexNumber(n),
        stateRoot: root ?? blake2AsHex(`stand-in state root ${n}`, 256),
        extrinsicsRoot: blake2AsHex(`extrinsics ${n}`, 256),
        digest: { logs: [] },
      };
      this.#headers.set(n, h);
    }
    return h;
  }

  /** chain_getHeader, with the forged-root lie */
  async servedHeader(n: number): Promise<RpcHeader> {
    const h = this.header(n);
    if (this.lie?.kind === 'forged-root' && this.lie.block === n)
      return { ...h, stateRoot: (await this.#forged(n)).root };
    return h;
  }

  /** chain_getBlockHash, with the wrong-height lie */
  blockHash(n: number): string {
    const m = this.state.model;
    if (this.lie?.kind === 'wrong-height' && this.lie.block === n) return m.hash(this.#otherRecorded(n));
    return m.hash(n);
  }

  /** a value of state_queryStorageAt, with the storage-at lie */
  storageAt(n: number, key: string): string | null {
    const v = this.state.raw(n, key);
    if (this.lie?.kind === 'storage-at' && this.lie.block === n && v !== null && key === this.#victimKey(n))
      return alter(v);
    return v;
  }

  /**
   * Tries of probe blocks (not recorded), built when first asked, the last PROBE_TRIES kept: a trie is about 50 KB
   * and building one about a third of a second, so a second run over the same days (the same probes) finds them built.
   */
  readonly #probeTries = new Map<number, Promise<Trie>>();

  async #probeTrie(n: number): Promise<Trie> {
    let t = this.#probeTries.get(n);
    if (!t) {
      t = buildTrie(this.state.entries(n)).then(({ root, nodes }) => ({ root, nodes: nodesByHash(nodes) }));
      this.#probeTries.set(n, t);
      if (this.#probeTries.size > PROBE_TRIES) this.#probeTries.delete(this.#probeTries.keys().next().value!);
    }
    return t;
  }

  /** state_getReadProof: the nodes proving `keys` at block n (a probe block's under a root its header lacks) */
  async readProof(n: number, keys: string[]): Promise<string[]> {
    if (!this.provable.has(n)) {
      const trie = await this.#probeTrie(n);
      return proofOf(
        trie.root,
        trie.nodes,
        keys.map((k) => k.toLowerCase()),
      );
    }
    const lie = this.lie?.block === n ? this.lie.kind : null;
    let trie: Trie;
    if (lie === 'other-block') trie = await this.#trie(this.#otherRecorded(n));
    else if (lie === 'forged-root') trie = await this.#forged(n);
    else trie = await this.#trie(n);
    const proof = proofOf(
      trie.root,
      trie.nodes,
      keys.map((k) => k.toLowerCase()),
    );
    if (lie !== 'altered-value') return proof;
    const value = this.state.raw(n, this.#victimKey(n))!.slice(2);
    const i = proof.findIndex((node) => node.includes(value));
    if (i < 0) throw new Error(`internal: no node of the proof holds TotalIssuance at #${n}`);
    return proof.map((node, j) => (j === i ? node.replace(value, alter(`0x${value}`).slice(2)) : node));
  }

  /** the key every lie alters: SubtensorModule.TotalIssuance, read at every recorded block */
  #victimKey(n: number): string {
    const rt = this.state.runtimeOf(n);
    return rt.key(rt.item('SubtensorModule', 'TotalIssuance')!);
  }

  /** block n's state with TotalIssuance changed, built into its own (self-consistent) trie */
  async #forged(n: number): Promise<Trie> {
    const victim = this.#victimKey(n);
    const entries = this.state.entries(n).map(([k, v]): [string, string] => [k, k === victim ? alter(v) : v]);
    const { root, nodes } = await buildTrie(entries);
    return { root, nodes: nodesByHash(nodes) };
  }

  /** another recorded block near n */
  #otherRecorded(n: number): number {
    const others = [...this.provable].filter((b) => b !== n && b < n).sort((a, b) => b - a);
    if (!others.length) throw new Error(`no recorded block before ${n} to lie with`);
    return others[0];
  }
}

/** the value with its first byte changed (e.g. 7% more issuance in spirit: a different number of the same size) */
function alter(hex: string): string {
  const b = parseInt(hex.slice(2, 4), 16);
  return `0x${((b + 1) % 256).toString(16).padStart(2, '0')}${hex.slice(4)}`;
}
