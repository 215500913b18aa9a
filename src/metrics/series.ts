/** Reading the daily series: one field as exact amounts with provenance, and the value nearest a date. */
import type { SeriesField, SeriesPoint, Snapshot, Source } from '../data/schema.ts';
import { pointSource } from './provenance.ts';

export interface Observation {
  date: string;
  block: number | null;
  /** exact value (RAO for amounts, the raw integer for counts and fractions) */
  value: bigint;
  source: Source;
}

function toObservation(p: SeriesPoint, field: SeriesField): Observation | null {
  const v = p.values[field];
  if (v === null || v === undefined || !/^-?\d+$/.test(v)) return null;
  return { date: p.date, block: p.block, value: BigInt(v), source: pointSource(p, field) };
}

/** All points where `field` was present (absent and unknown values are skipped, never read as zero). */
export function observations(snapshot: Snapshot, field: SeriesField): Observation[] {
  return snapshot.series.flatMap((p) => toObservation(p, field) ?? []);
}

/** The first observation on or after `date`, within `maxDays` days; null when there is none. */
export function observationAt(snapshot: Snapshot, field: SeriesField, date: string, maxDays = 7): Observation | null {
  const limit = addDays(date, maxDays);
  for (const p of snapshot.series) {
    if (p.date < date) continue;
    if (p.date > limit) return null;
    const o = toObservation(p, field);
    if (o) return o;
  }
  return null;
}

/** Paired observations of two fields on the same day. */
export function pairs(snapshot: Snapshot, a: SeriesField, b: SeriesField): Array<{ date: string; a: Observation; b: Observation }> {
  return snapshot.series.flatMap((p) => {
    const oa = toObservation(p, a);
    const ob = toObservation(p, b);
    return oa && ob ? [{ date: p.date, a: oa, b: ob }] : [];
  });
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
