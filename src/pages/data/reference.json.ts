/** /data/reference.json: the cited figures and events of content/reference.yaml, for the live charts. */
import type { APIRoute } from 'astro';
import { siteData } from '../../site/data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(siteData().reference));
