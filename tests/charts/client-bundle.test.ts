/**
 * The browser bundle's cuts (src/client/client-build.ts) change nothing a chart draws: the charts, bundled with the
 * client build's plugins (the stubbed packages, the tables without their prose), render every chart from each
 * fixture at each width and control value to the very SVG, key, caption and description Node renders with the real
 * modules and full tables; and the bundle holds neither the stubbed packages nor the prose.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown, type OutputChunk } from 'rolldown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { renderStatic } from '../../src/charts/ssr.ts';
import { WIDTHS } from '../../src/charts/spec.ts';
import { chartCaption, chartDescription } from '../../src/charts/text.ts';
import type { ChartData } from '../../src/charts/types.ts';
import { CLIENT_STUBS, CLIENT_TABLES, slimTables, stubPackages } from '../../src/client/client-build.ts';
import { citedSnapshot } from '../../src/data/cited-snapshot.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';

const SRC = resolve(import.meta.dirname, '../../src');
const ENTRY = '\0client-bundle-entry';

/** What the test calls in the bundle: the same functions as the imports above. */
interface Bundled {
  CHARTS: typeof CHARTS;
  renderStatic: typeof renderStatic;
  chartCaption: typeof chartCaption;
  chartDescription: typeof chartDescription;
}

const fixtures: Record<string, () => ChartData> = {
  synthetic: () => ({ snapshot: dtaoSnapshot(), reference: reference() }),
  cited: () => ({ snapshot: citedSnapshot(reference(), '2026-01-01T00:00:00.000Z'), reference: reference() }),
};

let dir = '';
let chunk: OutputChunk;
let bundled: Bundled;

beforeAll(async () => {
  const linkedom = fileURLToPath(import.meta.resolve('linkedom'));
  const bundle = await rolldown({
    input: ENTRY,
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === ENTRY ? id : id === 'linkedom' ? { id: linkedom, external: true } : null),
        load: (id) =>
          id === ENTRY
            ? ['charts/index.ts', 'charts/ssr.ts', 'charts/text.ts']
                .map((f) => `export * from ${JSON.stringify(join(SRC, f))};`)
                .join('\n')
            : null,
      },
      stubPackages,
      slimTables,
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'taoproof-client-bundle-'));
  const { output } = await bundle.write({ dir, format: 'esm', entryFileNames: 'charts.mjs' });
  expect(output.map((o) => o.fileName)).toEqual(['charts.mjs']);
  chunk = output[0] as OutputChunk;
  bundled = (await import(pathToFileURL(join(dir, 'charts.mjs')).href)) as Bundled;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the bundle leaves out the stubbed packages and holds their stubs', () => {
  const ids = Object.keys(chunk.modules);
  for (const [pkg, stub] of Object.entries(CLIENT_STUBS)) {
    expect(ids.filter((id) => id.includes(`/node_modules/${pkg}/`))).toEqual([]);
    expect(ids).toContain(stub);
  }
});

/** The strings of a value (at any depth) long enough to be prose, a URL or a title rather than an id. */
const longStrings = (v: unknown): string[] =>
  typeof v === 'string'
    ? v.length >= 40
      ? [v]
      : []
    : v && typeof v === 'object'
      ? Object.values(v).flatMap(longStrings)
      : [];

test("the bundle holds the tables' rows without their prose", () => {
  for (const t of CLIENT_TABLES) {
    const rows = Array.isArray(t.rows) ? t.rows : Object.values(t.rows as object);
    const prose = rows.flatMap((r: Record<string, unknown>) => t.drop.flatMap((k) => longStrings(r[k])));
    expect(prose.length, `${t.name}: rows with ${t.drop.join(', ')}`).toBeGreaterThan(0);
    const found = (p: string) =>
      chunk.code.includes(p.slice(0, 40)) || chunk.code.includes(JSON.stringify(p).slice(1, 41));
    expect(prose.filter(found)).toEqual([]);
    // and what is kept is there: every row's first field
    for (const r of rows) expect(chunk.code).toContain(JSON.stringify(Object.values(r as object)[0]));
  }
});

describe.each(Object.keys(CHARTS))('chart %s, bundled for the browser', (id) => {
  test.each(Object.keys(fixtures))(
    'draws from the %s fixture what Node draws, at each width and control value',
    (f) => {
      const data = fixtures[f]();
      const def = CHARTS[id];
      // the default options at both widths, each control value at the narrow one
      const runs = [
        ...Object.values(WIDTHS).map((width) => [{}, width] as const),
        ...def.controls.flatMap((c) => c.values.map((v) => [{ [c.name]: v }, WIDTHS.narrow] as const)),
      ];
      for (const [o, width] of runs) {
        const what = `${f}, ${width} px, ${JSON.stringify(o)}`;
        expect(bundled.renderStatic(bundled.CHARTS[id], data, o, width), what).toEqual(
          renderStatic(def, data, o, width),
        );
        expect(bundled.chartCaption(bundled.CHARTS[id], data, o), what).toBe(chartCaption(def, data, o));
        expect(bundled.chartDescription(bundled.CHARTS[id], data, o), what).toBe(chartDescription(def, data, o));
      }
    },
  );
});
