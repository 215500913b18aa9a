/** The runtime-changes table: derived from the series and breaks tables; its own notes hold only what they do not. */
import { describe, expect, test } from 'vitest';
import { SERIES_BREAKS } from '../../src/model/breaks.ts';
import { readItemNames, RUNTIME_NOTES, runtimeChangeRows } from '../../src/model/runtime-changes.ts';
import { itemName, SERIES, SERIES_FIELD_NAMES, type SeriesDef } from '../../src/model/series.ts';

describe('runtime changes', () => {
  test('no note repeats an item the series or per-subnet tables read (no fact typed twice)', () => {
    const read = readItemNames();
    const repeated = RUNTIME_NOTES.flatMap((n, i) =>
      [...n.added, ...n.removed].filter((x) => read.has(x)).map((x) => `RUNTIME_NOTES[${i}] (spec ${n.spec}): ${x}`),
    );
    expect(repeated).toEqual([]);
  });

  test('every note has a source commit in opentensor/subtensor, a date and something it changed', () => {
    for (const [i, n] of RUNTIME_NOTES.entries()) {
      const at = `RUNTIME_NOTES[${i}] (spec ${n.spec})`;
      expect(n.code.ref, at).toMatch(/^[0-9a-f]{40}$/);
      expect(n.code.url, at).toBe(`https://github.com/opentensor/subtensor/blob/${n.code.ref}/${n.code.path}`);
      expect(n.date, at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(n.added.length + n.removed.length, at).toBeGreaterThan(0);
      for (const x of [...n.added, ...n.removed])
        expect(x, at).toMatch(/^([A-Z][A-Za-z]+\.[A-Z][A-Za-z0-9]+|pallet [A-Z][A-Za-z]+( \([a-z_]+\))?)$/);
    }
    // the same spec always has the same merge date, and specs grow with dates
    const bySpec = new Map<number, string>();
    for (const n of RUNTIME_NOTES) {
      expect(bySpec.get(n.spec) ?? n.date, `spec ${n.spec}`).toBe(n.date);
      bySpec.set(n.spec, n.date);
    }
    const ordered = [...bySpec.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
    expect(ordered).toEqual([...ordered].sort());
  });

  test('rows come from the tables: every span start and end, every break with a spec, every note, one row per spec', () => {
    const rows = runtimeChangeRows();
    const at = (spec: number) => rows.find((r) => r.spec === spec);
    expect(rows.map((r) => r.spec)).toEqual([...new Set(rows.map((r) => r.spec))].sort((a, b) => a - b));
    for (const f of SERIES_FIELD_NAMES)
      for (const sp of (SERIES[f] as SeriesDef).storage) {
        if (sp.fromSpec !== null)
          expect(
            at(sp.fromSpec)?.added.find((x) => x.name === itemName(sp))?.fields,
            `${f} from ${sp.fromSpec}`,
          ).toContain(f);
        if (sp.toSpec !== null)
          expect(
            at(sp.toSpec + 1)?.removed.find((x) => x.name === itemName(sp))?.fields,
            `${f} to ${sp.toSpec}`,
          ).toContain(f);
      }
    for (const b of SERIES_BREAKS) if (b.spec !== null) expect(at(b.spec)?.breaks, b.id).toContain(b);
    for (const n of RUNTIME_NOTES) expect(at(n.spec)?.notes).toContain(n);
    // a row's date is its note's or break's merge date, never typed for the row
    for (const r of rows) expect(r.date).toBe(r.notes[0]?.date ?? r.breaks[0]?.date ?? null);
  });
});
