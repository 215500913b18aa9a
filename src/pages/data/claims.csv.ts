/** /data/claims.csv: the records of /data/claims.json, one row per claim (columns CLAIM_CSV_COLUMNS). */
import type { APIRoute } from 'astro';
import { claimsCsv } from '../../site/claim-record.ts';
import { claimRecords } from '../../site/claim-records.ts';

export const GET: APIRoute = async ({ site }) => new Response(claimsCsv(await claimRecords(site)));
