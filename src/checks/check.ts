/**
 * The build's up-front check of every data and content file, run before Astro renders anything: one line per
 * problem naming the file and the field (or line), so a contributor can fix a pull request without reading a
 * stack trace. Also used by the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CHART_IDS } from '../charts/index.ts';
import { DataFileError, formatIssues } from '../data/errors.ts';
import {
  loadReferenceYaml,
  loadSnapshot,
  loadStatus,
  loadSubnetsDaily,
  REFERENCE_SOURCE,
  SNAPSHOT_FILE,
  SUBNETS_DAILY_FILE,
} from '../data/load.ts';
import { STATUS_FILE } from '../model/status.ts';
import { isDeepStrictEqual } from 'node:util';
import { citedSnapshot } from '../data/cited-snapshot.ts';
import type { Reference, Snapshot, Source } from '../model/schema.ts';
import {
  checkLinks,
  essayAnchors,
  frontmatterLine,
  lintEssay,
  passageIds,
  SCAFFOLD_PLACEHOLDERS,
  scanEssay,
  splitFrontmatter,
  type Known,
  type ScannedEssay,
  type Site,
} from './lint.ts';
import { RECOMPUTE } from '../metrics/arithmetic.ts';
import { VERDICT_FILES, VERDICT_FNS } from '../claims/index.ts';
import { loadVerdictHistory, VERDICTS_FILE } from '../data/corrections.ts';
import { loadReplies, REPLIES_FILE } from '../data/replies.ts';
import { loadVersions, VERSIONS_FILE } from '../data/versions.ts';
import type { VerdictFn } from '../claims/types.ts';
import { checkVerdictFunctions } from './verdicts.ts';
import {
  ArithmeticEntry,
  BibEntry,
  Claim,
  EssayFrontmatter,
  GlossaryEntry,
  Paragraph,
  termId,
} from '../model/content.ts';

export const FILES = {
  paragraphs: 'content/article/paragraphs.yaml',
  claims: 'content/claims.yaml',
  sources: 'content/sources.yaml',
  glossary: 'content/glossary.yaml',
  arithmetic: 'content/arithmetic.yaml',
  essays: 'content/essays',
} as const;

export interface CheckOptions {
  /** refuse synthetic data (set TAOPROOF_PRODUCTION=1 in the deploy job) */
  production: boolean;
  /**
   * the verdict functions to run, by claim id (default: the build's own). The build passes the modules as Node
   * loads them, whose stack traces give the source line a verdict threw at.
   */
  verdicts?: Record<string, VerdictFn>;
}

export interface Checked {
  problems: string[];
  snapshot?: Snapshot;
  reference?: Reference;
}

/** Files of content/ that could not be read as YAML; checks across files wait until they parse. */
class Unreadable extends Set<string> {}

/**
 * One line for a YAML syntax error, `file:line:column: not valid YAML: <what>`, with a hint for the usual slips:
 * a line indented one space off, a tab, a colon or a quote inside an unquoted value.
 */
