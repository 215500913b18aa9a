/** `subnets-daily.json`: the schema of the per-subnet daily values, and its loader. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataFileError } from '../../src/data/errors.ts';
import { loadSubnetsDaily, SUBNETS_DAILY_FILE } from '../../src/data/load.ts';
import { SCHEMA_VERSION, SubnetsDaily } from '../../src/model/schema.ts';
import { checkProject } from '../../src/checks/check.ts';
import { removeProject, tempProject } from '../../testing/project.ts';

const H = (c: string) => `0x${c.repeat(64)}`;
const valid = () => ({
  schemaVersion: SCHEMA_VERSION,
  kind: 'synthetic',
  verification: { values: 'proven', hashes: 'single-source', operators: ['test'] },
  chain: { genesisHash: H('4') },
  days: [
    // before dTAO: the subnets exist, the pool items do not (null, not zero)
    {
      date: '2025-01-01',
      block: 1,
      hash: H('a'),
      specVersion: 103,
      subnets: [0, 1, 3].map((netuid) => ({ netuid, tao: null, alphaIn: null, alphaOut: null })),
    },
    {
      date: '2025-01-02',
      block: 9,
      hash: H('b'),
      specVersion: 218,
      subnets: [
        { netuid: 0, tao: '300000000000000', alphaIn: '1', alphaOut: '2' },
        { netuid: 5, tao: '77000000005', alphaIn: '50000000001', alphaOut: '100000000002' },
      ],
    },
    { date: '2025-01-03', block: 20, hash: H('c'), specVersion: 218, subnets: [] },
  ],
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'taoproof-subnets-'));
  file = path.join(dir, 'subnets-daily.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (json: unknown) => {
  writeFileSync(file, JSON.stringify(json));
  try {
    loadSubnetsDaily(file);
  } catch (e) {
    if (e instanceof DataFileError) return e.message.replaceAll(file, 'FILE');
    throw e;
  }
  throw new Error('expected a DataFileError');
};

describe('subnets-daily schema', () => {
  test('a valid file loads as written; a missing file is null', () => {
    writeFileSync(file, JSON.stringify(valid()));
    expect(loadSubnetsDaily(file)).toEqual(valid());
    expect(SubnetsDaily.parse(valid()).days[1].subnets[1]).toEqual({
      netuid: 5,
      tao: '77000000005',
      alphaIn: '50000000001',
      alphaOut: '100000000002',
    });
    expect(loadSubnetsDaily(path.join(dir, 'none.json'))).toBeNull();
    expect(SUBNETS_DAILY_FILE).toBe('public/data/subnets-daily.json');
  });

  test('a bad field names the file, the JSON path and what was found', () => {
    const s = valid();
    (s.days[1].subnets[1] as Record<string, unknown>).alphaIn = 5e10;
    s.days[0].hash = '0x12';
    expect(errorOf(s).split('\n')).toEqual([
      'FILE: days[0].hash: expected 0x-prefixed 32-byte hex, received "0x12"',
      'FILE: days[1].subnets[1].alphaIn: expected string, received number 50000000000',
    ]);
    const t = valid();
    (t.days[1].subnets[0] as Record<string, unknown>).tao = '1.5';
    expect(errorOf(t)).toBe('FILE: days[1].subnets[0].tao: expected a decimal integer string, received "1.5"');
  });

  test('dates must increase strictly, netuids too', () => {
    const s = valid();
    s.days[2].date = '2025-01-02';
    expect(errorOf(s)).toBe(
      'FILE: days[2].date: expected dates in increasing order, after 2025-01-02, received "2025-01-02"',
    );
    const t = valid();
    t.days.reverse();
    expect(errorOf(t).split('\n')).toEqual([
      'FILE: days[1].date: expected dates in increasing order, after 2025-01-03, received "2025-01-02"',
      'FILE: days[2].date: expected dates in increasing order, after 2025-01-02, received "2025-01-01"',
    ]);
    const u = valid();
    u.days[1].subnets.reverse();
    expect(errorOf(u)).toBe(
      'FILE: days[1].subnets[1].netuid: expected netuids in increasing order, after 5, received number 0',
    );
  });

  test('not JSON, or the wrong schema version, is refused with the file named', () => {
    writeFileSync(file, '{"days": [');
    expect(() => loadSubnetsDaily(file)).toThrow(/subnets-daily\.json: not valid JSON/);
    expect(errorOf({ ...valid(), schemaVersion: 1 })).toBe('FILE: schemaVersion: no migration from version 1');
    expect(errorOf({ ...valid(), schemaVersion: SCHEMA_VERSION + 1 })).toBe(
      `FILE: schemaVersion: expected at most ${SCHEMA_VERSION}, received ${SCHEMA_VERSION + 1} (written by a newer taoproof; update this checkout)`,
    );
  });

  test('a version 2 file of kind "reference" is read as kind "cited"', () => {
    const { verification: _, ...v2 } = valid();
    writeFileSync(file, JSON.stringify({ ...v2, schemaVersion: 2, kind: 'reference' }));
    expect(loadSubnetsDaily(file)).toEqual({ ...valid(), kind: 'cited', verification: null });
  });

  test('a version 3 file of chain reads is read as unproven and single-source (it was read without proofs)', () => {
    const { verification: _, ...v3 } = valid();
    writeFileSync(file, JSON.stringify({ ...v3, schemaVersion: 3 }));
    expect(loadSubnetsDaily(file)).toEqual({
      ...valid(),
      verification: { values: 'unproven', hashes: 'single-source', operators: [] },
    });
    expect(errorOf({ ...v3 })).toMatch(/^FILE: verification: /);
    expect(errorOf({ ...valid(), verification: null })).toBe(
      'FILE: verification: expected how the values were checked for kind "synthetic", received null',
    );
  });
});

test("the build's up-front check validates public/data/subnets-daily.json when present", () => {
  const project = tempProject();
  try {
    const target = path.join(project, 'public/data/subnets-daily.json');
    const check = (production = false) => checkProject(project, { production }).problems;
    rmSync(target, { force: true });
    expect(check()).toEqual([]);
    writeFileSync(target, JSON.stringify(valid()));
    expect(check()).toEqual([]);
    expect(check(true)).toEqual([
      'public/data/subnets-daily.json: kind: "synthetic" data (read from a test node) is refused in a production build (TAOPROOF_PRODUCTION=1)',
    ]);
    // chain data read without proofs (--trust-node) is refused in production as synthetic data is
    const unproven = {
      ...valid(),
      kind: 'chain',
      verification: { values: 'unproven', hashes: 'single-source', operators: [] },
    };
    writeFileSync(target, JSON.stringify(unproven));
    expect(check()).toEqual([]);
    expect(check(true)).toEqual([
      'public/data/subnets-daily.json: verification.values: "unproven" data (read without read proofs, --trust-node) is refused in a production build (TAOPROOF_PRODUCTION=1)',
    ]);
    writeFileSync(
      target,
      JSON.stringify({ ...unproven, verification: { ...unproven.verification, values: 'proven' } }),
    );
    expect(check(true)).toEqual([]);
    const bad = valid();
    bad.days[1].date = '2025-01-01';
    writeFileSync(target, JSON.stringify(bad));
    expect(check()).toEqual([
      'public/data/subnets-daily.json: days[1].date: expected dates in increasing order, after 2025-01-01, received "2025-01-01"',
    ]);
  } finally {
    removeProject(project);
  }
});
