/** Every checkable claim has exactly one verdict function, in its essay's module; none for opinions or unknown ids. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { VERDICT_FNS, VERDICTS_BY_ESSAY, verdictFor } from '../../src/claims/index.ts';
import { collectVerdicts } from '../../src/claims/registry.ts';
import { VERDICTS } from '../../src/claims/types.ts';
import { VERDICT_MODULES } from '../../src/claims/verdicts/index.ts';
import { dtaoSnapshot, citedData, reference } from '../fixtures/snapshots.ts';

const claims = parse(readFileSync('content/claims.yaml', 'utf8')) as Array<{ id: string; type: string; essay: string }>;
const checkable = claims.filter((c) => c.type !== 'opinion');

describe('verdict registry', () => {
  test('every figure, fact and inference in content/claims.yaml has a verdict function in its essay’s module', () => {
    expect(checkable.length).toBeGreaterThan(0);
    for (const c of checkable)
      expect(Object.keys(VERDICTS_BY_ESSAY[c.essay] ?? {}), `${c.id} (${c.essay})`).toContain(c.id);
  });

  test('src/claims/verdicts/index.ts lists every module of its folder, by its file name, and nothing else', () => {
    const files = readdirSync('src/claims/verdicts')
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(VERDICT_MODULES).sort()).toEqual(files.sort());
    // and each listed name is a module's own: its verdicts are found in that file
    for (const [essay, fns] of Object.entries(VERDICTS_BY_ESSAY))
      for (const id of Object.keys(fns))
        expect(readFileSync(`src/claims/verdicts/${essay}.ts`, 'utf8'), `${id} in ${essay}.ts`).toMatch(
          new RegExp(`export const ${id}\\b`),
        );
  });

  test('a module exporting anything but verdict functions, or a verdict twice, is refused with the file and the export', () => {
    expect(() => collectVerdicts({ staking: { C11: () => null, helper: () => null } })).toThrow(
      'src/claims/verdicts/staking.ts: export helper: a verdict module exports only verdict functions named for their claim (C06)',
    );
    expect(() => collectVerdicts({ staking: { C11: 42 } })).toThrow(
      'src/claims/verdicts/staking.ts: export C11: expected a verdict function, received number',
    );
    expect(() => collectVerdicts({ premine: { C11: () => null }, staking: { C11: () => null } })).toThrow(
      'src/claims/verdicts/staking.ts: export C11: C11 already has a verdict function in src/claims/verdicts/premine.ts',
    );
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
