import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type SeriesPoint, type Snapshot } from '../../src/model/schema.ts';
import { SnapshotStatus, staleDays } from '../../src/model/status.ts';
import { checkSeries } from '../../scripts/snapshot/main.ts';
import { readStatus, recordStatus } from '../../scripts/snapshot/status.ts';
import {
  readCheckpoint,
  readExisting,
  removeStaleTemps,
  writeAtomic,
  writeCheckpoint,
  writeSnapshot,
} from '../../scripts/snapshot/write.ts';

const H = (c: string) => `0x${c.repeat(64)}`;

function point(date: string, block: number, ti: string | null): SeriesPoint {
  return { date, block, hash: H('a'), specVersion: 218, values: { totalIssuance: ti } };
}

function snapshot(series: SeriesPoint[]): Snapshot {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'synthetic',
    verification: { values: 'proven', hashes: 'single-source', operators: ['local'] },
    chain: { name: 'local', genesisHash: H('4'), ss58Prefix: 42, decimals: 9, symbol: 'TAO' },
    head: { number: 10, hash: H('b'), timestamp: '2025-01-03T00:00:00.000Z', specVersion: 218 },
    source: { endpoint: 'ws://127.0.0.1:9944', tool: 'test', generatedAt: '2025-01-03T00:00:00.000Z' },
    current: {},
    series,
    subnets: null,
    governance: null,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'taoproof-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic snapshot writes', () => {
  it('writes a valid snapshot and reads it back', () => {
    const s = snapshot([point('2025-01-01', 1, '10'), point('2025-01-02', 5, '20')]);
    writeSnapshot(dir, s);
    expect(readExisting(dir)).toEqual(s);
    expect(readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'snapshot.json']); // the manifest is written with it
  });

  it('keeps the old file and writes .err when the new one fails the schema', () => {
    writeSnapshot(dir, snapshot([point('2025-01-01', 1, '10')]));
    const before = readFileSync(path.join(dir, 'snapshot.json'), 'utf8');
    const bad = snapshot([point('2025-01-02', 5, '20'), point('2025-01-01', 1, '10')]); // dates out of order
    expect(() => writeSnapshot(dir, bad)).toThrow(/fails validation.*series\[1\]\.date/s);
    expect(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'snapshot.json.err'))).toBe(true);
  });

  it('reports an invalid existing file', () => {
    writeFileSync(path.join(dir, 'snapshot.json'), `{"schemaVersion":${SCHEMA_VERSION}`);
    expect(() => readExisting(dir)).toThrow(/not valid JSON/);
  });

  it('removes temp files of dead processes only', () => {
    writeAtomic(path.join(dir, 'x.json'), '{}');
    writeFileSync(path.join(dir, 'snapshot.json.999999999.tmp'), '{"partial');
    writeFileSync(path.join(dir, `snapshot.json.${process.pid}.tmp`), '{"mine');
    expect(removeStaleTemps(dir)).toEqual(['snapshot.json.999999999.tmp']);
    expect(readdirSync(dir).sort()).toEqual([`snapshot.json.${process.pid}.tmp`, 'x.json']);
  });

  it('checkpoints points per chain', () => {
    writeCheckpoint(dir, H('4'), [point('2025-01-02', 5, '20'), point('2025-01-01', 1, '10')]);
    expect(readCheckpoint(dir, H('4')).map((p) => p.date)).toEqual(['2025-01-01', '2025-01-02']);
    expect(readCheckpoint(dir, H('5'))).toEqual([]);
  });
});

describe('series checks', () => {
  it('refuses TotalIssuance going down, or blocks not increasing with dates', () => {
    expect(() =>
      checkSeries([
        point('2025-01-01', 1, '10'),
        point('2025-01-02', 5, '10'),
        point('2025-01-03', 9, null),
        point('2025-01-04', 12, '11'),
      ]),
    ).not.toThrow();
    expect(() => checkSeries([point('2025-01-01', 1, '10'), point('2025-01-02', 5, '9')])).toThrow(
      /TotalIssuance went down from 10 \(2025-01-01, #1\) to 9 \(2025-01-02, #5\)/,
    );
    expect(() => checkSeries([point('2025-01-01', 5, '10'), point('2025-01-02', 5, '10')])).toThrow(/not after/);
  });
});

describe('status.json', () => {
  it('records success, then a failure keeping the last success', () => {
    recordStatus(dir, { ok: true }, new Date('2025-01-01T01:00:00Z'));
    const s = recordStatus(dir, { ok: false, error: 'timed out\nmore' }, new Date('2025-01-03T01:00:00Z'));
    expect(s).toEqual({
      statusVersion: 1,
      lastAttempt: '2025-01-03T01:00:00.000Z',
      lastSuccess: '2025-01-01T01:00:00.000Z',
      error: 'timed out',
    });
    expect(readStatus(dir)).toEqual(s);
    expect(SnapshotStatus.parse(s)).toEqual(s);
    expect(staleDays(s, new Date('2025-01-03T01:00:00Z'))).toBe(2);
  });
});
