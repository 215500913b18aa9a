/**
 * Who holds governance power (claims C01-C04): the sizes of the Senate, the Triumvirate and the Aura authority
 * set read each day, and the sudo key from the snapshot's governance table. A size of `null` means the pallet was
 * not in that block's runtime (the Senate and Triumvirate were removed at spec 334), never zero members.
 */
import type { Snapshot, Source } from '../model/schema.ts';
import type { Computed } from './provenance.ts';
import { formulaOf } from '../model/metrics.ts';
import { sampleAt, samples, type Sample } from './series.ts';

export const GOVERNANCE_FIELDS = ['senateSize', 'triumvirateSize', 'authorityCount'] as const;
export type GovernanceField = (typeof GOVERNANCE_FIELDS)[number];

export interface Step {
  field: GovernanceField;
  /** first day of the step */
  from: string;
  /** last sampled day of the step */
  to: string;
  /** the size, or null while the pallet was absent */
  value: number | null;
  source: Source;
}

/** A field's samples run-length encoded: one step per run of equal values (absent runs included). */
export function governanceSteps(s: Snapshot, field: GovernanceField): Step[] {
  const steps: Step[] = [];
  for (const x of samples(s, field)) {
    const value = x.value === null ? null : Number(x.value);
    const last = steps.at(-1);
    if (last && last.value === value) last.to = x.date;
    else steps.push({ field, from: x.date, to: x.date, value, source: x.source });
  }
  return steps;
}

/** Each governance size on (or just after) a date; a field is null when the snapshot has no read then. */
export function governanceAt(s: Snapshot, date: string): Record<GovernanceField, Sample | null> {
  return Object.fromEntries(GOVERNANCE_FIELDS.map((f) => [f, sampleAt(s, f, date)])) as Record<
    GovernanceField,
    Sample | null
  >;
}

export interface SudoReading {
  /** Sudo.Key, or null when that block's runtime has no key */
  key: string | null;
  block: number;
}

/** The sudo key at the governance table's block; null when the snapshot has no governance table. */
export function sudoKey(s: Snapshot): Computed<SudoReading> | null {
  const g = s.governance;
  if (!g || s.kind === 'cited') return null;
  return {
    value: { key: g.sudoKey, block: g.block },
    formula: formulaOf('sudo-key'),
    inputs: [{ kind: 'chain', block: g.block, hash: g.hash, item: 'Sudo.Key' }],
  };
}

/** The date of a block, from the series point read at it or the head; null when the snapshot does not say. */
export function dateOfBlock(s: Snapshot, block: number): string | null {
  if (s.head?.number === block) return s.head.timestamp.slice(0, 10);
  return s.series.find((p) => p.block === block)?.date ?? null;
}
