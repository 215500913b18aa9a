import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_METADATA_CACHE, MetadataCache, metadataCacheDir } from '../../scripts/snapshot/metadata-cache.ts';
import { Runtime } from '../../scripts/snapshot/runtime.ts';
import { metadataFile, metadataMissing } from '../../testing/finney-like/runtimes.ts';

const missing = metadataMissing([218, 219]);
const GENESIS = `0x${'ab'.repeat(32)}`;

describe('metadataCacheDir', () => {
  it('defaults to node_modules/.cache/taoproof/metadata, moves with TAOPROOF_METADATA_CACHE, off disables it', () => {
    expect(metadataCacheDir({})).toBe(DEFAULT_METADATA_CACHE);
    expect(DEFAULT_METADATA_CACHE.endsWith(path.join('node_modules', '.cache', 'taoproof', 'metadata'))).toBe(true);
    expect(metadataCacheDir({ TAOPROOF_METADATA_CACHE: '/tmp/x' })).toBe('/tmp/x');
    expect(metadataCacheDir({ TAOPROOF_METADATA_CACHE: 'off' })).toBeNull();
  });
});

describe.skipIf(missing !== null)('MetadataCache on real Finney metadata', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'taoproof-mdcache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const hex = (spec: number) => u8aToHex(readFileSync(metadataFile(spec)));
  const build = (spec: number) => (h: string) => new Runtime(spec, h);

  it('stores metadata under genesis/spec and gives it back only for the spec it declares', () => {
    const lines: string[] = [];
    const c = new MetadataCache(dir, GENESIS, (l) => lines.push(l));
    expect(c.get(218, build(218))).toBeNull();
    const rt = new Runtime(218, hex(218));
    c.put(218, hex(218), rt.registry);
    expect(readFileSync(path.join(dir, GENESIS, '218.scale'))).toEqual(readFileSync(metadataFile(218)));
    expect(c.get(218, build(218))?.specVersion).toBe(218);
    // metadata that declares another spec is not stored under this one
    c.put(219, hex(218), rt.registry);
    expect(existsSync(c.file(219))).toBe(false);
    expect(lines.at(-1)).toMatch(/spec 219 declares spec 218; not cached/);
    // a file of the wrong spec, or garbage, is removed and reported
    writeFileSync(c.file(219), readFileSync(metadataFile(218)));
    expect(c.get(219, build(219))).toBeNull();
    expect(existsSync(c.file(219))).toBe(false);
    expect(lines.at(-1)).toMatch(/219\.scale ignored and removed: it is the metadata of spec 218/);
    writeFileSync(c.file(219), 'garbage');
    expect(c.get(219, build(219))).toBeNull();
    expect(lines.at(-1)).toMatch(/219\.scale ignored and removed: it does not decode/);
    expect(c.stats).toMatchObject({ hits: 1, invalid: 2, written: 1 });
  });

  it('keeps chains apart by genesis hash', () => {
    const other = new MetadataCache(dir, `0x${'cd'.repeat(32)}`);
    expect(other.get(218, build(218))).toBeNull();
    expect(() => new MetadataCache(dir, 'finney')).toThrow(/not a genesis hash/);
  });
});
