/** Build-time access to the validated data, read once per build. */
import { loadCorrectionLog, type LoggedCorrection } from '../data/corrections.ts';
import { loadReplies } from '../data/replies.ts';
import type { Reply } from '../model/replies.ts';
import type { ReportData } from '../model/schema.ts';
import { loadReferenceYaml, loadSnapshot, loadStatus } from '../data/load.ts';
import { staleNotice, type SnapshotStatus } from '../model/status.ts';
import { readVersion, type SiteVersion } from './version.ts';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { BibEntries, type BibEntry } from '../model/content.ts';
import { parseOrThrow } from '../data/errors.ts';

const SOURCES_FILE = 'content/sources.yaml';

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

/**
 * Whether block `block` has a published proof file (public/data/proofs/<block>.json). Data read without proofs
 * (`--trust-node`, a test node's) have none: the page then offers no check it cannot back, and links no missing file.
 */
export function hasProof(block: number): boolean {
  return existsSync(`public/data/proofs/${block}.json`);
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

let version: SiteVersion | undefined;

/** This build's version (site commit, data block and hash, build date), read once per build. */
export function siteVersion(): SiteVersion {
  version ??= readVersion(siteData().snapshot);
  return version;
}

let replies: Reply[] | undefined;

/** The replies received (content/replies.yaml), read once per build. */
export function siteReplies(): Reply[] {
  replies ??= loadReplies();
  return replies;
}

let sources: BibEntry[] | undefined;

/** The bibliography (content/sources.yaml) in the file's order, which the content collection does not keep. */
export function siteBibliography(): BibEntry[] {
  sources ??= parseOrThrow(BibEntries, parseYaml(readFileSync(SOURCES_FILE, 'utf8')), SOURCES_FILE);
  return sources;
}
