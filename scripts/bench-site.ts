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
import { gzipSync } from 'node:zlib';
import { serve } from '../testing/serve.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../testing/browser.ts';
import { noGeo } from '../src/client/no-geo-plugin.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

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

/** Static imports (modulepreload and module scripts) and the dynamic chunks they import, transitively. */
function jsOf(html: string): { initial: string[]; lazy: string[] } {
  const initial = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]);
  const lazy = new Set<string>();
  const walk = (src: string) => {
    const code = readFileSync(join(DIST, src), 'utf8');
    for (const m of code.matchAll(/["'`](?:\.\/|\/_astro\/)([\w.-]+\.js)["'`]/g)) {
      const dep = `/_astro/${m[1]}`;
      if (!lazy.has(dep) && !initial.includes(dep) && existsSync(join(DIST, dep))) {
        lazy.add(dep);
        walk(dep);
      }
    }
  };
  initial.forEach(walk);
  return { initial, lazy: [...lazy] };
}

function weights() {
  console.log('\n## Page weight (gzip -9)');
  console.log(
    'page | HTML (CSS inlined) | of which CSS | external CSS | JS before a chart is seen | JS after (live charts)',
  );
  const css = new Map<string, number>();
  for (const p of pages(DIST)) {
    const html = readFileSync(join(DIST, p, 'index.html'), 'utf8');
    const cssFiles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    const cssSize = cssFiles.reduce((n, f) => n + (css.get(f) ?? (css.set(f, gz(join(DIST, f))), css.get(f)!)), 0);
    const js = jsOf(html);
    const initial = js.initial.reduce((n, f) => n + gz(join(DIST, f)), 0);
    const lazy = js.lazy.reduce((n, f) => n + gz(join(DIST, f)), 0);
    const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    console.log(
      `/${p} | ${KB(gzipSync(html, { level: 9 }).length)} | ${KB(gzipSync(inlineCss, { level: 9 }).length)} | ${KB(cssSize)} | ${KB(initial)} | ${KB(initial + lazy)}`,
    );
  }
  console.log(
    "JS after = every chunk a page can load; a page loads its own charts' chunks only (tests/browser/js-budget.test.ts measures what Chromium fetches, budget 95 KB; the observer is the only eager script)",
  );
}

/**
 * What each module adds to the live renderer: src/client/live.ts bundled again with rolldown (Vite's bundler), minified,
 * with the build's d3-geo stand-in; per package (node_modules) or source file, its minified bytes and gzip -9 of its
 * code alone (a module's share of the chunk's gzip is a little less: gzip shares strings across modules).
 */
async function composition() {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: join(ROOT, 'src/client/live.ts'),
    platform: 'browser',
    logLevel: 'silent',
    plugins: [{ name: noGeo.name, resolveId: noGeo.resolveId }],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  const groups = new Map<string, { bytes: number; code: string; chunks: Set<string> }>();
  console.log('\n## What each module adds to the live renderer (rolldown rebundle, minified; gzip -9 of each alone)');
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    for (const [id, m] of Object.entries(chunk.modules)) {
      const key = id.includes('node_modules/')
        ? id
            .replace(/.*node_modules\//, '')
            .split('/')
            .slice(0, id.includes('node_modules/@') ? 2 : 1)
            .join('/')
        : id.replace(`${ROOT}/`, '');
      const g = groups.get(key) ?? { bytes: 0, code: '', chunks: new Set<string>() };
      g.bytes += m.renderedLength;
      g.code += m.code ?? '';
      g.chunks.add(chunk.fileName.replace(/-[\w-]{8}\.js$/, ''));
      groups.set(key, g);
    }
  }
  console.log('module | minified | gzip | chunk');
  for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes))
    if (g.bytes > 0)
      console.log(
        `${key} | ${KB(g.bytes)} | ${KB(gzipSync(g.code, { level: 9 }).length)} | ${[...g.chunks].join(', ')}`,
      );
  for (const chunk of output)
    if (chunk.type === 'chunk')
      console.log(
        `chunk ${chunk.fileName}: ${KB(chunk.code.length)}, gzip ${KB(gzipSync(chunk.code, { level: 9 }).length)}`,
      );
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
if (!only || only === 'weights' || only === 'composition') await composition();
if (!only || only === 'lighthouse') await lighthouse();
if (!only || only === 'build') buildTimes();
