/**
 * The id primitives of the report, each declared once: its pattern (a RegExp, for code that tests a string; in
 * ./id-patterns.ts, free of zod so the browser can import it), its zod schema (for the files' schemas, with the error a reader is shown) and its TypeScript type. Every schema and check
 * that names a claim, a paragraph, a date, a block or a key imports it from here.
 */
import { z } from 'zod';
import { CLAIM_ID, ESSAY_SLUG, HASH32, ISO_DATE, KEBAB_ID, PARAGRAPH_ID, SS58 } from './id-patterns.ts';

export * from './id-patterns.ts';

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
export const BibEntryId = z.string().regex(KEBAB_ID, { error: 'expected a kebab-case source id' });
