/**
 * Windows: a time-dependent verdict is computed again over the 7, 30 and 63 days before the article (VERDICT_WINDOWS)
 * and says so when a window gives another verdict than its own span, so no verdict hangs on where its span starts.
 */
import { addDays } from '../metrics/series.ts';
import type { Source } from '../model/schema.ts';
import { VERDICT_WINDOWS } from './thresholds.ts';
import type { Evidence, Verdict } from './types.ts';

export interface WindowResult {
  /** days before the article */
  days: number;
  from: string;
  /** the window's verdict, or null when the window has too few reads to judge */
  verdict: Verdict | null;
  /** the number the verdict turned on, for the evidence line, e.g. "33.1%" */
  value: string;
  sources: Source[];
}

/** Runs `judge` over each window ending on `to` (the article's date), starting no earlier than `earliest`. */
export function overWindows(
  to: string,
  judge: (from: string) => Omit<WindowResult, 'days' | 'from'>,
  earliest?: string,
): WindowResult[] {
  return VERDICT_WINDOWS.map((days) => {
    const start = addDays(to, -days);
    const from = earliest && start < earliest ? earliest : start;
    return { days, from, ...judge(from) };
  });
}

/** An evidence line listing each window's verdict, and a sentence for the reason when any differs from `main`. */
export function windowNote(main: Verdict, windows: WindowResult[], what: string): { text: string; evidence: Evidence } {
  const list = windows
    .map((w) => `${w.days} days (from ${w.from}): ${w.verdict ?? 'too few reads'}${w.value ? `, ${w.value}` : ''}`)
    .join('; ');
  const evidence: Evidence = {
    label: `The same test of ${what} over the ${VERDICT_WINDOWS.join(', ')} days before the article`,
    value: windows.map((w) => `${w.days} d: ${w.verdict ?? 'n/a'}`).join(' · '),
    formula: list,
    sources: windows.flatMap((w) => w.sources),
  };
  const differ = windows.filter((w) => w.verdict !== null && w.verdict !== main);
  const text =
    differ.length === 0
      ? ` The same test over the ${VERDICT_WINDOWS.join(', ')} days before the article gives the same verdict.`
      : ` Over shorter windows the verdict differs: ${differ.map((w) => `the ${w.days} days before the article give “${w.verdict}”${w.value ? ` (${w.value})` : ''}`).join(', ')}; the verdict stands on the span above, and the windows show how much it depends on it.`;
  return { text, evidence };
}
