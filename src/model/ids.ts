/**
 * The id primitives of the report, each declared once: its pattern (a RegExp, for code that tests a string), its zod
 * schema (for the files' schemas, with the error a reader is shown) and its TypeScript type. Every schema and check
 * that names a claim, a paragraph, a date, a block or a key imports it from here.
 */
import { z } from 'zod';

/** A claim of the article: `C` and two digits, `C07`. */
export const CLAIM_ID = /^C\d{2}$/;
/** A line of the article: `p` and two digits, `p07`. */
export const PARAGRAPH_ID = /^p\d{2}$/;
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

export const ClaimId = z.string().regex(CLAIM_ID, { error: 'expected a claim id like C07' });
export type ClaimId = z.infer<typeof ClaimId>;
export const ParagraphId = z.string().regex(PARAGRAPH_ID, { error: 'expected a paragraph id like p07' });
export type ParagraphId = z.infer<typeof ParagraphId>;
export const EssaySlug = z.string().regex(ESSAY_SLUG, { error: 'expected an essay slug like root-exodus' });
export const IsoDate = z.string().regex(ISO_DATE, { error: 'expected a date YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDate>;
export const IsoDateTime = z.iso.datetime({ error: 'expected an ISO 8601 UTC timestamp' });
export const Hash32 = z.string().regex(HASH32, { error: 'expected 0x-prefixed 32-byte hex' });
export type Hash32 = z.infer<typeof Hash32>;
export const BlockNumber = z.number().int().nonnegative();
export type BlockNumber = z.infer<typeof BlockNumber>;
export const Ss58 = z.string().regex(SS58, { error: 'expected an SS58 address' });
export type Ss58 = z.infer<typeof Ss58>;
/** The id of a bibliography entry (content/sources.yaml) or of a cited figure or event. */
export const KebabId = z.string().regex(KEBAB_ID, { error: 'expected a kebab-case id' });
/** The id of an entry of content/sources.yaml, which a citation names. */
export const SourceId = z.string().regex(KEBAB_ID, { error: 'expected a kebab-case source id' });
