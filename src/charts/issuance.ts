/** Total issuance over time, with the network's events and the article's supply figures. */
import * as Plot from '@observablehq/plot';
import { formatCompact } from '../metrics/amount.ts';
import { articleMarks, citedMarks, eventMarks, measuredLine, RANGE_CONTROL, inRange } from './time-marks.ts';
import { eventRows, figureRows, isEvent, isMeasured, measuredRows, taoValue, TIME_COLUMNS, type TimeRow } from './time-rows.ts';
import type { ChartDef } from './types.ts';

const fmt = (v: number) => `${formatCompact(v)} TAO`;

export const issuance: ChartDef<TimeRow> = {
  id: 'issuance',
  title: 'Issued TAO over time',
  caption: 'SubtensorModule.TotalIssuance at the first block of each UTC day, with the article’s figures (diamonds) and cited figures (circles).',
  columns: [...TIME_COLUMNS],
  controls: [{ name: 'scale', label: 'Scale', values: ['linear', 'log'] }, RANGE_CONTROL],
  rows: (data) => [
    ...measuredRows(data.snapshot, 'totalIssuance', 'Issued TAO', taoValue, 'TAO'),
    ...figureRows(data, 'totalIssuance'),
    ...eventRows(data),
  ],
  describe(rows) {
    const measured = rows.filter(isMeasured);
    const first = measured[0];
    const last = measured.at(-1);
    const figures = rows.filter((r) => !isMeasured(r) && !isEvent(r)).map((r) => `${r.series.replace(': ', ' says ')} ${fmt(r.value ?? 0)} on ${r.date}`);
    const line = first && last ? `Issued TAO rose from ${fmt(first.value ?? 0)} on ${first.date} to ${fmt(last.value ?? 0)} on ${last.date}. ` : 'No chain measurements in this build. ';
    return `${line}${figures.join('; ')}.`;
  },
  plot(rows, options) {
    const shown = inRange(rows, options.range);
    return {
      height: 360,
      marginLeft: 56,
      marginTop: 60,
      y: { type: options.scale === 'log' ? 'log' : 'linear', label: 'TAO', grid: true, tickFormat: (v: number) => formatCompact(v) },
      x: { type: 'utc', label: null },
      marks: [
        ...(options.scale === 'log' ? [] : [Plot.ruleY([0])]),
        ...eventMarks(shown),
        ...measuredLine(shown.filter(isMeasured), fmt),
        ...citedMarks(shown, fmt),
        ...articleMarks(shown, fmt),
      ],
    };
  },
};
