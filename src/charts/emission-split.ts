/**
 * How one block's alpha emission in a subnet splits between owner, miners, validators and root, as a function of
 * the subnet's alpha issuance (root's share falls as alpha issuance grows), with the snapshot's subnets as dots
 * and the article's 18% and "up to 1/3" as dashed levels.
 */
import { said } from '../metrics/figures.ts';
import * as Plot from '@observablehq/plot';
import type { Source } from '../model/schema.ts';
import { formatCompact, formatPercent, raoToTao } from '../metrics/amount.ts';
import { describeSource } from '../metrics/provenance.ts';
import { maxRootShare, splitFor, splitParams, subnetSplits, type SplitParams } from '../metrics/split.ts';
import { rowSource, SOURCE_COLUMNS } from './source-columns.ts';
import { caveatNotes, figureMarks } from './time-marks.ts';
import { figureRow, isArticle, type TimeRow } from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';

export interface SplitRow extends TimeRow {
  /** the subnet's alpha issuance (alpha), or null for a level */
  alpha: number | null;
  netuid: number | null;
}

const PARTS = ['owner', 'miners', 'validators', 'root'] as const;
const PART_COLOR = { owner: COLORS.accent, miners: COLORS.cited, validators: COLORS.chain, root: COLORS.purple };
/** Alpha issuance from 100k to 20M alpha, log-spaced. */
const GRID = Array.from({ length: 41 }, (_, i) => Math.round(10 ** (5 + (i * Math.log10(200)) / 40)));
const fmtShare = (v: number) => formatPercent(v);

/** Provenance of a computed row: the formula and its inputs (a chain block, or the citation URL). */
function computedSource(p: SplitParams): Pick<TimeRow, 'origin' | 'block' | 'hash' | 'item' | 'url'> {
  const inputs: Source[] = [...p.ownerCut.inputs, ...p.taoWeight.inputs, ...p.rootTao.inputs];
  const chain = inputs.find((s) => s.kind === 'chain');
  const cited = inputs.find((s) => s.kind === 'cited');
  return {
    origin: 'computed',
    block: chain?.kind === 'chain' ? chain.block : null,
    hash: chain?.kind === 'chain' ? chain.hash : null,
    item: `emissionSplit(${inputs.map(describeSource).join('; ')})`,
    url: cited?.kind === 'cited' ? cited.url : null,
  };
}

function rows(data: ChartData): SplitRow[] {
  const p = splitParams(data.snapshot);
  const src = p && computedSource(p);
  const curve: SplitRow[] =
    p && src
      ? GRID.flatMap((alpha) => {
          const split = splitFor(p, BigInt(alpha) * 1_000_000_000n);
          return PARTS.map((part) => ({
            date: null,
            series: part,
            value: split[part],
            unit: 'share',
            alpha,
            netuid: null,
            ...src,
          }));
        })
      : [];
  const dots: SplitRow[] = p
    ? subnetSplits(data.snapshot, p).map((x) => {
        const t = data.snapshot.subnets;
        return {
          date: null,
          series: 'root (subnet)',
          value: x.root,
          unit: 'share',
          alpha: raoToTao(x.alphaIssuance),
          netuid: x.netuid,
          ...rowSource(
            {
              kind: 'chain',
              block: t?.block ?? 0,
              hash: t?.hash ?? '',
              item: 'SubtensorModule.SubnetAlphaIn + SubnetAlphaOut',
            },
            data.snapshot.kind,
          ),
        };
      })
    : [];
  const levels = data.reference.figures
    .filter((f) => f.id === 'article-owner-cut' || f.id === 'article-root-emission-share')
    .map((f) => ({
      ...figureRow(f, `article: ${f.id === 'article-owner-cut' ? 'owner cut' : 'to root (of TAO emission)'}`),
      date: null,
      alpha: null,
      netuid: null,
    }));
  return [...curve, ...dots, ...levels];
}

