/**
 * All-or-nothing writes on a real full file system (issue 16, item 1): a small tmpfs filled to a few free sizes,
 * and `ulimit -f` for a child process (SIGXFSZ). Every writer of the project is tried: snapshot.json and
 * subnets-daily.json (as a pair), the checkpoint, status.json, verdicts.json (its script, under ulimit), the
 * metadata cache. After each failure the previous files are byte-identical, no temp file is left, and the error is
 * one line naming the file and the cause.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStatus } from '../../scripts/snapshot/status.ts';
import { readCheckpoint, writeCheckpoint, writeDataFiles, writeSnapshot } from '../../scripts/snapshot/write.ts';
import { WriteError, writeAtomic } from '../../scripts/atomic-write.ts';
import type { SubnetsDaily, Snapshot } from '../../src/model/schema.ts';
import { SCHEMA_VERSION } from '../../src/model/schema.ts';
import { daysFrom } from '../fixtures/snapshots.ts';
import { mountTmpfs, subdir, underUlimit, type Tmpfs } from '../helpers/full-disk.ts';
import { ROOT } from '../../testing/project.ts';

const snap = (days: number): Snapshot =>
  daysFrom('2025-01-01', days, (i) => ({ issuedTao: 1_000_000 + i * 7200, stakedTao: 800_000 + i }));
const subnetsOf = (s: Snapshot, n = 64): SubnetsDaily => ({
  schemaVersion: SCHEMA_VERSION,
  kind: s.kind,
  verification: s.verification,
  chain: { genesisHash: s.chain.genesisHash },
  days: s.series.map((p) => ({
    date: p.date,
    block: p.block!,
    hash: p.hash!,
    specVersion: p.specVersion!,
    subnets: Array.from({ length: n }, (_, netuid) => ({
      netuid,
      tao: String(1e12 + netuid),
      alphaIn: String(2e12 + netuid),
      alphaOut: null,
    })),
  })),
});

/** Every file of `dir` (but the filler) with its bytes. */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((n) => n !== '.filler')
      .map((n) => [n, readFileSync(join(dir, n), 'latin1')]),
  );

const probe = mountTmpfs(64);
const skip = 'why' in probe ? probe.why : null;
if (skip) console.warn(`full-disk tests skipped: ${skip}`);
else (probe as Tmpfs).unmount();
const mounts: Tmpfs[] = [];
afterAll(() => mounts.forEach((m) => m.unmount()));

