/**
 * A displayed chain number against its block's proven values: the item as the page cites it
 * (`SubtensorModule.TotalIssuance`, `SubtensorModule.SubnetTAO[0]`, `Σ SubtensorModule.SubnetTAO[netuid>0]`,
 * `Σ SubtensorModule.SubnetTaoInEmission`) and the raw value the page shows (a decimal string, null when the page
 * says the item is absent). A Vec (a member list) counts its entries.
 */
import type { ProvenBlock, ProvenValue } from './proof-file.ts';
import type { Value } from './value.ts';

export interface Displayed {
  /** the storage item as the page cites it */
  item: string;
  /**
   * the raw value shown (decimal string), null for "absent in this runtime", undefined when the page shows a figure
   * computed from the item (the proven value is then reported, not compared)
   */
  value?: string | null;
}

const ITEM = /^(Σ )?([A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9]*)(?:\[(\d+|netuid>0)\])?$/;
const NETWORKS = 'SubtensorModule.NetworksAdded';

const fmt = (v: string) => v.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function number(v: ProvenValue, what: string): bigint {
  const x: Value | null = v.value;
  if (x === null) return 0n; // the netuid maps summed hold no entry for a subnet without one: their default, 0
  if (Array.isArray(x)) return BigInt(x.length);
  if (typeof x !== 'string' || !/^\d+$/.test(x)) throw new Error(`${what}: the proven value is not a number`);
  return BigInt(x);
}

/**
 * The proven value behind `shown`, and whether it equals it: `{ proven, matches, note }`; throws when the file
 * does not prove what the page cites (the item is missing, or a sum's subnets are not proven).
 */
export function provenFor(
  block: ProvenBlock,
  shown: Displayed,
): { proven: string | null; matches: boolean; note: string } {
  const m = ITEM.exec(shown.item);
  if (!m) throw new Error(`the verifier does not read the item "${shown.item}"`);
  const [, sum, item, arg] = m;
  const entries = block.values.filter((v) => v.item === item);
  if (!sum) {
    const args = arg === undefined ? [] : [Number(arg)];
    const v = entries.find((e) => e.args.length === args.length && e.args.every((a, i) => a === args[i]));
    if (!v) throw new Error(`the proof file has no value for ${shown.item}`);
    const proven = v.value === null ? null : number(v, shown.item).toString();
    return { proven, matches: proven === shown.value, note: '' };
  }
  // a sum: over the subnets the file proves exist (NetworksAdded true), each of which must have its entry
  const exist = block.values
    .filter((v) => v.item === NETWORKS && v.value === true)
    .map((v) => v.args[0])
    .filter((n) => arg !== 'netuid>0' || n > 0);
  if (!exist.length) throw new Error(`the proof file proves no subnet (${NETWORKS}) for the sum ${shown.item}`);
  let total = 0n;
  for (const n of exist) {
    const v = entries.find((e) => e.args.length === 1 && e.args[0] === n);
    if (!v) throw new Error(`the proof file has no value of ${item}[${n}] for the sum ${shown.item}`);
    total += number(v, `${item}[${n}]`);
  }
  const proven = total.toString();
  return {
    proven,
    matches: proven === shown.value,
    note: `the sum over the ${exist.length} subnets the file proves registered`,
  };
}

/** One line for the reader: what was verified, or exactly what differs. */
export function describe(block: ProvenBlock, shown: Displayed): { ok: boolean; message: string } {
  const { proven, matches, note } = provenFor(block, shown);
  const at = `in the state of block ${block.block.toLocaleString('en-US')} (hash ${block.hash})`;
  const show = (v: string | null | undefined) => (v == null ? 'no value' : fmt(v));
  if (shown.value === undefined)
    return {
      ok: true,
      message: `proven: ${shown.item} = ${show(proven)} ${at}${note ? `; ${note}` : ''}. The figure shown is computed from it.`,
    };
  if (matches)
    return { ok: true, message: `verified: ${shown.item} = ${show(proven)} ${at}${note ? `; ${note}` : ''}.` };
  return {
    ok: false,
    message: `failed: the page shows ${shown.item} = ${show(shown.value)}, but ${at} it is ${show(proven)}${note ? ` (${note})` : ''}.`,
  };
}
