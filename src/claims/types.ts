/** Verdicts: what the chain data (and cited figures) say about a checkable claim, with the evidence used. */
import type { Source } from '../model/schema.ts';
import type { ReportData } from '../model/schema.ts';

import type { Verdict } from '../model/verdicts.ts';

/** The verdict vocabulary is the model's (src/model/verdicts.ts); re-exported beside the contract that uses it. */
export { VERDICTS, type Verdict } from '../model/verdicts.ts';

export interface Evidence {
  label: string;
  /** display text, e.g. "8.61M TAO" or "62.5%" */
  value: string;
  /** how it was computed, when it was */
  formula?: string;
  sources: Source[];
}

export interface VerdictResult {
  verdict: Verdict;
  /** one or two sentences: why this verdict, from these numbers */
  reason: string;
  evidence: Evidence[];
  /**
   * For a verdict that rests on measured values: what, in the same thresholds, would change it, e.g. "a staking ratio
   * below 67.9% on any day from spec 133 to the article would make this contradicted". Shown with the reason.
   */
  flipCondition?: string;
}

/** A verdict function: pure, over the parsed data. It must say "unverifiable" when its inputs are missing. */
export type VerdictFn = (data: ReportData) => VerdictResult;
