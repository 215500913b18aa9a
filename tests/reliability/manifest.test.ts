/**
 * public/data/SHA256SUMS (scripts/data-manifest.ts): the committed data files match it, every writer renews it
 * with the file it writes (all or nothing), and a changed, missing or unlisted file is reported by name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkManifest, writeManifest } from '../../scripts/data-manifest.ts';
import { recordStatus } from '../../scripts/snapshot/status.ts';
import { writeSnapshot } from '../../scripts/snapshot/write.ts';
import { daysFrom } from '../fixtures/snapshots.ts';
import { ROOT } from '../../testing/project.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'taoproof-manifest-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('public/data/SHA256SUMS', () => {
  it('the committed data files match the committed manifest (run npm run data:manifest after changing them)', () => {
    expect(checkManifest(join(ROOT, 'public/data'))).toEqual([]);
  });

  it('is renewed by each writer, in the format sha256sum -c reads', () => {
    writeSnapshot(
      dir,
      daysFrom('2025-01-01', 3, (i) => ({ issuedTao: 1e6 + i, stakedTao: 8e5 })),
    );
    recordStatus(dir, { ok: true });
    writeFileSync(join(dir, '.snapshot-checkpoint.json'), '{}'); // working state, not listed
    expect(checkManifest(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'SHA256SUMS'), 'utf8')).toMatch(
      /^[0-9a-f]{64} {2}snapshot\.json\n[0-9a-f]{64} {2}status\.json\n$/,
    );
    const r = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('names a file that changed, went missing, or is not listed', () => {
    writeFileSync(join(dir, 'a.json'), '1');
    writeFileSync(join(dir, 'b.json'), '2');
    writeManifest(dir);
    writeFileSync(join(dir, 'a.json'), '3');
    rmSync(join(dir, 'b.json'));
    writeFileSync(join(dir, 'c.json'), '4');
    const problems = checkManifest(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      new RegExp(`^${dir}/a\\.json: sha256 [0-9a-f]{64} differs from [0-9a-f]{64} in ${dir}/SHA256SUMS$`),
    );
    expect(problems[1]).toBe(`${dir}/SHA256SUMS: lists b.json, which is not in ${dir}`);
    expect(problems[2]).toBe(`${dir}/c.json: not listed in ${dir}/SHA256SUMS (run npm run data:manifest)`);
  });
});
