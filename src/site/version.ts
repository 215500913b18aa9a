/**
 * The version a page was built from: the site's commit (from git at build time, else GitHub Actions' GITHUB_SHA, else
 * unknown, said plainly), the data (its kind, and the head block and hash for chain data) and the build date. Every
 * page names it in the footer; the claim pages and About cite it (src/site/cite.ts). Read once per build.
 */
import { spawnSync } from 'node:child_process';
import type { Snapshot } from '../model/schema.ts';
import { asOf } from '../metrics/provenance.ts';

export interface SiteVersion {
  /** the full commit hash of the site's source, or null when neither git nor GITHUB_SHA knows it */
  commit: string | null;
  /** where the commit came from */
  commitFrom: 'git' | 'GITHUB_SHA' | null;
  /** the working tree had changes not in that commit (a local build) */
  dirty: boolean;
  /** the build's UTC date, YYYY-MM-DD */
  built: string;
  data: {
    kind: Snapshot['kind'];
    /** the head block of chain (or synthetic) data; null for cited figures, which have no block */
    block: number | null;
    hash: string | null;
    /** the data's as-of label, e.g. "block 5,029,000, 2025-04-17" or "cited figures up to 2025-12-14" */
    asOf: string;
  };
  /** the public repository's address (GitHub Actions), or null in a local build */
  repo: string | null;
}

const git = (args: string[], cwd: string): string | null => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** The repository's public address from GitHub Actions' environment, or null (a local build does not guess one). */
export function repoUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const server = env.GITHUB_SERVER_URL;
  const name = env.GITHUB_REPOSITORY;
  return server && name && /^[\w.-]+\/[\w.-]+$/.test(name) ? `${server.replace(/\/$/, '')}/${name}` : null;
}

/** The version of a build in `cwd` from `snapshot`; `now` and `env` for tests. */
export function readVersion(
  snapshot: Snapshot,
  {
    cwd = process.cwd(),
    now = new Date(),
    env = process.env,
  }: { cwd?: string; now?: Date; env?: NodeJS.ProcessEnv } = {},
): SiteVersion {
  const fromGit = git(['rev-parse', '--verify', 'HEAD'], cwd);
  const sha = env.GITHUB_SHA && /^[0-9a-f]{40}$/.test(env.GITHUB_SHA) ? env.GITHUB_SHA : null;
  const commit = fromGit && /^[0-9a-f]{40}$/.test(fromGit) ? fromGit : sha;
  return {
    commit,
    commitFrom: commit === null ? null : commit === fromGit ? 'git' : 'GITHUB_SHA',
    dirty: commit !== null && commit === fromGit && (git(['status', '--porcelain'], cwd) ?? '') !== '',
    built: now.toISOString().slice(0, 10),
    data: {
      kind: snapshot.kind,
      block: snapshot.head?.number ?? null,
      hash: snapshot.head?.hash ?? null,
      asOf: asOf(snapshot),
    },
    repo: repoUrl(env),
  };
}

/** The short commit shown to readers: 12 hex digits, or "unknown". */
export const shortCommit = (v: SiteVersion) => (v.commit ? v.commit.slice(0, 12) : 'unknown');

/** The data part of a version in words: "chain data at block 5,029,000 (0x12345678…abcd)" or "cited figures up to …, no chain block". */
export function dataLabel(v: SiteVersion): string {
  if (v.data.block === null || v.data.hash === null) return `${v.data.asOf}, no chain block`;
  return `${v.data.kind} data at block ${v.data.block.toLocaleString('en-US')} (${v.data.hash.slice(0, 10)}…${v.data.hash.slice(-4)})`;
}

/**
 * A link to a file of the repository at the build's commit (`#L<line>` when given), or null when the build knows
 * neither the repository's address nor the commit (a local build: the page then names the file and line as text).
 */
export function repoFileUrl(v: SiteVersion, file: string, line?: number): string | null {
  if (!v.repo || !v.commit) return null;
  return `${v.repo}/blob/${v.commit}/${file}${line ? `#L${line}` : ''}`;
}
