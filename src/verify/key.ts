/**
 * Storage keys from `Pallet.Item` and its arguments, so a proof file cannot point a displayed number at another key:
 * `twox128(pallet) ++ twox128(item) ++ hasher(SCALE(arg))` for each argument. The hashers and argument types of the
 * items the report reads are listed here (from the runtime metadata and subtensor's source; tests/verify/key.test.ts
 * checks them against Finney's metadata, real keys read from Finney, and src/model/series.ts's item list).
 */
import { bigIntToLe, bytesToHex, concat } from './bytes.ts';
import { blake2, twox } from './hash.ts';

export type Hasher = 'Identity' | 'Twox64Concat' | 'Blake2_128Concat';

/** A map's key: its hasher and the SCALE type of its argument. */
export interface MapKey {
  hasher: Hasher;
  arg: 'u16' | 'u32';
}

const NETUID: MapKey = { hasher: 'Identity', arg: 'u16' };
const NETUID_BLAKE: MapKey = { hasher: 'Blake2_128Concat', arg: 'u16' };

/** Every item the report reads: a plain value (no key) or a map with its key layout. */
export const ITEMS: Readonly<Record<string, MapKey | 'plain'>> = {
  'System.LastRuntimeUpgrade': 'plain',
  'System.BlockHash': { hasher: 'Twox64Concat', arg: 'u32' },
  'Timestamp.Now': 'plain',
  'Balances.TotalIssuance': 'plain',
  'Aura.Authorities': 'plain',
  'Sudo.Key': 'plain',
  'SenateMembers.Members': 'plain',
  'TriumvirateMembers.Members': 'plain',
  'SubtensorModule.TotalIssuance': 'plain',
  'SubtensorModule.TotalStake': 'plain',
  'SubtensorModule.TotalNetworks': 'plain',
  'SubtensorModule.TaoWeight': 'plain',
  'SubtensorModule.SubnetOwnerCut': 'plain',
  'SubtensorModule.NetworksAdded': NETUID,
  'SubtensorModule.SubnetTAO': NETUID,
  'SubtensorModule.SubnetAlphaIn': NETUID,
  'SubtensorModule.SubnetAlphaOut': NETUID,
  'SubtensorModule.SubnetTaoInEmission': NETUID,
  'SubtensorModule.SubnetExcessTao': NETUID,
  'SubtensorModule.PendingRootDivs': NETUID,
  'SubtensorModule.SubnetMechanism': NETUID,
  'SubtensorModule.TokenSymbol': NETUID,
  'SubtensorModule.SubnetOwner': NETUID,
  'SubtensorModule.NetworkRegisteredAt': NETUID,
  'SubtensorModule.SubnetIdentities': NETUID_BLAKE,
  'SubtensorModule.SubnetIdentitiesV2': NETUID_BLAKE,
  'SubtensorModule.SubnetIdentitiesV3': NETUID_BLAKE,
};

const text = (s: string) => new TextEncoder().encode(s);

function hashed(hasher: Hasher, data: Uint8Array): Uint8Array {
  if (hasher === 'Identity') return data;
  if (hasher === 'Twox64Concat') return concat(twox(data, 64), data);
  return concat(blake2(data, 16), data);
}

/** The storage key of `item` (`Pallet.Item`) with `args`; throws for an item not listed or the wrong arguments. */
export function storageKey(item: string, args: readonly number[]): string {
  const layout = ITEMS[item];
  if (!layout) throw new Error(`the verifier does not know the key layout of ${item}`);
  const [pallet, name] = item.split('.');
  const prefix = concat(twox(text(pallet), 128), twox(text(name), 128));
  if (layout === 'plain') {
    if (args.length) throw new Error(`${item} is a plain value, but ${args.length} arguments were given`);
    return bytesToHex(prefix);
  }
  if (args.length !== 1) throw new Error(`${item} takes one argument (${layout.arg}), got ${args.length}`);
  const size = layout.arg === 'u16' ? 2 : 4;
  const arg = args[0];
  if (!Number.isSafeInteger(arg)) throw new Error(`${item}: argument ${arg} is not an integer`);
  return bytesToHex(concat(prefix, hashed(layout.hasher, bigIntToLe(BigInt(arg), size))));
}
