/**
 * TAO into subnet pools and TAO paid to root since dTAO: the article's 450k and 150k beside what daily chain
 * reads can give. Each chain bar is a net change or an estimate, labelled as such; no bar measures the 150k.
 */
import * as Plot from '@observablehq/plot';
import { formatCompact, formatTao, raoToTao } from '../metrics/amount.ts';
import { DTAO_DATE } from '../metrics/dates.ts';
import { issuanceChange, poolChange, sampledInjection } from '../metrics/pools.ts';
import type { Computed } from '../metrics/provenance.ts';
import { rootStakeChange } from '../metrics/root.ts';
import { measuredAt, measuredObservations, type Change } from '../metrics/series.ts';
import { rowSource, SOURCE_COLUMNS } from './source-columns.ts';
import { figureRow } from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef, type RowSource } from './types.ts';

export interface FlowRow extends RowSource {
  period: string;
  from: string;
  to: string;
  bar: string;
  value: number;
  unit: string;
}

const fmt = (v: number) => `${formatCompact(v)} TAO`;
const ARTICLE_IDS = { injected: 'article-pool-injection', root: 'article-root-autosell' } as const;
const BAR = {
  injected: 'Pools · article: injected since dTAO',
  issued: 'Pools · chain: Δ issued TAO',
  sampled: 'Pools · chain: injection reads × 7,200',
  pools: 'Pools · chain: Δ TAO in subnet pools',
  root: 'Root · article: paid by auto-sell',
  rootStake: 'Root · chain: Δ root stake',
};

function changeRow(period: string, bar: string, c: Computed<Change> | null, kind: ChartData['snapshot']['kind']): FlowRow[] {
  if (!c) return [];
  const { before, after, delta } = c.value;
  return [{ period, from: before.date, to: after.date, bar, value: raoToTao(delta), unit: 'TAO', ...rowSource(after.source, kind), item: c.formula }];
}

function chainRows(data: ChartData, period: string, to: string): FlowRow[] {
  const s = data.snapshot;
  const sampled = sampledInjection(s, to);
  const last = sampled?.inputs.at(-1);
  return [
    ...changeRow(period, BAR.issued, issuanceChange(s, to), s.kind),
    ...(sampled && last
      ? [{ period, from: DTAO_DATE, to, bar: BAR.sampled, value: raoToTao(sampled.value.total), unit: 'TAO', ...rowSource(last, s.kind), item: `${sampled.formula} (${sampled.value.days} of ${sampled.value.span} days read)` }]
      : []),
    ...changeRow(period, BAR.pools, poolChange(s, to), s.kind),
    ...changeRow(period, BAR.rootStake, rootStakeChange(s, to), s.kind),
  ];
}

function rows(data: ChartData): FlowRow[] {
  const article = Object.entries(ARTICLE_IDS).flatMap(([key, id]) => {
    const f = data.reference.figures.find((x) => x.id === id);
    if (!f?.asOf) return [];
    const { series: _series, date: _date, ...r } = figureRow(f, f.label);
    return [{ period: 'to-article', from: DTAO_DATE, to: f.asOf, bar: BAR[key as keyof typeof ARTICLE_IDS], ...r, value: r.value ?? 0 }];
  });
  const articleDate = article[0]?.to ?? '2025-04-17';
  const latest = measuredObservations(data.snapshot, 'totalIssuance').at(-1)?.date;
  return [...article, ...chainRows(data, 'to-article', articleDate), ...(latest && latest > articleDate ? chainRows(data, 'to-latest', latest) : [])];
}

export const poolFlows: ChartDef<FlowRow> = {
  id: 'pool-flows',
  title: 'TAO into subnet pools and to root since dTAO',
  caption:
    'The article’s 450k TAO injected into pools and 150k paid to root (vermillion) beside what daily chain reads give (blue): the change in issued TAO (new TAO net of recycling), daily reads of TAO injected per block × 7,200 (an estimate), and the net changes of TAO in subnet pools and on root, which include every user’s stakes and unstakes. No chain bar measures the TAO paid to root: that is a flow daily reads do not hold.',
  columns: [
    { key: 'period', label: 'Period', format: 'text' },
    { key: 'bar', label: 'Measure', format: 'text' },
    { key: 'from', label: 'From', format: 'date' },
    { key: 'to', label: 'To', format: 'date' },
    { key: 'value', label: 'Value' },
    { key: 'unit', label: 'Unit', format: 'text' },
    ...SOURCE_COLUMNS,
  ],
  controls: [{ name: 'period', label: 'Up to', values: ['to-article', 'to-latest'] }],
  rows,
  describe(rows, data) {
    const shown = rows.filter((r) => r.period === 'to-article');
    const said = 'The article says 450k TAO went into subnet pools and 150k (33%) to root through the auto-sell since dTAO.';
    const chain = shown.filter((r) => r.origin !== 'article');
    if (chain.length === 0) return `No chain measurements in this build: the chart shows only the article’s two figures. ${said}`;
    const to = chain[0].to;
    const pending = measuredAt(data.snapshot, 'pendingRootDivs', to);
    const parts = chain.map((r) => `${r.bar.replace(/^.*chain: /, '')} ${fmt(r.value)}`);
    return `${said} From dTAO to ${to} the chain gives: ${parts.join('; ')}.${pending ? ` Pending root dividends on ${pending.date} were ${formatTao(pending.value)}: a balance waiting for the next epoch, not the total paid, so it cannot check the 150k.` : ''}`;
  },
  plot(rows, options) {
    const period = options.period ?? 'to-article';
    const shown = rows.filter((r) => r.period === period || (period === 'to-latest' && r.origin === 'article'));
    const colour = (r: FlowRow) => (r.origin === 'article' ? COLORS.article : COLORS.chain);
    return {
      height: 300,
      marginLeft: 250,
      marginRight: 70,
      x: { label: 'TAO', grid: true, tickFormat: (v: number) => formatCompact(v) },
      y: { label: null, domain: Object.values(BAR).filter((b) => shown.some((r) => r.bar === b)) },
      marks: [
        Plot.barX(shown, { x: 'value', y: 'bar', fill: colour, fillOpacity: (r: FlowRow) => (r.origin === 'article' ? 0.35 : 0.85), stroke: colour }),
        Plot.ruleX([0]),
        Plot.text(shown.filter((r) => r.value >= 0), { x: 'value', y: 'bar', text: (r: FlowRow) => fmt(r.value), textAnchor: 'start', dx: 4, fill: colour, fontSize: 10 }),
        Plot.text(shown.filter((r) => r.value < 0), { x: 0, y: 'bar', text: (r: FlowRow) => fmt(r.value), textAnchor: 'start', dx: 4, fill: colour, fontSize: 10 }),
        Plot.tip(shown, Plot.pointerY({ x: 'value', y: 'bar', title: (r: FlowRow) => `${r.bar}\n${fmt(r.value)}, ${r.from} → ${r.to}\n${r.origin === 'article' ? 'the article' : r.item}` })),
      ],
    };
  },
};
