/**
 * The data-dir half of `npm run preview:synthetic` (no chain node needed): a snapshot in a scratch folder builds a
 * scratch copy of the site whose charts plot that snapshot, bannered as synthetic, while the project's own
 * public/data stays byte for byte as it was.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ROOT, scratchProject } from '../../testing/project.ts';
import { dtaoSnapshot } from '../fixtures/snapshots.ts';
import type { SharedBuild } from '../helpers/shared-build.ts';
import { syntheticBuild } from '../helpers/synthetic-build.ts';

const publicData = path.join(ROOT, 'public/data');

// the run's synthetic build (tests/helpers/synthetic-build.ts), which the browser's charts and Verify tests read too
let built: SharedBuild;
let dist: string;
beforeAll(async () => {
  built = await syntheticBuild();
  dist = built.dist;
}, 180_000);

test('the scratch build plots the scratch snapshot, marked synthetic', () => {
  const snapshot = dtaoSnapshot();
  const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
  expect(home).toContain('SYNTHETIC test data');
  const issuance = JSON.parse(readFileSync(path.join(dist, 'data/charts/issuance.json'), 'utf8'));
  const measured = issuance.rows.filter((r: { origin: string }) => r.origin === 'synthetic');
  expect(measured.map((r: { date: string; block: number }) => [r.date, r.block])).toEqual(
    snapshot.series.map((p) => [p.date, p.block]),
  );
  // the live charts fetch the same file
  expect(JSON.parse(readFileSync(path.join(dist, 'data/snapshot.json'), 'utf8')).kind).toBe('synthetic');
  // the chart says what it draws: the measured line, not the missing-reads message
  const essay = readFileSync(path.join(dist, 'essays/staking/index.html'), 'utf8');
  expect(essay).not.toContain('No chain reads in this build');
});

test('public/data of the project is untouched', () => {
  expect(Object.keys(built.publicData.before)).toContain('snapshot.json');
  expect(built.publicData.after).toEqual(built.publicData.before);
  expect(readFileSync(path.join(publicData, 'snapshot.json'), 'utf8')).not.toContain('"kind":"synthetic"');
});

test('a folder without a snapshot is refused with its path', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'taoproof-preview-empty-'));
  try {
    expect(() => scratchProject(empty)).toThrow(`${path.join(empty, 'snapshot.json')}: no snapshot to preview`);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
