/**
 * The id patterns of the report, free of zod so browser code (src/client/search.ts) can import them without pulling
 * in the schemas; ./ids.ts builds the zod schemas and types from them. `*_BODY` is a pattern without anchors, for code
 * that matches an id inside a longer string (an anchor `claim-C07`).
 */

/** A claim of the article: `C` and two digits, `C07`. */
export const CLAIM_ID_BODY = String.raw`C\d{2}`;
/** A line of the article: `p` and two digits, `p07`. */
export const PARAGRAPH_ID_BODY = String.raw`p\d{2}`;
export const CLAIM_ID = new RegExp(`^${CLAIM_ID_BODY}$`);
export const PARAGRAPH_ID = new RegExp(`^${PARAGRAPH_ID_BODY}$`);
/** A day, `YYYY-MM-DD` (UTC). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A 32-byte hash as the chain prints it: `0x` and 64 lower-case hex digits. */
export const HASH32 = /^0x[0-9a-f]{64}$/;
/** An id in a content or data file (a source, a figure, an event): kebab-case. */
export const KEBAB_ID = /^[a-z0-9-]+$/;
/** An essay's slug: the name of its file in content/essays/, `root-exodus`. */
export const ESSAY_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A base58 SS58 address. */
export const SS58 = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/;
