/**
 * What an essay page's JavaScript is made of, from the client build's record (src/client/client-build.ts,
 * BUNDLE_RECORD): the files a page loads before and after its charts are drawn, and each file's bytes attributed,
 * through its source map, to the package or source file they came from. Pure functions; `npm run bench:site` reads
 * the files and prints.
 */
import { gzipSync } from 'node:zlib';
import type { RecordedChunk } from '../src/client/client-build.ts';

/** What the bundler wrote itself (imports between chunks, its runtime, Vite's preload helper): no source maps to it. */
export const BUNDLER = '(bundler)';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings`, decoded: per generated line, segments of [column, source index] (-1: no source). */
export function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((seg) => {
        const values: number[] = [];
        let value = 0;
        let shift = 0;
        for (const ch of seg) {
          const digit = B64.indexOf(ch);
          if (digit < 0) throw new Error(`source map mappings: "${ch}" is not base64 (in "${seg}")`);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += values[0];
        if (values.length < 4) return [column, -1] as [number, number];
        source += values[1];
        return [column, source] as [number, number];
      });
  });
}

/** The package (node_modules) or project file a source is, as the bench names it. */
export function moduleKey(source: string | undefined): string {
  if (source === undefined) return BUNDLER;
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? m[1] : source.replace(/\?.*$/, '');
}

/** A chunk's code split by where each piece came from: module key → its text (the rest goes to BUNDLER). */
export function attribute(code: string, chunk: Pick<RecordedChunk, 'sources' | 'mappings'>): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (key: string, text: string) => {
    if (!text) return;
    const list = parts.get(key);
    if (list) list.push(text);
    else parts.set(key, [text]);
  };
  const lines = code.split('\n');
  const mapped = decodeMappings(chunk.mappings);
  if (mapped.length > lines.length)
    throw new Error(`the source map has ${mapped.length} lines, the code ${lines.length}`);
  lines.forEach((line, i) => {
    const segs = mapped[i] ?? [];
    add(BUNDLER, line.slice(0, segs[0]?.[0] ?? line.length) + (i < lines.length - 1 ? '\n' : ''));
    segs.forEach(([col, src], k) =>
      add(src < 0 ? BUNDLER : moduleKey(chunk.sources[src]), line.slice(col, segs[k + 1]?.[0])),
    );
  });
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

export const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/**
 * Each module's share of a file's gzip -9 size: the file's size split in proportion to the gzip size of each module's
 * text alone (gzip shares strings across modules, so the shares sum to the file's size, not to the sum of those).
 */
export function gzipShares(code: string, chunk: Pick<RecordedChunk, 'sources' | 'mappings'>): Map<string, number> {
  const alone = [...attribute(code, chunk)].map(([k, text]) => [k, gz(text)] as const);
  const sum = alone.reduce((n, [, s]) => n + s, 0);
  const file = gz(code);
  return new Map(alone.map(([k, s]) => [k, (file * s) / sum]));
}

/** A chunk's file and every chunk it imports statically, transitively. */
function closure(chunks: Map<string, RecordedChunk>, files: string[]): string[] {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    const c = chunks.get(f);
    if (!c) throw new Error(`${f}: not in the client build's record (run \`npm run build\`)`);
    seen.add(f);
    c.imports.forEach(walk);
  };
  files.forEach(walk);
  return [...seen];
}

/** The live renderer: the chunk an essay loads when its first chart comes into view. */
export const LIVE = 'src/client/live.ts';
const chartModule = (id: string) => `src/charts/${id}.ts`;

/**
 * The JavaScript files an essay page loads: `before` any chart is in view (its module scripts and their imports),
 * `after` each of its charts is drawn (also the live renderer and each chart's module, with their imports). Anything
 * else a page can load on demand (such as a control's module loaded on a click) is in neither.
 */
export function pageFiles(
  record: RecordedChunk[],
  scripts: string[],
  chartIds: string[],
): { before: string[]; after: string[] } {
  const chunks = new Map(record.map((c) => [c.fileName, c]));
  const byFacade = (m: string) => {
    const c = record.find((x) => x.facade === m) ?? record.find((x) => x.sources.includes(m));
    if (!c) throw new Error(`${m}: no chunk of the client build holds it`);
    return c.fileName;
  };
  const before = closure(chunks, scripts);
  if (chartIds.length === 0) return { before, after: before };
  const after = closure(chunks, [...before, byFacade(LIVE), ...chartIds.map((id) => byFacade(chartModule(id)))]);
  return { before, after };
}
