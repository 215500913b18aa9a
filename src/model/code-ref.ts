/**
 * A place in the subtensor code that the report read (a migration, a runtime's spec bump, an emission function): the
 * repository, the ref (a tag or a commit), the path and a link. The series breaks (./breaks.ts) and the runtime notes
 * (./runtime-changes.ts) name theirs as `code`, not `source` (the word the data files keep for a value's provenance).
 */
export const SUBTENSOR_REPO = 'opentensor/subtensor' as const;

export interface SubtensorCode {
  repo: typeof SUBTENSOR_REPO;
  /** a tag or a full commit hash */
  ref: string;
  path: string;
  url: string;
}

/** The code at `ref`, `path`, with its GitHub link. */
export function subtensorCode(ref: string, path: string): SubtensorCode {
  return { repo: SUBTENSOR_REPO, ref, path, url: `https://github.com/${SUBTENSOR_REPO}/blob/${ref}/${path}` };
}
