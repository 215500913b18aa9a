/**
 * `public/data/status.json`: the outcome of the last snapshot attempt, so the site can say how fresh its data
 * is when a nightly snapshot fails (the site is then built from the last good snapshot).
 */
import { z } from 'zod';
import { IsoDateTime } from './schema.ts';

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
