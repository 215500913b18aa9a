import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DataFileError } from '../../src/data/errors.ts';
import { loadReferenceYaml, parseSnapshot, REFERENCE_SOURCE, SNAPSHOT_FILE } from '../../src/data/load.ts';
import { migrate } from '../../src/model/migrate.ts';
import { SCHEMA_VERSION } from '../../src/model/version.ts';
import { dtaoSnapshot } from '../fixtures/snapshots.ts';

const committed = () => JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));
const errorOf = (json: unknown) => {
  try {
    parseSnapshot(json);
  } catch (e) {
    if (e instanceof DataFileError) return e.message;
    throw e;
  }
  throw new Error('expected a DataFileError');
};

describe('snapshot schema', () => {
  test('the committed snapshot and the fixtures are valid', () => {
    expect(parseSnapshot(committed()).schemaVersion).toBe(SCHEMA_VERSION);
    expect(parseSnapshot(JSON.parse(JSON.stringify(dtaoSnapshot()))).series).toHaveLength(150);
  });

  test('a bad hash names the file, the JSON path and what was found', () => {
    const s = JSON.parse(JSON.stringify(dtaoSnapshot()));
    s.head.hash = '0x1234';
    expect(errorOf(s)).toMatchInlineSnapshot(
      `"public/data/snapshot.json: head.hash: expected 0x-prefixed 32-byte hex, received "0x1234""`,
    );
  });

  test('every bad field is reported, with array indices', () => {
    const s = JSON.parse(JSON.stringify(dtaoSnapshot()));
    s.series[3].values.totalIssuance = 12.5;
    s.kind = 'mainnet';
    expect(errorOf(s).split('\n')).toEqual([
      'public/data/snapshot.json: kind: expected "chain" or "cited" or "synthetic", received "mainnet"',
      'public/data/snapshot.json: series[3].values.totalIssuance: expected string, received number 12.5',
    ]);
  });

  test('amounts in integer units must be integers; null means absent, not zero', () => {
    const s = JSON.parse(JSON.stringify(dtaoSnapshot()));
    s.current.totalStake.value = '1.5';
    expect(errorOf(s)).toContain(
      'current.totalStake.value: expected a decimal integer string for an integer unit, received "1.5"',
    );
    s.current.totalStake.value = null;
    expect(parseSnapshot(s).current.totalStake?.value).toBeNull();
  });

  test('chain and synthetic files need a head block; dates must increase', () => {
    const s = JSON.parse(JSON.stringify(dtaoSnapshot()));
    s.head = null;
    s.series[5].date = s.series[4].date;
    expect(errorOf(s).split('\n')).toEqual([
      'public/data/snapshot.json: head: expected a head block for kind "synthetic", received null',
      `public/data/snapshot.json: series[5].date: expected dates in increasing order, after ${s.series[4].date}, received "${s.series[4].date}"`,
    ]);
  });

  test('a version 1 file (the design-note shape) is migrated, not rejected', () => {
    const { verification: _, ...current } = JSON.parse(JSON.stringify(dtaoSnapshot()));
    const { number, ...head } = current.head;
    const v1 = {
      ...current,
      schemaVersion: 1,
      head: { block: number, ...head },
      source: { ...current.source, endpoint: undefined, endpoints: ['ws://a', 'ws://b'] },
    };
    const parsed = parseSnapshot(v1);
    expect(parsed.head?.number).toBe(number);
    expect(parsed.source.endpoint).toBe('ws://a');
    // read before schema version 4, without read proofs: unproven, single-source
    expect(parsed).toEqual({
      ...current,
      source: { ...current.source, endpoint: 'ws://a' },
      verification: { values: 'unproven', hashes: 'single-source', operators: [] },
    });
  });

  test('a version 2 file of kind "reference" (cited figures only) reads as kind "cited"; other kinds keep theirs', () => {
    const { verification: _, ...cited } = committed() as Record<string, unknown>;
    const v2 = { ...cited, schemaVersion: 2, kind: 'reference' };
    expect(parseSnapshot(v2)).toEqual(parseSnapshot(committed()));
    expect(parseSnapshot(v2).kind).toBe('cited');
    const { verification: __, ...synthetic } = JSON.parse(JSON.stringify(dtaoSnapshot()));
    expect(parseSnapshot({ ...synthetic, schemaVersion: 2 })).toEqual({
      ...synthetic,
      verification: { values: 'unproven', hashes: 'single-source', operators: [] },
    });
    expect(errorOf({ ...committed(), kind: 'reference' })).toMatch(
      /^public\/data\/snapshot.json: kind: expected "chain" or "cited" or "synthetic", received "reference"/,
    );
  });

  test('a file from a newer schema is refused with a clear message', () => {
    const expected = `schemaVersion: expected at most ${SCHEMA_VERSION}, received 99`;
    expect(() => migrate({ schemaVersion: 99 })).toThrow(expected);
    expect(errorOf({ ...committed(), schemaVersion: 99 })).toMatch(
      new RegExp(`^public/data/snapshot.json: ${expected}`),
    );
  });
});

test('content/reference.yaml of version 2 (before the kind "cited") still loads, as the same figures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taoproof-ref-'));
  try {
    const file = join(dir, 'reference.yaml');
    const text = readFileSync(REFERENCE_SOURCE, 'utf8');
    expect(text).toMatch(new RegExp(`^schemaVersion: ${SCHEMA_VERSION}$`, 'm'));
    writeFileSync(file, text.replace(/^schemaVersion: \d+$/m, 'schemaVersion: 2'));
    expect(loadReferenceYaml(file)).toEqual(loadReferenceYaml());
    writeFileSync(file, text.replace(/^schemaVersion: \d+$/m, 'schemaVersion: 1'));
    expect(() => loadReferenceYaml(file)).toThrow(`${file}: schemaVersion: no migration from version 1`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
