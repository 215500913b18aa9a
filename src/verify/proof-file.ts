/**
 * A block's proof file (`public/data/proofs/<block>.json`, format 1: `{ format, block, hash, header, nodes, values:
 * [{ item, args, key, type }] }`) checked against the block it is for: the header must hash to the block's hash and
 * carry its number; the state root is the header's, never a field of the file; each value's key must be the one
 * `item` and `args` give; each value is walked from that root through the nodes and decoded by its type, or proven
 * absent. Every error names the file and the field.
 */
import { decodeHeader } from './header.ts';
import { storageKey } from './key.ts';
import { nodesByHash, walk } from './trie.ts';
import { decodeValue, type Value } from './value.ts';
import { hexToBytes } from './bytes.ts';

export interface ProofValue {
  item: string;
  args: number[];
  key: string;
  type: string;
}

/** A value proven under the block's state root: `value` null when the proof shows the key holds nothing. */
export interface ProvenValue extends ProofValue {
  value: Value | null;
}

export interface ProvenBlock {
  block: number;
  hash: string;
  stateRoot: string;
  values: ProvenValue[];
}

const HASH = /^0x[0-9a-f]{64}$/;
const HEX = /^0x(?:[0-9a-f]{2})*$/i;

function fail(where: string, field: string, what: string): never {
  throw new Error(`${where}: ${field}: ${what}`);
}

/**
 * Check the proof file `json` (read from `where`) for block `block` with hash `hash`, and return its values, each
 * proven present (decoded) or absent. Throws an Error naming `where` and the field on the first failure.
 */
export function verifyProofFile(json: unknown, block: number, hash: string, where: string): ProvenBlock {
  const f = json as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null || Array.isArray(f)) fail(where, 'file', 'expected a JSON object');
  if (f.format !== 1) fail(where, 'format', `expected 1, got ${JSON.stringify(f.format)}`);
  if (f.block !== block) fail(where, 'block', `the file is for block ${JSON.stringify(f.block)}, not ${block}`);
  if (typeof f.hash !== 'string' || f.hash.toLowerCase() !== hash.toLowerCase())
    fail(where, 'hash', `the file is for ${JSON.stringify(f.hash)}, not the block hash ${hash}`);
  if (typeof f.header !== 'string' || !HEX.test(f.header)) fail(where, 'header', 'expected the SCALE header as hex');
  let header;
  try {
    header = decodeHeader(f.header);
  } catch (e) {
    fail(where, 'header', (e as Error).message);
  }
  if (header.hash !== hash.toLowerCase())
    fail(where, 'header', `the header hashes to ${header.hash}, not to the block hash ${hash}`);
  if (header.number !== block) fail(where, 'header', `the header carries number ${header.number}, not ${block}`);
  if (!Array.isArray(f.nodes) || !f.nodes.every((n) => typeof n === 'string' && HEX.test(n)))
    fail(where, 'nodes', 'expected a list of hex trie nodes');
  if (!Array.isArray(f.values)) fail(where, 'values', 'expected a list');
  const nodes = nodesByHash(f.nodes as string[]);
  const values = (f.values as unknown[]).map((raw, i): ProvenValue => {
    const at = `values[${i}]`;
    const v = raw as Partial<ProofValue> | null;
    if (typeof v !== 'object' || v === null) fail(where, at, 'expected an object');
    if (typeof v.item !== 'string') fail(where, `${at}.item`, 'expected Pallet.Item');
    if (!Array.isArray(v.args) || !v.args.every((a) => Number.isSafeInteger(a) && a >= 0))
      fail(where, `${at}.args`, 'expected a list of unsigned integers');
    if (typeof v.type !== 'string') fail(where, `${at}.type`, 'expected a SCALE type');
    if (typeof v.key !== 'string' || !HEX.test(v.key)) fail(where, `${at}.key`, 'expected the storage key as hex');
    const name = `${v.item}${v.args.length ? `[${v.args.join(', ')}]` : ''}`;
    let key: string;
    try {
      key = storageKey(v.item, v.args);
    } catch (e) {
      fail(where, `${at}.item`, (e as Error).message);
    }
    if (key !== v.key.toLowerCase()) fail(where, `${at}.key`, `${v.key} is not the key of ${name} (${key})`);
    let found;
    try {
      found = walk(header.stateRoot, nodes, key);
    } catch (e) {
      fail(where, `${at} (${name})`, (e as Error).message);
    }
    if (found.kind === 'missing') fail(where, `${at} (${name})`, `the proof does not reach the key: ${found.what}`);
    let value: Value | null = null;
    if (found.kind === 'value')
      try {
        value = decodeValue(hexToBytes(found.value), v.type);
      } catch (e) {
        fail(where, `${at} (${name})`, (e as Error).message);
      }
    return { item: v.item, args: v.args, key, type: v.type, value };
  });
  return { block, hash: header.hash, stateRoot: header.stateRoot, values };
}

/** HASH, for callers checking a block hash's shape before fetching. */
export const isBlockHash = (h: string) => HASH.test(h);
