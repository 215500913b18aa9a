/**
 * One vocabulary for where a value comes from, from which every provenance type of the report is built: the kind of
 * a data file (`SnapshotKind`, src/model/schema.ts), who a cited value is from (`CitedSource.by`), and the origin of a
 * plotted row (`Origin`, src/charts/types.ts). Free of zod, so the charts in the browser can import it.
 *
 * - `chain`: read from Finney at a block (block + hash + storage item);
 * - `synthetic`: read the same way from a test node, never published;
 * - `cited`: taken from a publication, with a citation: `by: 'article'` for the critique's own figures,
 *   `by: 'publication'` for any other (a report, an indexer, the subtensor code);
 * - `computed`: derived by a formula from values of the kinds above (`Computed`, src/metrics/provenance.ts).
 */

/** How a data file's values were obtained (its `kind`). */
export const SNAPSHOT_KINDS = ['chain', 'cited', 'synthetic'] as const;
export type SnapshotKindName = (typeof SNAPSHOT_KINDS)[number];

/** Who a cited value is from. */
export const CITED_BY = ['article', 'publication'] as const;
export type CitedBy = (typeof CITED_BY)[number];

/**
 * The origin of a plotted number, one word a row: read (`chain` or `synthetic`, after the file it came from), cited
 * (who by: `article` or `publication`), or `computed`.
 */
export const ORIGINS = ['chain', 'synthetic', ...CITED_BY, 'computed'] as const;
export type Origin = (typeof ORIGINS)[number];

/** A read value's origin is the kind of its file (chain or synthetic; a cited file reads nothing); a cited one's, who by. */
export function originOf(source: { kind: 'chain' } | { kind: 'cited'; by: CitedBy }, file: SnapshotKindName): Origin {
  return source.kind === 'cited' ? source.by : file === 'synthetic' ? 'synthetic' : 'chain';
}
