/**
 * Two nights of chain-marked data in a scratch git repository, each tagged by `npm run tag-data` (scripts/tag-data.ts
 * run()): the snapshot and the verdicts.json `npm run verdicts` writes from it, whose verdicts differ between the
 * nights, and a reply received between them. The synthetic build carries the versions.json and the reply
 * (tests/helpers/synthetic-build.ts); tests/build/versions.test.ts reads the repository and that build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../scripts/tag-data.ts';
import { run as verdicts } from '../../scripts/verdicts.ts';
import { ROOT } from '../../testing/project.ts';
import { rootOutflowSnapshot } from '../fixtures/snapshots.ts';

/** A reply to C30, received on the second night. */
export const REPLY = `- date: "2026-12-02"
  claim: C30
  from: "A. Replier"
  role: "a person the report names"
  url: "https://example.org/reply"
  text: "The 5.71M in the article is the stakers' root stake, not the SubnetTAO[0] counter."
  response: "Noted on the claim's page; the verdict stays unverifiable until the chain's SubnetTAO[0] is read."
`;

export const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

/**
 * The two nights' data (rootOutflowSnapshot's root-stake drop and days): root stake falls further on the second night,
 * so some verdicts flip between them. The tagged nights below and the contributed build's verdicts.json use both.
 */
export const NIGHTS = [
  { drop: 150_000, days: 67 },
  { drop: 300_000, days: 68 },
] as const;

/**
 * One night's data in the folder `dataDir` (a project's public/data): a chain-marked snapshot and the verdicts
 * `npm run verdicts` records from it (appended to the folder's verdicts.json).
 */
export async function night(dataDir: string, drop: number, days: number) {
  writeFileSync(join(dataDir, 'snapshot.json'), JSON.stringify(rootOutflowSnapshot(drop, days)));
  await verdicts(['--dir', dataDir]);
}

/**
 * A git repository at `repo` holding the project's content, then two nights tagged data-2026-12-01 and -02 (the first
 * night's run made twice: the second has nothing to tag), the reply committed between them. Returns tag-data's
 * message of each run; the versions are in `${repo}/public/data/versions.json`.
 */
export async function taggedNights(repo: string): Promise<string[]> {
  mkdirSync(join(repo, 'public/data'), { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'config', 'user.name', 'test');
  git(repo, 'config', 'user.email', 'test@example.org');
  git(repo, 'config', 'commit.gpgsign', 'false');
  git(repo, 'config', 'tag.gpgsign', 'false');
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'content');

  const data = join(repo, 'public/data');
  const messages: string[] = [];
  await night(data, NIGHTS[0].drop, NIGHTS[0].days);
  messages.push((await run(['--cwd', repo, '--date', '2026-12-01'])).message);
  messages.push((await run(['--cwd', repo, '--date', '2026-12-01'])).message); // no change: nothing to tag
  writeFileSync(join(repo, 'content/replies.yaml'), REPLY);
  git(repo, 'commit', '-qam', 'a reply');
  await night(data, NIGHTS[1].drop, NIGHTS[1].days);
  messages.push((await run(['--cwd', repo, '--date', '2026-12-02'])).message);
  return messages;
}
