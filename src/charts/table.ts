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

export function rowsToCsv(rows: Record<string, unknown>[], columns: AnyColumn[]): string {
  const keys = columns.map((c) => c.key);
  const extra = rows.length ? Object.keys(rows[0]).filter((k) => !keys.includes(k)) : [];
  return csvFormat(rows, [...keys, ...extra]);
}
