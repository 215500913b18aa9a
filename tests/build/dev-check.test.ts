/** `npm run dev` runs the build's check again when a content file is saved, and says when it passes again. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeProject, ROOT, tempProject } from '../../testing/project.ts';

let dir: string;
beforeAll(() => {
  dir = tempProject();
});
afterAll(() => removeProject(dir));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('a YAML slip saved while `astro dev` runs is reported with its line, and its fix is acknowledged', async () => {
  const port = await freePort();
  const dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const exited = new Promise((resolve) => dev.once('exit', resolve));
  dev.on('error', (e) => (log += `\nspawn error: ${e.message}`));
  let log = '';
  dev.stdout.on('data', (b: Buffer) => (log += b.toString()));
  dev.stderr.on('data', (b: Buffer) => (log += b.toString()));
  const waitFor = async (re: RegExp, from: number) => {
    for (let i = 0; i < 600 && !re.test(log.slice(from)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log.slice(from), log.slice(-2000)).toMatch(re);
  };
  try {
    await waitFor(new RegExp(`localhost:${port}|127\\.0\\.0\\.1:${port}`), 0);
    const file = join(dir, 'content/claims.yaml');
    const good = readFileSync(file, 'utf8');
    let mark = log.length;
    writeFileSync(file, good.replace('  type: fact\n  paragraph: p02', '  type: fact\n paragraph: p02'));
    await waitFor(/content\/claims\.yaml:\d+:1: not valid YAML: Sequence item without - indicator/, mark);
    mark = log.length;
    writeFileSync(file, good);
    await waitFor(/check: no problems in data or content \(after content\/claims\.yaml\)/, mark);
  } finally {
    dev.kill();
    await exited; // the scratch folder is removed only once the server is gone
  }
}, 120_000);
