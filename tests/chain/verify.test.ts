/**
 * Published proofs (public/data/proofs/<block>.json, scripts/snapshot/proof-file.ts) written by the snapshot CLI
 * against the Finney-like node (real Finney metadata, real tries): one per sampled day's block and the head, each
 * a header that hashes to its block and nodes that prove every listed value under that header's state root;
 * reproducible byte for byte, covered by SHA256SUMS, kept when a run fails, pruned when no longer referenced, and not
 * written by --trust-node runs.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/data-manifest.ts';
import { decodeHeaderHex, ProofFile } from '../../scripts/snapshot/proof-file.ts';
import { verifyProof } from '../../scripts/snapshot/proof.ts';
import { parseSnapshot } from '../../src/data/load.ts';
import type { Snapshot } from '../../src/model/schema.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { errorLine, runCli } from '../../testing/snapshot-cli.ts';

const SPECS = [218, 343, 424];
const missing = metadataMissing(SPECS);
if (missing) console.warn(missing);

const registry = new TypeRegistry();

describe.skipIf(missing !== null)('proof files written by the snapshot (Finney-like node)', () => {
  let node: FinneyLikeNode;
  let tmp: string;
  let cache: string;
  let dir: string;
  let snap: Snapshot;
  const cli = (out: string, ...more: string[]) =>
    runCli(['--endpoint', node.url, '--genesis', node.genesisHash, '--out', out, '--json', ...more], {
      TAOPROOF_METADATA_CACHE: cache,
    });
  const proofNames = (d: string) => readdirSync(path.join(d, 'proofs')).sort();
  const proofFile = (d: string, block: number) =>
    ProofFile.parse(JSON.parse(readFileSync(path.join(d, 'proofs', `${block}.json`), 'utf8')));

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-verify-'));
    cache = path.join(tmp, 'metadata-cache');
    node = await startFinneyLike({ genesisDate: '2025-03-01', days: 5, specs: SPECS, upgradeEveryDays: 2 });
    dir = path.join(tmp, 'data');
    const r = await runCli(['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--json'], {
      TAOPROOF_METADATA_CACHE: cache,
    });
    if (r.code !== 0) throw new Error(errorLine(r) || r.stderr);
    snap = parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')));
  }, 400_000);

  afterAll(async () => {
    await node?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('one proof file per sampled day and the head, each proving its values under its own header', async () => {
    const blocks = [...new Set([...snap.series.map((p) => p.block!), snap.head!.number])].sort((a, b) => a - b);
    expect(proofNames(dir)).toEqual(blocks.map((b) => `${b}.json`).sort());
    for (const b of blocks) {
      const f = proofFile(dir, b);
      expect(f.block).toBe(b);
      expect(blake2AsHex(f.header, 256)).toBe(f.hash);
      expect(decodeHeaderHex(f.header).number).toBe(b);
      expect(f.hash).toBe(b === snap.head!.number ? snap.head!.hash : snap.series.find((p) => p.block === b)!.hash);
      expect(f.nodes).toEqual([...new Set(f.nodes)].sort());
      const values = await verifyProof(
        decodeHeaderHex(f.header).stateRoot,
        f.nodes,
        f.values.map((v) => v.key),
      );
      expect(values.size).toBe(f.values.length);
      const items = new Set(f.values.map((v) => v.item));
      expect(items).toContain('Timestamp.Now');
      expect(items).toContain('SubtensorModule.TotalIssuance');
      expect(items).toContain('SubtensorModule.NetworksAdded');
      if (b === snap.head!.number) expect(items).toContain('SubtensorModule.SubnetOwner');
      else expect(items).not.toContain('SubtensorModule.SubnetOwner');
      // every value decodes with its type in a bare registry (no metadata)
      for (const v of f.values) {
        const raw = values.get(v.key) ?? v.default;
        if (raw !== undefined) registry.createTypeUnsafe(v.type, [hexToU8a(raw)], { isPedantic: true });
      }
    }
    expect(checkManifest(dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toMatch(/ {2}proofs\/\d+\.json\n/);
  });

  it('a second run from scratch writes the same proof files byte for byte', async () => {
    const again = path.join(tmp, 'again');
    const r = await cli(again);
    expect(errorLine(r)).toBe('');
    expect(proofNames(again)).toEqual(proofNames(dir));
    for (const n of proofNames(dir))
      expect(readFileSync(path.join(again, 'proofs', n)).equals(readFileSync(path.join(dir, 'proofs', n)))).toBe(true);
  }, 400_000);

  it('a run that fails keeps the old proofs; a run over fewer days removes the proofs no longer referenced', async () => {
    const m = node.model;
    const copy = path.join(tmp, 'fail');
    cpSync(dir, copy, { recursive: true });
    const before = Object.fromEntries(proofNames(copy).map((n) => [n, readFileSync(path.join(copy, 'proofs', n))]));
    node.proofs.lie = { kind: 'altered-value', block: m.finalized };
    try {
      const r = await cli(copy);
      expect(r.code).toBe(1);
    } finally {
      node.proofs.lie = null;
    }
    expect(Object.fromEntries(proofNames(copy).map((n) => [n, readFileSync(path.join(copy, 'proofs', n))]))).toEqual(
      before,
    );
    // --since the last two days, --replace: the earlier days' proofs go
    const last2 = snap.series.slice(-2);
    const r = await cli(copy, '--since', last2[0].date, '--replace');
    expect(errorLine(r)).toBe('');
    const kept = [...new Set([...last2.map((p) => p.block!), snap.head!.number])].map((b) => `${b}.json`).sort();
    expect(proofNames(copy)).toEqual(kept);
    expect(checkManifest(copy)).toEqual([]);
  }, 400_000);

  it('a --trust-node run writes no proof files and says so', async () => {
    const copy = path.join(tmp, 'trust');
    cpSync(dir, copy, { recursive: true });
    const r = await cli(copy, '--trust-node');
    expect(errorLine(r)).toBe('');
    expect(r.stderr).toMatch(/no proof files written \(--trust-node: the data is unproven\)/);
    expect(existsSync(path.join(copy, 'proofs')) ? proofNames(copy) : []).toEqual([]);
    expect(checkManifest(copy)).toEqual([]);
  }, 400_000);
});
