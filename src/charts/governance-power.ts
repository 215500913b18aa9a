/**
 * Who holds governance power over time: the Senate, the Triumvirate and the Aura authority set as step lines
 * (a gap where the pallet is absent from the runtime), the sudo key at the governance table's block, the
 * article's 12 and 3, and dated events (the Senate's removal among them).
 */
import { said as saidFigure } from '../metrics/figures.ts';
import * as Plot from '@observablehq/plot';
import { SERIES_FIELDS } from '../model/series.ts';
import { dateOfBlock, GOVERNANCE_FIELDS, governanceSteps, sudoKey } from '../metrics/governance.ts';
import { samples } from '../metrics/series.ts';
import { rowSource } from './source-columns.ts';
import { inRange, RANGE_CONTROL, timePlot } from './time-marks.ts';
import {
  eventRows,
  eventsNote,
  figureRows,
  isArticle,
  isMeasured,
  TIME_COLUMNS,
  toDate,
  type TimeRow,
} from './time-rows.ts';
import { COLORS, type ChartData, type ChartDef } from './types.ts';

export interface GovRow extends TimeRow {
  /** the sudo key's account, on the sudo row */
  account: string | null;
}

const LABELS = GOVERNANCE_FIELDS.map((f) => SERIES_FIELDS[f].label);
const SUDO = 'Sudo key';
const fmt = (v: number) => v.toLocaleString('en-US');

function rows(data: ChartData): GovRow[] {
  const s = data.snapshot;
  const measured: GovRow[] = GOVERNANCE_FIELDS.flatMap((f) =>
    samples(s, f).map((x) => ({
      date: x.date,
      series: SERIES_FIELDS[f].label,
      value: x.value === null ? null : Number(x.value),
      unit: 'count',
      ...rowSource(x.source, s.kind),
      account: null,
    })),
  );
  const sudo = sudoKey(s);
  const sudoDate = sudo && dateOfBlock(s, sudo.value.block);
  const sudoRows: GovRow[] =
    sudo && sudoDate && sudo.inputs[0]
      ? [
          {
            date: sudoDate,
            series: SUDO,
            value: sudo.value.key ? 1 : 0,
            unit: 'present',
            ...rowSource(sudo.inputs[0], s.kind),
            account: sudo.value.key,
          },
        ]
      : [];
  const figures = [...figureRows(data, 'senateSize'), ...figureRows(data, 'triumvirateSize')].map((r) => ({
    ...r,
    account: null,
  }));
  const from = measured[0]?.date ?? undefined;
  return [...measured, ...sudoRows, ...figures, ...eventRows(data, from).map((r) => ({ ...r, account: null }))];
}

function stepText(data: ChartData): string[] {
  return GOVERNANCE_FIELDS.flatMap((f) => {
    const steps = governanceSteps(data.snapshot, f);
    if (steps.length === 0) return [];
    const runs = steps.map((st) => `${st.value === null ? 'absent' : st.value} from ${st.from} to ${st.to}`);
    return [`${SERIES_FIELDS[f].label}: ${runs.join(', then ')}`];
  });
}

export const governancePower: ChartDef<GovRow> = {
  id: 'governance-power',
  title: 'Who holds governance power',
  caption(rows) {
    const drawn = GOVERNANCE_FIELDS.filter((f) =>
      rows.some((r) => isMeasured(r) && r.series === SERIES_FIELDS[f].label),
    );
    const article = rows.filter(isArticle).map((r) => `${r.series.replace(/^article: /, '')} (${fmt(r.value ?? 0)})`);
    return [
      drawn.length
        ? `${drawn.map((f) => `${SERIES_FIELDS[f].label} (${SERIES_FIELDS[f].item})`).join(', ')} at the first block of each UTC day; a line stops where the pallet is absent from the runtime.`
        : `No chain reads of ${GOVERNANCE_FIELDS.map((f) => SERIES_FIELDS[f].item).join(', ')} in this build.`,
      rows.some((r) => r.series === SUDO) ? 'Square: the sudo key at the snapshot’s governance block.' : '',
      article.length ? `Diamonds: the article’s ${article.join(' and ')}.` : '',
      eventsNote(rows),
    ]
      .filter(Boolean)
      .join(' ');
  },
  columns: [...TIME_COLUMNS, { key: 'account', label: 'Account', format: 'text' }],
  controls: [RANGE_CONTROL],
  rows,
  describe(rows, data) {
    const said = `The article says the Senate is the top ${saidFigure(data.reference, 'article-senate-size')} validators and the Triumvirate ${saidFigure(data.reference, 'article-triumvirate-size')} Foundation employees.`;
    const steps = stepText(data);
    const sudo = rows.find((r) => r.series === SUDO);
    const sudoText = sudo
      ? ` On ${sudo.date} ${sudo.account ? `the sudo key was held by ${sudo.account}` : 'the runtime had no sudo key'}.`
      : '';
    if (steps.length === 0)
      return `No chain measurements in this build: the chart shows only the article’s figures and the dated events, among them the removal of the Senate and Triumvirate in November 2025. ${said}`;
    return `${steps.join('. ')}.${sudoText} ${said}`;
  },
  plot(rows, options, data) {
    const shown = inRange(rows, options.range);
    const lines = shown.filter((r) => isMeasured(r) && r.series !== SUDO);
    const sudo = shown.filter((r) => r.series === SUDO);
    const top = Math.max(14, ...lines.map((r) => r.value ?? 0)) + 2;
    const colour = Object.fromEntries(LABELS.map((l, i) => [l, [COLORS.purple, COLORS.accent, COLORS.chain][i]]));
    const firsts = LABELS.flatMap((l) => {
      const r = lines.find((x) => x.series === l && x.value !== null);
      return r ? [{ x: toDate(r) as Date, y: r.value ?? 0, text: l, fill: colour[l] }] : [];
    });
    const sudoLabels = sudo.map((r) => ({
      x: toDate(r) as Date,
      y: 0,
      text: r.account ? 'sudo key held' : 'no sudo key',
      fill: 'currentColor',
      left: true,
    }));
    return timePlot(shown, data, {
      series: GOVERNANCE_FIELDS,
      fmt,
      height: 320,
      marginLeft: 44,
      y: { domain: [0, top], label: 'members', labelAnchor: 'center', grid: true, insetBottom: 8 }, // 0 clear of the first date
      color: { domain: LABELS, range: LABELS.map((l) => colour[l]) },
      marks: [
        Plot.lineY(lines, {
          x: toDate,
          y: 'value',
          z: 'series',
          stroke: 'series',
          curve: 'step-after',
          strokeWidth: 1.75,
        }),
        Plot.dot(sudo, {
          x: toDate,
          y: 0,
          symbol: 'square',
          r: 5,
          fill: (r: GovRow) => (r.account ? 'currentColor' : 'none'),
          stroke: 'currentColor',
        }),
      ],
      over: [
        Plot.tip(
          lines,
          Plot.pointerX({
            x: toDate,
            y: 'value',
            fontSize: 11,
            title: (r: GovRow) =>
              `${r.series}: ${r.value === null ? 'absent from the runtime' : fmt(r.value)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}`,
          }),
        ),
      ],
      labels: [...firsts, ...sudoLabels],
      drawn: lines.length > 0,
    });
  },
};
