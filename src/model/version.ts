/**
 * Version of the data files' shape (kept free of zod so browser code can import it). Bump it, with a migration in
 * ./migrate.ts, when a file of the old shape would no longer validate or would mean something else. Adding a series
 * to ./series.ts does not: a point's values and `current` only gain an optional key, and older points without it
 * read as "not read" (undefined), never as absent (null) or zero.
 */
export const SCHEMA_VERSION = 4;
