/**
 * The in-browser proof check (issue 15, item 5) on a scratch build whose head block has a proof file in the
 * snapshot's format (tests/verify/fixture.ts: values encoded by @polkadot/types, trie by chopsticks, header by
 * @polkadot/types; the snapshot's head hash is that header's hash). On the data page: "Verify" verifies a current
 * value against the proof file; the same file served tampered (a trie node, the header) shows exactly what failed;
 * the verifier loads only on the click; asking a node for the block hash says whether it matches; without
 * JavaScript the proof link stays and no button shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Snapshot } from '../../src/model/schema.ts';
import { serve, type Served } from '../../testing/serve.ts';
import { fileBrowser } from '../helpers/live-site.ts';
import { syntheticBuild } from '../helpers/synthetic-build.ts';
import { proofFixture, type ProofFile } from '../verify/fixture.ts';

const chromium = fileBrowser();
let browser: Browser;
let site: Served;
let dist: string;
let proof: ProofFile;
let snapshot: Snapshot;

beforeAll(async () => {
  // the run's synthetic build: its head block's proof file beside the data (public/data/proofs/<block>.json)
  ({ snapshot, proof, dist } = await syntheticBuild());
  site = await serve(dist);
  browser = chromium.browser;
}, 600_000);

afterAll(async () => {
  await site?.close();
});

const PROOF_PATH = () => `/data/proofs/${proof.block}.json`;

/** The data page's control for `item`, clicked; the text of its status line once it has a result. */
async function verify(page: Page, item: string): Promise<{ result: string; text: string }> {
  const box = page.locator(`.verify[data-verify-item="${item}"]`).first();
  await box.locator('.verify-button').click();
  const status = box.locator('.verify-status').first();
  await status.and(page.locator('[data-result]')).waitFor({ timeout: 20_000 });
  return { result: (await status.getAttribute('data-result'))!, text: (await status.textContent())! };
}

