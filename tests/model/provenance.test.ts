/** One provenance vocabulary (src/model/provenance.ts): the schema's kinds and the charts' origins come from it. */
import { describe, expect, test } from 'vitest';
import { rowSource } from '../../src/charts/source-columns.ts';
import { CITED_BY, ORIGINS, originOf, SNAPSHOT_KINDS } from '../../src/model/provenance.ts';
import { CitedSource, SnapshotKind } from '../../src/model/schema.ts';

const chain = { kind: 'chain' as const, block: 1, hash: `0x${'a'.repeat(64)}`, item: 'SubtensorModule.TotalIssuance' };
const cited = (by: 'article' | 'publication') => ({
  kind: 'cited' as const,
  by,
  ref: 'x',
  url: 'https://example.org/',
  title: 't',
});

describe('provenance vocabulary', () => {
  test('the schema reads its kinds and citers from it', () => {
    expect(SnapshotKind.options).toEqual([...SNAPSHOT_KINDS]);
    expect(CitedSource.shape.by.options).toEqual([...CITED_BY]);
  });

  test('a row’s origin: the file’s kind for a read, who cited it for a citation; every origin is in ORIGINS', () => {
    expect(originOf(chain, 'chain')).toBe('chain');
    expect(originOf(chain, 'synthetic')).toBe('synthetic');
    expect(originOf(cited('article'), 'chain')).toBe('article');
    expect(originOf(cited('publication'), 'synthetic')).toBe('publication');
    for (const kind of SNAPSHOT_KINDS)
      for (const s of [chain, cited('article'), cited('publication')]) {
        expect(ORIGINS).toContain(originOf(s, kind));
        expect(rowSource(s, kind).origin).toBe(originOf(s, kind));
      }
  });
});
