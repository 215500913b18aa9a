/**
 * The build's up-front check on a scratch copy: a cited snapshot out of step with its YAML, unknown ids, claims without
 * verdicts; and a contributor's mistake named where it was made, once, with what to do: a YAML slip, an MDX slip,
 * braces in prose, an unquoted date, placeholder text published, HTML that runs code, an unsafe link, a claim its
 * essay does not show, and a verdict function that throws or returns something that is not a verdict.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkProject } from '../../src/checks/check.ts';
import { checkVerdictFunctions, nativeVerdicts } from '../../src/checks/verdicts.ts';
import { loadReferenceYaml, loadSnapshot } from '../../src/data/load.ts';
import type { ReportData } from '../../src/model/schema.ts';
import { removeProject, ROOT, tempContent, tempProject } from '../../testing/project.ts';

let dir: string;
// a copy of what the check reads (content, data, pages); the verdict modules' tests below copy the whole project
beforeEach(() => {
  dir = tempContent();
});
afterEach(() => removeProject(dir));

const edit = (file: string, f: (t: string) => string) =>
  writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));
const check = () => checkProject(dir, { production: false }).problems;

test('the committed project passes', () => {
  expect(check()).toEqual([]);
});

test('a cited snapshot that no longer matches content/reference.yaml is refused, as are unknown source ids', () => {
  edit('content/reference.yaml', (t) => t.replace('value: "10640000000000000"', 'value: "10650000000000000"'));
  edit('public/data/snapshot.json', (t) => t.replace('"ref": "taostats-halving"', '"ref": "no-such-source"'));
  expect(check()).toEqual([
    'public/data/snapshot.json: series[4].source.ref: unknown source id "no-such-source" (see content/sources.yaml)',
    'public/data/snapshot.json: a "cited" snapshot must be built from content/reference.yaml, and this one differs: run `npm run snapshot:cited`',
  ]);
});

test('a malformed reply or data version is refused with the file and the field', () => {
  edit(
    'content/replies.yaml',
    (t) =>
      `${t.replace(/^\[\]\n/m, '')}- date: "2026-12-2"\n  claim: C30\n  from: "X"\n  role: "named"\n  url: "ftp://example.org/r"\n  text: "A reply long enough to pass."\n  response: "A response long enough to pass."\n`,
  );
  writeFileSync(
    join(dir, 'public/data/versions.json'),
    JSON.stringify({
      versionsVersion: 1,
      versions: [
        {
          tag: 'data-2026-12-02',
          date: '2026-12-02',
          data: { kind: 'cited', block: null, hash: null },
          verdicts: [],
          statements: [],
          numbers: [],
          replies: [],
        },
        {
          tag: 'data-2026-12-02',
          date: '2026-12-01',
          data: { kind: 'cited', block: null, hash: null },
          verdicts: [],
          statements: [],
          numbers: [],
          replies: [],
        },
      ],
    }),
  );
  expect(check()).toEqual([
    'public/data/versions.json: versions[1].date: expected on or after 2026-12-02, received "2026-12-01"',
    'public/data/versions.json: versions[1].tag: expected a tag not used before, received "data-2026-12-02"',
    'content/replies.yaml: [0].date: expected a date YYYY-MM-DD, received "2026-12-2"',
    'content/replies.yaml: [0].url: expected an http: or https: URL, received "ftp://example.org/r"',
  ]);
});

test('an opinion with a verdict, or a figure without one, is refused', () => {
  edit('content/claims.yaml', (t) =>
    t.replace(/(- id: C09\n {2}type: )figure/, '$1opinion').replace(/(- id: C11\n {2}type: )opinion/, '$1figure'),
  );
  expect(check()).toEqual([
    'content/claims.yaml: C09.type: an opinion is labelled, not judged, but src/claims/verdicts/premine.ts has a verdict function for it',
    'content/claims.yaml: C11.type: a figure needs a verdict function in src/claims/verdicts/staking.ts',
  ]);
});

test('a verdict in another essay’s module, or for a claim the register lacks, is refused with the file and the field', () => {
  edit('content/claims.yaml', (t) =>
    t.replace(/(- id: C06\n(?: {2}.*\n)*? {2}essay: )premine/, '$1staking').replace(/- id: C23\n/, '- id: C93\n'),
  );
  expect(check()).toEqual(
    expect.arrayContaining([
      'content/claims.yaml: C06.essay: "staking", but its verdict function is in src/claims/verdicts/premine.ts; move it to src/claims/verdicts/staking.ts',
      'src/claims/verdicts/three-schemes.ts: export C23: no claim C23 in content/claims.yaml',
    ]),
  );
});

test('a line listing a claim already made on it (its paragraph in content/claims.yaml) is refused: the link is derived', () => {
  edit('content/article/paragraphs.yaml', (t) => t.replace('- id: p05\n', '- id: p05\n  claims: [C06]\n'));
  expect(check()).toEqual([
    'content/article/paragraphs.yaml: p05.claims: C06 is made on this line (its paragraph in content/claims.yaml) and linked without being listed; list here only claims continued from an earlier line',
  ]);
});

test('a line or a claim of an essay that has no file is refused, naming the essays there are', () => {
  edit('content/article/paragraphs.yaml', (t) => t.replace(/(- id: p05\n(?: {2}.*\n)*? {2}essay: )\S+/, '$1stakng'));
  expect(check()).toEqual(
    expect.arrayContaining([
      'content/article/paragraphs.yaml: p05.essay: no essay "stakng" (no content/essays/stakng.mdx); the essays are conclusion, governance, introduction, owners, premine, root-exodus, staking, three-schemes',
    ]),
  );
  edit('content/article/paragraphs.yaml', (t) => t.replace('essay: stakng', 'essay: Staking'));
  expect(check()).toContain(
    'content/article/paragraphs.yaml: p05.essay: expected an essay slug like root-exodus, received "Staking"',
  );
});

/** The 1-based line of the first line of `file` containing `marker`. */
const lineOf = (file: string, marker: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(marker)) + 1;

