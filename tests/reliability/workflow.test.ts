/**
 * The nightly workflow is least-privilege (issue 16, item 5), read from .github/workflows/nightly.yml with `yaml`:
 * actions pinned to full commit SHAs with the version in a comment; no checkout keeps the token; snapshot and
 * verdicts in a contents:read job handing public/data on as an artifact; a contents:write commit job that runs no
 * npm (no install scripts); build and deploy with pages/id-token write and no repository write, attesting the Pages
 * artifact; one run at a time; the snapshot's output between ::stop-commands:: markers with a random token; the
 * data manifest checked before committing and building. Also: CODEOWNERS guards the data, the corrections log, the
 * verdict code and the workflows; the snapshot's log lines cannot start a workflow command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, isMap, isSeq, type Scalar } from 'yaml';
import { safeLine } from '../../scripts/snapshot/sanitize.ts';
import { ROOT } from '../../testing/project.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  name?: string;
}
interface Job {
  permissions?: Record<string, string>;
  needs?: string | string[];
  steps: Step[];
  environment?: unknown;
}
const FILE = join(ROOT, '.github/workflows/nightly.yml');
const text = readFileSync(FILE, 'utf8');
const wf = parse(text) as { permissions?: unknown; concurrency?: { group?: string }; jobs: Record<string, Job> };
const jobs = wf.jobs;
const WRITE = (j: Job) =>
  Object.entries(j.permissions ?? {})
    .filter(([, v]) => v === 'write')
    .map(([k]) => k)
    .sort();
const uses = (j: Job, action: string) => j.steps.filter((s) => s.uses?.startsWith(`${action}@`));

describe('nightly.yml', () => {
  it('pins every action to a full commit SHA, with its version in a comment', () => {
    const doc = parseDocument(text);
    const all: Array<{ value: string; comment: string }> = [];
    for (const job of (doc.get('jobs') as { items: Array<{ value: unknown }> }).items) {
      const steps = (job.value as { get: (k: string) => unknown }).get('steps');
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        const pair = step.items.find((p) => (p.key as Scalar).value === 'uses');
        if (pair)
          all.push({ value: String((pair.value as Scalar).value), comment: (pair.value as Scalar).comment ?? '' });
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const u of all) {
      expect(u.value, u.value).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(u.comment.trim(), u.value).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });

  it('records the data version in the snapshot job (before the manifest) and tags it in the commit job with git alone', () => {
    const steps = jobs.snapshot.steps;
    const record = steps.findIndex((s) => /npm run -s tag-data -- --record-only/.test(s.run ?? ''));
    const manifest = steps.findIndex((s) => /npm run data:manifest/.test(s.run ?? ''));
    expect(record).toBeGreaterThan(steps.findIndex((s) => /npm run snapshot/.test(s.run ?? '')));
    expect(record).toBeLessThan(manifest); // the manifest covers versions.json
    const commit = jobs.commit.steps.find((s) => /git commit/.test(s.run ?? ''))!;
    expect(commit.run).toMatch(/git tag -a "\$\{TAG\}"/);
    expect(commit.run).toMatch(/refs\/tags\/\$\{TAG\}/);
    expect(commit.run).not.toMatch(/\bnpm\b|\bnode\b/);
    expect(text).toContain('TAG: ${{ needs.snapshot.outputs.tag }}'); // passed as data, never pasted into the script
  });

  it('verifies public/data against its proofs after the snapshot, before it is handed on, committed and deployed', () => {
    const steps = jobs.snapshot.steps;
    const at = (re: RegExp) => steps.findIndex((s) => re.test(s.run ?? ''));
    const snapshot = at(/npm run snapshot/);
    const verify = at(/^npm run verify\b/m);
    const failure = steps.findIndex((s) => s.name === 'Record a snapshot failure');
    expect(snapshot).toBeGreaterThanOrEqual(0);
    expect(verify).toBeGreaterThan(snapshot);
    expect(verify).toBeGreaterThan(failure); // the last good data too, when the snapshot failed
    expect(verify).toBeLessThan(at(/npm run data:manifest/));
    expect(verify).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@')));
    // a failed verify fails the job: no commit (needs: snapshot) and no deploy (snapshot must succeed)
    expect((steps[verify] as Step & { 'continue-on-error'?: unknown })['continue-on-error']).toBeUndefined();
    expect((steps[verify] as Step & { if?: unknown }).if).toBeUndefined();
    expect(jobs.commit.needs).toBe('snapshot');
    expect(jobs.deploy.needs).toContain('snapshot');
    expect(text).toContain("needs.snapshot.result == 'success'");
  });

  it('no checkout keeps the token in .git/config', () => {
    for (const [name, job] of Object.entries(jobs))
      for (const s of uses(job, 'actions/checkout')) expect(s.with?.['persist-credentials'], name).toBe(false);
  });

  it('grants nothing at the top; each job only what it needs', () => {
    expect(wf.permissions).toEqual({});
    expect(Object.keys(jobs).sort()).toEqual(['commit', 'deploy', 'snapshot']);
    expect(jobs.snapshot.permissions).toEqual({ contents: 'read' });
    expect(jobs.commit.permissions).toEqual({ contents: 'write' });
    expect(WRITE(jobs.deploy)).toEqual(['attestations', 'id-token', 'pages']);
    expect(jobs.deploy.permissions?.contents).toBe('read');
  });

  it('snapshot and verdicts run in the read-only job, which hands public/data on as an artifact', () => {
    const runs = jobs.snapshot.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm run snapshot/);
    expect(runs).toMatch(/npm run verdicts/);
    const up = uses(jobs.snapshot, 'actions/upload-artifact');
    expect(up).toHaveLength(1);
    expect(up[0].with).toMatchObject({ name: 'public-data', path: 'public/data', 'include-hidden-files': true });
    for (const j of ['commit', 'deploy'])
      expect(uses(jobs[j], 'actions/download-artifact')[0]?.with, j).toMatchObject({
        name: 'public-data',
        path: 'public/data',
      });
  });

  it('the commit job runs no npm, node or install script, checks the manifest, and keeps no token', () => {
    const steps = jobs.commit.steps;
    expect(steps.filter((s) => s.uses?.startsWith('actions/setup-node@'))).toEqual([]);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/\b(npm|npx|node|yarn|pnpm)\b/);
    expect(runs).toMatch(/sha256sum -c --strict SHA256SUMS/);
    expect(runs).toMatch(/git push|push origin/);
    expect(runs).not.toMatch(/git config[^\n]*extraheader/); // the token is given to the push alone
  });

  it('build and deploy hold no repository write, check the manifest, and attest the Pages artifact', () => {
    const d = jobs.deploy;
    expect(d.permissions?.contents).not.toBe('write');
    expect(d.steps.map((s) => s.run ?? '').join('\n')).toMatch(/sha256sum -c --strict SHA256SUMS/);
    const attest = uses(d, 'actions/attest-build-provenance');
    expect(attest).toHaveLength(1);
    expect(attest[0].with?.['subject-path']).toBe('${{ runner.temp }}/artifact.tar');
    const order = d.steps.map((s) => s.uses?.split('@')[0] ?? s.name);
    expect(order.indexOf('actions/upload-pages-artifact')).toBeLessThan(
      order.indexOf('actions/attest-build-provenance'),
    );
    expect(order.indexOf('actions/attest-build-provenance')).toBeLessThan(order.indexOf('actions/deploy-pages'));
  });

  it('one run at a time', () => {
    expect(wf.concurrency?.group).toBe('nightly');
  });

  it("the snapshot's output runs between ::stop-commands:: markers with a random token", () => {
    const step = jobs.snapshot.steps.find((s) => /npm run snapshot/.test(s.run ?? ''))!;
    const lines = step.run!.split('\n');
    const token = lines.findIndex((l) => /token="\$\(openssl rand -hex 16\)"/.test(l));
    const stop = lines.findIndex((l) => l.includes('echo "::stop-commands::${token}"'));
    const cmd = lines.findIndex((l) => /npm run snapshot/.test(l));
    const resume = lines.findIndex((l) => l.includes('echo "::${token}::"'));
    expect([token, stop, cmd, resume].every((i) => i >= 0)).toBe(true);
    expect(token < stop && stop < cmd && cmd < resume).toBe(true);
  });
});

describe('workflow commands from node-supplied text', () => {
  it('no line of a node error can start a workflow command', () => {
    const hostile = 'rate limited\n::error::pwned\r::stop-commands::x\n  ::add-mask::y\u2028::set-output name=a::b';
    const out = safeLine(hostile);
    expect(out.split(/\r|\n|\u2028|\u2029|\u0085/)).toHaveLength(1);
    expect(out).not.toMatch(/(^|\s)::/);
    expect(out).toBe(
      'rate limited ⏎ : :error::pwned ⏎ : :stop-commands::x ⏎   : :add-mask::y ⏎ : :set-output name=a::b',
    );
  });
});

describe('CODEOWNERS', () => {
  it('guards public/data, the corrections log, the verdict code and the workflows', () => {
    const rules = readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/));
    const owned = new Map(rules.map(([path, ...owners]) => [path, owners]));
    for (const p of ['/public/data/', '/content/corrections.yaml', '/src/claims/', '/.github/workflows/'])
      expect(owned.get(p)?.length, p).toBeGreaterThan(0);
  });
});
