/** The root-dividend caveat is written once (src/model/breaks.ts), from its break row, and the verdicts read it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT_DIVS_BREAK, rootDivsCaveat, SERIES_BREAKS } from '../../src/model/breaks.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('the root-dividend caveat', () => {
  test('is built from its break row: the spec and date of the fix', () => {
    const row = SERIES_BREAKS.find((b) => b.id === ROOT_DIVS_BREAK)!;
    expect(row.spec).toBe(283);
    expect(rootDivsCaveat('SubnetTAO[0]')).toBe(
      'From dTAO until spec 283 (about 30 June 2025) SubnetTAO[0] left out the root dividends credited to stakers',
    );
    expect(rootDivsCaveat('TotalStake')).toContain(' TotalStake left out the root dividends');
  });

  test('no other file of src/ writes it again', () => {
    const again = files(join(ROOT, 'src'))
      .filter((f) => !f.endsWith('src/model/breaks.ts'))
      .filter((f) => /left out the root dividends credited to stakers/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(again).toEqual([]);
  });
});