export function yamlError(file: string, e: unknown): string {
  const err = e as Error & { linePos?: Array<{ line: number; col: number }>; code?: string };
  const pos = err.linePos?.[0];
  const what = err.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:$/, '');
  const hint =
    err.code === 'TAB_AS_INDENT'
      ? 'indent with spaces, not tabs'
      : /indent|Sequence item|mapping|BAD_INDENT|MISSING_CHAR/i.test(`${what} ${err.code}`)
        ? 'check this line’s indentation against the entry above it (two spaces under "- ")'
        : /quote|QUOTE/i.test(`${what} ${err.code}`)
          ? 'a quoted value must end with the same quote it starts with'
          : 'a value containing ": " or starting with a quote, [ or { needs quotes around it';
  return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${what}; ${hint}`;
}

function readYamlList(root: string, file: string, problems: string[], unreadable?: Unreadable): unknown[] {
  try {
    const doc = parseYaml(readFileSync(join(root, file), 'utf8'));
    if (Array.isArray(doc)) return doc;
    problems.push(`${file}: expected a list of entries, received ${typeof doc}`);
  } catch (e) {
    problems.push(yamlError(file, e));
    unreadable?.add(file);
  }
  return [];
}

/** Read the list in `file` and validate each entry, naming it by its `key` (or index) in messages. */
function entries<S extends z.ZodType>(
  schema: S,
  root: string,
  file: string,
  problems: string[],
  key: string,
  unreadable: Unreadable,
): z.infer<S>[] & { ids: Set<string> } {
  const list = readYamlList(root, file, problems, unreadable);
  // every entry's id, valid or not: an entry with a bad field is reported once, not again by each reference to it
  const out = Object.assign([] as z.infer<S>[], { ids: new Set<string>() });
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const name = (raw as Record<string, unknown>)?.[key];
    const label = typeof name === 'string' ? name : `[${i}]`;
    if (typeof name === 'string') out.ids.add(name);
    const r = schema.safeParse(raw);
    if (!r.success) for (const line of formatIssues(r.error, raw, [label])) problems.push(`${file}: ${line}`);
    else {
      if (typeof name === 'string' && seen.has(name)) problems.push(`${file}: ${label}: duplicate ${key}`);
      seen.add(String(name));
      out.push(r.data);
    }
  });
  return out;
}

/** The essays' files in content/essays/, sorted; an essay's slug is its file name without the extension. */
function essayFiles(root: string): string[] {
  return readdirSync(join(root, FILES.essays))
    .filter((n) => n.endsWith('.mdx') || n.endsWith('.md'))
    .sort();
}
const slugOf = (name: string) => name.replace(/\.mdx?$/, '');

/** What a production build refuses in a data file: synthetic data (a test node's), and values read without proofs. */
function refusedInProduction(
  file: string,
  data: { kind: string; verification: { values: string } | null } | null | undefined,
): string[] {
  if (!data) return [];
  if (data.kind === 'synthetic')
    return [
      `${file}: kind: "synthetic" data (read from a test node) is refused in a production build (TAOPROOF_PRODUCTION=1)`,
    ];
  if (data.verification?.values === 'unproven')
    return [
      `${file}: verification.values: "unproven" data (read without read proofs, --trust-node) is refused in a production build (TAOPROOF_PRODUCTION=1)`,
    ];
  return [];
}

export function checkProject(root: string, opts: CheckOptions): Checked {
  const problems: string[] = [];
  const result: Checked = { problems };
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DataFileError) problems.push(...e.message.split('\n'));
      else throw e;
    }
  };
  result.snapshot = guard(() => loadSnapshot(join(root, SNAPSHOT_FILE)));
  if (opts.production) problems.push(...refusedInProduction(SNAPSHOT_FILE, result.snapshot));
  result.reference = guard(() => loadReferenceYaml(join(root, REFERENCE_SOURCE)));
  guard(() => loadStatus(join(root, STATUS_FILE)));
  const subnetsDaily = guard(() => loadSubnetsDaily(join(root, SUBNETS_DAILY_FILE)));
  if (opts.production) problems.push(...refusedInProduction(SUBNETS_DAILY_FILE, subnetsDaily));
  if (result.snapshot && subnetsDaily) problems.push(...pairProblems(result.snapshot, subnetsDaily));
  guard(() => loadVerdictHistory(join(root, VERDICTS_FILE))); // written by npm run verdicts; absent until chain data
  guard(() => loadVersions(join(root, VERSIONS_FILE))); // appended by npm run tag-data; absent until the first version
  guard(() => loadReplies(join(root, REPLIES_FILE))); // replies received, an empty list until one arrives
  // the loaders name the absolute path; contributors read repository-relative paths
  for (let i = 0; i < problems.length; i++) problems[i] = problems[i].replace(`${root}/`, '');

  const unreadable = new Unreadable();
  const paragraphs = entries(Paragraph, root, FILES.paragraphs, problems, 'id', unreadable);
  const claims = entries(Claim, root, FILES.claims, problems, 'id', unreadable);
  const bibliography = entries(BibEntry, root, FILES.sources, problems, 'id', unreadable);
  entries(GlossaryEntry, root, FILES.glossary, problems, 'term', unreadable);
  const arithmetic = entries(ArithmeticEntry, root, FILES.arithmetic, problems, 'id', unreadable);
  // A file that does not parse has no entries, so every check that looks an id up in it would fail too (one typo in
  // content/claims.yaml used to give 151 lines). Stop here: its syntax error is the one thing to fix.
  if (unreadable.size) return result;

  const essaySlugs = new Set(essayFiles(root).map(slugOf));
  const unknownEssay = (file: string, id: string, slug: string) =>
    essaySlugs.has(slug)
      ? []
      : [
          `${file}: ${id}.essay: no essay "${slug}" (no ${FILES.essays}/${slug}.mdx); the essays are ${[...essaySlugs].join(', ')}`,
        ];
  for (const p of paragraphs) problems.push(...unknownEssay(FILES.paragraphs, p.id, p.essay));
  for (const c of claims) problems.push(...unknownEssay(FILES.claims, c.id, c.essay));

  const paraById = new Map(paragraphs.map((p) => [p.id, p]));
  const claimIds = claims.ids;
  const bibIds = bibliography.ids;
  for (const c of claims) {
    const p = paraById.get(c.paragraph);
    if (!p) problems.push(`${FILES.claims}: ${c.id}.paragraph: unknown paragraph "${c.paragraph}"`);
    else {
      if (!p.ja.includes(c.ja))
        problems.push(
          `${FILES.claims}: ${c.id}.ja: expected an exact quote from ${c.paragraph}, received ${JSON.stringify(c.ja.slice(0, 40))}`,
        );
      if (p.essay !== c.essay)
        problems.push(
          `${FILES.claims}: ${c.id}.essay: expected "${p.essay}" (the essay of ${c.paragraph}), received "${c.essay}"`,
        );
    }
    for (const s of c.sources)
      if (!bibIds.has(s)) problems.push(`${FILES.claims}: ${c.id}.sources: unknown source id "${s}"`);
  }
  for (const c of claims) {
    const has = Object.hasOwn(VERDICT_FNS, c.id);
    const home = `src/claims/verdicts/${c.essay}.ts`;
    if (c.type !== 'opinion' && !has)
      problems.push(`${FILES.claims}: ${c.id}.type: a ${c.type} needs a verdict function in ${home}`);
    if (c.type === 'opinion' && has)
      problems.push(
        `${FILES.claims}: ${c.id}.type: an opinion is labelled, not judged, but ${VERDICT_FILES[c.id]} has a verdict function for it`,
      );
    if (c.type !== 'opinion' && has && VERDICT_FILES[c.id] !== home)
      problems.push(
        `${FILES.claims}: ${c.id}.essay: "${c.essay}", but its verdict function is in ${VERDICT_FILES[c.id]}; move it to ${home}`,
      );
  }
  for (const [id, file] of Object.entries(VERDICT_FILES))
    if (!claimIds.has(id)) problems.push(`${file}: export ${id}: no claim ${id} in ${FILES.claims}`);
  for (const p of paragraphs)
    for (const c of p.claims) {
      if (!claimIds.has(c)) problems.push(`${FILES.paragraphs}: ${p.id}.claims: unknown claim id "${c}"`);
      else if (claims.some((x) => x.id === c && x.paragraph === p.id))
        problems.push(
          `${FILES.paragraphs}: ${p.id}.claims: ${c} is made on this line (its paragraph in ${FILES.claims}) and linked without being listed; list here only claims continued from an earlier line`,
        );
    }
  if (result.reference) {
    for (const f of [...result.reference.figures, ...result.reference.events]) {
      if (!bibIds.has(f.source.ref))
        problems.push(
          `${REFERENCE_SOURCE}: ${f.id}.source.ref: unknown source id "${f.source.ref}" (add it to ${FILES.sources})`,
        );
      for (const c of 'claims' in f ? f.claims : [])
        if (!claimIds.has(c)) problems.push(`${REFERENCE_SOURCE}: ${f.id}.claims: unknown claim id "${c}"`);
    }
  }

  const figureIds = new Set(result.reference?.figures.map((f) => f.id) ?? []);
  for (const a of arithmetic) {
    if (!Object.hasOwn(RECOMPUTE, a.id))
      problems.push(`${FILES.arithmetic}: ${a.id}.id: no recomputation in src/metrics/arithmetic.ts`);
    if (!claimIds.has(a.claim)) problems.push(`${FILES.arithmetic}: ${a.id}.claim: unknown claim id "${a.claim}"`);
    for (const i of a.inputs)
      if (!figureIds.has(i))
        problems.push(`${FILES.arithmetic}: ${a.id}.inputs: unknown figure id "${i}" (see ${REFERENCE_SOURCE})`);
  }
  const snap = result.snapshot;
  if (snap) {
    const cited: Array<[string, Source]> = [
      ...Object.entries(snap.current).map(([k, q]) => [`current.${k}.source`, q.source] as [string, Source]),
      ...snap.series.flatMap((p, i) => (p.source ? [[`series[${i}].source`, p.source] as [string, Source]] : [])),
    ];
    for (const [path, s] of cited)
      if (s.kind === 'cited' && !bibIds.has(s.ref))
        problems.push(`${SNAPSHOT_FILE}: ${path}.ref: unknown source id "${s.ref}" (see ${FILES.sources})`);
    if (
      snap.kind === 'cited' &&
      result.reference &&
      !isDeepStrictEqual(citedSnapshot(result.reference, snap.source.generatedAt), snap)
    )
      problems.push(
        `${SNAPSHOT_FILE}: a "cited" snapshot must be built from ${REFERENCE_SOURCE}, and this one differs: run \`npm run snapshot:cited\``,
      );
  }
  if (result.snapshot && result.reference)
    problems.push(
      ...checkVerdictFunctions(root, opts.verdicts ?? VERDICT_FNS, VERDICT_FILES, {
        snapshot: result.snapshot,
        reference: result.reference,
      }),
    );
  const known = {
    charts: new Set(CHART_IDS),
    claims: claimIds,
    paragraphs: new Set(paraById.keys()),
    bibIds,
    figures: figureIds,
    paragraphEssay: new Map(paragraphs.map((p) => [p.id, p.essay])),
  };
  const glossary = readYamlList(root, FILES.glossary, []).flatMap((g) =>
    typeof (g as { term?: unknown })?.term === 'string' ? [termId((g as { term: string }).term)] : [],
  );
  checkEssays(root, known, claims, new Set(glossary), opts, problems);
  return result;
}

