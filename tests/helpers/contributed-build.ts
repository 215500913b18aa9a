/**
 * One real production build (TAOPROOF_PRODUCTION=1, as the nightly job deploys) of a scratch copy of the committed
 * project, changed the way contributors and the nightly job change it, shared by the test files that read what only a
 * build shows (tests/helpers/shared-build.ts: built once per run, by whichever worker asks first). Each change is one
 * test file's, and none touches what another reads:
 *
 * - a claim added as CONTRIBUTING.md says (tests/build/contributor.test.ts): C42 in content/claims.yaml, its verdict
 *   in src/claims/verdicts/staking.ts, its id and <Claim> in content/essays/staking.mdx;
 * - public/data/verdicts.json written by `npm run verdicts` from two chain-marked fixture snapshots whose verdicts
 *   differ (tests/build/corrections.test.ts);
 * - a public/data/status.json saying the nightly snapshot failed one day after the committed one was made
 *   (tests/build/build-errors.test.ts);
 * - a draft essay made by `npm run new:essay` (tests/build/new-essay.test.ts), which a production build leaves out
 *   (tests/helpers/draft.ts; the synthetic build, a preview, shows it).
 *
 * The data stays the committed (cited) snapshot, so the log's data line is the committed data's.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ROOT, tempProject } from '../../testing/project.ts';
import { scaffoldDraft, type Scaffold } from './draft.ts';
import { sharedOnce } from './shared-build.ts';
import { NIGHTS, night } from './tagged-nights.ts';

export interface ContributedBuild {
  /** the scratch project; its site is in `${project}/dist` */
  project: string;
  /** `astro build`'s exit code and its output (TAOPROOF_PRODUCTION=1), without colour codes */
  status: number | null;
  output: string;
  /** the files under src/ and content/ that differ from the project's once the claim is added, sorted */
  claimChanged: string[];
  /** the verdicts.json `npm run verdicts` wrote, as copied into public/data */
  verdictsFile: string;
  /** lastAttempt of the failed nightly snapshot in public/data/status.json */
  failedAt: string;
  /** `npm run new:essay "Who holds the keys"` in the project: its exit code and output */
  scaffold: Scaffold;
}

/** The scratch project changed as above, built once per vitest run. */
export function contributedBuild(): Promise<ContributedBuild> {
  return sharedOnce('contributed', async (dir): Promise<ContributedBuild> => {
    const project = tempProject();
    const edit = (file: string, f: (t: string) => string) =>
      writeFileSync(join(project, file), f(readFileSync(join(project, file), 'utf8')));

    // a claim, as CONTRIBUTING.md says (its three steps, in order)
    // 1. its entry in content/claims.yaml, quoting a part of its paragraph (p08, a line of the staking essay)
    const p08 = /- id: p08\n(?: {2}.*\n)*? {2}ja: "?([^"\n]{12})/.exec(
      readFileSync(join(project, 'content/article/paragraphs.yaml'), 'utf8'),
    )![1];
    edit(
      'content/claims.yaml',
      (t) =>
        `${t.trimEnd()}\n- id: C42\n  type: figure\n  paragraph: p08\n  essay: staking\n  ja: "${p08}"\n  en: "A figure added by a contributor."\n  summary: "A contributor's claim"\n  check: "TotalStake at the article's date."\n  assessment: "Not assessed yet."\n  sources: []\n`,
    );
    // 2. its verdict, an export named for its id in the essay's module, with a reason that says what it rests on
    edit(
      'src/claims/verdicts/staking.ts',
      (t) =>
        `${t}\n/** C42: a contributor's claim. */\nexport const C42: VerdictFn = () => ({ verdict: 'unverifiable', reason: 'No chain read of TotalStake at the article’s date is in this build yet.', evidence: [] });\n`,
    );
    // 3. in the essay, its id in the claims: list and <Claim id="C42" />
    edit('content/essays/staking.mdx', (t) =>
      t
        .replace(/^claims: \[/m, 'claims: [C42, ')
        .replace('<Claim id="C11" />', '<Claim id="C11" />\n\n<Claim id="C42" />'),
    );
    const claimChanged = changedFiles(project, ['src', 'content']);

    // the nightly verdicts of two nights, as `npm run verdicts` records them
    const nights = join(dir, 'verdicts');
    mkdirSync(nights);
    for (const { drop, days } of NIGHTS) await night(nights, drop, days);
    const verdictsFile = join(nights, 'verdicts.json');
    copyFileSync(verdictsFile, join(project, 'public/data/verdicts.json'));

    // a failed nightly snapshot, one day after the committed snapshot was generated, so it is news to readers
    const generatedAt = (
      JSON.parse(readFileSync(join(project, 'public/data/snapshot.json'), 'utf8')) as {
        source: { generatedAt: string };
      }
    ).source.generatedAt;
    const failedAt = new Date(Date.parse(generatedAt) + 86_400_000).toISOString();
    writeFileSync(
      join(project, 'public/data/status.json'),
      JSON.stringify({
        statusVersion: 1,
        lastAttempt: failedAt,
        lastSuccess: '2026-11-20T03:00:00.000Z',
        error: 'wss://entrypoint-finney.opentensor.ai:443: timed out after 30000 ms',
      }),
    );

    // a draft essay, scaffolded
    const scaffold = scaffoldDraft(project);

    const b = build(project, { TAOPROOF_PRODUCTION: '1' });
    return { project, status: b.status, output: b.output, claimChanged, verdictsFile, failedAt, scaffold };
  });
}

/** The files under `folders` of the scratch copy `dir` whose text differs from the project's, sorted. */
function changedFiles(dir: string, folders: string[]): string[] {
  const walk = (d: string): string[] =>
    readdirSync(join(dir, d), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
    );
  return folders
    .flatMap(walk)
    .filter((f) => readFileSync(join(dir, f), 'utf8') !== readFileSync(join(ROOT, f), 'utf8'))
    .sort();
}
