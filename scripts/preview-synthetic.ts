/**
 * `npm run preview:synthetic`: see the site with chain-shaped data before any nightly run. Starts the test node of
 * the chain tests (chopsticks on the real subtensor runtimes in ../shared/chain, seeded with testing/seed.ts:
 * a few days on spec 103, the upgrade to 218 at dTAO's date, a few days after), runs the snapshot CLI against it
 * into a scratch folder, builds a scratch copy of the project from that data and previews it. The data is marked
 * `synthetic` (every page says so; a production build refuses it). public/data is never written.
 *
 *   npm run preview:synthetic                 # 10 days around dTAO, preview on http://localhost:4322/
 *   npm run preview:synthetic -- --days 16 --port 4400 --keep
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildScratch, removeProject, ROOT, scratchProject } from '../testing/project.ts';

/** A short synthetic history from the real-runtime test node, written by the snapshot CLI into `out`. */
async function synthesize(out: string, days: number): Promise<void> {
  const { chainMissing, Dev, SPEC_103, startNode } = await import('../testing/chopsticks.ts');
  const { buildHistory } = await import('../testing/seed.ts');
  const { runCli } = await import('../testing/snapshot-cli.ts');
  const missing = chainMissing();
  if (missing) throw new Error(missing);
  const pre = Math.max(1, Math.floor(days / 2));
  const start = new Date(Date.parse('2025-02-13T00:00:00Z') - pre * 86_400_000).toISOString().slice(0, 10);
  process.stdout.write(`preview:synthetic: starting the test node (chopsticks, spec 103)…\n`);
  const node = await startNode(SPEC_103, ['--allow-unresolved-imports']);
  const dev = await Dev.connect(node.url);
  try {
    process.stdout.write(`preview:synthetic: seeding ${days} days from ${start} (runtime upgrade to 218 at dTAO)…\n`);
    await buildHistory(dev, start, pre, days - pre);
    process.stdout.write(`preview:synthetic: snapshot into ${out}…\n`);
    const r = await runCli(['--endpoint', node.url, '--genesis', 'any', '--out', out]);
    if (r.code !== 0) throw new Error(`snapshot failed (${r.code}):\n${r.stderr.slice(-2000)}`);
  } finally {
    await dev.close();
    await node.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '10' },
      port: { type: 'string', default: '4322' },
      keep: { type: 'boolean', default: false },
    },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 2)
    throw new Error(`--days: expected a whole number ≥ 2, received ${values.days}`);
  const data = mkdtempSync(path.join(tmpdir(), 'taoproof-synthetic-data-'));
  let project: string | undefined;
  const cleanup = () => {
    if (values.keep) return void process.stdout.write(`preview:synthetic: kept ${data} and ${project ?? ''}\n`);
    rmSync(data, { recursive: true, force: true });
    if (project) removeProject(project);
  };
  try {
    await synthesize(data, days);
    project = scratchProject(data);
    process.stdout.write(`preview:synthetic: building ${project} (public/data of ${ROOT} untouched)…\n`);
    buildScratch(project);
  } catch (e) {
    cleanup();
    throw e;
  }
  process.stdout.write(`preview:synthetic: every page is bannered “SYNTHETIC test data”. Ctrl-C stops the preview.\n`);
  const preview = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--port', String(values.port)],
    {
      cwd: project,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  const stop = () => preview.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((resolve) => preview.once('exit', resolve));
  cleanup();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((e) => {
    process.stderr.write(`preview:synthetic: error: ${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  });
