/** scripts/js-weight.ts: which files an essay page loads, and which module each byte of a file came from. */
import { rolldown } from 'rolldown';
import { describe, expect, test } from 'vitest';
import type { RecordedChunk } from '../../src/client/client-build.ts';
import { attribute, BUNDLER, decodeMappings, gz, gzipShares, moduleKey, pageFiles } from '../../scripts/js-weight.ts';

describe('decodeMappings', () => {
  test('columns restart on each line, source indices carry over, a one-field segment has no source', () => {
    // AAAA: col 0, source 0; CAAC: col +1; E: col +2, unmapped; ACAA: next line, col 0, source +1; GDAA: col +3, source -1
    expect(decodeMappings('AAAA,CAAC,E;ACAA,GDAA')).toEqual([
      [
        [0, 0],
        [1, 0],
        [3, -1],
      ],
      [
        [0, 1],
        [3, 0],
      ],
    ]);
    expect(decodeMappings(';;')).toEqual([[], [], []]);
    expect(() => decodeMappings('AA!A')).toThrow('"!" is not base64');
  });
});

test('moduleKey names a package by its folder in node_modules, a project file by its path', () => {
  expect(moduleKey('node_modules/d3-shape/src/line.js')).toBe('d3-shape');
  expect(moduleKey('../../node_modules/@observablehq/plot/src/plot.js')).toBe('@observablehq/plot');
  expect(moduleKey('src/components/essay/Chart.astro?astro&type=script&index=0&lang.ts')).toBe(
    'src/components/essay/Chart.astro',
  );
  expect(moduleKey(undefined)).toBe(BUNDLER);
});

test("a minified bundle's bytes go to the modules they came from, and the shares sum to the file's gzip size", async () => {
  const files: Record<string, string> = {
    '/p/src/entry.ts': `import { a } from '/p/node_modules/pkg-a/index.js'; import { b } from '/p/src/b.ts'; console.log(a(), b());`,
    '/p/node_modules/pkg-a/index.js': `export function a() { return 'alpha-only-string'.repeat(3); }`,
    '/p/src/b.ts': `export function b(): string { return 'beta-only-string'; }`,
  };
  const bundle = await rolldown({
    input: '/p/src/entry.ts',
    logLevel: 'silent',
    plugins: [{ name: 'files', resolveId: (id) => (id in files ? id : null), load: (id) => files[id] ?? null }],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true, sourcemap: true });
  const chunk = output[0];
  if (chunk.type !== 'chunk' || !chunk.map) throw new Error('no chunk with a map');
  // the build records sources relative to the project, as here to /p
  const map = { sources: chunk.map.sources.map((s) => s.replace(/^(\.\.\/)*p\//, '')), mappings: chunk.map.mappings };
  const parts = attribute(chunk.code, map);
  expect(parts.get('pkg-a')).toContain('alpha-only-string');
  expect(parts.get('src/b.ts')).toContain('beta-only-string');
  expect(parts.get('src/b.ts')).not.toContain('alpha');
  expect([...parts.values()].join('').length).toBe(chunk.code.length);
  const shares = gzipShares(chunk.code, map);
  expect([...shares.values()].reduce((n, s) => n + s, 0)).toBeCloseTo(gz(chunk.code), 6);
  expect(() => attribute('one line', { sources: [], mappings: 'AAAA;AAAA' })).toThrow('2 lines, the code 1');
});

describe('pageFiles', () => {
  const chunk = (fileName: string, facade: string | null, imports: string[] = [], dynamicImports: string[] = []) =>
    ({
      fileName,
      bytes: 0,
      facade,
      imports,
      dynamicImports,
      sources: facade ? [facade] : [],
      mappings: '',
    }) satisfies RecordedChunk;
  const record = [
    chunk('observe.js', 'src/components/essay/Chart.astro', ['preload.js'], ['live.js', 'verify.js']),
    chunk('preload.js', null),
    chunk('live.js', 'src/client/live.ts', ['preload.js'], ['issuance.js', 'pool-flows.js']),
    chunk('issuance.js', 'src/charts/issuance.ts', ['live.js']),
    chunk('pool-flows.js', 'src/charts/pool-flows.ts', ['live.js', 'bar.js']),
    chunk('bar.js', null, ['live.js']),
    chunk('verify.js', 'src/verify/verify.ts'),
  ];

  test("before: the page's scripts and their imports; after: also the live renderer and its charts' modules", () => {
    expect(pageFiles(record, ['observe.js'], ['pool-flows'])).toEqual({
      before: ['observe.js', 'preload.js'],
      after: ['observe.js', 'preload.js', 'live.js', 'pool-flows.js', 'bar.js'],
    });
  });

  test('a page without charts loads nothing more; a module loaded on a click is never counted', () => {
    expect(pageFiles(record, ['observe.js'], [])).toEqual({
      before: ['observe.js', 'preload.js'],
      after: ['observe.js', 'preload.js'],
    });
    expect(pageFiles(record, ['observe.js'], ['issuance', 'pool-flows']).after).not.toContain('verify.js');
  });

  test('a chart or file the record does not hold is an error naming it', () => {
    expect(() => pageFiles(record, ['observe.js'], ['no-such-chart'])).toThrow('src/charts/no-such-chart.ts');
    expect(() => pageFiles(record, ['gone.js'], [])).toThrow('gone.js: not in the client build');
  });
});
