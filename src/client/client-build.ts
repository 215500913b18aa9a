/**
 * What the browser bundle leaves out, and the bundler plugins that do it (astro.config.mjs gives them to Vite for the
 * client build only; `npm run bench:site` and tests/charts/client-bundle.test.ts to rolldown). Node (the build's
 * SVGs, the pages, the tests) keeps the real modules and the full tables.
 *
 * - Packages Plot imports for features no chart uses are replaced by stubs that throw, with their file's name, if a
 *   chart ever uses them (d3-geo: maps; d3-scale-chromatic: colour scales without a range).
 * - Tables whose rows carry prose for readers reach the browser without it: a live redraw needs a break's id, date,
 *   series and label, not what changed or its source (the pages print those from the full table).
 * - The build records its chunks and their source maps in BUNDLE_RECORD (not in dist/), from which
 *   `npm run bench:site` prints what each module adds to each page.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { PluginContext } from 'rolldown';
import type { Plugin } from 'vite';
import { SERIES_BREAKS, type SeriesBreak } from '../model/breaks.ts';
import { SUBNET_COLUMNS, type SubnetColumnDef } from '../model/columns.ts';
import { METRICS, type MetricDef } from '../model/metrics.ts';
import { SERIES, type SeriesDef } from '../model/series.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Packages replaced in the browser bundle, and the stub standing in for each. */
export const CLIENT_STUBS: Readonly<Record<string, string>> = {
  'd3-geo': here('./no-geo.ts'),
  'd3-scale-chromatic': here('./no-chromatic.ts'),
};

export interface ClientTable {
  /** the module defining the table */
  file: string;
  /** its `export const` */
  name: string;
  /** the table's value, as Node reads it */
  rows: unknown;
  /** the fields each row reaches the browser without */
  drop: readonly string[];
}

/**
 * Tables the browser gets without their prose fields (each row's, in an array or an object of rows). A chart that
 * reads a dropped field live draws differently from the build: tests/charts/client-bundle.test.ts fails.
 */
export const CLIENT_TABLES: readonly ClientTable[] = [
  {
    file: here('../model/breaks.ts'),
    name: 'SERIES_BREAKS',
    rows: SERIES_BREAKS,
    drop: ['what', 'code', 'issue'] satisfies Array<keyof SeriesBreak>,
  },
  {
    file: here('../model/series.ts'),
    name: 'SERIES',
    rows: SERIES,
    drop: ['description'] satisfies Array<keyof SeriesDef>,
  },
  // the charts cite a column's item (SUBNET_ITEMS: its storage and field); the rest is the pages' and the reader's
  {
    file: here('../model/columns.ts'),
    name: 'SUBNET_COLUMNS',
    rows: SUBNET_COLUMNS,
    drop: ['description', 'kind', 'unit', 'args', 'daily'] satisfies Array<keyof SubnetColumnDef>,
  },
  // captions and formulas read a metric's label and formula; the rest is the methodology page's
  {
    file: here('../model/metrics.ts'),
    name: 'METRICS',
    rows: METRICS,
    drop: ['notes', 'claims', 'caveats', 'unit', 'series', 'columns', 'items'] satisfies Array<keyof MetricDef>,
  },
];

/** Where the build writes its client chunks' record, relative to the project root. */
export const BUNDLE_RECORD = '.astro/client-bundle.json';

/** One client chunk as the build wrote it: its file, the modules it holds and its source map's mappings. */
export interface RecordedChunk {
  fileName: string;
  /** its size as written, to tell a record from an older build's */
  bytes: number;
  /** the module the chunk is the entry of (project-relative), or null for a shared chunk */
  facade: string | null;
  imports: string[];
  dynamicImports: string[];
  /** the map's sources, project-relative */
  sources: string[];
  mappings: string;
}

/** A table's rows without the `drop` fields; throws (naming the table) if the rest is not plain JSON. */
export function slimTable(t: ClientTable): unknown {
  const table = t.rows;
  const slim = (row: unknown) => Object.fromEntries(Object.entries(row as object).filter(([k]) => !t.drop.includes(k)));
  const rows = Array.isArray(table)
    ? table.map(slim)
    : Object.fromEntries(Object.entries(table as object).map(([k, r]) => [k, slim(r)]));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(rows)), rows))
    throw new Error(`${t.file}: ${t.name} holds values JSON cannot carry to the browser`);
  return rows;
}

/** Resolves each stubbed package to its stub. */
export const stubPackages = {
  name: 'taoproof:client-stubs',
  resolveId: (id: string) => CLIENT_STUBS[id] ?? null,
};

/** Replaces each table's value, in its module's code, by its rows without their prose. */
export const slimTables = {
  name: 'taoproof:slim-tables',
  buildStart() {
    for (const t of CLIENT_TABLES)
      if (!existsSync(t.file))
        throw new Error(`src/client/client-build.ts: CLIENT_TABLES names ${t.file}, which is missing`);
  },
  transform(this: PluginContext, code: string, id: string) {
    const t = CLIENT_TABLES.find((x) => x.file === id.split('?')[0]);
    if (!t) return null;
    const ast = this.parse(code, { lang: 'ts' });
    const decl = ast.body
      .flatMap((s) =>
        s.type === 'ExportNamedDeclaration' && s.declaration?.type === 'VariableDeclaration'
          ? s.declaration.declarations
          : [],
      )
      .find((d) => d.id.type === 'Identifier' && d.id.name === t.name);
    if (!decl?.init)
      throw new Error(`${t.file}: no \`export const ${t.name}\` to slim for the browser (src/client/client-build.ts)`);
    const json = JSON.stringify(slimTable(t));
    return { code: `${code.slice(0, decl.init.start)}${json}${code.slice(decl.init.end)}`, map: null };
  },
};

/**
 * Writes BUNDLE_RECORD when the client build has written its files: each chunk's imports and source-map mappings. The build makes
 * hidden source maps for it and leaves them out of dist/ (the site ships no maps).
 */
function recordBundle(): Plugin {
  let root = process.cwd();
  return {
    name: 'taoproof:bundle-record',
    apply: 'build',
    applyToEnvironment: (env) => env.name === 'client',
    configEnvironment: (name) => (name === 'client' ? { build: { sourcemap: 'hidden' } } : undefined),
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) if (file.endsWith('.js.map')) delete bundle[file];
    },
    // once written: Vite's own last edits (its preload helper's list of files) are in the code and the maps
    writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist');
      const rel = (f: string) => relative(root, f).split('\\').join('/');
      const chunks: RecordedChunk[] = Object.values(bundle).flatMap((out) =>
        out.type === 'chunk'
          ? [
              {
                fileName: out.fileName,
                bytes: Buffer.byteLength(out.code),
                facade: out.facadeModuleId ? rel(out.facadeModuleId) : null,
                imports: out.imports,
                dynamicImports: out.dynamicImports,
                // Vite's preload helper comes without a map: its bytes count as the bundler's own
                sources: (out.map?.sources ?? []).map((s) => rel(join(dirname(join(dir, out.fileName)), s))),
                mappings: out.map?.mappings ?? '',
              },
            ]
          : [],
      );
      const file = join(root, BUNDLE_RECORD);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ chunks }));
    },
  };
}

const client = (env: { name: string }) => env.name === 'client';

/** The client build's plugins, for astro.config.mjs. */
export function clientBuildPlugins(): Plugin[] {
  return [
    { ...stubPackages, enforce: 'pre', applyToEnvironment: client },
    { ...(slimTables as Plugin), enforce: 'pre', apply: 'build', applyToEnvironment: client },
    recordBundle(),
  ];
}
