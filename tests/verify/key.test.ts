/**
 * The verifier's storage keys (src/verify/key.ts) against keys read from Finney (../shared/real-data), against
 * @polkadot/types' decoration of Finney's metadata (../shared/chain/metadata, items that runtime declares), and
 * against the report's own list of items (src/model/series.ts): every item the snapshot reads has a key layout here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata/decorate';
import type { StorageEntry } from '@polkadot/types/primitive/types';
import { compactStripLength, stringCamelCase, u8aToHex } from '@polkadot/util';
import { describe, expect, test } from 'vitest';
import { GOVERNANCE_ITEMS, isPlainAggregate, itemName, NETUIDS_ITEM, SERIES } from '../../src/model/series.ts';
import { SUBNET_COLUMNS } from '../../src/model/columns.ts';
import { ITEMS, storageKey } from '../../src/verify/key.ts';
import { ROOT } from '../../testing/project.ts';

const REAL = path.resolve(ROOT, '../shared/real-data/bittensor-sdk-rpc-storage.json');
const METADATA = path.resolve(ROOT, '../shared/chain/metadata');

describe('storage keys', () => {
  test('equal the keys read from Finney for the items listed', () => {
    const rows = JSON.parse(readFileSync(REAL, 'utf8')) as Array<{ network: string; item: string; key: string }>;
    let checked = 0;
    for (const r of rows) {
      const layout = ITEMS[r.item];
      if (!layout) continue;
      const suffix = r.key.slice(2 + 64);
      const args = layout === 'plain' ? [] : [Number(`0x${suffix.slice(-4).match(/../g)!.reverse().join('')}`)];
      expect(storageKey(r.item, args), `${r.network} ${r.item}`).toBe(r.key);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2); // NetworksAdded[1], TotalNetworks
  });

  const files = existsSync(METADATA) ? readdirSync(METADATA).filter((f) => f.endsWith('.scale')) : [];
  test.skipIf(!files.length)('equal @polkadot/types’ keys from Finney’s metadata, for every item it declares', () => {
    let checked = 0;
    for (const file of files) {
      const registry = new TypeRegistry();
      const metadata = new Metadata(registry, readFileSync(path.join(METADATA, file)));
      registry.setMetadata(metadata);
      const query = expandMetadata(registry, metadata).query as Record<
        string,
        Record<string, StorageEntry> | undefined
      >;
      for (const [item, layout] of Object.entries(ITEMS)) {
        const [pallet, name] = item.split('.');
        const entry = query[stringCamelCase(pallet)]?.[stringCamelCase(name)];
        if (!entry) continue;
        for (const args of layout === 'plain' ? [[]] : [[0], [1], [64], [65535]]) {
          expect(storageKey(item, args), `${file} ${item}[${args}]`).toBe(
            u8aToHex(compactStripLength(entry(...args))[1]),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('every item the report reads has its layout here, plain or keyed by netuid as the series table says', () => {
    for (const def of Object.values(SERIES))
      for (const span of def.storage) {
        const layout = ITEMS[itemName(span)];
        expect(layout, itemName(span)).toBeDefined();
        expect(layout === 'plain', itemName(span)).toBe(isPlainAggregate(def.aggregate));
      }
    for (const c of Object.values(SUBNET_COLUMNS))
      for (const span of c.storage) expect(ITEMS[itemName(span)], itemName(span)).not.toBe('plain');
    for (const span of [NETUIDS_ITEM, ...GOVERNANCE_ITEMS]) expect(ITEMS[itemName(span)], itemName(span)).toBeDefined();
  });

  test('wrong arguments are refused', () => {
    expect(() => storageKey('SubtensorModule.SubnetTAO', [])).toThrow(/takes one argument \(u16\), got 0/);
    expect(() => storageKey('SubtensorModule.SubnetTAO', [65536])).toThrow(/does not fit in 2 bytes/);
    expect(() => storageKey('Balances.Account', [])).toThrow(/does not know the key layout of Balances\.Account/);
  });
});
