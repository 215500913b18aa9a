/**
 * The data as they stood on a date: what a reader could have checked then. Used to set a claim's verdict at the
 * article's date beside its verdict on the latest data (the claim pages, /claims/<id>/).
 */
import type { ReportData, Snapshot } from '../model/schema.ts';

/**
 * The snapshot cut at the end of `date` (UTC): the daily series up to that day; for chain data the head becomes the
 * last point read on or before it, and the values read only at the real head (`current`, `subnets`, `governance`) are
 * kept only when their block is at or before that point. Cited values carry no block and are kept. Pure.
 */
export function snapshotAt(snapshot: Snapshot, date: string): Snapshot {
  const series = snapshot.series.filter((p) => p.date <= date);
  if (!snapshot.head) return { ...snapshot, series };
  const last = series.findLast((p) => p.block !== null && p.hash !== null);
  const limit = last?.block ?? -1;
  const head =
    snapshot.head.number <= limit
      ? snapshot.head
      : last && last.block !== null && last.hash !== null
        ? {
            number: last.block,
            hash: last.hash,
            timestamp: `${last.date}T00:00:00.000Z`,
            specVersion: last.specVersion ?? 0,
          }
        : null;
  const current = Object.fromEntries(
    Object.entries(snapshot.current).filter(([, q]) => q.source.kind === 'cited' || q.source.block <= limit),
  );
  return {
    ...snapshot,
    head,
    series,
    current,
    subnets: snapshot.subnets && snapshot.subnets.block <= limit ? snapshot.subnets : null,
    governance: snapshot.governance && snapshot.governance.block <= limit ? snapshot.governance : null,
  };
}

/** The report's data as of `date`: the snapshot cut there (`snapshotAt`), the cited figures unchanged. */
export function dataAt(data: ReportData, date: string): ReportData {
  return { ...data, snapshot: snapshotAt(data.snapshot, date) };
}
