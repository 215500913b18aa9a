/**
 * The claims dataset: /data/claims.json validates against the JSON Schema the site publishes (/data/claims.schema.json),
 * holds one record per claim of content/claims.yaml with the registry's verdict, and /data/claims.csv holds the same
 * records, one row each, readable by a standard CSV parser. The licence travels in the JSON downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { distFile } from '../helpers/dist.ts';
import { ROOT } from '../../testing/project.ts';
import { loadReferenceYaml, loadSnapshot } from '../../src/data/load.ts';
import { loadCorrectionLog } from '../../src/data/corrections.ts';
import { labelOf } from '../../src/site/findings.ts';
import { CLAIM_CSV_COLUMNS, RATING_VALUE } from '../../src/site/claim-record.ts';
import type { Claim } from '../../src/model/content.ts';

const claims = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Claim[];
const data = { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
const json = JSON.parse(distFile('data/claims.json')) as {
  claims: Array<Record<string, unknown>>;
  licence: { name: string };
  version: { block: number | null };
};
const schemaText = distFile('data/claims.schema.json');
const schema = z.fromJSONSchema(JSON.parse(schemaText) as Record<string, unknown>);

describe('the claims dataset', () => {
  test('the published schema is the one in the repository', () => {
    expect(JSON.parse(schemaText)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'src/site/schemas/claims.schema.json'), 'utf8')),
    );
  });

  test('claims.json validates against the published schema', () => {
    const r = schema.safeParse(json);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
  });

  test('the schema refuses a record that breaks it (a rating off the scale, a missing field)', () => {
    const bad = structuredClone(json);
    bad.claims[0].rating = 5;
    delete bad.claims[1].verdict;
    const paths = schema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['claims.0.rating', 'claims.1.verdict']));
  });

  test('one record per claim, in id order, with the registry’s verdict, rating and corrections count', () => {
    const log = loadCorrectionLog();
    expect(json.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id).sort());
    for (const c of claims) {
      const r = json.claims.find((x) => x.id === c.id)!;
      const { label, result } = labelOf(c, data);
      expect(r.verdict, c.id).toBe(label);
      expect(r.rating, c.id).toBe(RATING_VALUE[label]);
      expect(r.reason, c.id).toBe(result?.reason ?? null);
      expect(r.claimJa, c.id).toBe(c.ja);
      expect(r.corrections, c.id).toBe(log.filter((l) => l.entry.claim === c.id).length);
      expect(r.url, c.id).toMatch(new RegExp(`/claims/${c.id}/$`));
      expect(r.block, c.id).toBe(data.snapshot.head?.number ?? null);
    }
    expect(json.version.block).toBe(data.snapshot.head?.number ?? null);
    expect(json.licence.name).toBe('CC BY 4.0');
  });

  test('claims.csv holds the same records, one row each, parsed by a standard CSV reader', () => {
    const rows = csvParse(distFile('data/claims.csv'));
    expect(rows.columns).toEqual([...CLAIM_CSV_COLUMNS]);
    expect(rows).toHaveLength(json.claims.length);
    for (const [i, row] of rows.entries()) {
      const r = json.claims[i];
      expect(row.id).toBe(r.id);
      expect(row.claimEn).toBe(r.claimEn);
      expect(row.verdict).toBe(r.verdict);
      expect(row.rating).toBe(r.rating === null ? '' : String(r.rating));
      expect(row.reason).toBe(r.reason ?? '');
    }
  });

  test('the chart JSON downloads carry the licence', () => {
    const chart = JSON.parse(distFile('data/charts/issuance.json')) as { licence?: { name: string; note: string } };
    expect(chart.licence?.name).toBe('CC BY 4.0');
    expect(chart.licence?.note).toMatch(/remains its author's/);
  });
});
