/**
 * The one site built from synthetic data per test run (shared-build.ts), for every test file that needs a filled site:
 * the dTAO snapshot (tests/fixtures/snapshots.ts) whose head block has a real header and state, every current value
 * proven in its proof file beside the data (public/data/proofs/<block>.json, as the snapshot publishes it: values
 * encoded by @polkadot/types, trie by chopsticks, header by @polkadot/types). Its blocks and dates are the fixture's;
 * only the head's hash is the header's. It also carries, for the test files that read them:
 * - a draft essay made by `npm run new:essay` (tests/helpers/draft.ts), shown as a preview page (tests/build/new-essay.test.ts);
 * - the versions.json of two tagged nights and the reply received between them (tests/helpers/tagged-nights.ts), shown
 *   on /changes/ and the claim pages (tests/build/versions.test.ts).
 * The charts' checks, the preview's, the draft's, the versions' and the browser's Verify read the same build.
 */
import type { Snapshot } from '../../src/model/schema.ts';
import { dtaoSnapshot } from '../fixtures/snapshots.ts';
import { proofFixture, type FixtureValue, type ProofFile } from '../verify/fixture.ts';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaffoldDraft, type Scaffold } from './draft.ts';
import { REPLY, taggedNights } from './tagged-nights.ts';
import { sharedBuild, type SharedBuild } from './shared-build.ts';

/** The dTAO snapshot, its head block given a real header and state: every current value proven in its proof file. */
export async function provenSnapshot(): Promise<{ snapshot: Snapshot; proof: ProofFile }> {
  const s = dtaoSnapshot();
  const head = s.head!;
  const type: Record<string, string> = { 'SubtensorModule.SubnetOwnerCut': 'u16' };
  const values: FixtureValue[] = Object.values(s.current).map((q) => {
    if (q.source.kind !== 'chain') throw new Error('expected chain sources');
    const m = /^([A-Za-z]+\.[A-Za-z]+)(?:\[(\d+)\])?$/.exec(q.source.item)!;
    return { item: m[1], args: m[2] ? [Number(m[2])] : [], type: type[m[1]] ?? 'u64', value: BigInt(q.value!) };
  });
  const p = await proofFixture(head.number, values);
  const old = head.hash;
  const rehash = (h: string) => (h === old ? p.hash : h);
  head.hash = p.hash;
  for (const q of Object.values(s.current)) if (q.source.kind === 'chain') q.source.hash = rehash(q.source.hash);
  for (const pt of s.series) pt.hash = pt.hash && rehash(pt.hash);
  return { snapshot: s, proof: p };
}

/** What the synthetic build's preparation made besides the data files. */
export interface SyntheticExtras {
  /** `npm run new:essay` in the project */
  draft: Scaffold;
  /** the tagged nights' git repository, and tag-data's message of each run (its versions.json is in the project) */
  nights: { repo: string; messages: string[] };
}

/** The synthetic site, built once per run, with the snapshot and proof file it was built from. */
export async function syntheticBuild(): Promise<
  SharedBuild & { prepared: SyntheticExtras; snapshot: Snapshot; proof: ProofFile }
> {
  const { snapshot, proof } = await provenSnapshot();
  const built = await sharedBuild(
    {
      'snapshot.json': JSON.stringify(snapshot),
      [`proofs/${proof.block}.json`]: JSON.stringify(proof),
    },
    {
      name: 'draft essay, tagged nights',
      run: async (project, dir): Promise<SyntheticExtras> => {
        const draft = scaffoldDraft(project);
        const repo = join(dir, 'nights');
        const messages = await taggedNights(repo);
        copyFileSync(join(repo, 'public/data/versions.json'), join(project, 'public/data/versions.json'));
        writeFileSync(join(project, 'content/replies.yaml'), REPLY);
        return { draft, nights: { repo, messages } };
      },
    },
  );
  return { ...built, snapshot, proof };
}
