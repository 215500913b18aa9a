/**
 * Series breaks and events on time charts: breaks of a chart's series inside its date range are drawn as lettered
 * rules explained in the key (linking to the methodology row), events as numbered rules; labels placed by the
 * renderer never overlap; unplaceable labels go to the key.
 */
import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { KEY_OPEN_MAX, keyHtml } from '../../src/charts/key.ts';
import { SHORT_AXIS_PAD_DAYS, timeSpan } from '../../src/charts/time-marks.ts';
import { assignLanes, intersects, placeLabels, textWidth, type Box } from '../../src/charts/place.ts';
import { WIDTHS } from '../../src/charts/spec.ts';
import { renderStatic } from '../../src/charts/ssr.ts';
import { breaksCrossed, type SeriesBreak } from '../../src/model/breaks.ts';
import { addDays } from '../../src/metrics/series.ts';
import { formatCompact } from '../../src/metrics/amount.ts';
import { dtaoSnapshot, reference } from '../fixtures/snapshots.ts';

const brk = (id: string, date: string, series: SeriesBreak['series']): SeriesBreak => ({
  id,
  series,
  spec: 233,
  block: null,
  date,
  approximate: false,
  label: `test ${id}`,
  what: 'a test row',
  code: { repo: 'opentensor/subtensor', ref: 'v0', path: 'x', url: 'https://example.invalid' },
});

const data = (breaks?: SeriesBreak[]) => ({
  snapshot: dtaoSnapshot(),
  reference: reference(),
  ...(breaks ? { breaks } : {}),
});

describe('series breaks on time charts', () => {
  // dtaoSnapshot spans 2024-12-01 to 2025-04-29
  const rows = [
    brk('inside', '2025-02-20', ['totalIssuance']),
    brk('other-series', '2025-03-01', ['senateSize']),
    brk('outside', '2020-01-01', ['totalIssuance']),
  ];

  test('a break of the chart’s series inside its range is drawn and keyed; others are not', () => {
    const { svg, key } = renderStatic(CHARTS.issuance, data(rows), {}, WIDTHS.wide);
    const breaks = key.filter((k) => k.kind === 'break');
    expect(breaks).toEqual([
      {
        mark: 'A',
        kind: 'break',
        date: '2025-02-20',
        label: 'test inside',
        href: 'methodology/#break-inside',
      },
    ]);
    expect(svg).toContain('stroke-dasharray="9,3"');
    expect(svg).toMatch(/<text[^>]*>A<\/text>/);
    expect(keyHtml(key, '/base/')).toContain('<a href="/base/methodology/#break-inside">test inside</a>');
  });

  test('a chart of another series marks the break of that series', () => {
    const { key } = renderStatic(CHARTS['governance-power'], data(rows), {}, WIDTHS.wide);
    expect(key.filter((k) => k.kind === 'break').map((k) => k.href)).toEqual(['methodology/#break-other-series']);
  });

  test('without rows supplied the chart reads SERIES_BREAKS: those within the chart’s span, one mark per day', () => {
    const { key } = renderStatic(CHARTS.issuance, data(), {}, WIDTHS.wide);
    const rows = CHARTS.issuance.rows(data());
    const [from, to] = timeSpan(rows)!;
    const events = new Set(key.filter((k) => k.kind === 'event').map((k) => k.date));
    const expected = breaksCrossed('totalIssuance', addDays(from, -1), to).filter((b) => b.date >= from);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      [
        ...key.filter((k) => k.kind === 'break').map((k) => k.href),
        ...key.flatMap((k) => (k.breaks ?? []).map((b) => b.href)),
      ].sort(),
    ).toEqual(expected.map((b) => `methodology/#break-${b.id}`).sort());
    for (const b of expected)
      if (events.has(b.date)) expect(key.some((k) => k.kind === 'break' && k.date === b.date)).toBe(false);
  });

  test('a break on an event’s day is one mark with one key entry, in reader’s words', () => {
    const { svg, key } = renderStatic(
      CHARTS.issuance,
      data([brk('same-day', '2025-02-13', ['totalIssuance'])]),
      {},
      WIDTHS.wide,
    );
    const onDay = key.filter((k) => k.date === '2025-02-13');
    expect(onDay).toHaveLength(1);
    expect(onDay[0]).toMatchObject({
      kind: 'event',
      label: 'dTAO',
      breaks: [{ label: 'test same-day', href: 'methodology/#break-same-day' }],
    });
    expect(svg).toContain('stroke-dasharray="9,3"'); // drawn as a break
    const html = keyHtml(key, '/');
    expect(html).toContain('the chain recounted this figure: <a href="/methodology/#break-same-day">test same-day</a>');
    expect(html).not.toMatch(/counter break/);
  });

  test('with no chain rows, a time chart has a short axis around its figures and only the events inside it', () => {
    const cited = {
      snapshot: { ...dtaoSnapshot(), kind: 'cited' as const, series: [], head: null },
      reference: reference(),
    };
    const rows = CHARTS['staking-ratio'].rows(cited);
    const [from, to] = timeSpan(rows)!;
    const figures = rows
      .filter((r) => r.date && !r.series.startsWith('event: '))
      .map((r) => r.date!)
      .sort();
    expect(from).toBe(
      new Date(Date.parse(`${figures[0]}T00:00:00Z`) - SHORT_AXIS_PAD_DAYS * 86_400_000).toISOString().slice(0, 10),
    );
    expect(to > figures.at(-1)!).toBe(true);
    const { key } = renderStatic(CHARTS['staking-ratio'], cited, {}, WIDTHS.narrow);
    for (const k of key) if (k.date) expect(k.date >= from && k.date <= to, `${k.label} ${k.date}`).toBe(true);
    expect(key.length).toBeLessThan(rows.filter((r) => r.series.startsWith('event: ')).length);
  });

  test('a key of more than a few entries folds', () => {
    const items = [1, 2, 3, 4, 5].map((i) => ({
      mark: String(i),
      kind: 'event' as const,
      date: '2025-01-0' + i,
      label: `e${i}`,
      href: null,
    }));
    expect(keyHtml(items.slice(0, KEY_OPEN_MAX), '/')).not.toContain('<details');
    expect(keyHtml(items, '/')).toMatch(
      /^<details class="chart-key-fold"><summary>Key to the 5 marks on the chart<\/summary>/,
    );
  });

  test('events are numbered in date order, breaks lettered, and both listed in the key', () => {
    const { key } = renderStatic(CHARTS.issuance, data(rows), {}, WIDTHS.narrow);
    const events = key.filter((k) => k.kind === 'event');
    expect(events.map((k) => k.mark)).toEqual(events.map((_, i) => String(i + 1)));
    expect(events.map((k) => k.date)).toEqual(events.map((k) => k.date).sort());
    expect(events.map((k) => k.label)).toContain('OM crash');
  });
});