export const emissionSplit: ChartDef<SplitRow> = {
  id: 'emission-split',
  title: 'How one block’s alpha emission splits',
  caption(rows) {
    const curve = rows.some((r) => r.alpha !== null && r.netuid === null);
    const dots = rows.filter((r) => r.netuid !== null).length;
    const levels = rows.filter(isArticle);
    return [
      curve
        ? 'Shares of a subnet’s alpha emission per block, by the subnet’s alpha issuance, from run_coinbase’s rule: owner cut first, the rest half to miners and half to validators, root’s part taken from the validators’ half.'
        : 'No owner cut, TAO weight or root stake in this build: the curves need chain data or cited parameters, and this build has neither.',
      dots ? `Dots: root’s share in each of the snapshot’s ${dots} subnets.` : '',
      levels.length
        ? `Dashed: the article’s ${levels.map((r) => `${r.series.replace(/^article: /, '')} (${fmtShare(r.value ?? 0)})`).join(' and ')}; the second is a share of TAO, not of alpha.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [
    { key: 'series', label: 'Part', format: 'text' },
    { key: 'alpha', label: 'Alpha issuance', format: 'count' },
    { key: 'netuid', label: 'Subnet', format: 'count' },
    { key: 'value', label: 'Share', format: 'percent' },
    ...SOURCE_COLUMNS,
  ],
  controls: [{ name: 'scale', label: 'Alpha issuance', values: ['log', 'linear'] }],
  rows,
  describe(rows, data) {
    const p = splitParams(data.snapshot);
    if (!p) return 'This build has no owner cut, TAO weight or root stake to compute the split from.';
    const chain = data.snapshot.kind !== 'cited';
    const root = (alpha: number) => rows.find((r) => r.series === 'root' && r.alpha === alpha)?.value ?? 0;
    const dots = rows.filter((r) => r.series === 'root (subnet)').map((r) => r.value ?? 0);
    return `${chain ? '' : 'No chain measurements in this build: the curves use cited parameters and the article’s root stake. '}With an owner cut of ${fmtShare(p.ownerCut.value)}, TAO weight ${p.taoWeight.value.toFixed(3)} and ${formatCompact(raoToTao(p.rootTao.value))} TAO on root, miners get ${fmtShare((1 - p.ownerCut.value) / 2)}, and root’s share of the alpha falls from at most ${fmtShare(maxRootShare(p.ownerCut.value))} to ${fmtShare(root(GRID[20]))} at ${formatCompact(GRID[20])} alpha issued and ${fmtShare(root(GRID[40]))} at ${formatCompact(GRID[40])}.${dots.length ? ` Across the snapshot’s ${dots.length} subnets root takes ${fmtShare(Math.min(...dots))} to ${fmtShare(Math.max(...dots))}.` : ''} The article says ${said(data.reference, 'article-owner-cut')} to owners and up to ${said(data.reference, 'article-root-emission-share')} of daily TAO emission to root.`;
  },
  plot(rows, options, data) {
    const curve = rows.filter((r) => r.alpha !== null && r.netuid === null);
    const dots = rows.filter((r) => r.netuid !== null);
    const figures = figureMarks(rows.filter(isArticle), fmtShare, GRID[0]);
    const ends = PARTS.flatMap((part) => {
      const last = curve.filter((r) => r.series === part).at(-1);
      return last ? [{ x: last.alpha ?? 0, y: last.value ?? 0, text: part, fill: PART_COLOR[part], left: true }] : [];
    });
    return {
      options: {
        height: 340,
        marginLeft: 56,
        marginRight: 16,
        marginBottom: 46,
        x: {
          type: options.scale === 'linear' ? 'linear' : 'log',
          label: 'alpha issued in the subnet (in + out) →',
          tickFormat: (v: number) => formatCompact(v),
          ticks: 4,
        },
        y: {
          domain: [0, 0.5],
          label: 'share of the block’s alpha',
          labelAnchor: 'center',
          grid: true,
          insetBottom: 8,
          tickFormat: (v: number) => formatPercent(v, 0),
        },
        color: { domain: [...PARTS], range: PARTS.map((p) => PART_COLOR[p]) },
        marks: [
          Plot.lineY(curve, { x: 'alpha', y: 'value', stroke: 'series', strokeWidth: 1.75 }),
          Plot.dot(dots, { x: 'alpha', y: 'value', r: 3, fill: PART_COLOR.root, fillOpacity: 0.6 }),
          ...figures.marks,
          Plot.tip(
            curve,
            Plot.pointerX({
              x: 'alpha',
              y: 'value',
              fontSize: 11,
              title: (r: SplitRow) =>
                `${r.series}: ${fmtShare(r.value ?? 0)}\nat ${formatCompact(r.alpha ?? 0)} alpha issued`,
            }),
          ),
          Plot.tip(
            dots,
            Plot.pointer({
              x: 'alpha',
              y: 'value',
              fontSize: 11,
              title: (r: SplitRow) =>
                `Subnet ${r.netuid}: root ${fmtShare(r.value ?? 0)}\n${formatCompact(r.alpha ?? 0)} alpha issued`,
            }),
          ),
        ],
      },
      annotations: {
        // the subnets' dots as points the labels keep clear of (an empty text): no label is drawn over one
        labels: [
          ...ends,
          ...figures.labels,
          ...dots.map((d) => ({ x: d.alpha ?? 0, y: d.value ?? 0, text: '', fill: PART_COLOR.root })),
        ],
        // the dots' alpha issuance is SubnetAlphaIn + SubnetAlphaOut: the open reports on SubnetAlphaOut apply
        notes: dots.length ? caveatNotes([], ['alphaIn', 'alphaOut'], data) : [],
      },
    };
  },
};