/**
 * snapshot.json and subnets-daily.json are one generation: the same sampled days (date, block, hash) and the same
 * chain. A pair that disagrees (e.g. a run killed between the two renames) is refused, naming both files and the
 * days that differ; the next `npm run snapshot` rewrites both.
 */
export function pairProblems(
  snapshot: Pick<Snapshot, 'kind' | 'chain' | 'series'>,
  subnets: { chain: { genesisHash: string }; days: ReadonlyArray<{ date: string; block: number; hash: string }> },
): string[] {
  if (snapshot.kind === 'cited') return []; // cited figures have no per-subnet days
  const both = `${SNAPSHOT_FILE} and ${SUBNETS_DAILY_FILE}`;
  if (snapshot.chain.genesisHash !== subnets.chain.genesisHash)
    return [
      `${both} are of different chains (${snapshot.chain.genesisHash}, ${subnets.chain.genesisHash}): run npm run snapshot to rewrite both`,
    ];
  const key = (d: { date: string; block: number | null; hash: string | null }) => `${d.block} ${d.hash}`;
  const a = new Map(snapshot.series.map((p) => [p.date, key(p)]));
  const b = new Map(subnets.days.map((d) => [d.date, key(d)]));
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((d) => a.get(d) !== b.get(d)).sort();
  if (!differ.length) return [];
  const only = (m: Map<string, string>, other: Map<string, string>) => differ.filter((d) => m.has(d) && !other.has(d));
  const parts = [
    only(a, b).length ? `only in ${SNAPSHOT_FILE}: ${dayList(only(a, b))}` : '',
    only(b, a).length ? `only in ${SUBNETS_DAILY_FILE}: ${dayList(only(b, a))}` : '',
    differ.filter((d) => a.has(d) && b.has(d)).length
      ? `at other blocks: ${dayList(differ.filter((d) => a.has(d) && b.has(d)))}`
      : '',
  ].filter(Boolean);
  return [
    `${both} disagree (not one generation: written by different runs), ${differ.length} day${differ.length > 1 ? 's' : ''} differ: ${parts.join('; ')}; run npm run snapshot to rewrite both`,
  ];
}

