/** How each kind of data is announced to readers. */
import type { SnapshotKind } from '../data/schema.ts';

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
