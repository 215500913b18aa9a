/** /data/claims.schema.json: the JSON Schema of /data/claims.json (src/site/schemas/claims.schema.json). */
import type { APIRoute } from 'astro';
import { claimsSchema } from '../../site/claim-records.ts';

export const GET: APIRoute = () => new Response(claimsSchema());
