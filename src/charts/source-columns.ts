/** Provenance columns for chart rows, from a value's source and the snapshot it came from. */
import type { SnapshotKind, Source } from '../model/schema.ts';
import type { RowSource } from './types.ts';

export function rowSource(source: Source, kind: SnapshotKind): RowSource {
  if (source.kind === 'chain')
    return {
      origin: kind === 'synthetic' ? 'synthetic' : 'chain',
      block: source.block,
      hash: source.hash,
      item: source.item,
      url: null,
    };
  return {
    origin: source.by === 'article' ? 'article' : 'publication',
    block: null,
    hash: null,
    item: null,
    url: source.url,
  };
}

/** The provenance columns of a chart table, for rows that are not plain time series. */
export const SOURCE_COLUMNS = [
  { key: 'origin', label: 'Origin', format: 'text' },
  { key: 'block', label: 'Block', format: 'count' },
  { key: 'item', label: 'Storage item or formula', format: 'text' },
  { key: 'url', label: 'Citation', format: 'text' },
] as const;
