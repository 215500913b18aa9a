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