describe('placement', () => {
  test('markers at the same or close positions go to different lanes; far ones share a lane', () => {
    const lanes = assignLanes([
      { x: 100, text: '1' },
      { x: 103, text: '2' },
      { x: 106, text: 'A' },
      { x: 300, text: '3' },
    ]);
    expect(new Set(lanes.slice(0, 3)).size).toBe(3);
    expect(lanes[3]).toBe(0);
  });

  test('placed labels stay in the frame, clear of obstacles and of each other; a label with no room is null', () => {
    const frame: Box = { x0: 0, y0: 0, x1: 300, y1: 200 };
    const obstacle: Box = { x0: 0, y0: 60, x1: 300, y1: 75 };
    const points = [
      { px: 20, py: 30, text: 'article 5.86M TAO' },
      { px: 30, py: 30, text: 'article 5.71M TAO' },
      { px: 25, py: 32, text: 'cited 5.8M TAO' },
    ];
    const spots = placeLabels(points, frame, [obstacle]);
    const boxes = spots.flatMap((s) => (s ? [s.box] : []));
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(300);
      expect(intersects(b, obstacle, 0)).toBe(false);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i], boxes[j], 0)).toBe(false);
    expect(
      placeLabels([{ px: 5, py: 5, text: 'a label far wider than its frame' }], { x0: 0, y0: 0, x1: 40, y1: 10 }, []),
    ).toEqual([null]);
  });

  test('text widths are estimated generously', () => {
    expect(textWidth('MMMM', 11)).toBeGreaterThan(textWidth('iiii', 11));
    expect(textWidth('article 5.71M TAO', 11)).toBeGreaterThan(80);
  });
});

describe('no label is lost', () => {
  test.each([200, 340, 688])(
    'every article figure of root-stake is labelled on the chart or listed in the key at %i px',
    (width) => {
      const d = { snapshot: dtaoSnapshot(), reference: reference() };
      const { svg, key } = renderStatic(CHARTS['root-stake'], d, {}, width);
      const figures = CHARTS['root-stake']
        .rows(d)
        .filter(
          (r: { origin: string; date: string | null; series: string }) =>
            r.origin === 'article' && r.date && !r.series.startsWith('event: '),
        );
      expect(figures.length).toBeGreaterThan(0);
      for (const f of figures) {
        const text = `article ${formatCompact(f.value)} TAO`;
        const drawn = svg.includes(`>${text}<`);
        const keyed = key.some((k) => k.kind === 'figure' && k.label === text);
        expect(drawn !== keyed, `${text}: drawn ${drawn}, keyed ${keyed}`).toBe(true);
      }
    },
  );
});