describe('YAML and MDX slips give one line, not a cascade', () => {
  test('a mis-indented line of content/claims.yaml is one problem with its line and column and a hint', () => {
    edit('content/claims.yaml', (t) => t.replace('  type: fact\n  paragraph: p02', '  type: fact\n paragraph: p02'));
    const line = lineOf('content/claims.yaml', ' paragraph: p02');
    // before: 151 problems, this one first, then every verdict and essay "unknown"
    expect(check()).toEqual([
      `content/claims.yaml:${line}:1: not valid YAML: Sequence item without - indicator; check this line’s indentation against the entry above it (two spaces under "- ")`,
    ]);
  });

  test('an MDX syntax error is reported alone, without claiming its claims are never shown', () => {
    edit('content/essays/premine.mdx', (t) => t.replace('<Claim id="C05" />', '<Claim id="C05" >'));
    // before: 14 lines, six "C05 is listed but never shown" and broken links into the essay among them
    expect(check()).toEqual([
      expect.stringMatching(/^content\/essays\/premine\.mdx:\d+: not valid MDX: Expected a closing tag for `<Claim>`/),
    ]);
  });

  test('an entry with a bad field is reported once, not again by every reference to it', () => {
    edit('content/sources.yaml', (t) =>
      t.replace(/(- id: repost-jinse\n(?: {2}.*\n)*? {2}url: )"?https:/, '$1"javascript:'),
    );
    expect(check()).toEqual([
      expect.stringMatching(
        /^content\/sources\.yaml: repost-jinse\.url: expected an http: or https: URL, received "javascript:/,
      ),
    ]);
  });
});

describe('essay mistakes the parser accepts but the page would get wrong', () => {
  const file = 'content/essays/premine.mdx';

  test('curly braces in prose are refused with the line and how to write a brace', () => {
    edit(file, (t) => t.replace('The date is right.', 'The date {is} right, says {process.env.HOME}.'));
    const line = lineOf(file, 'The date {is} right');
    expect(check()).toEqual([
      `${file}:${line}: {is}: curly braces in an essay start JavaScript run at build time; to show a brace write \\{ or &#123;, and write a comment as {/* … */}`,
      `${file}:${line}: {process.env.HOME}: curly braces in an essay start JavaScript run at build time; to show a brace write \\{ or &#123;, and write a comment as {/* … */}`,
    ]);
  });

  test('an unquoted updated: date is refused with the quoted form to write', () => {
    edit(file, (t) => t.replace(/updated: "(\d{4}-\d{2}-\d{2})"/, 'updated: $1'));
    const line = lineOf(file, 'updated: ');
    const date = /updated: (\S+)/.exec(readFileSync(join(dir, file), 'utf8'))![1];
    expect(check()).toEqual([
      `${file}:${line}: frontmatter.updated: put the date in quotes, updated: "${date}"; unquoted, Astro reads it as a date object, not text`,
    ]);
  });

  test('a scaffolded essay published with its placeholder text is refused at each placeholder', async () => {
    const { scaffold } = await import('../../scripts/new-essay.ts');
    writeFileSync(join(dir, 'content/essays/new-one.mdx'), scaffold('New one', 99, '2026-12-02'));
    expect(check()).toEqual([]); // a draft may keep them
    edit('content/essays/new-one.mdx', (t) => t.replace(/^draft: true.*\n/m, ''));
    const problems = check();
    expect(problems).toHaveLength(4);
    expect(problems).toContain(
      `content/essays/new-one.mdx:${lineOf('content/essays/new-one.mdx', 'Write the argument here.')}: "Write the argument here." is placeholder text from npm run new:essay; replace it before publishing (or keep draft: true)`,
    );
  });

  test('HTML that runs code, event handlers and javascript: links are refused with the line', () => {
    edit(file, (t) =>
      t.replace(
        'The date is right.',
        '<script>alert(1)</script> <iframe src="https://example.org/"></iframe> [x](javascript:alert(1)) <a href="JavaScript:x" onClick="y">z</a> <a href={"x"}>y</a>',
      ),
    );
    const at = `${file}:${lineOf(file, '<script>')}: `;
    expect(check().sort()).toEqual(
      [
        `${at}<script>: not allowed in an essay (it would run code or embed another page in the reader's browser); show data with <Chart>, <Figure> or <Claim>`,
        `${at}<iframe>: not allowed in an essay (it would run code or embed another page in the reader's browser); show data with <Chart>, <Figure> or <Claim>`,
        `${at}link "javascript:alert(1)": a javascript: link is not allowed in an essay; use an https: link or a relative one`,
        `${at}link "JavaScript:x": a javascript: link is not allowed in an essay; use an https: link or a relative one`,
        `${at}<a onClick>: event handlers are not allowed in an essay`,
        `${at}<a href={"x"}>: expected a literal string, received an expression`,
      ].sort(),
    );
  });

  test('a Node built-in import is refused with the line', () => {
    edit(file, (t) => t.replace(/\n---\n/, "\n---\nimport { homedir } from 'node:os';\n"));
    expect(check()).toEqual([
      expect.stringMatching(new RegExp(`^${file}:${lineOf(file, 'node:os')}: import from "node:os" is not allowed`)),
    ]);
  });
});

describe('a claim added as CONTRIBUTING.md says', () => {
  test('a claim in the register that its essay neither lists nor shows is refused, naming what to add', () => {
    edit('content/claims.yaml', (t) =>
      t.replace(
        /(- id: C11\n)/,
        `- id: C99\n  type: opinion\n  paragraph: p08\n  essay: staking\n  ja: "${'x'}"\n  en: "x"\n  summary: "x"\n  check: "x"\n  assessment: "x"\n$1`,
      ),
    );
    edit('content/article/paragraphs.yaml', (t) => t); // p08's ja must contain the quote: use a real substring below
    const p08 = /- id: p08\n(?: {2}.*\n)*? {2}ja: "?([^"\n]{4})/.exec(
      readFileSync(join(dir, 'content/article/paragraphs.yaml'), 'utf8'),
    )![1];
    edit('content/claims.yaml', (t) => t.replace('  ja: "x"', `  ja: "${p08}"`));
    const essay = 'content/essays/staking.mdx';
    expect(check()).toEqual([
      `content/claims.yaml: C99.essay: "staking", but ${essay} neither lists C99 under claims: nor shows <Claim id="C99" />; add both (CONTRIBUTING.md, "A claim")`,
    ]);
    // the steps of CONTRIBUTING.md: list it in the essay's claims: and show it with <Claim>
    edit(essay, (t) =>
      t
        .replace(/^claims: \[/m, 'claims: [C99, ')
        .replace('<Claim id="C11" />', '<Claim id="C11" />\n\n<Claim id="C99" />'),
    );
    expect(check()).toEqual([]);
  });
});

