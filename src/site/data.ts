/** Build-time access to the validated data, read once per build. */
import type { ReportData } from '../data/schema.ts';
import { loadReferenceYaml, loadSnapshot, loadStatus } from '../data/load.ts';
import { staleDays, type SnapshotStatus } from '../data/status.ts';

let cached: ReportData | undefined;

export function siteData(): ReportData {
  cached ??= { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
  return cached;
}

/** A path under the site's base, e.g. url('data/snapshot.json'). */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

let status: SnapshotStatus | null | undefined;

/** What readers are told about freshness: null when the last nightly snapshot succeeded (or none ran). */
export function staleness(now = new Date()): string | null {
  if (status === undefined) status = loadStatus();
  if (!status?.error) return null;
  const days = staleDays(status, now);
  const age = days === null ? 'no snapshot has succeeded yet' : `the data is from a snapshot ${Math.floor(days)} day${Math.floor(days) === 1 ? '' : 's'} old`;
  return `The last chain snapshot (${status.lastAttempt.slice(0, 10)}) failed: ${status.error}. ${age[0].toUpperCase()}${age.slice(1)}.`;
}
