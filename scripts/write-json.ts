/**
 * Atomic JSON output: write `<file>.tmp`, validate what was written, rename over the target. A failure leaves
 * the previous file untouched and keeps the rejected text as `<file>.err` for inspection.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeJsonAtomic(file: string, data: unknown, validate: (json: unknown, file: string) => void): void {
  mkdirSync(dirname(file), { recursive: true });
  const text = `${JSON.stringify(data, null, 1)}\n`;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  try {
    validate(JSON.parse(text), file);
  } catch (e) {
    renameSync(tmp, `${file}.err`);
    throw e;
  }
  rmSync(`${file}.err`, { force: true });
  renameSync(tmp, file);
}
