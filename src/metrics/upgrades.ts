/**
 * Reading a series "at" a runtime upgrade (dTAO above all): at the last block the old runtime ran, the parent of the
 * new runtime's first block, which the snapshot records for the upgrades of src/model/upgrades.ts (schema.ts
 * `Upgrade`). Without that record (a cited build, a file written before schema version 5, a history that starts
 * later), a read "at dTAO" is the first day sampled on or after its date, as every read before was: for dTAO, the
 * first block of 2025-02-14, some hours after the upgrade, by which time stake had already moved.
 */
import type { SeriesField, Snapshot, Source, Upgrade } from '../model/schema.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import { DTAO_SPEC } from '../model/upgrades.ts';
import { DTAO_DATE } from './dates.ts';
import { pointSource, type Computed } from './provenance.ts';
import { addDays, changeBetween, measuredAt, type Change, type Observation } from './series.ts';

/** The recorded upgrade into `spec` (its first block ran `spec` or a later one, its parent an older one); null without. */
export function upgradeInto(snapshot: Snapshot, spec: number): Upgrade | null {
  if (snapshot.kind === 'cited') return null;
  return snapshot.upgrades.find((u) => u.specVersion >= spec && (u.before.specVersion ?? spec) < spec) ?? null;
}

/**
 * Fields that exist at dTAO's parent block only under another item (AT_DTAO_WHY says why that item holds the same
 * TAO). Fields absent there and not listed (the pools, the injections: nothing existed before dTAO) have no value at
 * the upgrade. Kept apart from the reasons, which only the verdicts' text needs (the live charts import this module).
 */
export const AT_DTAO_AS: Partial<Record<SeriesField, SeriesField>> = { rootStake: 'totalStake' };
export const AT_DTAO_WHY: Partial<Record<SeriesField, string>> = {
  rootStake:
    'SubnetTAO[0] does not exist before dTAO: migrate_rao, run in the first block of spec 233, added every Stake entry to it (opentensor/subtensor v2.0.0 migrate_rao.rs L37-58), so root’s TAO at dTAO is the stake the old runtime counted in TotalStake',
};

/** `field` at the last block before dTAO (under AT_DTAO_AS's item where its own did not exist yet); null without a record or a value there. */
function atDtaoObservation(snapshot: Snapshot, field: SeriesField): { o: Observation; u: Upgrade } | null {
  const u = upgradeInto(snapshot, DTAO_SPEC);
  if (!u) return null;
  const read = AT_DTAO_AS[field] ?? field;
  const p = u.before;
  const v = p.values[read];
  if (v === null || v === undefined || !/^-?\d+$/.test(v)) return null;
  return { o: { date: p.date, block: p.block, value: BigInt(v), source: pointSource(p, read) }, u };
}

/** A value "at dTAO" and how it was read, for the evidence. */
export interface DtaoRead {
  observation: Observation;
  /** `upgrade`: at the parent of the dTAO upgrade's first block; `first-sample`: the first day sampled on or after DTAO_DATE */
  how: 'upgrade' | 'first-sample';
  /** the recorded upgrade, when the snapshot has one (also for a `first-sample` read of a field absent before it) */
  upgrade: Upgrade | null;
  /** one sentence: where the value was read and why there */
  text: string;
}

/** atDtaoObservation, with a sentence saying where it was read and why there (block, hash, item). */
export function atDtaoUpgrade(snapshot: Snapshot, field: SeriesField): Omit<DtaoRead, 'how'> | null {
  const at = atDtaoObservation(snapshot, field);
  if (!at) return null;
  const { o, u } = at;
  const p = u.before;
  const read = AT_DTAO_AS[field] ?? field;
  const why = AT_DTAO_WHY[field];
  const block = (n: number) => `#${n.toLocaleString('en-US')}`;
  const text = `read at block ${block(p.block!)} (${p.hash}), the last block run by spec ${p.specVersion}, the parent of dTAO’s first block ${block(u.firstBlock)} (spec ${u.specVersion}, ${u.timestamp.slice(0, 16).replace('T', ' ')} UTC): ${SERIES_FIELDS[read].item}${why ? `, since ${why}` : ''}`;
  return { observation: o, upgrade: u, text };
}

/** `field` at dTAO: at the upgrade's parent block when recorded and present there, else the first day sampled on or after DTAO_DATE. */
export function dtaoRead(snapshot: Snapshot, field: SeriesField): DtaoRead | null {
  const exact = atDtaoUpgrade(snapshot, field);
  if (exact) return { ...exact, how: 'upgrade' };
  const o = measuredAt(snapshot, field, DTAO_DATE);
  if (!o) return null;
  const upgrade = upgradeInto(snapshot, DTAO_SPEC);
  const why = upgrade
    ? `${SERIES_FIELDS[field].item} did not exist at the last block before dTAO (#${upgrade.before.block!.toLocaleString('en-US')}, spec ${upgrade.before.specVersion})`
    : 'the snapshot has no record of the dTAO upgrade block';
  return {
    observation: o,
    how: 'first-sample',
    upgrade,
    text: `read at the first day sampled on or after ${DTAO_DATE}: ${o.date}, block #${o.block?.toLocaleString('en-US')} (${o.source.kind === 'chain' ? o.source.hash : 'cited'}), ${SERIES_FIELDS[field].item}; ${why}`,
  };
}

/**
 * How a field changed from `from` to `to` (series.ts changeBetween), starting at the dTAO upgrade's parent block when
 * `from` is DTAO_DATE and the snapshot recorded it: every "since dTAO" change the report computes goes through here.
 */
export function changeSince(snapshot: Snapshot, field: SeriesField, from: string, to: string): Computed<Change> | null {
  const exact = from === DTAO_DATE ? atDtaoObservation(snapshot, field) : null;
  return exact ? changeBetween(snapshot, field, from, to, exact.o) : changeBetween(snapshot, field, from, to);
}

/** The blocks dTAO's runtime ran before the first day sampled after it, which that day's per-block rate stands for. */
export interface DtaoLeadIn {
  blocks: number;
  upgrade: Upgrade;
  /** the first block of dTAO, the lead-in's start, as an input of the estimate */
  source: Source;
}

/**
 * For an estimate of a flow "since dTAO" from day samples (each day's per-block rate × 7,200): the blocks from dTAO's
 * first block to the first sample, when `from` is DTAO_DATE, the upgrade is recorded and `first` is the sample of the
 * day after it. The dTAO day's own sample ran the old runtime, so without this the estimate leaves those hours out.
 */
export function dtaoLeadIn(
  snapshot: Snapshot,
  from: string,
  first: { date: string; block: number | null } | undefined,
): DtaoLeadIn | null {
  const u = from === DTAO_DATE ? upgradeInto(snapshot, DTAO_SPEC) : null;
  if (!u || !first || first.block === null || first.block <= u.firstBlock || first.date !== addDays(u.date, 1))
    return null;
  return {
    blocks: first.block - u.firstBlock,
    upgrade: u,
    source: { kind: 'chain', block: u.firstBlock, hash: u.firstHash, item: 'System.LastRuntimeUpgrade' },
  };
}

/** How a dTAO lead-in enters a sampled estimate's formula (a note to METRICS' formula). */
export const leadInFormula = (lead: DtaoLeadIn) =>
  `plus the first day's rate × the ${lead.blocks.toLocaleString('en-US')} blocks from dTAO's first block ${lead.upgrade.firstBlock.toLocaleString('en-US')} to that day's sample`;