describe('Verify on the data page', { timeout: 60_000 }, () => {
  test('verifies a current value in the state of its block, loading the verifier only on the click', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/data/`);
    const box = page.locator('.verify[data-verify-item="SubtensorModule.TotalIssuance"]');
    await expect(box.locator('.verify-button').isVisible()).resolves.toBe(true);
    const before = new Set(requests);
    const { result, text } = await verify(page, 'SubtensorModule.TotalIssuance');
    const issued = snapshot.current.totalIssuance!.value!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(text).toBe(
      `verified: SubtensorModule.TotalIssuance = ${issued} in the state of block ${proof.block.toLocaleString('en-US')} (hash ${proof.hash}).`,
    );
    expect(result).toBe('verified');
    // what the click loaded: the proof file and the verifier's chunk(s), none of them before
    const loaded = requests.filter((r) => !before.has(r));
    expect(loaded).toContain(PROOF_PATH());
    const chunks = loaded.filter((r) => r.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    const gz = chunks.reduce((n, c) => n + gzipSync(readFileSync(path.join(dist, c))).length, 0);
    console.log(`verifier chunks loaded on click: ${chunks.join(', ')}: ${(gz / 1024).toFixed(1)} KB gzipped`);
    expect(gz).toBeLessThan(20 * 1024);
    // the sum and the u16 value verify too
    expect((await verify(page, 'SubtensorModule.SubnetOwnerCut')).result).toBe('verified');
    expect((await verify(page, 'SubtensorModule.SubnetTAO[0]')).result).toBe('verified');
    await page.close();
  });

  const tamperings: Array<[string, (f: ProofFile) => void, RegExp]> = [
    [
      'a trie node',
      (f) => (f.nodes[0] = f.nodes[0].slice(0, -2) + (f.nodes[0].endsWith('00') ? '01' : '00')),
      /^failed: data\/proofs\/\d+\.json: values\[\d+\] \(SubtensorModule\.\w+(\[\d+\])?\): the proof does not reach the key: the (root|trie|value) node 0x[0-9a-f]{64} is not in the proof$/,
    ],
    [
      'the header',
      (f) => (f.header = f.header.slice(0, 4) + (f.header.slice(4, 6) === 'ff' ? '00' : 'ff') + f.header.slice(6)),
      /^failed: data\/proofs\/\d+\.json: header: the header hashes to 0x[0-9a-f]{64}, not to the block hash 0x[0-9a-f]{64}$/,
    ],
  ];
  for (const [what, edit, message] of tamperings)
    test(`shows what failed for a proof file with a tampered ${what}`, async () => {
      const page = await browser.newPage();
      await page.route(`**${PROOF_PATH()}`, (route) => {
        const f = structuredClone(proof);
        edit(f);
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(f) });
      });
      await page.goto(`${site.url}/data/`);
      const { result, text } = await verify(page, 'SubtensorModule.TotalIssuance');
      expect(result).toBe('failed');
      expect(text).toMatch(message);
      await page.close();
    });

  test('a proof file of another state (another TotalIssuance) under the same block hash is refused', async () => {
    const page = await browser.newPage();
    const other = await proofFixture(proof.block, [
      { item: 'SubtensorModule.TotalIssuance', args: [], type: 'u64', value: 1n },
    ]);
    await page.route(`**${PROOF_PATH()}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...other, hash: proof.hash }) }),
    );
    await page.goto(`${site.url}/data/`);
    const { result, text } = await verify(page, 'SubtensorModule.TotalIssuance');
    expect(result).toBe('failed');
    expect(text).toMatch(
      /^failed: data\/proofs\/\d+\.json: header: the header hashes to 0x[0-9a-f]{64}, not to the block hash/,
    );
    await page.close();
  });

  test('asks a node the reader picks for the block hash, by keyboard, and says whether it matches', async () => {
    const page = await browser.newPage();
    const answers = [proof.hash, `0x${'ee'.repeat(32)}`];
    await page.route('https://node.example/**', (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, result: answers.shift() }),
      }),
    );
    await page.goto(`${site.url}/data/`);
    const box = page.locator('.verify[data-verify-item="SubtensorModule.TotalIssuance"]');
    await box.locator('.verify-button').focus();
    await page.keyboard.press('Enter');
    const ask = box.locator('.verify-ask');
    await ask.waitFor();
    const input = ask.locator('input');
    await expect(input.inputValue()).resolves.toBe('wss://entrypoint-finney.opentensor.ai:443');
    await expect(ask.textContent()).resolves.toMatch(/both run by the Opentensor Foundation/);
    await input.fill('https://node.example/rpc');
    const status = ask.locator('.verify-status');
    await ask.locator('button').click();
    await status.and(page.locator('[data-result]')).waitFor();
    await expect(status.textContent()).resolves.toBe(
      `matches: https://node.example/rpc (an operator you chose) gives block ${proof.block.toLocaleString('en-US')} the hash ${proof.hash}.`,
    );
    await ask.locator('button').click();
    await page.locator('.verify-ask .verify-status[data-result="failed"]').waitFor();
    await expect(status.textContent()).resolves.toMatch(
      /^differs: https:\/\/node\.example\/rpc .* the hash 0x(ee){32}, the site 0x/,
    );
    await page.close();
  });

  test('without JavaScript the provenance and the proof link stay, and no button shows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/data/`);
    const box = page.locator('.verify[data-verify-item="SubtensorModule.TotalIssuance"]');
    await expect(box.locator('.verify-button').isVisible()).resolves.toBe(false);
    await expect(box.locator('a.verify-proof').getAttribute('href')).resolves.toBe(PROOF_PATH());
    await context.close();
  });

  test('axe finds no violation once a value is verified and the node form shows, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // bypassCSP: axe is injected as an inline script, which the site's own policy refuses
      const page = await browser.newPage({ colorScheme, bypassCSP: true });
      await page.goto(`${site.url}/data/`);
      await verify(page, 'SubtensorModule.TotalIssuance');
      await page.locator('.verify-ask').waitFor();
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes[0].target}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await page.close();
    }
  });

  test('the page’s policy lets it ask any https:/wss: node; a page without the control keeps the narrow list', () => {
    const csp = (file: string) =>
      /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src ([^;"]*)/.exec(
        readFileSync(path.join(dist, file), 'utf8'),
      )?.[1];
    expect(csp('data/index.html')).toMatch(/ https: wss:$/);
    expect(csp('about/index.html')).not.toMatch(/https:(\s|$)/);
  });

  test('print hides the buttons', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/data/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page
      .locator('.verify-button')
      .evaluateAll((bs) => bs.filter((b) => getComputedStyle(b).display !== 'none').length);
    expect(shown).toBe(0);
    await page.close();
  });
});

