/**
 * Once per vitest run: a scratch folder for the builds the test files share (tests/helpers/shared-build.ts), removed
 * with the scratch projects it names once the run ends.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'taoproof-run-'));
  project.provide('scratchDir', dir);
  return () => {
    for (const name of readdirSync(dir)) {
      const result = join(dir, name, 'result.json'); // written by sharedBuild once its build is done
      if (existsSync(result))
        rmSync((JSON.parse(readFileSync(result, 'utf8')) as { project: string }).project, {
          recursive: true,
          force: true,
        });
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
