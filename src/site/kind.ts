/** How each kind of data is announced to readers. */
import type { Snapshot, SnapshotKind } from '../model/schema.ts';

export const KIND_LABEL: Record<SnapshotKind, { short: string; long: string }> = {
  chain: {
    short: 'Chain data',
    long: 'Values read from the Bittensor chain (Finney), each with its block number, hash and storage item.',
  },
  cited: {
    short: 'Cited figures only',
    long: 'No chain snapshot is committed yet: values are figures cited from publications (the article’s own marked as such). Verdicts that need chain data say so.',
  },
  synthetic: {
    short: 'SYNTHETIC test data',
    long: 'Read from a local test node, not from Bittensor. For previews and tests only; a production build refuses it.',
  },
};

/**
 * What the badge adds about how chain values were checked (schema `verification`): they never claim more than was
 * checked. Empty when the values were proven and their block hashes confirmed by a second operator.
 */
export function checkedLabel(
  verification: { values: 'proven' | 'unproven'; hashes: 'confirmed' | 'single-source'; operators: string[] } | null,
): string {
  if (!verification) return '';
  const parts: string[] = [];
  if (verification.values === 'unproven') parts.push('unproven (read without proofs)');
  if (verification.hashes === 'single-source')
    parts.push(`single-source: block hashes from ${verification.operators.join(', ') || 'one operator'} only`);
  return parts.join(' · ');
}

/**
 * What data a page shows, said once, for the banner, the footer and chart captions: "Chain data from block
 * 5,029,000 (2025-04-17)", "No chain data yet: figures cited from publications, the latest dated 2025-12-14",
 * "SYNTHETIC test data from block 1,000 (2025-04-29)".
 */
export function dataLine(s: Pick<Snapshot, 'kind' | 'head' | 'series'>): string {
  if (s.kind === 'cited') {
    const last = s.series.at(-1)?.date;
    return `No chain data yet: figures cited from publications${last ? `, the latest dated ${last}` : ''}`;
  }
  const at = s.head ? ` from block ${s.head.number.toLocaleString('en-US')} (${s.head.timestamp.slice(0, 10)})` : '';
  return `${KIND_LABEL[s.kind].short}${at}`;
}
