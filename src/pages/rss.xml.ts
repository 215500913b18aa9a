/** RSS feed of the essays. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { essays } from '../site/essays.ts';

export const GET: APIRoute = async (context) =>
  rss({
    title: 'taoproof',
    description: 'A critique of Bittensor’s tokenomics, translated and checked claim by claim against the chain.',
    site: new URL(import.meta.env.BASE_URL, context.site),
    items: (await essays()).map((e) => ({
      title: e.data.title,
      description: e.data.summary,
      pubDate: new Date(`${e.data.updated}T00:00:00Z`),
      link: `essays/${e.id}/`,
    })),
  });
