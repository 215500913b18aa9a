/**
 * Every verdict function run once on this build's data before Astro renders, so a mistake in one names its module,
 * its line and its claim (`src/claims/verdicts/premine.ts:41: C06: …`) instead of the page that happened to render it
 * first and a bundled chunk under dist/. Catches a function that throws, one that returns a promise, and one whose
 * result is malformed (an unknown verdict, an empty reason, evidence without sources) or shows "NaN" or "undefined".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VerdictResultShape } from '../model/verdicts.ts';
import type { VerdictFn } from '../claims/types.ts';
import type { ReportData } from '../model/schema.ts';
import { formatIssues } from '../data/errors.ts';

/** Text a reader would see that a computation failed to fill ("NaN%", "undefined TAO"). */
const BROKEN_TEXT = /\b(NaN|undefined|Infinity)\b|\[object Object\]/;

/**
 * The verdict modules as Node itself loads them (it strips the types in place, so every line stays the source's),
 * not as the bundler's module runner does (its stack traces give the line of the transformed code). `new Function`
 * keeps the bundler from rewriting this import.
 */
export async function nativeVerdicts(
  root: string,
  files: Record<string, string>,
  /** a new value loads the modules afresh (the dev server, after an edit) */
  version?: string,
): Promise<Record<string, VerdictFn>> {
  const viaNode = new Function('url', 'return import(url)') as (url: string) => Promise<Record<string, unknown>>;
  // inside a test runner's VM context Node's own import is not available; its runner maps stack traces itself
  const load = (url: string) =>
    viaNode(`${url}${version ? `?v=${version}` : ''}`).catch((e: unknown) =>
      e instanceof TypeError && /dynamic import callback/.test(e.message)
        ? (import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>)
        : Promise.reject(e),
    );
  const fns: Record<string, VerdictFn> = {};
  for (const file of new Set(Object.values(files))) {
    const mod = await load(pathToFileURL(join(root, file)).href);
    for (const [id, fn] of Object.entries(mod)) if (files[id] === file) fns[id] = fn as VerdictFn;
  }
  return fns;
}

/** The line of `export const C06` (or `export function C06`) in a verdict module, or 1. */
function exportLine(root: string, file: string, id: string): number {
  try {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const i = lines.findIndex((l) => new RegExp(`^export\\s+(const|function|let)\\s+${id}\\b`).test(l));
    return i + 1 || 1;
  } catch {
    return 1;
  }
}

/** The first place in the project's own source the error was thrown from, as `src/…ts:line`. */
export function thrownAt(err: unknown, root: string): string | null {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  for (const m of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+\.ts):(\d+)(?::\d+)?/g)) {
    const path = m[1].startsWith(`${root}/`) ? m[1].slice(root.length + 1) : null;
    if (path?.startsWith('src/')) return `${path}:${m[2]}`;
  }
  return null;
}

/**
 * Run each verdict on `data` and report, one line each, the functions that throw, return a promise or return a
 * malformed result. `files` maps a claim id to its module (`src/claims/verdicts/premine.ts`).
 */
export function checkVerdictFunctions(
  root: string,
  fns: Record<string, VerdictFn>,
  files: Record<string, string>,
  data: ReportData,
): string[] {
  const problems: string[] = [];
  for (const [id, fn] of Object.entries(fns)) {
    const file = files[id];
    const at = `${file}:${exportLine(root, file, id)}`;
    let result: unknown;
    try {
      result = fn(data);
    } catch (e) {
      const where = thrownAt(e, root);
      const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : `a ${typeof e}: ${String(e)}`;
      problems.push(
        `${where && where.startsWith(file) ? where : at}: ${id}: the verdict function threw ${what}${where && !where.startsWith(file) ? ` (at ${where})` : ''}; a verdict answers "unverifiable" when its data is missing instead of throwing`,
      );
      continue;
    }
    if (result instanceof Promise || typeof (result as { then?: unknown })?.then === 'function') {
      problems.push(
        `${at}: ${id}: the verdict function returned a promise; verdicts are synchronous (no async, no await)`,
      );
      continue;
    }
    const r = VerdictResultShape.safeParse(result);
    if (!r.success) {
      for (const line of formatIssues(r.error, result, [id])) problems.push(`${at}: ${line}`);
      continue;
    }
    const texts: Array<[string, string]> = [
      ['reason', r.data.reason],
      ...r.data.evidence.flatMap((ev, i): Array<[string, string]> => [
        [`evidence[${i}].label`, ev.label],
        [`evidence[${i}].value`, ev.value],
      ]),
    ];
    for (const [path, text] of texts) {
      const bad = BROKEN_TEXT.exec(text);
      if (bad)
        problems.push(
          `${at}: ${id}.${path}: shows "${bad[0]}" (${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}); a number it formats is missing or not a number`,
        );
    }
  }
  return problems;
}
