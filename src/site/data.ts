/** Build-time access to the validated data, read once per build. */
import { loadCorrectionLog, type LoggedCorrection } from '../claims/corrections.ts';
import type { ReportData } from '../data/schema.ts';
import { loadReferenceYaml, loadSnapshot, loadStatus } from '../data/load.ts';
import { staleNotice, type SnapshotStatus } from '../data/status.ts';

let cached: ReportData | undefined;

export function siteData(): ReportData {
  cached ??= { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
  return cached;
}

let corrections: LoggedCorrection[] | undefined;

/** The corrections log (content/corrections.yaml, then public/data/verdicts.json), read once per build. */
export function siteCorrections(): LoggedCorrection[] {
  corrections ??= loadCorrectionLog();
  return corrections;
}

/** A path under the site's base, e.g. url('data/snapshot.json'). */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

let status: SnapshotStatus | null | undefined;

/**
 * What readers are told about freshness: null when the last nightly snapshot succeeded, none ran, or its failure is
 * older than the snapshot this build uses (see `staleNotice`).
 */
export function staleness(now = new Date()): string | null {
  if (status === undefined) status = loadStatus();
  return staleNotice(status, siteData().snapshot.source.generatedAt, now);
}
