/** Building blocks for verdict functions: figures by id, chain observations near a date, and evidence lines. */
import type { ReportData } from '../model/schema.ts';
import type { Figure, SeriesField, Source } from '../model/schema.ts';
import { formatFigure, formatPercent, formatTao, formatTaoChange, raoToTao } from '../metrics/amount.ts';
import type { Computed } from '../metrics/provenance.ts';
import { measuredAt, type Change, type Observation } from '../metrics/series.ts';
import type { Evidence, Verdict, VerdictResult } from './types.ts';
import { ROOT_DIVS_BREAK, SERIES_BREAKS, type SeriesBreak } from '../model/breaks.ts';
import { DTAO_DATE } from '../metrics/dates.ts';
import { dtaoRead } from '../metrics/upgrades.ts';
import { SERIES_FIELDS } from '../model/series.ts';
import type { Snapshot } from '../model/schema.ts';
import { figureById, figureText } from '../metrics/figures.ts';

export { figureText };

export function figure(data: ReportData, id: string): Figure {
  return figureById(data.reference, id);
}

/** A cited figure as the article's English writes it (`70%`, `$2B`, `5.38M`): prose never writes one as a literal. */
export function said(data: ReportData, id: string): string {
  return figureText(figure(data, id));
}

export function figureEvidence(f: Figure, label = f.label): Evidence {
  return {
    label: `${f.source.by === 'article' ? 'The article' : f.source.title}: ${label}`,
    value: formatFigure(f),
    sources: [f.source],
  };
}

/** A chain (or synthetic) observation of `field` on or just after `date`; null in a cited-figures build. */
export function chainAt(data: ReportData, field: SeriesField, date: string): Observation | null {
  return measuredAt(data.snapshot, field, date);
}

export function observationEvidence(label: string, o: Observation, unit: 'rao' | 'count' = 'rao'): Evidence {
  return {
    label: `${label} (${o.date})`,
    value: unit === 'rao' ? formatTao(o.value) : o.value.toLocaleString('en-US'),
    sources: [o.source],
  };
}

/** |a − b| / b, for comparing the article's figures with the chain's. */
export function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

export const tao = (o: Observation) => raoToTao(o.value);

export function result(verdict: Verdict, reason: string, evidence: Evidence[]): VerdictResult {
  return { verdict, reason, evidence };
}

/** The standard answer when the build has no chain data for a claim. */
export function needsChain(what: string, evidence: Evidence[]): VerdictResult {
  return result(
    'unverifiable',
    `This build has no chain data for ${what}; the verdict follows once a chain snapshot is committed.`,
    evidence,
  );
}

import { TOLERANCE } from './thresholds.ts';
export { TOLERANCE };

/** Whether a rounded article figure matches a measured value (within TOLERANCE, relative to the measured value). */
export function matches(claimed: number, measured: number): boolean {
  return relativeGap(claimed, measured) <= TOLERANCE;
}

/** Several independent checks of one claim: all hold → supported, none → contradicted, some → partly supported. */
export function tally(checks: boolean[]): Verdict {
  const held = checks.filter(Boolean).length;
  return held === checks.length ? 'supported' : held === 0 ? 'contradicted' : 'partly supported';
}

/** The date a figure describes; the article's figures all carry one. */
export function dateOf(f: Figure): string {
  if (!f.asOf) throw new Error(`content/reference.yaml: figures: ${f.id}.asOf: expected a date for this check`);
  return f.asOf;
}

/** A figure in TAO (RAO amounts) or as a plain number (ratios, counts, dollars). */
export function valueOf(f: Figure): number {
  return f.unit === 'rao' ? raoToTao(BigInt(f.value)) : Number(f.value);
}

/** `−150k TAO`, `+7.2k TAO`: a signed change. */
export const formatChange = (r: bigint) => formatTaoChange(r);

export const pct = (x: number, digits = 1) => formatPercent(x, digits);

/** An evidence line for a computed value, naming its formula and every input's source. */
export function computedEvidence(
  label: string,
  value: string,
  c: Pick<Computed<unknown>, 'formula' | 'inputs'>,
): Evidence {
  return { label, value, formula: c.formula, sources: c.inputs };
}

/** A change between two chain reads: "Root stake, 2025-02-13 → 2025-04-17: −150k TAO". */
export function changeEvidence(label: string, c: Computed<Change>): Evidence {
  const { before, after, delta } = c.value;
  return computedEvidence(
    `${label}, ${before.date} → ${after.date} (${formatTao(before.value)} → ${formatTao(after.value)})`,
    formatChange(delta),
    c,
  );
}

/** An evidence line citing code or a publication without a figure in content/reference.yaml. */
export function citedEvidence(label: string, value: string, source: Source): Evidence {
  return { label, value, sources: [source] };
}

/**
 * Several checks of one claim where each may fall inside its tolerance band (null): any check inside its band makes
 * the claim unverifiable (the data cannot decide it), otherwise as `tally`.
 */
export function tallyBanded(checks: Array<boolean | null>): Verdict {
  return checks.some((c) => c === null) ? 'unverifiable' : tally(checks as boolean[]);
}

