/**
 * `npm run bench:site`: print the site's budgets. JS shipped per essay page (before and after a chart scrolls into
 * view) and what each module of the live renderer adds, HTML + CSS per page, build time of the real site and of 50 and 200 generated essays, and Lighthouse
 * scores in Debian Chromium. Figures are printed, never asserted. Needs `npm run build` first.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../testing/serve.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../testing/browser.ts';
import { BUNDLE_RECORD, type RecordedChunk } from '../src/client/client-build.ts';
import { gz, gzipShares, pageFiles } from './js-weight.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzFile = (file: string) => gz(readFileSync(file));

function pages(dir: string, base = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ['_astro', 'pagefind', 'og', 'data'].includes(e.name) && !base
        ? e.name === 'data'
          ? pages(join(dir, e.name), `${base}data/`)
          : []
        : pages(join(dir, e.name), `${base}${e.name}/`)
      : e.name === 'index.html'
        ? [base]
        : [],
  );
}

/** The page's JavaScript files before and after its charts are drawn, from the client build's record. */
function jsOf(html: string): { before: string[]; after: string[] } {
  const scripts = [...html.matchAll(/<script type="module" src="\/([^"]+)"/g)].map((m) => m[1]);
  const charts = [...new Set([...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]))];
  return pageFiles(record(), scripts, charts);
}

let recorded: RecordedChunk[] | undefined;
function record(): RecordedChunk[] {
  const file = join(ROOT, BUNDLE_RECORD);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (the client build writes it)`);
  recorded ??= (JSON.parse(readFileSync(file, 'utf8')) as { chunks: RecordedChunk[] }).chunks;
  return recorded;
}

const sizeOf = (files: string[]) => files.reduce((n, f) => n + gzFile(join(DIST, f)), 0);

function weights() {
  console.log('\n## Page weight (gzip -9)');
  console.log(
    'page | HTML (CSS inlined) | of which CSS | external CSS | JS before a chart is seen | JS once its charts are drawn',
  );
  const css = new Map<string, number>();
  for (const p of pages(DIST)) {
    const html = readFileSync(join(DIST, p, 'index.html'), 'utf8');
    const cssFiles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    const cssSize = cssFiles.reduce((n, f) => n + (css.get(f) ?? (css.set(f, gzFile(join(DIST, f))), css.get(f)!)), 0);
    const js = jsOf(html);
    const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    console.log(
      `/${p} | ${KB(gz(html))} | ${KB(gz(inlineCss))} | ${KB(cssSize)} | ${KB(sizeOf(js.before))} | ${KB(sizeOf(js.after))}`,
    );
  }
}

/**
 * Each essay page's JavaScript once its charts are drawn (what tests/browser/js-budget.test.ts measures in Chromium
 * and holds under its budget), and what each package or source file adds to it: every file's gzip -9 size split
 * among the modules its source map attributes its bytes to (scripts/js-weight.ts).
 */
function composition() {
  const essays = pages(DIST).filter((p) => /^essays\/[^/]+\/$/.test(p));
  const shares = new Map<string, Map<string, number>>();
  const sharesOf = (file: string) => {
    if (!shares.has(file)) {
      const chunk = record().find((c) => c.fileName === file)!;
      const code = readFileSync(join(DIST, file), 'utf8');
      if (Buffer.byteLength(code) !== chunk.bytes)
        throw new Error(`${file}: ${BUNDLE_RECORD} is from another build than dist/ (run \`npm run build\`)`);
      shares.set(file, gzipShares(code, chunk));
    }
    return shares.get(file)!;
  };
  const perPage = essays.map((p) => {
    const html = readFileSync(join(DIST, p, 'index.html'), 'utf8');
    const { after } = jsOf(html);
    const byModule = new Map<string, number>();
    for (const f of after) for (const [k, n] of sharesOf(f)) byModule.set(k, (byModule.get(k) ?? 0) + n);
    const charts = [...new Set([...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]))];
    return { page: p.replace(/^essays\/|\/$/g, ''), charts, files: after, total: sizeOf(after), byModule };
  });
  console.log('\n## JavaScript per essay page once its charts are drawn (gzip -9 of each file, summed)');
  console.log('page | charts | files | total');
  for (const r of perPage)
    console.log(`/essays/${r.page}/ | ${r.charts.join(', ')} | ${r.files.length} | ${KB(r.total)}`);
  console.log(
    "\n## What each module adds to each essay page's JavaScript (KB, gzip -9: each file's size split among its modules by source map)",
  );
  const keys = [...new Set(perPage.flatMap((r) => [...r.byModule.keys()]))];
  const most = (k: string) => Math.max(...perPage.map((r) => r.byModule.get(k) ?? 0));
  console.log(`module | ${perPage.map((r) => r.page).join(' | ')}`);
  for (const k of keys.sort((a, b) => most(b) - most(a)))
    console.log(
      `${k} | ${perPage.map((r) => (r.byModule.has(k) ? (r.byModule.get(k)! / 1024).toFixed(2) : '-')).join(' | ')}`,
    );
  console.log(`total | ${perPage.map((r) => (r.total / 1024).toFixed(2)).join(' | ')}`);
}

