/** The live renderer loads each chart's module on its own (src/client/charts.ts): the same charts as src/charts/index.ts. */
import { expect, test } from 'vitest';
import { CHART_IDS, CHARTS } from '../../src/charts/index.ts';
import { LIVE_CHART_IDS, loadChart } from '../../src/client/charts.ts';

test('every registered chart, and only those, can be loaded live, as the very definition the build draws', async () => {
  expect([...LIVE_CHART_IDS].sort()).toEqual([...CHART_IDS].sort());
  for (const id of CHART_IDS) expect(await loadChart(id), id).toBe(CHARTS[id]);
  expect(await loadChart('no-such-chart')).toBeUndefined();
  expect(await loadChart('toString')).toBeUndefined();
});
