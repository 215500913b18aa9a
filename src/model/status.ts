/**
 * `public/data/status.json`: the outcome of the last snapshot attempt, so the site can say how fresh its data
 * is when a nightly snapshot fails (the site is then built from the last good snapshot).
 */
import { z } from 'zod';
import { IsoDateTime } from './ids.ts';

export const STATUS_FILE = 'public/data/status.json';

export const SnapshotStatus = z
  .object({
    statusVersion: z.literal(1),
    /** when the last snapshot run started or failed */
    lastAttempt: IsoDateTime,
    /** when a snapshot was last written successfully; null if never */
    lastSuccess: IsoDateTime.nullable(),
    /** the one-line cause of the last failure; null when the last attempt succeeded */
    error: z.string().min(1).nullable(),
  })
  .strict();
export type SnapshotStatus = z.infer<typeof SnapshotStatus>;

/** Days between the last success and `now` (null when there was none). */
export function staleDays(status: SnapshotStatus, now = new Date()): number | null {
  return status.lastSuccess === null ? null : (now.getTime() - Date.parse(status.lastSuccess)) / 86_400_000;
}

/**
 * What readers are told about freshness, or null: when the last attempt succeeded, when none ran, or when the failure
 * is older than the snapshot the site is built from (`generatedAt`, its `source.generatedAt`): a newer snapshot, e.g. a
 * contributor's successful local run after a failed nightly one, supersedes that failure.
 */
export function staleNotice(status: SnapshotStatus | null, generatedAt: string, now = new Date()): string | null {
  if (!status?.error) return null;
  if (Date.parse(status.lastAttempt) < Date.parse(generatedAt)) return null;
  const days = staleDays(status, now);
  const whole = days === null ? null : Math.floor(days);
  const age =
    whole === null
      ? 'no snapshot has succeeded yet'
      : `the data is from a snapshot ${whole} day${whole === 1 ? '' : 's'} old`;
  return `The last chain snapshot (${status.lastAttempt.slice(0, 10)}) failed: ${status.error}. ${age[0].toUpperCase()}${age.slice(1)}.`;
}
