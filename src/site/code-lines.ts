/**
 * Where a verdict's code lives, to the line: the verdict function (`export const C06` in its essay's module) and its
 * tests (`describe('C06…` in tests/claims/<essay>.test.ts), found in the files at build time so a link never points
 * at a line that moved.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface CodeLine {
  file: string;
  /** 1-based; null when the file exists but the line was not found */
  line: number | null;
}

/** The first line of `file` matching `re`, or null when the file is missing. */
export function findLine(file: string, re: RegExp): CodeLine | null {
  if (!existsSync(file)) return null;
  const i = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => re.test(l));
  return { file, line: i < 0 ? null : i + 1 };
}

/** The verdict function of a claim and its tests; null where there is none (an opinion has neither). */
export function verdictCode(
  id: string,
  essay: string,
  verdictFiles: Readonly<Record<string, string>>,
): { verdict: CodeLine | null; test: CodeLine | null } {
  const file = Object.hasOwn(verdictFiles, id) ? verdictFiles[id] : null;
  if (!file) return { verdict: null, test: null };
  return {
    verdict: findLine(file, new RegExp(`^export const ${id}\\b`)),
    test: findLine(`tests/claims/${essay}.test.ts`, new RegExp(`describe\\(['"\`]${id}\\b`)),
  };
}
