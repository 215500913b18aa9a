/**
 * The automatic entries of public/data/verdicts.json on the built site: a scratch copy of the project gets a
 * verdicts.json written by `npm run verdicts` from two chain-marked fixture snapshots whose verdicts differ, and is
 * built (the build shared with other test files, tests/helpers/contributed-build.ts); /corrections/ lists the
 * automatic entries with the hand-written ones, and a claim links its newest one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorrections, parseVerdictHistory } from '../../src/data/corrections.ts';
import type { VerdictHistory } from '../../src/model/corrections.ts';
import { contributedBuild } from '../helpers/contributed-build.ts';

let project: string;
let history: VerdictHistory;
let output: string;

beforeAll(async () => {
  const built = await contributedBuild();
  if (built.status !== 0) throw new Error(built.output.slice(-2000));
  const file = built.verdictsFile;
  history = parseVerdictHistory(JSON.parse(readFileSync(file, 'utf8')), file);
  project = built.project;
  output = built.output;
});

const page = (path: string) => parseHTML(readFileSync(join(project, 'dist', path), 'utf8')).document;

describe('automatic entries on the built site', () => {
  test('/corrections/ lists each automatic entry, labelled, with its block, beside the hand-written ones', () => {
    expect(history.changes.length).toBeGreaterThan(0);
    const doc = page('corrections/index.html');
    const rows = [...doc.querySelectorAll('table tbody tr')];
    const automatic = rows.filter((r) => r.hasAttribute('data-automatic'));
    expect(automatic).toHaveLength(history.changes.length);
    const handWritten = loadCorrections().filter((e) => e.kind === 'verdict');
    expect(rows.length - automatic.length).toBe(handWritten.length);
    for (const e of history.changes) {
      const row = doc.getElementById(`correction-${e.claim}-${e.date}-block-${e.block}`);
      expect(row, e.claim).not.toBeNull();
      expect(row?.hasAttribute('data-automatic')).toBe(true);
      const cells = [...row!.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
      expect(cells.slice(0, 4)).toEqual([e.date, e.claim, e.old, e.new]);
      expect(cells[4]).toMatch(/^automatic: nightly data /);
      expect(cells[4]).toContain(`(block ${e.block.toLocaleString('en-US')})`);
      expect(row?.querySelector(`a[href$="claims/${e.claim}/"]`)).not.toBeNull(); // the claim's page
    }
    // newest first: the hand-written entries of 2026 come before the automatic ones dated 2025
    const dates = rows.map((r) => r.querySelector('td')?.textContent ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(doc.querySelector('a[href$="data/verdicts.json"]')).not.toBeNull();
    expect(output).toContain('data: No chain data yet: figures cited from publications');
  });

  test('a claim links its newest entry: the automatic one when it has no later hand-written entry', () => {
    const doc = page('essays/root-exodus/index.html');
    const handClaims = new Set(loadCorrections().map((e) => e.claim));
    // each claim's newest automatic entry (the log is oldest first): the first chain data's, or a later night's
    const newest = new Map(history.changes.filter((e) => !handClaims.has(e.claim)).map((e) => [e.claim, e]));
    expect(newest.size).toBeGreaterThan(0);
    for (const e of newest.values()) {
      const link = doc.querySelector(`#claim-${e.claim} a.corrected`);
      if (!link) continue; // a claim of another essay
      expect(link.textContent).toBe(`verdict changed ${e.date}`);
      expect(link.getAttribute('href')).toMatch(
        new RegExp(`/corrections/#correction-${e.claim}-${e.date}-block-${e.block}$`),
      );
    }
    expect(doc.querySelector('#claim-C29 a.corrected')).not.toBeNull();
    // C30's newest hand-written entry (2026-11-27 or later) is newer than its automatic one (2025-04-21)
    const c30 = loadCorrections()
      .filter((e) => e.claim === 'C30')
      .map((e) => e.date)
      .sort()
      .at(-1);
    expect(c30 && c30 >= '2026-11-27').toBe(true);
    expect(doc.querySelector('#claim-C30 a.corrected')?.getAttribute('href')).toMatch(
      new RegExp(`#correction-C30-${c30}$`),
    );
  });
});
