/**
 * Data versions on scratch data: a scratch git repository gets two nights of chain-marked data (snapshot.json and the
 * verdicts.json `npm run verdicts` writes from it, whose verdicts differ between the nights); after each,
 * scripts/tag-data.ts commits public/data and tags the commit data-YYYY-MM-DD, appending what changed to
 * public/data/versions.json (tests/helpers/tagged-nights.ts). The run's synthetic build carries that versions.json and
 * the reply: /changes/ lists both versions, newest first, with the flipped verdicts (linked to the claim pages), the
 * head values that moved and the tags. The pure parts (the tag's name, the 1% rule) are tested first.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { movedBeyond, nextTag, parseVersions } from '../../src/data/versions.ts';
import type { Versions } from '../../src/model/versions.ts';
import { loadCorrections, parseVerdictHistory } from '../../src/data/corrections.ts';
import { run } from '../../scripts/tag-data.ts';
import { dataOf, dtaoSnapshot } from '../fixtures/snapshots.ts';
import { labelAtArticleDate } from '../../src/site/claim-record.ts';
import { labelOf } from '../../src/site/findings.ts';
import type { Claim } from '../../src/model/content.ts';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../../testing/project.ts';
import { brokenLinks } from '../helpers/dist.ts';
import { syntheticBuild } from '../helpers/synthetic-build.ts';
import { git, night } from '../helpers/tagged-nights.ts';

describe('the rules of a version', () => {
  test('a second or third version on one day gets -2, -3', () => {
    expect(nextTag('2026-12-03', new Set())).toBe('data-2026-12-03');
    expect(nextTag('2026-12-03', new Set(['data-2026-12-03']))).toBe('data-2026-12-03-2');
    expect(nextTag('2026-12-03', new Set(['data-2026-12-03', 'data-2026-12-03-2']))).toBe('data-2026-12-03-3');
  });

  test('a number changed when it moved by more than 1%, appeared or vanished', () => {
    expect(movedBeyond('1000', '1010')).toBe(false);
    expect(movedBeyond('1000', '1011')).toBe(true);
    expect(movedBeyond('1000', '989')).toBe(true);
    expect(movedBeyond(null, '5')).toBe(true);
    expect(movedBeyond('5', null)).toBe(true);
    expect(movedBeyond(null, null)).toBe(false);
    expect(movedBeyond('0', '0')).toBe(false);
  });
});

let repo: string;
let project: string;
let versions: Versions;
let messages: string[];

// the nights and the build are the run's synthetic build's (tests/helpers/synthetic-build.ts), shared with other files
beforeAll(async () => {
  const built = await syntheticBuild();
  ({ repo, messages } = built.prepared.nights);
  project = built.project;
  versions = parseVersions(JSON.parse(readFileSync(join(project, 'public/data/versions.json'), 'utf8')));
  // what the build carries is what the last night recorded
  expect(versions).toEqual(parseVersions(JSON.parse(git(repo, 'show', 'data-2026-12-02:public/data/versions.json'))));
}, 300_000);

describe('tagging two nights of data', () => {
  test('each night that changed public/data is one commit, tagged data-YYYY-MM-DD; a night without change is not', () => {
    expect(messages[0]).toMatch(/^tag-data: data-2026-12-01: /);
    expect(messages[1]).toBe('tag-data: no change under public/data: nothing to tag');
    expect(messages[2]).toMatch(/^tag-data: data-2026-12-02: \d+ verdicts, /);
    expect(git(repo, 'tag', '--list', 'data-*').split('\n')).toEqual(['data-2026-12-01', 'data-2026-12-02']);
    expect(git(repo, 'rev-parse', 'data-2026-12-02^{commit}')).toBe(git(repo, 'rev-parse', 'HEAD'));
    // HEAD~1 is the commit of the reply (content/, not public/data): untagged
    expect(git(repo, 'rev-parse', 'data-2026-12-01^{commit}')).toBe(git(repo, 'rev-parse', 'HEAD~2'));
    expect(git(repo, 'status', '--porcelain')).toBe('');
    // each tagged commit holds the versions up to itself
    const first = parseVersions(JSON.parse(git(repo, 'show', 'data-2026-12-01:public/data/versions.json')));
    expect(first.versions.map((v) => v.tag)).toEqual(['data-2026-12-01']);
    expect(versions.versions.map((v) => v.tag)).toEqual(['data-2026-12-01', 'data-2026-12-02']);
  });

  test('the second version lists the verdicts the new data flipped and the head values that moved beyond 1%', () => {
    const history = parseVerdictHistory(JSON.parse(readFileSync(join(repo, 'public/data/verdicts.json'), 'utf8')));
    const before = parseVerdictHistory(JSON.parse(git(repo, 'show', 'data-2026-12-01:public/data/verdicts.json')));
    const v2 = versions.versions[1];
    const flipped = history.changes.slice(before.changes.length);
    expect(flipped.length).toBeGreaterThan(0);
    expect(v2.verdicts).toEqual(flipped.map((c) => ({ claim: c.claim, old: c.old, new: c.new, block: c.block })));
    expect(v2.data).toEqual({ kind: 'chain', block: history.block.number, hash: history.block.hash });
    // root stake fell by more than 1% between the nights; issuance grew by 7,200 TAO, under 1%
    expect(v2.numbers.map((n) => n.item)).toContain('rootStake');
    expect(v2.numbers.map((n) => n.item)).not.toContain('totalIssuance');
    // statements: the hand-written statement corrections up to the first version's date, then those after it
    const statements = loadCorrections(join(repo, 'content/corrections.yaml')).flatMap((c) =>
      c.kind === 'statement' ? [{ date: c.date, claim: c.claim, old: c.old, new: c.new }] : [],
    );
    expect(versions.versions[0].statements.length).toBeGreaterThan(0);
    expect(versions.versions[0].statements).toEqual(statements.filter((c) => c.date <= '2026-12-01'));
    expect(v2.statements).toEqual(statements.filter((c) => c.date > '2026-12-01' && c.date <= '2026-12-02'));
    // the reply received on the second night is the second version's, not the first's
    expect(v2.replies).toEqual([{ date: '2026-12-02', claim: 'C30', from: 'A. Replier' }]);
    expect(versions.versions[0].replies).toEqual([]);
  });

  test('a second data change on the same day is tagged data-DATE-2', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'taoproof-versions-again-'));
    try {
      cpSync(repo, scratch, { recursive: true });
      writeFileSync(join(scratch, 'public/data/status.json'), '{}');
      const r = await run(['--cwd', scratch, '--date', '2026-12-02']);
      expect(r.tag).toBe('data-2026-12-02-2');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('/changes/ built from that versions.json', () => {
  const page = () => parseHTML(readFileSync(join(project, 'dist/changes/index.html'), 'utf8')).document;

  test('every internal link of that build resolves (versions, replies, claim pages)', () => {
    expect(brokenLinks(join(project, 'dist'))).toEqual([]);
  });

  test('lists both versions, newest first, each with its tag and block', () => {
    const items = [...page().querySelectorAll('ol.versions > li')];
    expect(items.map((li) => li.id)).toEqual(['data-2026-12-02', 'data-2026-12-01']);
    const v2 = versions.versions[1];
    expect(items[0].querySelector('h3')?.textContent?.trim()).toBe('data-2026-12-02');
    expect(items[0].textContent).toContain(`block ${v2.data.block!.toLocaleString('en-US')} (${v2.data.hash})`);
  });

  test('a flipped verdict links to its claim page; a moved number is shown old → new', () => {
    const doc = page();
    const v2 = versions.versions[1];
    const li = doc.getElementById('data-2026-12-02')!;
    for (const c of v2.verdicts) {
      const a = li.querySelector(`a[href$="claims/${c.claim}/"]`);
      expect(a, c.claim).not.toBeNull();
      expect(a?.parentElement?.textContent).toContain(`${c.old} → ${c.new}`);
    }
    expect(li.textContent).toMatch(/rootStake: [\d.,]+[KM]? TAO → [\d.,]+[KM]? TAO/);
    const replied = [...li.querySelectorAll('li')].filter((x) => x.textContent?.includes('from A. Replier'));
    expect(replied).toHaveLength(1);
    expect(replied[0].querySelector('a[href$="claims/C30/"]')).not.toBeNull();
  });

  test('a reply is shown on /changes/ and on its claim’s page, with the report’s response', () => {
    const replies = page().querySelectorAll('#replies + ol.replies > li');
    expect(replies).toHaveLength(1);
    expect(replies[0].querySelector('a[href$="claims/C30/"]')).not.toBeNull();
    const claim = parseHTML(readFileSync(join(project, 'dist/claims/C30/index.html'), 'utf8')).document;
    expect(claim.getElementById('replies')?.textContent).toBe('Replies (1)');
    const reply = claim.querySelector('#replies + ol.replies > li')!;
    expect(reply.querySelector('blockquote')?.textContent).toContain('stakers');
    expect(reply.querySelector('a[href="https://example.org/reply"]')).not.toBeNull();
    expect(reply.textContent).toContain('The report’s response: Noted');
    expect(
      parseHTML(readFileSync(join(project, 'dist/claims/C27/index.html'), 'utf8')).document.getElementById('replies')
        ?.nextElementSibling?.textContent,
    ).toMatch(/^None received yet/);
  });
});

describe('a claim page sets the verdict at the article’s date beside the latest when they differ', () => {
  const claims = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as Claim[];
  const data = dataOf(dtaoSnapshot());
  const judged = claims.filter((c) => c.type !== 'opinion');
  const differ = judged.filter((c) => labelOf(c, data).label !== labelAtArticleDate(c, data).label);
  const claimPage = (id: string) =>
    parseHTML(readFileSync(join(project, `dist/claims/${id}/index.html`), 'utf8')).document;

  test('both verdicts, side by side, where they differ', () => {
    expect(differ.length).toBeGreaterThan(0);
    for (const c of differ) {
      const table = claimPage(c.id).querySelector('table.then-now');
      expect(table, c.id).not.toBeNull();
      const [then, now] = [...table!.querySelectorAll('tbody td .verdict')].map((v) => v.textContent);
      expect([then, now], c.id).toEqual([labelAtArticleDate(c, data).label, labelOf(c, data).label]);
      expect(table!.querySelector('th')?.textContent).toContain('2025-04-17');
    }
  });

  test('one sentence where they agree', () => {
    const same = judged.find((c) => !differ.includes(c))!;
    const doc = claimPage(same.id);
    expect(doc.querySelector('table.then-now')).toBeNull();
    expect(doc.querySelector('.then-now-same')?.textContent).toMatch(
      /^The same verdict on the data up to the article’s date/,
    );
  });
});

describe('the nightly split: record in one job, commit and tag in another', () => {
  test('--record-only appends the version and names its tag, and leaves the commit and the tag to git', async () => {
    const head = git(repo, 'rev-parse', 'HEAD');
    await night(join(repo, 'public/data'), 400_000, 69);
    const { tag, message } = await run(['--cwd', repo, '--date', '2026-12-03', '--record-only']);
    expect(tag).toBe('data-2026-12-03');
    expect(message).toMatch(/^tag-data: data-2026-12-03: \d+ verdicts, /);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head); // no commit
    expect(git(repo, 'tag', '--list', 'data-*').split('\n')).toEqual(['data-2026-12-01', 'data-2026-12-02']);
    const recorded = parseVersions(JSON.parse(readFileSync(join(repo, 'public/data/versions.json'), 'utf8')));
    expect(recorded.versions.map((v) => v.tag)).toEqual(['data-2026-12-01', 'data-2026-12-02', 'data-2026-12-03']);
    expect(git(repo, 'status', '--porcelain', '--', 'public/data')).toContain('versions.json');
  });
});