const dayList = (days: string[]) =>
  days.length > 6 ? `${days.slice(0, 3).join(', ')} … ${days.at(-1)}` : days.join(', ');

interface EssayFile {
  file: string;
  slug: string;
  frontmatter: string;
  data: EssayFrontmatter | null;
  scan: ScannedEssay;
}

/**
 * Every essay: its frontmatter, its MDX on its own (lint.ts), then across essays: each line of the article and each
 * claim shown once, every claim of the frontmatter shown, and internal links and anchors resolving. Draft essays
 * are checked like the others; a production build leaves them out, so a link to one is then broken.
 */
function checkEssays(
  root: string,
  known: Known,
  claims: Claim[],
  glossaryIds: ReadonlySet<string>,
  opts: CheckOptions,
  problems: string[],
): void {
  const essays: EssayFile[] = [];
  for (const name of essayFiles(root)) {
    const file = `${FILES.essays}/${name}`;
    const text = readFileSync(join(root, FILES.essays, name), 'utf8');
    const { frontmatter } = splitFrontmatter(text);
    if (frontmatter === null) {
      problems.push(`${file}: frontmatter: expected a --- YAML block at the top of the file`);
      continue;
    }
    let fm: unknown;
    try {
      fm = parseYaml(frontmatter);
    } catch (e) {
      problems.push(`${file}: frontmatter: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const r = EssayFrontmatter.safeParse(fm);
    if (!r.success) for (const line of formatIssues(r.error, fm, ['frontmatter'])) problems.push(`${file}: ${line}`);
    else
      for (const c of r.data.claims)
        if (!known.claims.has(c))
          problems.push(
            `${file}:${frontmatterLine(frontmatter, 'claims')}: frontmatter.claims: unknown claim id "${c}"`,
          );
    // Astro reads frontmatter as YAML 1.1, where an unquoted 2026-11-27 is a date, not the text the schema expects
    const loose = parseYaml(frontmatter, { schema: 'yaml-1.1' }) as Record<string, unknown> | null;
    for (const [key, value] of Object.entries(loose ?? {}))
      if (value instanceof Date)
        problems.push(
          `${file}:${frontmatterLine(frontmatter, key)}: frontmatter.${key}: put the date in quotes, ${key}: "${value.toISOString().slice(0, 10)}"; unquoted, Astro reads it as a date object, not text`,
        );
    if (r.success && !r.data.draft)
      text.split('\n').forEach((l, i) => {
        const placeholder = Object.values(SCAFFOLD_PLACEHOLDERS).find((p) => l.includes(p));
        if (placeholder)
          problems.push(
            `${file}:${i + 1}: "${placeholder}" is placeholder text from npm run new:essay; replace it before publishing (or keep draft: true)`,
          );
      });
    const slug = slugOf(name);
    const scan = scanEssay(text);
    for (const p of lintEssay(scan, known, slug)) problems.push(`${file}:${p.line}: ${p.message}`);
    essays.push({ file, slug, frontmatter, data: r.success ? r.data : null, scan });
  }

  // each line of the article and each claim is shown once, in one place
  const shownAt = new Map<string, string>();
  const claimAt = new Map<string, string>();
  const claimEssay = new Map(claims.map((c) => [c.id, c.essay]));
  for (const e of essays) {
    const shownHere = new Set<string>();
    for (const el of e.scan.elements) {
      const at = `${e.file}:${el.line}`;
      if (el.name === 'Passage') {
        // lines of another essay are reported by lintEssay; here, a line of this essay shown twice
        const ids = passageIds(el, known.paragraphs).filter((id) => known.paragraphEssay?.get(id) === e.slug);
        const again = ids.filter((id) => shownAt.has(id));
        if (again.length)
          problems.push(
            `${at}: <Passage from="${el.attrs.from}"${el.attrs.to ? ` to="${el.attrs.to}"` : ''}>: ${again.map((id) => `${id} (already shown at line ${shownAt.get(id)!.split(':').pop()})`).join(', ')}; each line of the article is shown once`,
          );
        for (const id of ids) if (!shownAt.has(id)) shownAt.set(id, at);
      }
      const id = el.attrs.id;
      if (el.name !== 'Claim' || typeof id !== 'string' || !known.claims.has(id)) continue;
      shownHere.add(id);
      const first = claimAt.get(id);
      if (first)
        problems.push(
          `${at}: <Claim id="${id}">: already shown at ${first}; a claim is shown once (link to it instead: [${id}](../${claimEssay.get(id)}/#claim-${id}))`,
        );
      else claimAt.set(id, at);
    }
    // an essay that does not parse shows nothing we can see: its syntax error is reported, not its claims as unshown
    if (e.data && !e.scan.syntax)
      for (const c of e.data.claims)
        if (known.claims.has(c) && !shownHere.has(c))
          problems.push(
            `${e.file}:${frontmatterLine(e.frontmatter, 'claims')}: frontmatter.claims: ${c} is listed but never shown; add <Claim id="${c}" /> to the essay or take ${c} off the list`,
          );
  }

  // every claim of the register is listed and shown by its essay (else /claims/ and the article link to nothing)
  const bySlug = new Map(essays.map((e) => [e.slug, e]));
  for (const c of claims) {
    const e = bySlug.get(c.essay);
    if (!e?.data || e.scan.syntax) continue; // no such essay, or its own errors are reported above
    const listed = e.data.claims.includes(c.id);
    const shown = claimAt.get(c.id)?.startsWith(`${e.file}:`) ?? false;
    if (!listed || !shown)
      problems.push(
        `${FILES.claims}: ${c.id}.essay: "${c.essay}", but ${e.file} ${
          !listed && !shown
            ? `neither lists ${c.id} under claims: nor shows <Claim id="${c.id}" />; add both`
            : !listed
              ? `shows ${c.id} without listing it under claims: (line ${frontmatterLine(e.frontmatter, 'claims')}); add it there`
              : `lists ${c.id} but does not show it`
        } (CONTRIBUTING.md, "A claim")`,
      );
  }

  // links and anchors, against the pages of this build
  const built = essays.filter((e) => !(opts.production && e.data?.draft));
  const pageIds = templateIds(root);
  const site: Site = {
    essays: new Set(built.map((e) => e.slug)),
    // an essay that does not parse has unknown anchors: links into it are checked once it parses
    anchors: new Map(
      built.filter((e) => !e.scan.syntax).map((e) => [e.slug, essayAnchors(e.scan, known.paragraphs, pageIds)]),
    ),
    pageAnchors: new Map([['/glossary/', glossaryIds]]),
    exists: routes(root),
  };
  for (const e of essays)
    for (const p of checkLinks(e.scan, e.slug, site)) problems.push(`${e.file}:${p.line}: ${p.message}`);
}

/** Literal ids of the essay page's template and layout (e.g. "main", "refs"), present on every essay page. */
function templateIds(root: string): string[] {
  const ids: string[] = [];
  for (const f of ['src/pages/essays/[slug].astro', 'src/layouts/Base.astro']) {
    if (!existsSync(join(root, f))) continue;
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(/\bid="([^"{}]+)"/g)) ids.push(m[1]);
  }
  return ids;
}

/**
 * Which site paths this build has: the files of src/pages (a page at /name/, an endpoint such as rss.xml.ts at
 * /rss.xml, a [param] segment matching anything) and of public/. Essay pages are checked by slug, not here.
 */
function routes(root: string): (path: string) => boolean {
  const patterns: RegExp[] = [];
  const walk = (dir: string, rel: string[]) => {
    if (!existsSync(dir)) return;
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      if (ent.isDirectory()) walk(join(dir, ent.name), [...rel, ent.name]);
      else if (dir.startsWith(join(root, 'public')))
        patterns.push(new RegExp(`^/${[...rel, ent.name].map(escape).join('/')}$`));
      else {
        const m = /^(.*)\.(astro|mdx?|ts|js)$/.exec(ent.name);
        if (!m) continue;
        const page = /\.(astro|mdx?)$/.test(ent.name);
        const parts = [...rel, ...(m[1] === 'index' && page ? [] : [m[1]])].map((p) =>
          /^\[.*\]$/.test(p)
            ? '[^/]+'
            : p
                .split(/(\[[^\]]+\])/)
                .map((x) => (/^\[.*\]$/.test(x) ? '[^/]+' : escape(x)))
                .join(''),
        );
        patterns.push(new RegExp(`^/${parts.join('/')}${page ? '/?' : ''}$`));
      }
    }
  };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  walk(join(root, 'src/pages'), []);
  walk(join(root, 'public'), []);
  return (path) => path === '/' || patterns.some((re) => re.test(path));
}
