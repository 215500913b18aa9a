/**
 * The default data of a fresh clone: a `cited` snapshot built only from cited figures (the article's own
 * among them, marked as the article's). Pure: `content/reference.yaml` in, snapshot out.
 */
import { FINNEY } from './chain.ts';
import {
  SCHEMA_VERSION,
  SERIES_FIELDS,
  type Current,
  type Figure,
  type Reference,
  type SeriesPoint,
  type Snapshot,
} from '../model/schema.ts';

const sameSource = (a: Figure['source'], b: Figure['source']) => a.ref === b.ref && a.url === b.url;

/** Series points from dated figures that name a field; figures of one day must share one source. */
function citedSeries(figures: Figure[]): SeriesPoint[] {
  const byDate = new Map<string, SeriesPoint>();
  for (const f of figures) {
    if (!f.field || !f.asOf) continue;
    if (SERIES_FIELDS[f.field].unit !== f.unit)
      throw new Error(
        `figure ${f.id}: unit ${f.unit} does not match series field ${f.field} (${SERIES_FIELDS[f.field].unit})`,
      );
    const point = byDate.get(f.asOf);
    if (!point) {
      byDate.set(f.asOf, {
        date: f.asOf,
        block: null,
        hash: null,
        specVersion: null,
        source: f.source,
        values: { [f.field]: f.value },
      });
    } else if (point.source && sameSource(point.source, f.source) && point.values[f.field] === undefined) {
      point.values[f.field] = f.value;
    } else {
      throw new Error(
        `figure ${f.id}: another figure for ${f.asOf} has a different source or the same field; give it another date`,
      );
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The latest cited figure for each `current` value, chosen by id. Only figures of the same measure as the series:
 * no cited figure is SubtensorModule.TotalIssuance today (an exchange's "circulating supply" is a different
 * measure), so a cited snapshot has no current issuance.
 */
const CURRENT_FROM: Partial<Record<keyof Current, string>> = {
  taoWeight: 'tao-weight-taostats',
  subnetOwnerCut: 'default-owner-cut',
};

export function citedSnapshot(ref: Reference, generatedAt: string): Snapshot {
  const byId = new Map(ref.figures.map((f) => [f.id, f]));
  const current: Current = {};
  for (const [key, id] of Object.entries(CURRENT_FROM) as [keyof Current, string][]) {
    const f = byId.get(id);
    if (!f) throw new Error(`content/reference.yaml: figures: expected a figure with id "${id}" for current.${key}`);
    current[key] = { value: f.value, unit: f.unit, source: f.source };
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'cited',
    verification: null,
    chain: { ...FINNEY },
    head: null,
    source: { endpoint: 'content/reference.yaml', tool: 'taoproof snapshot:cited', generatedAt },
    current,
    series: citedSeries(ref.figures),
    subnets: null,
    governance: null,
  };
}
