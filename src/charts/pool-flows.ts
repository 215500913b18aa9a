/**
 * TAO into subnet pools and TAO paid to root since dTAO: the article's 450k and 150k beside what daily chain
 * reads can give. Each chain bar is a net change or an estimate, labelled as such; no bar measures the 150k.
 */
import { formulaOf } from '../model/metrics.ts';
import { said as saidFigure } from '../metrics/figures.ts';
import * as Plot from '@observablehq/plot';
import { formatCompact, formatCompactTao, formatTao, raoToTao } from '../metrics/amount.ts';
import { BLOCKS_PER_DAY, DTAO_DATE } from '../metrics/dates.ts';
import { issuanceChange, poolChange, sampledInjection } from '../metrics/pools.ts';
import type { Computed } from '../metrics/provenance.ts';
import { rootStakeChange } from '../metrics/root.ts';
import { measuredAt, measuredObservations, type Change } from '../metrics/series.ts';
import { breaksCrossed, type SeriesBreak } from '../model/breaks.ts';
import type { SeriesField } from '../model/series.ts';
import { rowSource, SOURCE_COLUMNS } from './source-columns.ts';
import { keyNote } from './time-marks.ts';
import { MARK_FONT, wrap } from './place.ts';
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

const NO_CHAIN = 'Chain: no reads';
const NO_CHAIN_TEXT = 'No chain data in this build: only the article’s figures are drawn, not the chain’s bars.';
const ARTICLE_IDS = { injected: 'article-pool-injection', root: 'article-root-autosell' } as const;
const BAR = {
  injected: 'Pools · article: injected since dTAO',
  issued: 'Pools · chain: Δ issued TAO',
  sampled: 'Pools · chain: injection reads × 7,200',
  pools: 'Pools · chain: Δ TAO in subnet pools',
  root: 'Root · article: paid by auto-sell',
  rootStake: 'Root · chain: Δ root stake',
};

/** The series each chain bar is computed from, for the breaks it crosses. */
const BAR_SERIES: Record<string, SeriesField> = {
  [BAR.issued]: 'totalIssuance',
  [BAR.sampled]: 'taoInEmission',
  [BAR.pools]: 'subnetTao',
  [BAR.rootStake]: 'rootStake',
};

