/** status.json is recorded only when asked (the nightly job), and a failed run's last line says what is left. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../scripts/snapshot/write.ts';
import { shouldRecordStatus, untouchedLine } from '../../scripts/snapshot/status.ts';
import { ROOT } from '../../testing/project.ts';
import { recordStatus } from '../../scripts/snapshot/status.ts';
import { staleNotice } from '../../src/model/status.ts';
import { SCHEMA_VERSION } from '../../src/model/version.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taoproof-status-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('status.json', () => {
  it('is recorded only with TAOPROOF_RECORD_STATUS=1', () => {
    expect(shouldRecordStatus({})).toBe(false);
    expect(shouldRecordStatus({ TAOPROOF_RECORD_STATUS: '0' })).toBe(false);
    expect(shouldRecordStatus({ TAOPROOF_RECORD_STATUS: '1' })).toBe(true);
  });
});

describe('the last line of a failed run', () => {
  it('names the untouched file and the date of its data', () => {
    cpSync(join(ROOT, 'public/data/snapshot.json'), join(dir, 'snapshot.json'));
    const generated = (
      JSON.parse(readFileSync(join(ROOT, 'public/data/snapshot.json'), 'utf8')) as { source: { generatedAt: string } }
    ).source.generatedAt;
    expect(untouchedLine(dir)).toBe(
      `snapshot: failed; ${dir}/snapshot.json is untouched (last good data from ${generated.slice(0, 10)}, kind cited: figures cited from publications, no chain reads)`,
    );
  });

  it('gives the head block of chain data', () => {
    writeSnapshot(dir, {
      schemaVersion: SCHEMA_VERSION,
      kind: 'synthetic',
      verification: { values: 'proven', hashes: 'single-source', operators: ['local'] },
      chain: { name: 'local', genesisHash: `0x${'4'.repeat(64)}`, ss58Prefix: 42, decimals: 9, symbol: 'TAO' },
      head: { number: 1234, hash: `0x${'b'.repeat(64)}`, timestamp: '2026-11-19T00:00:12.000Z', specVersion: 218 },
      source: { endpoint: 'ws://127.0.0.1:9944', tool: 'test', generatedAt: '2026-11-20T01:17:00.000Z' },
      current: {},
      series: [],
      subnets: null,
      governance: null,
    });
    expect(untouchedLine(dir)).toBe(
      `snapshot: failed; ${dir}/snapshot.json is untouched (last good data from 2026-11-19, block #1234, kind synthetic)`,
    );
  });

  it('says so when there was nothing, or when the file is invalid', () => {
    expect(untouchedLine(dir)).toBe(`snapshot: failed; nothing was written to ${dir}/snapshot.json`);
    writeFileSync(join(dir, 'snapshot.json'), '{');
    expect(untouchedLine(dir)).toMatch(/is untouched \(it does not pass validation/);
  });
});

describe('the failure banner', () => {
  // a nightly failure recorded the way the job records it: a success on 1 January, then a failure on 3 January
  const failed = () => {
    recordStatus(dir, { ok: true }, new Date('2025-01-01T01:00:00Z'));
    return recordStatus(dir, { ok: false, error: 'timed out' }, new Date('2025-01-03T01:00:00Z'));
  };

  it('shows a failure newer than the snapshot the site is built from', () => {
    const notice = staleNotice(failed(), '2025-01-01T01:00:00.000Z', new Date('2025-01-04T01:00:00Z'));
    expect(notice).toBe(
      'The last chain snapshot (2025-01-03) failed: timed out. The data is from a snapshot 3 days old.',
    );
  });

  it('is dropped once a newer snapshot was generated (a later successful local run)', () => {
    const status = failed();
    expect(staleNotice(status, '2025-01-03T09:30:00.000Z', new Date('2025-01-04T01:00:00Z'))).toBeNull();
    // one millisecond before the failure still shows it
    expect(staleNotice(status, '2025-01-03T00:59:59.999Z', new Date('2025-01-04T01:00:00Z'))).not.toBeNull();
  });

  it('is absent when the last attempt succeeded or none was recorded', () => {
    recordStatus(dir, { ok: true }, new Date('2025-01-01T01:00:00Z'));
    const ok = recordStatus(dir, { ok: true }, new Date('2025-01-02T01:00:00Z'));
    expect(staleNotice(ok, '2024-12-01T00:00:00.000Z')).toBeNull();
    expect(staleNotice(null, '2024-12-01T00:00:00.000Z')).toBeNull();
  });
});