function timedBuild(dir: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`build failed in ${dir}:\n${r.stdout.slice(-1500)}${r.stderr.slice(-1500)}`);
  return (performance.now() - t) / 1000;
}

function generated(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `taoproof-bench-${n}-`));
  for (const name of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const charts = ['issuance', 'staking-ratio', 'root-stake', 'subnet-pools'];
  for (let i = 0; i < n; i++) {
    const body = Array.from(
      { length: 12 },
      (_, k) =>
        `Paragraph ${k} of generated essay ${i}: a few sentences of argument about staking, issuance and root stake, long enough to weigh like prose.`,
    ).join('\n\n');
    writeFileSync(
      join(dir, `content/essays/gen-${i}.mdx`),
      `---\ntitle: "Generated essay ${i}"\nsummary: "A generated essay for the build-time benchmark."\noriginalTitle: "生成 ${i}"\norder: ${100 + i}\nclaims: []\nauthors: ["bench"]\nupdated: "2026-11-25"\n---\n\n${body}\n\n<Note tone="context">A note.</Note>\n\n<Chart id="${charts[i % charts.length]}" />\n`,
    );
  }
  return dir;
}

function buildTimes() {
  console.log('\n## Build time (astro build, including the up-front checks, OG images and Pagefind)');
  const real = generated(0);
  try {
    console.log(
      `real site (${readdirSync(join(real, 'content/essays')).length} essays): ${timedBuild(real).toFixed(1)} s`,
    );
  } finally {
    rmSync(real, { recursive: true, force: true });
  }
  for (const n of [50, 200]) {
    const dir = generated(n);
    try {
      console.log(`real site + ${n} generated essays: ${timedBuild(dir).toFixed(1)} s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function lighthouse() {
  console.log('\n## Lighthouse 12.2.3 in Debian Chromium (mobile emulation, default throttling)');
  const site = await serve(DIST);
  try {
    for (const p of ['', 'essays/staking/', 'claims/']) {
      const out = join(tmpdir(), `lh-${Date.now()}.json`);
      // asynchronous: the static server runs in this process and must keep answering
      const failed = await promisify(execFile)(
        'npx',
        [
          'lighthouse',
          `${site.url}/${p}`,
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
        ],
        { encoding: 'utf8', env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000 },
      ).then(
        () => null,
        (e: Error) => e.message,
      );
      if (!existsSync(out)) {
        console.log(`/${p}: lighthouse failed: ${failed?.split('\n').slice(-3).join(' ')}`);
        continue;
      }
      const lh = JSON.parse(readFileSync(out, 'utf8'));
      const c = lh.categories;
      const s = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
      console.log(
        `/${p}: performance ${s('performance')}, accessibility ${s('accessibility')}, best practices ${s('best-practices')}, SEO ${s('seo')}; CLS ${lh.audits['cumulative-layout-shift'].numericValue.toFixed(3)}, LCP ${(lh.audits['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s`,
      );
      const failing = Object.values(
        lh.audits as Record<string, { score: number | null; title: string; scoreDisplayMode: string }>,
      ).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failing.length) console.log(`  not passing: ${failing.map((a) => a.title).join('; ')}`);
      rmSync(out, { force: true });
    }
  } finally {
    await site.close();
  }
}

if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
const only = process.argv[2];
if (!only || only === 'weights') weights();
if (!only || only === 'weights' || only === 'composition') composition();
if (!only || only === 'lighthouse') await lighthouse();
if (!only || only === 'build') buildTimes();