describe('Verify the chain rows of a chart’s data table', { timeout: 60_000 }, () => {
  test('checks each row against its block’s proof, counts formula rows, and names a row whose value differs', async () => {
    const essays = readdirSync(path.join(dist, 'essays'));
    const slug = essays.find((e) =>
      readFileSync(path.join(dist, 'essays', e, 'index.html'), 'utf8').includes('data-verify-rows='),
    );
    expect(slug, 'an essay with a chart table holding chain rows').toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${site.url}/essays/${slug}/`);
    const box = page.locator('.verify-rows').first();
    const dataUrl = (await box.getAttribute('data-verify-rows'))!;
    // the chart's rows, served as rows at the head block (whose proof file the build holds)
    const issued = snapshot.current.totalIssuance!.value!;
    const row = (over: { date: string; series: string; item: string; value: number; unit?: string }) => ({
      origin: 'synthetic',
      block: proof.block,
      hash: proof.hash,
      unit: 'TAO',
      ...over,
    });
    const rows = [
      row({
        date: '2025-04-30',
        series: 'Issued',
        item: 'SubtensorModule.TotalIssuance',
        value: Number(BigInt(issued)) / 1e9,
      }),
      row({
        date: '2025-04-30',
        series: 'Root',
        item: 'SubtensorModule.SubnetTAO[0]',
        value: Number(BigInt(snapshot.current.rootStake!.value!)) / 1e9,
      }),
      row({
        date: '2025-04-30',
        series: 'Ratio',
        item: 'SubtensorModule.TotalStake / SubtensorModule.TotalIssuance',
        value: 0.8,
        unit: 'ratio',
      }),
    ];
    let served = rows;
    await page.route(`**${dataUrl}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ rows: served }) }),
    );
    await box
      .locator('xpath=ancestor::details')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await box.locator('.verify-button').click();
    const status = box.locator('.verify-status');
    await status.and(page.locator('[data-result]')).waitFor();
    await expect(status.textContent()).resolves.toBe(
      'verified: 2 of 2 chain rows verified in the state of their blocks (1 proof files); 1 rows computed from several items not checked here.',
    );
    served = [rows[0], { ...rows[1], value: rows[1].value + 1 }];
    await box.locator('.verify-button').click();
    await page.locator('.verify-rows .verify-status[data-result="failed"]').waitFor();
    await expect(status.textContent()).resolves.toMatch(
      /^failed: 1 of 2 chain rows verified .*\. 2025-04-30 Root: the table shows [\d.]+, the proof \d+ \(SubtensorModule\.SubnetTAO\[0\]\)\.$/,
    );
    await page.close();
  });
});

test('the verifier is its own chunk, not in any page’s up-front scripts', () => {
  const assets = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.js'));
  const holding = assets.filter((f) =>
    readFileSync(path.join(dist, '_astro', f), 'utf8').includes('the proof does not reach the key'),
  );
  expect(holding).toHaveLength(1);
});
