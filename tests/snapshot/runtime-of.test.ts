/** Runtime.of (scripts/snapshot/runtime.ts): a runtime's metadata decoded once per process, on real Finney metadata. */
import { readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { MalformedError, Runtime } from '../../scripts/snapshot/runtime.ts';
import { metadataFile, metadataMissing } from '../../testing/finney-like/runtimes.ts';

const missing = metadataMissing([218, 424]);

describe.skipIf(missing !== null)('Runtime.of', () => {
  const hex = (spec: number) => u8aToHex(readFileSync(metadataFile(spec)));

  it('gives the runtime already built for the same spec, SS58 prefix and metadata, and a new one for any other', () => {
    const a = Runtime.of(218, hex(218));
    expect(Runtime.of(218, hex(218))).toBe(a); // another string of the same metadata
    expect(a.specVersion).toBe(218);
    expect(Runtime.of(218, hex(218), 0)).not.toBe(a);
    expect(Runtime.of(424, hex(424))).not.toBe(a);
    expect(Runtime.of(424, hex(424)).specVersion).toBe(424);
  });

  it('keeps the 16 latest: the oldest is built again after 16 others', () => {
    const h = hex(424);
    const first = Runtime.of(1_000, h);
    for (let spec = 1_001; spec <= 1_016; spec++) Runtime.of(spec, h);
    expect(Runtime.of(1_016, h)).toBe(Runtime.of(1_016, h));
    expect(Runtime.of(1_000, h)).not.toBe(first);
  });

  it('keeps nothing of metadata that does not decode: each call fails', () => {
    expect(() => Runtime.of(5, '0x6d657461')).toThrow(MalformedError);
    expect(() => Runtime.of(5, '0x6d657461')).toThrow(/metadata of spec 5 does not decode/);
  });
});
