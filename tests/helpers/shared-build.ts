/**
 * One scratch build per set of data files (and named preparation), shared by every test file of a vitest run that
 * needs it (e.g. the site built from the synthetic dTAO snapshot, tests/helpers/synthetic-build.ts).
 *
 * The build is `npm run preview:synthetic`'s own (`scratchProject` + `buildScratch`, testing/project.ts):
 * a scratch copy of the project whose public/data holds the given files, changed by the preparation if any. It goes in
 * the run's scratch folder (tests/helpers/global-setup.ts provides it, and removes it after the run), under a key
 * hashed from the files and the preparation's name, so
 * the first test file that asks builds it and the others, in any worker, wait for it. Run outside vitest's
 * globalSetup (a single file with another config), it builds into a folder of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { buildScratch, ROOT, scratchProject } from '../../testing/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** this run's scratch folder (tests/helpers/global-setup.ts) */
    scratchDir: string;
  }
}

export interface SharedBuild {
  /** the scratch project (its public/data holds the files) */
  project: string;
  /** the built site */
  dist: string;
  /** `astro build`'s output, without colour codes */
  output: string;
  /** sha256 of each file in the project's own public/data, before and after the build */
  publicData: { before: Record<string, string>; after: Record<string, string> };
}

/**
 * A change made to the scratch project before it is built (its name is part of the build's key); `dir` is the build's
 * folder in the run's scratch folder, for files of its own. What it returns (JSON) is the build's `prepared`.
 */
export interface Prepare<T> {
  name: string;
  run: (project: string, dir: string) => T | Promise<T>;
}

const PUBLIC_DATA = join(ROOT, 'public/data');
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const digest = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, sha(readFileSync(join(dir, f)))]));

function runDir(): string {
  try {
    return inject('scratchDir');
  } catch {
    return mkdtempSync(join(tmpdir(), 'taoproof-shared-'));
  }
}

const pending = new Map<string, Promise<unknown>>();

/**
 * The site built from `files` (name in public/data -> contents), after `prepare` if given (its result is `prepared`),
 * built once per run.
 */
export function sharedBuild<T = undefined>(
  files: Record<string, string>,
  prepare?: Prepare<T>,
): Promise<SharedBuild & { prepared: T }> {
  const key = sha(JSON.stringify([Object.entries(files).sort(), prepare?.name])).slice(0, 16);
  return sharedOnce(`build-${key}`, async (dir) => {
    const data = join(dir, 'data');
    mkdirSync(data);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(data, name)), { recursive: true }); // e.g. proofs/<block>.json
      writeFileSync(join(data, name), text);
    }
    const before = digest(PUBLIC_DATA);
    const project = scratchProject(data);
    const prepared = (await prepare?.run(project, dir)) as T;
    const { dist, output } = buildScratch(project);
    return { project, dist, output, publicData: { before, after: digest(PUBLIC_DATA) }, prepared };
  });
}

/**
 * `make(dir)` once per run under the name `name` (a folder of its own, `dir`, in the run's scratch folder): the first
 * caller in any worker runs it, the others wait for its result, which must be JSON and, when it names a scratch
 * project (`project`), has it removed after the run (tests/helpers/global-setup.ts). A failure is every caller's.
 */
export function sharedOnce<T>(name: string, make: (dir: string) => T | Promise<T>): Promise<T> {
  let p = pending.get(name) as Promise<T> | undefined;
  if (!p) pending.set(name, (p = once(join(runDir(), name), make)));
  return p;
}

async function once<T>(dir: string, make: (dir: string) => T | Promise<T>): Promise<T> {
  const result = join(dir, 'result.json');
  const failed = join(dir, 'failed.txt');
  let mine = false;
  try {
    mkdirSync(dir); // atomic: the one worker that creates it builds, the others wait for its result
    mine = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (mine) {
    try {
      const text = JSON.stringify(await make(dir));
      writeFileSync(result, text);
      return JSON.parse(text) as T; // what the waiting callers get
    } catch (e) {
      writeFileSync(failed, (e as Error).message);
      throw e;
    }
  }
  for (;;) {
    if (existsSync(result)) return JSON.parse(readFileSync(result, 'utf8')) as T;
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    await new Promise((r) => setTimeout(r, 250));
  }
}
