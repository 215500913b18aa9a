/** /data/charts/<id>.json and .csv: exactly the rows each chart plots, with their provenance columns. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS } from '../../../charts/index.ts';
import { rowsToCsv } from '../../../charts/table.ts';
import { siteData, url } from '../../../site/data.ts';
import { licenceField } from '../../../site/licence.ts';

export const getStaticPaths = (() =>
  Object.keys(CHARTS).flatMap((id) =>
    ['json', 'csv'].map((ext) => ({ params: { file: `${id}.${ext}` }, props: { id, ext } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const def = CHARTS[props.id];
  const data = siteData();
  const rows = def.rows(data);
  if (props.ext === 'csv') return new Response(rowsToCsv(rows, def.columns));
  const { snapshot } = data;
  return new Response(
    JSON.stringify(
      {
        id: def.id,
        title: def.title,
        kind: snapshot.kind,
        head: snapshot.head,
        licence: licenceField(new URL(url(''), site).href),
        columns: def.columns,
        rows,
      },
      null,
      1,
    ),
  );
};