/** The series break with this id (src/model/breaks.ts); throws, naming the file, when the table lacks it. */
function breakById(id: string): SeriesBreak {
  const b = SERIES_BREAKS.find((x) => x.id === id);
  if (!b) throw new Error(`src/model/breaks.ts: SERIES_BREAKS: expected a row with id "${id}"`);
  return b;
}

/** An evidence line for a series break, citing its source in opentensor/subtensor. */
export function breakEvidence(b: SeriesBreak, why = 'crossed by this comparison'): Evidence {
  return {
    label: `Series break ${why}: ${b.label} (${b.spec !== null ? `spec ${b.spec}, ` : ''}${b.approximate ? 'about ' : ''}${b.date}; methodology #break-${b.id})`,
    value: b.id,
    sources: [
      {
        kind: 'cited',
        by: 'publication',
        ref: 'subtensor-repo',
        url: b.code.url,
        title: `${b.code.repo} ${b.code.ref}, ${b.code.path}`,
      },
    ],
  };
}

export interface BreakNote {
  breaks: SeriesBreak[];
  /** a sentence for the reason, '' when no break is crossed */
  text: string;
  evidence: Evidence[];
}

/**
 * The breaks a comparison of two reads crosses (`breaksCrossed` of src/model/breaks.ts, or a change's own `breaks`),
 * as a sentence for the reason and evidence lines.
 */
export function breakNote(from: string, to: string, breaks: readonly SeriesBreak[]): BreakNote {
  if (breaks.length === 0) return { breaks: [], text: '', evidence: [] };
  const list = breaks.map((b) => `${b.label} (${b.approximate ? 'about ' : ''}${b.date}, break “${b.id}”)`).join('; ');
  return {
    breaks: [...breaks],
    text: ` Between ${from} and ${to} the chain’s own counters changed: ${list}; part of the difference between the two reads is that change, not staking.`,
    evidence: breaks.map((b) => breakEvidence(b)),
  };
}

/** When a range of reads lies within [dTAO, spec 283), SubnetTAO[0] and TotalStake left out the root dividends paid. */
function rootDivsOmitted(from: string, to: string): boolean {
  const fix = breakById(ROOT_DIVS_BREAK);
  return to >= DTAO_DATE && from < fix.date;
}

/** The root-dividend break as an evidence row, `in force over this range` of reads or `in force on this date`. */
export function rootDivsEvidence(why: 'in force over this range' | 'in force on this date'): Evidence {
  return breakEvidence(breakById(ROOT_DIVS_BREAK), why);
}

/** rootDivsOmitted, and when it is so, the break's evidence row added to `ev`. */
export function noteRootDivs(
  ev: Evidence[],
  from: string,
  to: string,
  why: 'in force over this range' | 'in force on this date',
): boolean {
  const omitted = rootDivsOmitted(from, to);
  if (omitted) ev.push(rootDivsEvidence(why));
  return omitted;
}

/**
 * Where the values "at dTAO" of the given series were read (src/metrics/upgrades.ts dtaoRead), as one evidence line
 * each (block, hash, item) and a sentence for the reason: at the last block before dTAO's first block when the snapshot
 * recorded the upgrade, else the first day sampled on or after its date. Empty without chain reads.
 */
export function dtaoNote(snapshot: Snapshot, fields: readonly SeriesField[]): { text: string; evidence: Evidence[] } {
  const reads = fields.flatMap((f) => {
    const r = dtaoRead(snapshot, f);
    return r ? [{ field: f, ...r }] : [];
  });
  const evidence = reads.map((r): Evidence => ({
    label: `${SERIES_FIELDS[r.field].label} at dTAO, ${r.text}`,
    value: SERIES_FIELDS[r.field].unit === 'rao' ? formatTao(r.observation.value) : r.observation.value.toString(),
    sources: [r.observation.source],
  }));
  const exact = reads.filter((r) => r.how === 'upgrade');
  const sampled = reads.filter((r) => r.how === 'first-sample');
  const lower = (x: string) => (/^[A-Z][a-z]/.test(x) ? x[0].toLowerCase() + x.slice(1) : x);
  const label = (rs: typeof reads) => rs.map((r) => lower(SERIES_FIELDS[r.field].label)).join(' and ');
  const parts: string[] = [];
  if (exact.length) {
    const u = exact[0].upgrade!;
    parts.push(
      `${label(exact)} at dTAO ${exact.length > 1 ? 'are' : 'is'} read at block ${u.before.block!.toLocaleString('en-US')}, the last block before dTAO’s first block ${u.firstBlock.toLocaleString('en-US')} (${u.timestamp.slice(0, 16).replace('T', ' ')} UTC)`,
    );
  }
  if (sampled.length) {
    const first = sampled[0];
    parts.push(
      `${label(sampled)} at dTAO ${sampled.length > 1 ? 'are' : 'is'} the first day sampled on or after ${DTAO_DATE} (${first.observation.date}, block ${first.observation.block?.toLocaleString('en-US')}), ${first.upgrade ? 'since no such series existed before dTAO' : 'as this snapshot has no record of the dTAO upgrade block'}`,
    );
  }
  const text = parts.length ? ` ${parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('; ')}.` : '';
  return { text, evidence };
}
