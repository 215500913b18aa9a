/**
 * The draft essay the shared builds carry, made by `npm run new:essay` as a contributor makes one: the synthetic build
 * (a preview) shows it as a preview page, the contributed build (a production build) leaves it out
 * (tests/build/new-essay.test.ts reads both).
 */
import { spawnSync } from 'node:child_process';

/** The title given to `npm run new:essay`, and the draft's page in a build. */
export const DRAFT_TITLE = 'Who holds the keys';
export const DRAFT_PAGE = 'dist/essays/who-holds-the-keys/index.html';

export interface Scaffold {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run new:essay "Who holds the keys"` in `project`: its exit code and output. */
export function scaffoldDraft(project: string): Scaffold {
  const s = spawnSync(process.execPath, ['scripts/new-essay.ts', DRAFT_TITLE], { cwd: project, encoding: 'utf8' });
  return { status: s.status, stdout: s.stdout, stderr: s.stderr };
}
