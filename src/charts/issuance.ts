/** Total issuance over time, with the network's events and the article's supply figures. */
import * as Plot from '@observablehq/plot';
import { formatCompact, formatCompactTao } from '../metrics/amount.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { inRange, measuredLine, RANGE_CONTROL, timePlot } from './time-marks.ts';
import {
  eventsNote,
  isArticle,
  isCited,
  isEvent,
  isMeasured,
  taoSeriesRows,
  TIME_COLUMNS,
  type TimeRow,
} from './time-rows.ts';
import type { ChartDef } from './types.ts';

export const issuance: ChartDef<TimeRow> = {
  id: 'issuance',
  title: 'Issued TAO over time',
  caption(rows) {
    const f = SERIES_FIELDS.totalIssuance;
    const parts = [
      rows.some(isMeasured)
        ? `${f.label} (${f.item}) at the first block of each UTC day (blue line).`
        : `No chain reads of ${f.item} in this build.`,
      rows.some(isArticle) ? 'Diamonds: the article’s figures.' : '',
      rows.some(isCited) ? 'Circles: cited figures.' : '',
      eventsNote(rows),
    ];
    return parts.filter(Boolean).join(' ');
  },
  columns: [...TIME_COLUMNS],
  controls: [{ name: 'scale', label: 'Scale', values: ['linear', 'log'] }, RANGE_CONTROL],
  rows: (data) => taoSeriesRows(data, 'totalIssuance'),
  describe(rows) {
    const measured = rows.filter(isMeasured);
    const first = measured[0];
    const last = measured.at(-1);
    const figures = rows
      .filter((r) => !isMeasured(r) && !isEvent(r))
      .map((r) => `${r.series.replace(': ', ' says ')} ${formatCompactTao(r.value ?? 0)} on ${r.date}`);
    const line =
      first && last
        ? `Issued TAO rose from ${formatCompactTao(first.value ?? 0)} on ${first.date} to ${formatCompactTao(last.value ?? 0)} on ${last.date}. `
        : 'No chain measurements in this build. ';
    return `${line}${figures.join('; ')}.`;
  },
  plot(rows, options, data) {
    const shown = inRange(rows, options.range);
    const measured = shown.filter(isMeasured);
    return timePlot(shown, data, {
      series: ['totalIssuance'],
      fmt: formatCompactTao,
      height: 360,
      marginLeft: 66,
      y: {
        type: options.scale === 'log' ? 'log' : 'linear',
        label: 'TAO',
        labelAnchor: 'center',
        grid: true,
        insetTop: 12,
        insetBottom: 12,
        tickFormat: (v: number) => formatCompact(v),
      },
      marks: [...(options.scale === 'log' ? [] : [Plot.ruleY([0])]), ...measuredLine(measured, formatCompactTao)],
      drawn: measured.length > 0,
    });
  },
};