/** The series breaks the chain bars shown cross between their two reads (a bar over them is partly the counter's change). */
export function crossedByBars(shown: FlowRow[]): SeriesBreak[] {
  const seen = new Map<string, SeriesBreak>();
  for (const r of shown) {
    const field = BAR_SERIES[r.bar];
    if (r.origin === 'article' || !field) continue;
    for (const b of breaksCrossed(field, r.from, r.to)) seen.set(b.id, b);
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function changeRow(
  period: string,
  bar: string,
  c: Computed<Change> | null,
  kind: ChartData['snapshot']['kind'],
): FlowRow[] {
  if (!c) return [];
  const { before, after, delta } = c.value;
  return [
    {
      period,
      from: before.date,
      to: after.date,
      bar,
      value: raoToTao(delta),
      unit: 'TAO',
      ...rowSource(after.source, kind),
      item: c.formula,
    },
  ];
}

function chainRows(data: ChartData, period: string, to: string): FlowRow[] {
  const s = data.snapshot;
  const sampled = sampledInjection(s, to);
  const last = sampled?.inputs.at(-1);
  return [
    ...changeRow(period, BAR.issued, issuanceChange(s, to), s.kind),
    ...(sampled && last
      ? [
          {
            period,
            from: DTAO_DATE,
            to,
            bar: BAR.sampled,
            value: raoToTao(sampled.value.total),
            unit: 'TAO',
            ...rowSource(last, s.kind),
            item: `${sampled.formula} (${sampled.value.days} of ${sampled.value.span} days read)`,
          },
        ]
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
    return [
      {
        period: 'to-article',
        from: DTAO_DATE,
        to: f.asOf,
        bar: BAR[key as keyof typeof ARTICLE_IDS],
        ...r,
        value: r.value ?? 0,
      },
    ];
  });
  const articleDate = article[0]?.to ?? '2025-04-17';
  const latest = measuredObservations(data.snapshot, 'totalIssuance').at(-1)?.date;
  return [
    ...article,
    ...chainRows(data, 'to-article', articleDate),
    ...(latest && latest > articleDate ? chainRows(data, 'to-latest', latest) : []),
  ];
}

export const poolFlows: ChartDef<FlowRow> = {
  id: 'pool-flows',
  title: 'TAO into subnet pools and to root since dTAO',
  caption(rows) {
    const article = rows.filter((r) => r.origin === 'article');
    const chain = rows.filter((r) => r.origin !== 'article');
    const has = (bar: string) => chain.some((r) => r.bar === bar);
    const measures = [
      has(BAR.issued) ? 'the change in issued TAO (new TAO net of recycling)' : '',
      has(BAR.sampled)
        ? `daily reads of TAO injected per block, ${formulaOf('sampled-injection', { 'blocks per day': BLOCKS_PER_DAY.toLocaleString('en-US') })} (an estimate)`
        : '',
      has(BAR.pools) || has(BAR.rootStake)
        ? 'the net changes of TAO in subnet pools and on root, which include every user’s stakes and unstakes'
        : '',
    ].filter(Boolean);
    return [
      article.length
        ? `The article’s ${article.map((r) => `${formatCompactTao(r.value)} ${r.bar.includes('Root') ? 'paid to root' : 'injected into pools'}`).join(' and ')} (vermillion).`
        : '',
      chain.length
        ? `Beside them, what daily chain reads give (blue): ${measures.join('; ')}. No chain bar measures the TAO paid to root: that is a flow daily reads do not hold.`
        : 'No chain data in this build: the chain’s bars (changes in issued TAO, in subnet pools and on root) are not drawn.',
    ]
      .filter(Boolean)
      .join(' ');
  },
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
  describe(rows, data, options) {
    const shown = rows.filter((r) => r.period === (options.period ?? 'to-article'));
    const [injected, paid, share] = [
      'article-pool-injection',
      'article-root-autosell',
      'article-root-autosell-share',
    ].map((id) => saidFigure(data.reference, id));
    const said = `The article says ${injected} TAO went into subnet pools and ${paid} (${share}) to root through the auto-sell since dTAO.`;
    const chain = shown.filter((r) => r.origin !== 'article');
    if (chain.length === 0)
      return `No chain measurements in this build: the chart shows only the article’s two figures. ${said}`;
    const to = chain[0].to;
    const pending = measuredAt(data.snapshot, 'pendingRootDivs', to);
    const parts = chain.map((r) => `${r.bar.replace(/^.*chain: /, '')} ${formatCompactTao(r.value)}`);
    const crossed = crossedByBars(shown);
    const breaks = crossed.length
      ? ` Over this span the chain’s own counters changed (${crossed.map((b) => `${b.label}, break “${b.id}”`).join('; ')}), so part of these bars is that change, not stakers or emission.`
      : '';
    return `${said} From dTAO to ${to} the chain gives: ${parts.join('; ')}.${breaks}${pending ? ` Pending root dividends on ${pending.date} were ${formatTao(pending.value)}: a balance waiting for the next epoch, not the total paid, so it cannot check the ${paid}.` : ''}`;
  },
  plot(rows, options, _data, layout) {
    const period = options.period ?? 'to-article';
    const shown = rows.filter((r) => r.period === period || (period === 'to-latest' && r.origin === 'article'));
    const colour = (r: FlowRow) => (r.origin === 'article' ? COLORS.article : COLORS.chain);
    const chain = shown.some((r) => r.origin !== 'article');
    // without chain reads, the chain's bars give way to a band that says so, in the frame
    const domain = [...Object.values(BAR).filter((b) => shown.some((r) => r.bar === b)), ...(chain ? [] : [NO_CHAIN])];
    // narrow: each bar's name above it; wide: names in the left margin
    const narrow = layout.width < 560;
    const marginTop = 20;
    const marginBottom = 36;
    const marginLeft = narrow ? 12 : 250;
    const marginRight = 76;
    const height = narrow ? marginTop + marginBottom + Math.max(1, domain.length) * 56 : 300;
    const padding = narrow ? 0.55 : 0.1;
    const step = (height - marginTop - marginBottom) / Math.max(1, domain.length);
    const missing = wrap(NO_CHAIN_TEXT, layout.width - marginLeft - 12).join('\n');
    return {
      options: {
        height,
        marginTop,
        marginBottom,
        marginLeft,
        marginRight,
        x: { label: 'TAO', grid: true, tickFormat: (v: number) => formatCompact(v), ticks: narrow ? 3 : undefined },
        y: {
          label: null,
          domain,
          padding,
          axis: narrow ? null : 'left',
          tickFormat: (d: string) => (d === NO_CHAIN ? 'Chain' : d),
        },
        marks: [
          Plot.barX(shown, {
            x: 'value',
            y: 'bar',
            fill: colour,
            fillOpacity: (r: FlowRow) => (r.origin === 'article' ? 0.35 : 0.85),
            stroke: colour,
          }),
          Plot.ruleX([0]),
          ...(narrow
            ? [
                Plot.text(
                  domain.filter((d) => d !== NO_CHAIN),
                  {
                    y: (d: string) => d,
                    text: (d: string) => d,
                    frameAnchor: 'left',
                    textAnchor: 'start',
                    dy: -(step * (1 - padding)) / 2 - 9,
                    fontSize: MARK_FONT,
                    fill: 'currentColor',
                  },
                ),
              ]
            : []),
          ...(chain
            ? []
            : [
                Plot.text([missing], {
                  y: () => NO_CHAIN,
                  text: (d: string) => d,
                  frameAnchor: 'left',
                  textAnchor: 'start',
                  dx: 4,
                  lineHeight: 1.2,
                  fontSize: MARK_FONT,
                  fontStyle: 'italic',
                  fill: 'currentColor',
                }),
              ]),
          Plot.tip(
            shown,
            Plot.pointerY({
              x: 'value',
              y: 'bar',
              fontSize: MARK_FONT,
              title: (r: FlowRow) =>
                `${r.bar}\n${formatCompactTao(r.value)}, ${r.from} → ${r.to}\n${r.origin === 'article' ? 'the article' : r.item}`,
            }),
          ),
        ],
      },
      annotations: {
        // the breaks the chain bars cross, in the key (the bars are not dated, so no rule is drawn)
        notes: crossedByBars(shown).map((b, i) => keyNote(b, String.fromCharCode(65 + (i % 26)))),
        labels: shown.map((r) => ({
          x: Math.max(0, r.value),
          y: r.bar,
          text: formatCompactTao(r.value),
          fill: colour(r),
        })),
      },
    };
  },
};