describe('a verdict function that fails names its module, its line and its claim', () => {
  const data = (): ReportData => ({
    snapshot: loadSnapshot(join(ROOT, 'public/data/snapshot.json')),
    reference: loadReferenceYaml(join(ROOT, 'content/reference.yaml')),
  });
  const file = 'src/claims/verdicts/premine.ts';
  // the module written below imports the project's src/claims/types.ts: a copy of the whole project
  beforeEach(() => {
    removeProject(dir);
    dir = tempProject();
  });

  /** Write a verdict module into the scratch copy, load it as the build does (Node), run the check on it. */
  async function run(body: string): Promise<string[]> {
    const source = `import type { VerdictFn } from '../types.ts';\n\nconst helper = (n: number) => n;\n\nexport const C06: VerdictFn = (data) => {\n${body}\n};\n`;
    mkdirSync(join(dir, 'src/claims/verdicts'), { recursive: true });
    writeFileSync(join(dir, file), source);
    const fns = await nativeVerdicts(dir, { C06: file });
    return checkVerdictFunctions(dir, fns, { C06: file }, data());
  }

  test('one that throws: the line it threw at, and the claim', async () => {
    const problems = await run(
      "  helper(1);\n  if (data.snapshot) throw new TypeError('no such figure');\n  return null as never;",
    );
    // line 7 of the module: the throw (line 5 is the export)
    expect(problems).toEqual([
      `${file}:7: C06: the verdict function threw TypeError: no such figure; a verdict answers "unverifiable" when its data is missing instead of throwing`,
    ]);
  });

  test('one that returns a promise', async () => {
    expect(
      await run("  return Promise.resolve({ verdict: 'supported', reason: 'x', evidence: [] }) as never;"),
    ).toEqual([
      `${file}:5: C06: the verdict function returned a promise; verdicts are synchronous (no async, no await)`,
    ]);
  });

  test('one whose result is not a verdict', async () => {
    expect(
      await run("  return { verdict: 'true', reason: '', evidence: [{ label: 'x', value: '1' }] } as never;"),
    ).toEqual([
      `${file}:5: C06.verdict: expected "supported" or "partly supported" or "contradicted" or "unverifiable", received "true"`,
      `${file}:5: C06.reason: expected a sentence saying why, received ""`,
      `${file}:5: C06.evidence[0].sources: expected array, received nothing (the field is missing)`,
    ]);
  });

  test('one whose text shows NaN or undefined', async () => {
    const problems = await run(
      "  const x = Number('a');\n  return { verdict: 'supported', reason: `The share is ${x}%.`, evidence: [{ label: 'share', value: `${undefined} TAO`, sources: [] }] };",
    );
    expect(problems).toEqual([
      `${file}:5: C06.reason: shows "NaN" ("The share is NaN%."); a number it formats is missing or not a number`,
      `${file}:5: C06.evidence[0].value: shows "undefined" ("undefined TAO"); a number it formats is missing or not a number`,
    ]);
  });

  test("the project's own verdicts pass on the committed data", () => {
    expect(checkProject(ROOT, { production: false }).problems).toEqual([]);
  });
});