describe.skipIf(skip !== null)('writes on a full tmpfs', () => {
  /** a fresh 192 KiB tmpfs with previous files written while there was room, then filled to `free` bytes */
  function fullFolder(free: number) {
    const fs = mountTmpfs(192) as Tmpfs;
    mounts.push(fs);
    const dir = subdir(fs.dir, 'data');
    const prev = snap(3);
    writeDataFiles(dir, prev, subnetsOf(prev, 4));
    writeCheckpoint(dir, prev.chain.genesisHash, prev.series.slice(0, 1));
    recordStatus(dir, { ok: true }, new Date('2025-01-04T01:00:00Z'));
    fs.leave(free);
    return { dir, fs, before: contents(dir) };
  }
  beforeAll(() => {
    // a generous run first: the new files are far larger than any free size tried below
    expect(`${JSON.stringify(snap(40))}${JSON.stringify(subnetsOf(snap(40)))}`.length).toBeGreaterThan(120_000);
  });

  for (const free of [4096, 16_384, 32_768, 49_152])
    it(`snapshot.json and subnets-daily.json: both or neither with ${free / 1024} KiB free`, () => {
      const { dir, before } = fullFolder(free);
      const big = snap(40);
      let err: unknown = null;
      try {
        writeDataFiles(dir, big, subnetsOf(big));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WriteError);
      expect((err as Error).message).toMatch(
        new RegExp(
          `^${dir}/(snapshot|subnets-daily)\\.json: not written: .*\\(ENOSPC\\); the previous file is untouched$`,
        ),
      );
      expect(contents(dir)).toEqual(before); // byte-identical, and no temp file left
    });

  it('writeSnapshot alone (as npm run snapshot:cited uses it) refuses a short write instead of renaming it', () => {
    const { dir, before } = fullFolder(8192);
    expect(() => writeSnapshot(dir, snap(60))).toThrow(/snapshot\.json: not written: .*\(ENOSPC\)/);
    expect(contents(dir)).toEqual(before);
  });

  it('the checkpoint and status.json', () => {
    const { dir, before } = fullFolder(2048);
    const big = snap(60);
    expect(() => writeCheckpoint(dir, big.chain.genesisHash, big.series)).toThrow(
      /\.snapshot-checkpoint\.json: not written: .*\(ENOSPC\)/,
    );
    expect(readCheckpoint(dir, big.chain.genesisHash)).toHaveLength(1); // the previous checkpoint, still valid
    expect(contents(dir)).toEqual(before);
    const { dir: dir2, before: before2 } = fullFolder(0);
    expect(() => recordStatus(dir2, { ok: false, error: 'timed out' })).toThrow(
      /(status\.json|SHA256SUMS): not written: .*\(ENOSPC\)/,
    );
    expect(contents(dir2)).toEqual(before2);
    expect(Object.keys(before2)).toContain('status.json');
  });

  it('a file that cannot even be created (no space for its first block)', () => {
    const fs = mountTmpfs(64) as Tmpfs;
    mounts.push(fs);
    const dir = subdir(fs.dir, 'data');
    fs.leave(0);
    expect(() => writeAtomic(join(dir, 'x.json'), 'y'.repeat(10_000))).toThrow(
      /x\.json: not written: no space left on the device \(ENOSPC\); the previous file is untouched/,
    );
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('ulimit -f (SIGXFSZ, then EFBIG)', () => {
  it('npm run verdicts under ulimit -f 1 ends non-zero with one line, verdicts.json byte-identical', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'taoproof-ulimit-'));
    try {
      const put = (s: Snapshot) => writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(s));
      const chain = (days: number) =>
        daysFrom(
          '2025-02-13',
          days,
          (i) => ({ issuedTao: 8_000_000 + i * 7200, stakedTao: 6_000_000, rootTao: 5_860_000 - i * 100 }),
          { kind: 'chain' },
        );
      put(chain(60));
      const args = [process.execPath, join(ROOT, 'scripts/verdicts.ts'), '--dir', dir];
      let r = underUlimit(10_000, args, { cwd: ROOT });
      expect(r.status, r.stderr).toBe(0);
      const before = readFileSync(join(dir, 'verdicts.json'));
      expect(before.length).toBeGreaterThan(1024);
      put(chain(70)); // a newer head: verdicts.json is rewritten
      r = underUlimit(1, args, { cwd: ROOT });
      expect(r.signal).toBeNull(); // not killed by SIGXFSZ
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        /verdicts\.json: not written: file too large.*\(EFBIG\); the previous file is untouched/,
      );
      expect(readFileSync(join(dir, 'verdicts.json')).equals(before)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(skip !== null)('the metadata cache on a full disk', () => {
  it('ends the run naming the cache file, and leaves no partial file', async () => {
    const { MetadataCache } = await import('../../scripts/snapshot/metadata-cache.ts');
    const { metadataFile } = await import('../../testing/finney-like/runtimes.ts');
    const { Runtime } = await import('../../scripts/snapshot/runtime.ts');
    const { u8aToHex } = await import('@polkadot/util');
    if (!existsSync(metadataFile(424))) return console.warn('no Finney metadata: skipped');
    const hex = u8aToHex(readFileSync(metadataFile(424)));
    const rt = new Runtime(424, hex, 42);
    const fs = mountTmpfs(256) as Tmpfs;
    mounts.push(fs);
    const cache = new MetadataCache(fs.dir, `0x${'45'.repeat(32)}`);
    fs.leave(0);
    expect(() => cache.put(424, hex, rt.registry)).toThrow(
      new RegExp(`${fs.dir}/0x4545\\w+/424\\.scale: not written: no space left on the device \\(ENOSPC\\)`),
    );
    expect(readdirSync(join(fs.dir, `0x${'45'.repeat(32)}`))).toEqual([]);
  }, 60_000);
});
