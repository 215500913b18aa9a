/** Reading the daily series: one field as exact amounts with provenance, and the value nearest a date. */
import type { SeriesField, SeriesPoint, Snapshot, Source } from '../model/schema.ts';
import { pointSource, type Computed } from './provenance.ts';
import { breaksCrossed, type SeriesBreak, type SeriesMoment } from '../model/breaks.ts';
import { formulaOf } from '../model/metrics.ts';

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
export function pairs(
  snapshot: Snapshot,
  a: SeriesField,
  b: SeriesField,
): Array<{ date: string; a: Observation; b: Observation }> {
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

/** Observations read from the chain (or a synthetic node): none in a `reference` snapshot, whose points are cited figures. */
export function measuredObservations(snapshot: Snapshot, field: SeriesField): Observation[] {
  if (snapshot.kind === 'cited') return [];
  return observations(snapshot, field).filter((o) => o.source.kind === 'chain');
}

/** The first chain observation of `field` on or after `date` (within `maxDays`); null in a cited-figures build. */
export function measuredAt(snapshot: Snapshot, field: SeriesField, date: string, maxDays = 7): Observation | null {
  if (snapshot.kind === 'cited') return null;
  const o = observationAt(snapshot, field, date, maxDays);
  return o && o.source.kind === 'chain' ? o : null;
}

/** A sample of a field that keeps absence: `value: null` means the item was not in that block's runtime. */
export interface Sample {
  date: string;
  block: number | null;
  value: bigint | null;
  source: Source;
}

/** Every chain point that recorded `field`, present (a value) or absent (null); points that did not read it are skipped. */
export function samples(snapshot: Snapshot, field: SeriesField): Sample[] {
  if (snapshot.kind === 'cited') return [];
  return snapshot.series.flatMap((p) => {
    const v = p.values[field];
    if (v === undefined || p.block === null || (v !== null && !/^-?\d+$/.test(v))) return [];
    return [{ date: p.date, block: p.block, value: v === null ? null : BigInt(v), source: pointSource(p, field) }];
  });
}

/** The first sample on or after `date` within `maxDays`, present or absent; null when the snapshot has none. */
export function sampleAt(snapshot: Snapshot, field: SeriesField, date: string, maxDays = 7): Sample | null {
  const limit = addDays(date, maxDays);
  return samples(snapshot, field).find((s) => s.date >= date && s.date <= limit) ?? null;
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface Change {
  before: Observation;
  after: Observation;
  /** after − before, exact */
  delta: bigint;
  /** the chain's own breaks in this series between the two reads (src/model/breaks.ts): part of the delta may be theirs */
  breaks: SeriesBreak[];
}

/** How a measured field changed between two dates (each read on or just after its date); null without both reads. */
export function changeBetween(
  snapshot: Snapshot,
  field: SeriesField,
  from: string,
  to: string,
): Computed<Change> | null {
  const before = measuredAt(snapshot, field, from);
  const after = measuredAt(snapshot, field, to);
  if (!before || !after || after.date <= before.date) return null;
  const item = before.source.kind === 'chain' ? before.source.item : field;
  return {
    value: {
      before,
      after,
      delta: after.value - before.value,
      breaks: breaksCrossed(field, momentOf(snapshot, before), momentOf(snapshot, after)),
    },
    formula: formulaOf('series-change', {
      'storage item': item,
      'later block': String(after.block),
      'earlier block': String(before.block),
    }),
    inputs: [before.source, after.source],
  };
}

/** The date and runtime spec of the point an observation was read from. */
function momentOf(snapshot: Snapshot, o: Observation): SeriesMoment {
  const p = snapshot.series.find((x) => x.date === o.date && x.block === o.block);
  return { date: o.date, specVersion: p?.specVersion ?? null };
}

export interface SpecReading {
  date: string;
  block: number;
  specVersion: number;
  source: Source;
}

/** The runtime spec version read with the first chain point on or after `date` (within `maxDays`); null without one. */
export function specAt(snapshot: Snapshot, date: string, maxDays = 7): SpecReading | null {
  if (snapshot.kind === 'cited') return null;
  const limit = addDays(date, maxDays);
  const p = snapshot.series.find(
    (x) => x.date >= date && x.date <= limit && x.block !== null && x.hash !== null && x.specVersion !== null,
  );
  if (!p || p.block === null || p.hash === null || p.specVersion === null) return null;
  return {
    date: p.date,
    block: p.block,
    specVersion: p.specVersion,
    source: { kind: 'chain', block: p.block, hash: p.hash, item: 'System.LastRuntimeUpgrade (spec_version)' },
  };
}
