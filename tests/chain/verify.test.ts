/**
 * Published proofs (public/data/proofs/<block>.json, scripts/snapshot/proof-file.ts) written by the snapshot CLI
 * against the Finney-like node (real Finney metadata, real tries): one per sampled day's block and the head, each
 * a header that hashes to its block and nodes that prove every listed value under that header's state root;
 * reproducible byte for byte, covered by SHA256SUMS, kept when a run fails, pruned when no longer referenced, and not
 * written by --trust-node runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/data-manifest.ts';
import { decodeHeaderHex, formatProofFile, ProofFile } from '../../scripts/snapshot/proof-file.ts';
import { nodesByHash, proofOf, verifyProof } from '../../scripts/snapshot/proof.ts';
import { run as verify } from '../../scripts/verify.ts';
import { loadSubnetsDaily, parseSnapshot } from '../../src/data/load.ts';
import type { Snapshot } from '../../src/model/schema.ts';
import { NODE22 } from '../../testing/chopsticks.ts';
import { ROOT as repoRoot } from '../../testing/project.ts';
import { FaultProxy } from '../../testing/fault-proxy.ts';
import { startFinneyLike, type FinneyLikeNode } from '../../testing/finney-like/node.ts';
import { metadataMissing } from '../../testing/finney-like/runtimes.ts';
import { errorLine, runCliInProcess } from '../../testing/snapshot-cli.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    runCliInProcess(['--endpoint', node.url, '--genesis', node.genesisHash, '--out', out, '--json', ...more], {
      TAOPROOF_METADATA_CACHE: cache,
    });
  const goodDaily = () => loadSubnetsDaily(path.join(dir, 'subnets-daily.json'))!;
  const proofNames = (d: string) => readdirSync(path.join(d, 'proofs')).sort();
  const proofFile = (d: string, block: number) =>
    ProofFile.parse(JSON.parse(readFileSync(path.join(d, 'proofs', `${block}.json`), 'utf8')));

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'taoproof-verify-'));
    cache = path.join(tmp, 'metadata-cache');
    node = await startFinneyLike({ genesisDate: '2025-03-01', days: 5, specs: SPECS, upgradeEveryDays: 2 });
    dir = path.join(tmp, 'data');
    const r = await runCliInProcess(['--endpoint', node.url, '--genesis', node.genesisHash, '--out', dir, '--json'], {
      TAOPROOF_METADATA_CACHE: cache,
    });
    if (r.code !== 0) throw new Error(errorLine(r) || r.stderr);
    snap = parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')));
  }, 400_000);

  afterAll(async () => {
    await node?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('one proof file per sampled day, the head and each recorded upgrade, each proving its values under its own header', async () => {
    // the days cross dTAO (spec 233): its first block and that block's parent are read too
    expect(snap.upgrades.map((u) => u.specVersion)).toEqual([SPECS.find((s) => s >= 233)]);
    const hashOf = new Map<number, string>([
      ...snap.series.map((p) => [p.block!, p.hash!] as const),
      [snap.head!.number, snap.head!.hash],
      ...snap.upgrades.flatMap((u) => [
        [u.firstBlock, u.firstHash] as const,
        [u.before.block!, u.before.hash!] as const,
      ]),
    ]);
    const blocks = [...hashOf.keys()].sort((a, b) => a - b);
    expect(proofNames(dir)).toEqual(blocks.map((b) => `${b}.json`).sort());
    for (const b of blocks) {
      const f = proofFile(dir, b);
      expect(f.block).toBe(b);
      expect(blake2AsHex(f.header, 256)).toBe(f.hash);
      expect(decodeHeaderHex(f.header).number).toBe(b);
      expect(f.hash).toBe(hashOf.get(b));
      expect(f.nodes).toEqual([...new Set(f.nodes)].sort());
      const values = await verifyProof(
        decodeHeaderHex(f.header).stateRoot,
        f.nodes,
        f.values.map((v) => v.key),
      );
      expect(values.size).toBe(f.values.length);
      const items = new Set(f.values.map((v) => v.item));
      expect(items).toContain('Timestamp.Now');
      if (!snap.series.some((p) => p.block === b) && b !== snap.head!.number) {
        // an upgrade's first block that is no sampled day: its runtime, time and parent only
        expect(items).toContain('System.LastRuntimeUpgrade');
        continue;
      }
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
    // the cost: bytes per sampled day (whole file, and the global keys' nodes only), raw and gzip'd
    const sizes = snap.series.map((p) => {
      const text = readFileSync(path.join(dir, 'proofs', `${p.block}.json`));
      const f = proofFile(dir, p.block!);
      const globals = f.values.filter((v) => v.args.length === 0).map((v) => v.key);
      const g = JSON.stringify(proofOf(decodeHeaderHex(f.header).stateRoot, nodesByHash(f.nodes), globals));
      const subnets = f.values.filter((v) => v.item === 'SubtensorModule.NetworksAdded').length;
      return `${p.date} (${subnets} subnets): ${text.length} B, gzip ${gzipSync(text).length} B; globals only ${g.length} B, gzip ${gzipSync(g).length} B`;
    });
    console.log(`proof files per sampled day:\n${sizes.join('\n')}`);
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

  it('npm run verify: every chain number of the snapshot verifies from its proof (in-process and as a CLI)', async () => {
    const r = await verify({ dir });
    expect(r.failures).toEqual([]);
    const days = snap.series.length;
    const rows = snap.subnets!.rows.length;
    // per day: hash, date, specVersion and the series' fields; per subnet-day row: tao, alphaIn, alphaOut
    expect(r.checked).toBeGreaterThan(days * 3 + rows * 6);
    expect([r.verified, r.failed, r.notChain, r.blocks]).toEqual([r.checked, 0, 0, proofNames(dir).length]);
    const cli = spawnSync(NODE22, [path.join(repoRoot, 'scripts/verify.ts'), '--dir', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(
      `verify: ${r.checked} chain numbers checked from the proofs of ${r.blocks} blocks: ${r.checked} verified, 0 failed; 0 values are not chain data (cited)\n`,
    );
    console.log(cli.stdout.trim());
  }, 120_000);

  /** a copy of the good files, changed by `change`; verify's failures */
  const tampered = async (name: string, change: (d: string) => void) => {
    const copy = path.join(tmp, name);
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true });
    change(copy);
    const r = await verify({ dir: copy });
    expect(r.failed).toBeGreaterThan(0);
    return { copy, r };
  };
  /** `hex` with the byte at `at` (from the start of the bytes) changed */
  const flipByte = (hex: string, at: number) => {
    const i = 2 + at * 2;
    const b = (parseInt(hex.slice(i, i + 2), 16) ^ 0x01).toString(16).padStart(2, '0');
    return hex.slice(0, i) + b + hex.slice(i + 2);
  };
  const editProof = (d: string, block: number, edit: (f: ProofFile) => void) => {
    const file = path.join(d, 'proofs', `${block}.json`);
    const f = JSON.parse(readFileSync(file, 'utf8')) as ProofFile;
    edit(f);
    writeFileSync(file, formatProofFile(f));
  };

  it("fails naming the file and field when a value at an upgrade, or the upgrade's spec, is changed", async () => {
    const u = snap.upgrades[0];
    const was = u.before.values.totalStake!;
    const now = was.slice(0, -1) + String((Number(was.at(-1)) + 1) % 10);
    const { copy, r } = await tampered('tamper-upgrade', (d) => {
      const file = path.join(d, 'snapshot.json');
      const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
      s.upgrades[0].before.values.totalStake = now;
      s.upgrades[0].specVersion += 1;
      writeFileSync(file, JSON.stringify(s, null, 2) + '\n');
    });
    expect(r.failures).toEqual([
      `${path.join(copy, 'snapshot.json')}: upgrades[0].specVersion: published ${u.specVersion + 1}, proof of block ${u.firstBlock} holds ${u.specVersion}`,
      `${path.join(copy, 'snapshot.json')}: upgrades[0].before.values.totalStake: published ${now}, proof of block ${u.before.block} holds ${was}`,
    ]);
  }, 120_000);

  it('fails naming the file and field when one digit of a published value changes', async () => {
    const i = snap.series.length - 2;
    const p = snap.series[i];
    const was = p.values.totalIssuance!;
    const now = was.slice(0, -1) + String((Number(was.at(-1)) + 1) % 10);
    const { copy, r } = await tampered('tamper-value', (d) => {
      const file = path.join(d, 'snapshot.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"totalIssuance": "${was}"`, `"totalIssuance": "${now}"`));
    });
    expect(r.failures).toEqual([
      `${path.join(copy, 'snapshot.json')}: series[${i}].values.totalIssuance: published ${now}, proof of block ${p.block} holds ${was}`,
    ]);
    expect([r.failed, r.verified]).toEqual([1, r.checked - 1]);
    const cli = spawnSync(NODE22, [path.join(repoRoot, 'scripts/verify.ts'), '--dir', copy], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`verify: FAILED ${r.failures[0]}\n`);
  }, 120_000);

  it('fails naming the file and field when one byte of a per-subnet value changes', async () => {
    const d = goodDaily();
    const i = d.days.length - 1;
    const row = d.days[i].subnets.findIndex((x) => x.alphaIn !== null);
    const was = d.days[i].subnets[row].alphaIn!;
    const now = was.slice(0, -1) + String((Number(was.at(-1)) + 3) % 10);
    const { copy, r } = await tampered('tamper-daily', (c) => {
      const file = path.join(c, 'subnets-daily.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"alphaIn":"${was}"`, `"alphaIn":"${now}"`));
    });
    expect(r.failures).toContain(
      `${path.join(copy, 'subnets-daily.json')}: days[${i}].subnets[${row}].alphaIn: published ${now}, proof of block ${d.days[i].block} holds ${was}`,
    );
  }, 120_000);

  it('fails naming the file and field when one byte of a proof node changes', async () => {
    const i = 1;
    const block = snap.series[i].block!;
    const { copy, r } = await tampered('tamper-node', (d) =>
      editProof(d, block, (f) => {
        // the node holding the TotalIssuance value (its leaf, or the branch it is inlined in): one byte of the value
        const value = u8aToHex(registry.createType('u64', BigInt(snap.series[i].values.totalIssuance!)).toU8a());
        const j = f.nodes.findIndex((n) => n.includes(value.slice(2)));
        expect(j).toBeGreaterThanOrEqual(0);
        f.nodes[j] = flipByte(f.nodes[j], (f.nodes[j].indexOf(value.slice(2)) - 2) / 2);
      }),
    );
    const proofPath = path.join(copy, 'proofs', `${block}.json`);
    expect(r.failures).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${esc(path.join(copy, 'snapshot.json'))}: series\\[${i}\\]\\.values\\.totalIssuance: ${esc(proofPath)}: SubtensorModule\\.TotalIssuance: the proof does not cover the key: the trie node 0x[0-9a-f]{64} is not in the proof`,
        ),
      ),
    );
    // only that block's numbers fail
    expect(r.failures.every((f) => f.includes(proofPath))).toBe(true);
  }, 120_000);

  it('fails naming the file and field when one byte of a header changes, or a proof file is missing', async () => {
    const i = 2;
    const block = snap.series[i].block!;
    const { copy, r } = await tampered('tamper-header', (d) =>
      editProof(d, block, (f) => {
        f.header = flipByte(f.header, 40); // inside the state root
      }),
    );
    const proofPath = path.join(copy, 'proofs', `${block}.json`);
    expect(r.failures).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${esc(path.join(copy, 'snapshot.json'))}: series\\[${i}\\]\\.hash: ${esc(proofPath)}: the header hashes to 0x[0-9a-f]{64}, not to the published hash ${snap.series[i].hash}$`,
        ),
      ),
    );
    const gone = await tampered('tamper-missing', (d) => rmSync(path.join(d, 'proofs', `${block}.json`)));
    const missingPath = path.join(gone.copy, 'proofs', `${block}.json`);
    expect(gone.r.failures).toContain(
      `${path.join(gone.copy, 'snapshot.json')}: series[${i}].values.totalIssuance: no proof file ${missingPath}`,
    );
    expect(gone.r.failures).toContain(
      `${path.join(gone.copy, 'subnets-daily.json')}: days[${i}].hash: no proof file ${missingPath}`,
    );
  }, 120_000);

  it('--endpoint: every block hash is asked of a node; a different answer fails', async () => {
    const r = await verify({ dir, endpoint: node.url });
    expect(r.failures).toEqual([]);
    const proxy = await FaultProxy.start(node.url);
    try {
      const forged = `0x${'cd'.repeat(32)}`;
      const block = snap.series[0].block!;
      proxy.set({
        corrupt: (method, reply) => {
          const msg = JSON.parse(reply) as { result?: unknown };
          if (method !== 'chain_getBlockHash' || !Array.isArray(msg.result)) return null;
          return JSON.stringify({ ...msg, result: msg.result.map((h, i) => (i === 0 ? forged : h)) });
        },
      });
      const bad = await verify({ dir, endpoint: proxy.url });
      expect(bad.failures).toContain(
        `${path.join(dir, 'snapshot.json')}: series[0].hash: ${proxy.url} answers block ${block} is ${forged}, published ${snap.series[0].hash}`,
      );
    } finally {
      await proxy.stop();
    }
  }, 120_000);

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
