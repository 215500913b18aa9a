import { readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { Reader } from '../../scripts/snapshot/read.ts';
import type { RpcClient } from '../../scripts/snapshot/rpc.ts';
import { metadataFile, metadataMissing } from '../../testing/finney-like/runtimes.ts';

/** A node that serves one metadata file for every block and counts the methods called. */
function node(servedSpec: number) {
  const calls: string[] = [];
  const hex = u8aToHex(readFileSync(metadataFile(servedSpec)));
  const client = {
    async call(method: string, _params: unknown[], check?: (r: unknown) => unknown) {
      calls.push(method);
      if (method !== 'state_getMetadata') throw new Error(`fake node: ${method} not served`);
      return check ? check(hex) : hex;
    },
  };
  return { client: client as unknown as RpcClient, calls };
}

describe.skipIf(metadataMissing([218, 219]) !== null)(
  'Reader.runtime: the spec version from the metadata itself',
  () => {
    const HASH = `0x${'ab'.repeat(32)}`;
    it('loads a runtime with one state_getMetadata call, its spec checked against its own System.Version', async () => {
      const n = node(219);
      const rt = await new Reader(n.client).runtime(219, HASH);
      expect(rt.specVersion).toBe(219);
      expect(n.calls).toEqual(['state_getMetadata']);
    });
    it('refuses metadata that names another spec version', async () => {
      const n = node(218);
      await expect(new Reader(n.client).runtime(219, HASH)).rejects.toThrow(
        /is spec 218 \(its System.Version\), expected 219/,
      );
    });
  },
);
