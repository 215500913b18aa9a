/**
 * The daily series' fields and the per-subnet columns, re-exported from the one table in `./series.ts` (where each
 * series is defined once: storage items by runtime spec, aggregation, unit, label, description).
 */
export {
  CURRENT_FIELD_NAMES,
  describeSeries,
  SERIES,
  SERIES_FIELD_NAMES,
  SERIES_FIELDS,
  seriesLabel,
  SUBNET_COLUMNS,
  SUBNET_ITEMS,
  type CurrentField,
  type SeriesField,
} from './series.ts';
