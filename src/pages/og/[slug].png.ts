/** /og/<essay>.png: the link-preview image of each essay (and /og/index.png for the home page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { asOf } from '../../metrics/provenance.ts';
import { essays } from '../../site/essays.ts';
import { siteData } from '../../site/data.ts';
import { KIND_LABEL } from '../../site/kind.ts';
import { ogPng } from '../../site/og.ts';

export const getStaticPaths = (async () => [
  {
    params: { slug: 'index' },
    props: {
      title: 'Is Bittensor a scam? Checking a critique against the chain',
      summary: 'Every line of @0xLogicrw’s critique translated, every claim checked against the Bittensor chain.',
    },
  },
  ...(await essays()).map((e) => ({ params: { slug: e.id }, props: { title: e.data.title, summary: e.data.summary } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { snapshot } = siteData();
  const png = await ogPng(props.title, props.summary, `${KIND_LABEL[snapshot.kind].short} · as of ${asOf(snapshot)}`);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
