/** Every checkable claim has exactly one verdict function, in its essay's module; none for opinions or unknown ids. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { VERDICT_FNS, VERDICTS_BY_ESSAY, verdictFor } from '../../src/claims/index.ts';
import { VERDICTS } from '../../src/claims/types.ts';
import { dtaoSnapshot, citedData, reference } from '../fixtures/snapshots.ts';

const claims = parse(readFileSync('content/claims.yaml', 'utf8')) as Array<{ id: string; type: string; essay: string }>;
const checkable = claims.filter((c) => c.type !== 'opinion');

describe('verdict registry', () => {
  test('every figure, fact and inference in content/claims.yaml has a verdict function in its essay’s module', () => {
    expect(checkable.length).toBeGreaterThan(0);
    for (const c of checkable)
      expect(Object.keys(VERDICTS_BY_ESSAY[c.essay] ?? {}), `${c.id} (${c.essay})`).toContain(c.id);
  });

  test('no verdict function for an opinion or an unknown id', () => {
    const ids = new Set(checkable.map((c) => c.id));
    expect(Object.keys(VERDICT_FNS).filter((id) => !ids.has(id))).toEqual([]);
    for (const c of claims.filter((x) => x.type === 'opinion')) expect(verdictFor(c.id, citedData()), c.id).toBeNull();
    expect(verdictFor('C99', citedData())).toBeNull();
    expect(verdictFor('toString', citedData())).toBeNull();
  });

  test.each([
    ['cited', citedData],
    ['synthetic', () => ({ snapshot: dtaoSnapshot(), reference: reference() })],
  ])('every verdict on the %s data: a known verdict, a specific reason, sourced evidence', (_, data) => {
    for (const c of checkable) {
      const r = verdictFor(c.id, data());
      expect(r, c.id).not.toBeNull();
      expect(VERDICTS, c.id).toContain(r?.verdict);
      expect(r?.reason.length, c.id).toBeGreaterThan(60);
      expect(r?.reason, c.id).not.toMatch(/undefined|NaN|\[object/);
      for (const e of r?.evidence ?? []) {
        expect(e.sources.length, `${c.id}: ${e.label}`).toBeGreaterThan(0);
        expect(e.value, `${c.id}: ${e.label}`).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
