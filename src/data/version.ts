/** Version of the data files' shape (kept free of zod so browser code can import it). */
export const SCHEMA_VERSION = 2;
