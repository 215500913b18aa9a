/** Plain renderings of chart rows: table cells and CSV. The CSV holds exactly the rows the chart plots. */
import { csvFormat } from 'd3-dsv';
import type { AnyColumn } from './types.ts';

export function formatCell(v: unknown, c: AnyColumn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (c.format === 'count' || c.key === 'block') return v.toLocaleString('en-US');
    return Math.abs(v) < 10
      ? String(Number(v.toPrecision(6)))
      : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
  }
  return String(v);
}

/** A cell a spreadsheet would run as a formula (OWASP CSV injection): starts with =, +, -, @, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number written as text (an amount in RAO, a signed change): data, not a formula. */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV cell that cannot run as a formula: text starting with =, +, -, @, tab or carriage return gets a leading `'`
 * (the OWASP rule; e.g. a subnet named `=HYPERLINK(...)` on chain). Numbers, and decimal numbers as text, stay as
 * they are.
 */
export function csvCell(v: unknown): unknown {
  return typeof v === 'string' && FORMULA_START.test(v) && !NUMBER_TEXT.test(v) ? `'${v}` : v;
}

export function rowsToCsv(rows: Record<string, unknown>[], columns: AnyColumn[]): string {
  const keys = columns.map((c) => c.key);
  const extra = rows.length ? Object.keys(rows[0]).filter((k) => !keys.includes(k)) : [];
  const safe = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvCell(v)])));
  return csvFormat(safe, [...keys, ...extra]);
}
