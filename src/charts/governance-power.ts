/**
 * Who holds governance power over time: the Senate, the Triumvirate and the Aura authority set as step lines
 * (a gap where the pallet is absent from the runtime), the sudo key at the governance table's block, the
 * article's 12 and 3, and dated events (the Senate's removal among them).
 */
import * as Plot from '@observablehq/plot';
import { SERIES_FIELDS } from '../data/fields.ts';
import { dateOfBlock, GOVERNANCE_FIELDS, governanceSteps, sudoKey } from '../metrics/governance.ts';
import { samples } from '../metrics/series.ts';
import { rowSource } from './source-columns.ts';
import { articleMarks, eventMarks, RANGE_CONTROL, inRange } from './time-marks.ts';
import { eventRows, figureRows, isMeasured, TIME_COLUMNS, toDate, type TimeRow } from './time-rows.ts';
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
    samples(s, f).map((x) => ({ date: x.date, series: SERIES_FIELDS[f].label, value: x.value === null ? null : Number(x.value), unit: 'count', ...rowSource(x.source, s.kind), account: null })),
  );
  const sudo = sudoKey(s);
  const sudoDate = sudo && dateOfBlock(s, sudo.value.block);
  const sudoRows: GovRow[] =
    sudo && sudoDate && sudo.inputs[0] ? [{ date: sudoDate, series: SUDO, value: sudo.value.key ? 1 : 0, unit: 'present', ...rowSource(sudo.inputs[0], s.kind), account: sudo.value.key }] : [];
  const figures = [...figureRows(data, 'senateSize'), ...figureRows(data, 'triumvirateSize')].map((r) => ({ ...r, account: null }));
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
  caption:
    'Members of the Senate (SenateMembers.Members), the Triumvirate (TriumvirateMembers.Members) and block authors (Aura.Authorities) at the first block of each UTC day; a line stops where the pallet is absent from the runtime. Square: the sudo key at the snapshot’s governance block. Diamonds: the article’s Senate of 12 and Triumvirate of 3.',
  columns: [...TIME_COLUMNS, { key: 'account', label: 'Account', format: 'text' }],
  controls: [RANGE_CONTROL],
  rows,
  describe(rows, data) {
    const said = 'The article says the Senate is the top 12 validators and the Triumvirate three Foundation employees.';
    const steps = stepText(data);
    const sudo = rows.find((r) => r.series === SUDO);
    const sudoText = sudo ? ` On ${sudo.date} ${sudo.account ? `the sudo key was held by ${sudo.account}` : 'the runtime had no sudo key'}.` : '';
    if (steps.length === 0) return `No chain measurements in this build: the chart shows only the article’s figures and the dated events, among them the removal of the Senate and Triumvirate in November 2025. ${said}`;
    return `${steps.join('. ')}.${sudoText} ${said}`;
  },
  plot(rows, options) {
    const shown = inRange(rows, options.range);
    const lines = shown.filter((r) => isMeasured(r) && r.series !== SUDO);
    const sudo = shown.filter((r) => r.series === SUDO);
    const top = Math.max(14, ...lines.map((r) => r.value ?? 0)) + 2;
    return {
      height: 320,
      marginLeft: 40,
      marginTop: 60,
      y: { domain: [0, top], label: 'members', grid: true },
      x: { type: 'utc', label: null },
      color: { domain: LABELS, range: [COLORS.purple, COLORS.accent, COLORS.chain] },
      marks: [
        ...eventMarks(shown),
        Plot.lineY(lines, { x: toDate, y: 'value', z: 'series', stroke: 'series', curve: 'step-after', strokeWidth: 1.75 }),
        Plot.text(lines.filter((r) => r.value !== null), Plot.selectFirst({ x: toDate, y: 'value', z: 'series', text: 'series', fill: 'series', textAnchor: 'start', dy: -7, fontSize: 10 })),
        Plot.dot(sudo, { x: toDate, y: 0, symbol: 'square', r: 5, fill: (r: GovRow) => (r.account ? 'currentColor' : 'none'), stroke: 'currentColor' }),
        Plot.text(sudo, { x: toDate, y: 0, text: (r: GovRow) => (r.account ? 'sudo key held' : 'no sudo key'), dy: -10, textAnchor: 'end', fontSize: 10, fill: 'currentColor' }),
        ...articleMarks(shown, fmt),
        Plot.tip(lines, Plot.pointerX({ x: toDate, y: 'value', title: (r: GovRow) => `${r.series}: ${r.value === null ? 'absent from the runtime' : fmt(r.value)}\n${r.date}, block ${r.block?.toLocaleString('en-US')}` })),
      ],
    };
  },
};
