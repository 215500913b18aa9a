/**
 * What the root-stake verdicts (root-exodus C29 and C30, three-schemes C22) share: the breaks of root stake a pair of
 * reads crosses, and the root-dividend caveat on SubnetTAO[0]. A helper, not a verdict module (those are the files
 * of src/claims/verdicts/ listed in its index.ts).
 */
import { breaksCrossed, ROOT_DIVS_BREAK, rootDivsCaveat } from '../../../model/breaks.ts';
import { breakNote, noteRootDivs, type BreakNote } from '../../evidence.ts';
import type { Evidence } from '../../types.ts';

/** The series breaks of root stake (SubnetTAO[0]) between two reads, as a verdict's note. */
export const rootStakeBreaks = (from: string, to: string): BreakNote =>
  breakNote(from, to, breaksCrossed('rootStake', from, to));

/**
 * When reads from `from` to `to` lie where SubnetTAO[0] left out the root dividends: the break's evidence row added to
 * `ev`, and a sentence of the caveat, `so` (what follows from it for the verdict) and the break; '' otherwise.
 */
export function rootDivsGap(ev: Evidence[], from: string, to: string, so: string): string {
  return noteRootDivs(ev, from, to, 'in force over this range')
    ? ` ${rootDivsCaveat('SubnetTAO[0]')}, ${so} (series break “${ROOT_DIVS_BREAK}”).`
    : '';
}
