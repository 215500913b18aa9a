/**
 * Schemas of the report's content: essay frontmatter, the article's paragraphs, the claims register, the
 * bibliography and the glossary. One schema each, used by the Astro collections (src/content.config.ts), by the
 * build's up-front check (src/checks/check.ts) and by the tests.
 */
import { z } from 'zod';
import { ClaimId, EssaySlug, IsoDate, KebabId, ParagraphId, BibEntryId } from './ids.ts';
import { WebUrl } from './schema.ts';

/** Frontmatter of `content/essays/*.mdx`. */
export const EssayFrontmatter = z
  .object({
    /** English title, shown as the page heading */
    title: z.string().min(1),
    /** the argument's short name, as the report refers to it (the home page's findings); default: the title */
    topic: z.string().min(1).max(40).optional(),
    /** one or two sentences for the home page, feeds and link previews */
    summary: z.string().min(1).max(300),
    /** the title in the article's language (Japanese), shown with lang="ja" */
    originalTitle: z.string().min(1),
    /** position in the report's reading order, 1 first */
    order: z.number().int().positive(),
    /** ids of the claims this essay examines, e.g. [C06, C09] */
    claims: z.array(ClaimId).default([]),
    /** who wrote the essay */
    authors: z.array(z.string().min(1)).min(1),
    /** last substantive change, YYYY-MM-DD */
    updated: IsoDate,
    /** leave out of listings and feeds while a draft */
    draft: z.boolean().default(false),
    /** the claim whose verdict decides the essay's argument, shown on the home page's bottom line; one of `claims` */
    decidingClaim: ClaimId.optional(),
  })
  .strict()
  .refine((fm) => fm.decidingClaim === undefined || fm.claims.includes(fm.decidingClaim), {
    path: ['decidingClaim'],
    error: 'expected one of the ids listed in claims',
  });
export type EssayFrontmatter = z.infer<typeof EssayFrontmatter>;

const TranslatorNote = z.object({
  /** the Japanese as it stands in the line */
  term: z.string().min(1),
  /** the Chinese the machine translation garbled, when known */
  zh: z.string().nullish(),
  note: z.string().min(1),
});

/** One line of the source article: its Japanese, its English, and where the report discusses it. */
export const Paragraph = z.object({
  id: ParagraphId,
  kind: z.enum(['text', 'list-item', 'placeholder', 'byline']),
  essay: EssaySlug,
  ja: z.string().min(1),
  en: z.string().min(1),
  /**
   * claims this line belongs to. In the YAML, only claims made on an earlier line that this one continues; the
   * collection adds each claim's own line (its `paragraph` in content/claims.yaml) with `linkClaims`.
   */
  claims: z.array(ClaimId).default([]),
  notes: z.array(TranslatorNote).default([]),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** Paragraphs as parsed YAML, each with the claims made on it (from content/claims.yaml) added to its `claims`. */
export function linkClaims(paragraphs: unknown, claims: unknown): unknown {
  if (!Array.isArray(paragraphs) || !Array.isArray(claims)) return paragraphs;
  const own = new Map<unknown, string[]>();
  for (const c of claims as Array<{ id?: unknown; paragraph?: unknown }>)
    if (typeof c?.id === 'string') own.set(c.paragraph, [...(own.get(c.paragraph) ?? []), c.id]);
  return paragraphs.map((p: { id?: unknown; claims?: unknown }) => {
    const listed = Array.isArray(p?.claims) ? (p.claims as string[]) : [];
    return { ...p, claims: [...new Set([...(own.get(p?.id) ?? []), ...listed])].sort() };
  });
}

/** An entry of the claims register. Its verdict function, if any, is the export named for its id in src/claims/verdicts/<essay>.ts. */
export const Claim = z.object({
  id: ClaimId,
  type: z.enum(['figure', 'fact', 'inference', 'opinion']),
  paragraph: ParagraphId,
  essay: EssaySlug,
  /** exact Japanese quote, a substring of the paragraph's text */
  ja: z.string().min(1),
  en: z.string().min(1),
  summary: z.string().min(1).max(90),
  check: z.string().min(1),
  assessment: z.string().min(1),
  sources: z.array(BibEntryId).default([]),
});
export type Claim = z.infer<typeof Claim>;

export const BibEntry = z.object({
  id: BibEntryId,
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: WebUrl,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}){0,2}$/)
    .nullable(),
  used_for: z.string().min(1),
});
export type BibEntry = z.infer<typeof BibEntry>;
/** content/sources.yaml: the bibliography, in the file's order. */
export const BibEntries = z.array(BibEntry);

export const GlossaryEntry = z.object({
  term: z.string().min(1),
  ja: z.string().nullish(),
  ja_variants: z.array(z.string()).optional(),
  zh: z.string().nullish(),
  definition: z.string().min(1),
  inferred: z.boolean().default(false),
  sources: z.array(BibEntryId).default([]),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** Stable anchor for a glossary term. */
export const termId = (term: string) =>
  `term-${[...term.normalize('NFKC')]
    .map((c) => (/[\p{L}\p{N}]/u.test(c) ? c.toLowerCase() : '-'))
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** One of the article's derived figures (content/arithmetic.yaml), recomputed by src/metrics/arithmetic.ts. */
export const ArithmeticEntry = z.object({
  id: KebabId,
  claim: ClaimId,
  label: z.string().min(1),
  expression: z.string().min(1),
  /** ids of figures in content/reference.yaml */
  inputs: z.array(z.string()).min(1),
  stated: z.string().min(1),
  note: z.string().min(1),
});
export type ArithmeticEntry = z.infer<typeof ArithmeticEntry>;
