/**
 * A Substrate trie written out for tests (sp-trie LayoutV0 / LayoutV1): every node of the state holding `entries`,
 * and its root. State version 1 stores values over 32 bytes as separate nodes referenced by their hash. Its roots
 * are checked against chopsticks' `calculate_state_root` (smoldot, Rust) in tests/verify/trie.test.ts, so the nodes
 * it writes are those of the real layout; chopsticks' `create_proof` writes only state version 0.
 */
import { bytesToHex, concat, hexToBytes } from '../../src/verify/bytes.ts';
import { blake2_256 } from '../../src/verify/hash.ts';

function compact(n: number): Uint8Array {
  if (n < 64) return new Uint8Array([n << 2]);
  if (n < 1 << 14) return new Uint8Array([((n << 2) | 1) & 0xff, n >> 6]);
  if (n < 1 << 30) {
    const v = (n << 2) | 2;
    return new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]);
  }
  throw new RangeError('too long for this test builder');
}

function header(prefix: number, prefixBits: number, size: number): Uint8Array {
  const max = 0xff >> prefixBits;
  const out = [prefix | Math.min(size, max)];
  if (size >= max) {
    let rem = size - max;
    while (rem >= 255) {
      out.push(255);
      rem -= 255;
    }
    out.push(rem);
  }
  return new Uint8Array(out);
}

function packNibbles(n: number[]): Uint8Array {
  const padded = n.length % 2 ? [0, ...n] : n;
  const out = new Uint8Array(padded.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (padded[2 * i] << 4) | padded[2 * i + 1];
  return out;
}

const nibbles = (b: Uint8Array) => [...b].flatMap((x) => [x >> 4, x & 15]);

export interface BuiltTrie {
  root: string;
  /** every node (and, in version 1, every hashed value) as hex */
  nodes: string[];
}

export function buildTrieV(entries: ReadonlyArray<[string, string]>, version: 0 | 1): BuiltTrie {
  const db: Uint8Array[] = [];
  const items = entries.map(([k, v]) => ({ path: nibbles(hexToBytes(k)), value: hexToBytes(v) }));
  const hashedValue = (v: Uint8Array) => version === 1 && v.length > 32;
  const valueField = (v: Uint8Array) => {
    if (!hashedValue(v)) return concat(compact(v.length), v);
    db.push(v);
    return blake2_256(v);
  };
  const encode = (list: typeof items, depth: number): Uint8Array => {
    if (list.length === 1) {
      const { path, value } = list[0];
      const partial = path.slice(depth);
      const h = hashedValue(value) ? header(0b0010_0000, 3, partial.length) : header(0b0100_0000, 2, partial.length);
      return concat(h, packNibbles(partial), valueField(value));
    }
    // the common prefix of every path beyond depth
    let p = depth;
    for (;;) {
      const first = list[0].path;
      if (p >= first.length || !list.every((e) => e.path.length > p && e.path[p] === first[p])) break;
      p++;
    }
    const partial = list[0].path.slice(depth, p);
    const here = list.filter((e) => e.path.length === p);
    if (here.length > 1) throw new Error('duplicate key');
    const value = here[0]?.value ?? null;
    let bitmap = 0;
    const children: Uint8Array[] = [];
    for (let n = 0; n < 16; n++) {
      const sub = list.filter((e) => e.path.length > p && e.path[p] === n);
      if (!sub.length) continue;
      bitmap |= 1 << n;
      const enc = encode(sub, p + 1);
      if (enc.length < 32) children.push(concat(compact(enc.length), enc));
      else {
        db.push(enc);
        children.push(concat(compact(32), blake2_256(enc)));
      }
    }
    const h =
      value === null
        ? header(0b1000_0000, 2, partial.length)
        : hashedValue(value)
          ? header(0b0001_0000, 4, partial.length)
          : header(0b1100_0000, 2, partial.length);
    return concat(
      h,
      packNibbles(partial),
      new Uint8Array([bitmap & 0xff, bitmap >> 8]),
      value === null ? new Uint8Array() : valueField(value),
      ...children,
    );
  };
  const rootNode = items.length ? encode(items, 0) : new Uint8Array([0]);
  db.push(rootNode);
  return { root: bytesToHex(blake2_256(rootNode)), nodes: [...new Set(db.map(bytesToHex))] };
}
