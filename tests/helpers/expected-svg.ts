/**
 * Expected SVG files, compared as Observable Plot's own tests compare theirs: numbers rounded before comparing, the
 * committed file under tests/charts/expected/<name>.svg; on mismatch the new output is written beside it as
 * <name>-changed.svg. A missing file is written on a developer's machine and is a failure in CI (nothing
 * regenerates there). (Called "expected", not "snapshots": in this project a snapshot is public/data/snapshot.json.)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '..', 'charts', 'expected');

/** Round numbers to 2 decimals, as Plot's tests do, so float noise does not fail a test. */
export function normalizeSvg(svg: string): string {
  return svg.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)).replace(/></g, '>\n<');
}

export function matchExpectedSvg(name: string, svg: string): { ok: true } | { ok: false; message: string } {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${name}.svg`);
  const changed = join(DIR, `${name}-changed.svg`);
  const actual = normalizeSvg(svg);
  if (!existsSync(file)) {
    if (process.env.CI)
      return { ok: false, message: `missing expected SVG ${file}: run the tests locally and commit it` };
    writeFileSync(file, actual);
    return { ok: true };
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return { ok: true };
  }
  writeFileSync(changed, actual);
  return {
    ok: false,
    message: `${name}.svg differs from the committed expected SVG; see ${changed} (replace the expected file if the change is intended)`,
  };
}
