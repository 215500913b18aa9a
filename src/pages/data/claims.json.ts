/** /data/claims.json: one record per claim (src/site/claim-record.ts), with version, rating scale and licence. */
import type { APIRoute } from 'astro';
import { claimsDataset } from '../../site/claim-records.ts';

export const GET: APIRoute = async ({ site }) => new Response(JSON.stringify(await claimsDataset(site), null, 1));
