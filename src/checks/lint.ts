/**
 * Static checks of an essay's MDX, with file and line, before anything renders. The essay is parsed with satteri,
 * the MDX parser Astro's own MDX build uses (so a comment, a code block or a string is never taken for a
 * component), and every line number is the file's.
 *
 * Per essay (`lintEssay`): imports only from the documented components (an essay's code runs at build time); only
 * known components, with their attributes given as literal strings; every <Chart id>, <Claim id>, <Passage
 * from/to>, <Cite id>, <Figure id> names something that exists; a <Note tone> is one of NOTE_TONES; a <Passage>
 * shows only lines of its own essay. Across essays (src/checks/check.ts, with `essayAnchors` and `checkLinks`):
 * each line and claim shown once, every claim of the frontmatter shown, internal links and anchors resolve.
 */
import GithubSlugger from 'github-slugger';
import { mdxToMdast, type MdastNode } from 'satteri';

const ALLOWED_IMPORTS = [
  '../../src/components/essay/Chart.astro',
  '../../src/components/essay/Claim.astro',
  '../../src/components/essay/Passage.astro',
  '../../src/components/essay/Note.astro',
  '../../src/components/essay/Cite.astro',
  '../../src/components/essay/Figure.astro',
] as const;

/** The tones of src/components/essay/Note.astro (a test keeps the two in step). */
export const NOTE_TONES = ['right', 'wrong', 'unverifiable', 'changed', 'context'] as const;

/** The essay components (src/components/essay/) and their attributes; every attribute is a literal string. */
export const COMPONENTS: Record<string, { required: string[]; optional: string[] }> = {
  Chart: { required: ['id'], optional: [] },
  Claim: { required: ['id'], optional: [] },
  Passage: { required: ['from'], optional: ['to'] },
  Note: { required: [], optional: ['tone', 'title'] },
  Cite: { required: ['id'], optional: [] },
  Figure: { required: ['id'], optional: [] },
};

export interface Known {
  charts: ReadonlySet<string>;
  claims: ReadonlySet<string>;
  /** paragraph ids in the article's order */
  paragraphs: ReadonlySet<string>;
  /** ids of the bibliography's entries (content/sources.yaml) */
  bibIds: ReadonlySet<string>;
  figures: ReadonlySet<string>;
  /** paragraph id -> the essay that shows it (its `essay:` in content/article/paragraphs.yaml) */
  paragraphEssay?: ReadonlyMap<string, string>;
}

export interface LintProblem {
  line: number;
  message: string;
}

/** A component or HTML element of the essay, with its literal attributes (an expression is `{ expression }`). */
export interface Element {
  name: string;
  line: number;
  attrs: Record<string, string | { expression: string }>;
}

export interface Link {
  url: string;
  line: number;
}

/** What an essay is made of, as the MDX parser reads it. */
export interface ScannedEssay {
  /** a syntax error stops the scan: the other fields are then empty */
  syntax: LintProblem | null;
  elements: Element[];
  links: Link[];
  /** import/export statements with their lines */
  esm: Array<{ text: string; line: number }>;
  /** ids of the headings, as Astro gives them (github-slugger) */
  headingIds: string[];
  /** `{…}` in the text: JavaScript run at build time (only comments belong in an essay) */
  expressions: Array<{ text: string; line: number }>;
}

const lineOf = (n: MdastNode) => n.position?.start.line ?? 1;

function textOf(n: MdastNode): string {
  if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode')) return n.value;
  return 'children' in n && Array.isArray(n.children) ? (n.children as MdastNode[]).map(textOf).join('') : '';
}

export function scanEssay(text: string): ScannedEssay {
  const out: ScannedEssay = { syntax: null, elements: [], links: [], esm: [], headingIds: [], expressions: [] };
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /^(\d+):(\d+)(?:-\d+:\d+)?: ([\s\S]*)$/.exec(msg);
    out.syntax = { line: m ? Number(m[1]) : 1, message: `not valid MDX: ${(m ? m[3] : msg).split('\n')[0]}` };
    return out;
  }
  const slugger = new GithubSlugger();
  const visit = (n: MdastNode) => {
    const node = n as MdastNode & Record<string, unknown>;
    if (n.type === 'mdxjsEsm') {
      // one entry per statement (a line starting with import or export, up to the next), so a multi-line import counts
      const first = lineOf(n);
      String(node.value)
        .split('\n')
        .forEach((t, i) => {
          if (/^\s*(import|export)\b/.test(t) || out.esm.length === 0) out.esm.push({ text: t, line: first + i });
          else out.esm[out.esm.length - 1].text += `\n${t}`;
        });
    } else if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const attrs: Element['attrs'] = {};
      for (const a of (node.attributes as Array<{ type: string; name?: string; value?: unknown }>) ?? []) {
        if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
        const v = a.value;
        attrs[a.name] =
          typeof v === 'string'
            ? v
            : v === null || v === undefined
              ? ''
              : { expression: String((v as { value?: unknown }).value ?? '') };
      }
      const el = { name: (node.name as string | null) ?? '', line: lineOf(n), attrs };
      out.elements.push(el);
      if (el.name === 'a' && typeof attrs.href === 'string') out.links.push({ url: attrs.href, line: el.line });
    } else if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') {
      out.expressions.push({ text: String(node.value ?? ''), line: lineOf(n) });
    } else if (n.type === 'link' || n.type === 'definition') {
      out.links.push({ url: String(node.url), line: lineOf(n) });
    } else if (n.type === 'heading') {
      out.headingIds.push(slugger.slug(textOf(n)));
    }
    if ('children' in n && Array.isArray(n.children)) for (const c of n.children as MdastNode[]) visit(c);
  };
  visit(tree);
  return out;
}

/** The nearest of `names` to `name`, for "did you mean": one typo (a swap of two letters counts as one) per three letters, at most two. */
function nearest(name: string, names: Iterable<string>): string | null {
  const limit = Math.max(1, Math.min(2, Math.floor(name.length / 3)));
  let best: string | null = null;
  let bestD = limit + 1;
  for (const cand of names) {
    const d = distance(name.toLowerCase(), cand.toLowerCase());
    if (d < bestD) [best, bestD] = [cand, d];
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

const REFS: Record<string, Array<{ attr: string; set: keyof Omit<Known, 'paragraphEssay'>; what: string }>> = {
  Chart: [{ attr: 'id', set: 'charts', what: 'chart id' }],
  Claim: [{ attr: 'id', set: 'claims', what: 'claim id' }],
  Passage: [
    { attr: 'from', set: 'paragraphs', what: 'paragraph id' },
    { attr: 'to', set: 'paragraphs', what: 'paragraph id' },
  ],
  Cite: [{ attr: 'id', set: 'bibIds', what: 'source id' }],
  Figure: [{ attr: 'id', set: 'figures', what: 'figure id' }],
};

/** The paragraph ids a <Passage from to> shows, in order (empty when from/to are unknown or reversed). */
export function passageIds(el: Element, paragraphs: ReadonlySet<string>): string[] {
  const from = el.attrs.from;
  const to = el.attrs.to ?? from;
  if (typeof from !== 'string' || typeof to !== 'string') return [];
  const ids = [...paragraphs];
  const a = ids.indexOf(from);
  const b = ids.indexOf(to);
  return a < 0 || b < a ? [] : ids.slice(a, b + 1);
}

const tag = (el: Element) =>
  `<${el.name}${Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}=${typeof v === 'string' ? JSON.stringify(v) : `{${v.expression}}`}`)
    .join('')}>`;

/** HTML elements an essay may not contain: they run code or embed other pages in the reader's browser. */
const UNSAFE_ELEMENTS = ['script', 'iframe', 'frame', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link'];
/** Link schemes an essay may use; relative links and #anchors need none. */
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];
/** An expression that is only a comment, `{/* … *\/}`: the one kind an essay needs. */
const COMMENT = /^\s*\/\*[\s\S]*\*\/\s*$/;

/** The placeholder text `npm run new:essay` writes, which an essay must replace before it is published. */
export const SCAFFOLD_PLACEHOLDERS = {
  summary: 'One or two sentences: what this essay checks and what it finds.',
  originalTitle: '（原題）',
  body: 'Write the argument here.',
  note: 'An annotation: what the article gets right, wrong, cannot be checked, or what changed since.',
} as const;

/** Problems of one essay on its own. `slug` is the essay's file name without .mdx. */
export function lintEssay(scan: ScannedEssay, known: Known, slug?: string): LintProblem[] {
  if (scan.syntax) return [scan.syntax];
  const problems: LintProblem[] = [];
  for (const { text, line } of scan.expressions)
    if (!COMMENT.test(text))
      problems.push({
        line,
        message: `{${text.length > 40 ? `${text.slice(0, 37)}...` : text}}: curly braces in an essay start JavaScript run at build time; to show a brace write \\{ or &#123;, and write a comment as {/* … */}`,
      });
  for (const { url, line } of scan.links) {
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1].toLowerCase();
    if (scheme && !SAFE_SCHEMES.includes(scheme))
      problems.push({
        line,
        message: `link "${url.length > 40 ? `${url.slice(0, 37)}...` : url}": a ${scheme} link is not allowed in an essay; use an https: link or a relative one`,
      });
  }
  for (const { text, line } of scan.esm) {
    const imp = /^\s*import\s[\s\S]*?from\s+['"]([^'"]+)['"]/.exec(text) ?? /^\s*import\s*['"]([^'"]+)['"]/.exec(text);
    if (imp && !(ALLOWED_IMPORTS as readonly string[]).includes(imp[1]))
      problems.push({
        line,
        message: `import from "${imp[1]}" is not allowed; essays may import only ${ALLOWED_IMPORTS.map((p) => p.split('/').pop()).join(', ')} from src/components/essay/ (they are also available without an import)`,
      });
    else if (/^\s*export\s/.test(text)) problems.push({ line, message: 'export statements are not allowed in essays' });
  }
  for (const el of scan.elements) {
    const { line } = el;
    const spec = COMPONENTS[el.name];
    if (UNSAFE_ELEMENTS.includes(el.name.toLowerCase())) {
      problems.push({
        line,
        message: `<${el.name}>: not allowed in an essay (it would run code or embed another page in the reader's browser); show data with <Chart>, <Figure> or <Claim>`,
      });
      continue;
    }
    if (!spec && /^[a-z]/.test(el.name))
      for (const [name, value] of Object.entries(el.attrs)) {
        if (/^on/i.test(name))
          problems.push({ line, message: `<${el.name} ${name}>: event handlers are not allowed in an essay` });
        else if (typeof value !== 'string')
          problems.push({
            line,
            message: `<${el.name} ${name}={${value.expression}}>: expected a literal string, received an expression`,
          });
      }
    if (!spec) {
      // lower-case names are HTML elements (<sup>, <a>); a capitalised or dotted name is a component
      if (/^[A-Z]/.test(el.name) || el.name.includes('.')) {
        const near = nearest(el.name, Object.keys(COMPONENTS));
        problems.push({
          line,
          message: `<${el.name}>: unknown component${near ? ` (did you mean <${near}>?)` : ''}; essays use ${Object.keys(
            COMPONENTS,
          )
            .map((c) => `<${c}>`)
            .join(', ')} (see CONTRIBUTING.md)`,
        });
      }
      continue;
    }
    for (const [name, value] of Object.entries(el.attrs)) {
      if (![...spec.required, ...spec.optional].includes(name))
        problems.push({
          line,
          message: `${tag(el)}: unknown attribute "${name}", expected ${[...spec.required, ...spec.optional].map((a) => `"${a}"`).join(' or ') || 'none'}`,
        });
      else if (typeof value !== 'string')
        problems.push({
          line,
          message: `<${el.name} ${name}={${value.expression}}>: expected a literal string, received an expression`,
        });
    }
    for (const name of spec.required)
      if (!(name in el.attrs)) problems.push({ line, message: `${tag(el)}: missing attribute "${name}"` });
    for (const ref of REFS[el.name] ?? []) {
      const value = el.attrs[ref.attr];
      if (typeof value !== 'string' || known[ref.set].has(value)) continue;
      const all = [...known[ref.set]];
      const near = all.filter((k) => k.startsWith(value.slice(0, 3))).slice(0, 5);
      problems.push({
        line,
        message: `<${el.name} ${ref.attr}="${value}">: unknown ${ref.what}, expected one of ${near.length ? near.join(', ') + ', ...' : all.slice(0, 8).join(', ')}`,
      });
    }
    if (
      el.name === 'Note' &&
      typeof el.attrs.tone === 'string' &&
      !(NOTE_TONES as readonly string[]).includes(el.attrs.tone)
    ) {
      const near = nearest(el.attrs.tone, NOTE_TONES);
      problems.push({
        line,
        message: `<Note tone="${el.attrs.tone}">: unknown tone${near ? ` (did you mean "${near}"?)` : ''}, expected one of ${NOTE_TONES.join(', ')}`,
      });
    }
    if (el.name === 'Passage' && typeof el.attrs.from === 'string' && known.paragraphs.has(el.attrs.from)) {
      const ids = passageIds(el, known.paragraphs);
      const to = el.attrs.to;
      if (ids.length === 0 && typeof to === 'string' && known.paragraphs.has(to))
        problems.push({ line, message: `${tag(el)}: "from" comes after "to"` });
      if (slug && known.paragraphEssay) {
        const foreign = ids.filter((id) => known.paragraphEssay!.get(id) !== slug);
        const owners = [...new Set(foreign.map((id) => known.paragraphEssay!.get(id)))];
        if (foreign.length)
          problems.push({
            line,
            message: `${tag(el)}: ${foreign.join(', ')} belong${foreign.length === 1 ? 's' : ''} to the essay ${owners.map((o) => `"${o}"`).join(', ')}, not "${slug}" (the essay: field in content/article/paragraphs.yaml); each line of the article is shown in its own essay`,
          });
      }
    }
  }
  return problems;
}

/** The ids an essay page has (headings, claims, lines, charts, references), for checking anchors. */
export function essayAnchors(
  scan: ScannedEssay,
  paragraphs: ReadonlySet<string>,
  pageIds: Iterable<string> = [],
): Set<string> {
  const ids = new Set<string>([...pageIds, ...scan.headingIds]);
  for (const el of scan.elements) {
    const id = el.attrs.id;
    if (el.name === 'Claim' && typeof id === 'string') ids.add(`claim-${id}`);
    if (el.name === 'Chart' && typeof id === 'string')
      for (const s of ['', '-title', '-desc']) ids.add(`chart-${id}${s}`);
    if (el.name === 'Cite' && typeof id === 'string') ids.add(`ref-${id}`).add('refs');
    if (el.name === 'Passage') for (const p of passageIds(el, paragraphs)) ids.add(p);
    if (typeof id === 'string' && /^[a-z]/.test(el.name)) ids.add(id); // an HTML element's own id
  }
  return ids;
}

export interface Site {
  /** the essay slugs that have a page in this build */
  essays: ReadonlySet<string>;
  /** the ids of each essay page, by slug */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** other pages that check their anchors (e.g. "/glossary/"), by path */
  pageAnchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** does a page or file exist at this path (no base, leading slash)? */
  exists: (path: string) => boolean;
}

/**
 * Internal links (relative, or absolute within the site) resolve to a page of this build, and their `#anchor` to an
 * id on it; links to other sites are not checked here. Essays live at /essays/<slug>/, so `../staking/` is the
 * staking essay and `../../glossary/` the glossary.
 */
export function checkLinks(scan: ScannedEssay, slug: string, site: Site): LintProblem[] {
  const problems: LintProblem[] = [];
  const here = `/essays/${slug}/`;
  for (const { url, line } of scan.links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') continue;
    const resolved = new URL(url, `https://site.invalid${here}`);
    const path = decodeURI(resolved.pathname);
    const anchor = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : null;
    const say = (message: string) => problems.push({ line, message: `link "${url}": ${message}` });
    const essay = /^\/essays\/([^/]+)\/?$/.exec(path);
    let ids: ReadonlySet<string> | undefined;
    if (essay) {
      if (!site.essays.has(essay[1])) {
        const near = nearest(essay[1], site.essays);
        say(
          `no essay "${essay[1]}"${near ? ` (did you mean "${near}"?)` : ''}; the essays are ${[...site.essays].join(', ')}`,
        );
        continue;
      }
      ids = site.anchors.get(essay[1]);
    } else if (!site.exists(path)) {
      say(`no page at ${path} in this build`);
      continue;
    } else ids = site.pageAnchors.get(path.replace(/\/?$/, '/'));
    if (url.startsWith('/')) {
      say(
        `an absolute link breaks when the site is served under a base path (GitHub Pages); write it relative to ${here}, e.g. "${relativeTo(here, path)}${resolved.hash}"`,
      );
      continue;
    }
    if (anchor !== null && ids && !ids.has(anchor)) {
      const near = nearest(anchor, ids);
      say(
        `no element with id "${anchor}" on ${path === here ? 'this page' : path}${near ? ` (did you mean "#${near}"?)` : ''}`,
      );
    }
  }
  return problems;
}

function relativeTo(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `${'../'.repeat(a.length - i)}${b.slice(i).join('/')}${to.endsWith('/') && b.length > i ? '/' : ''}` || './';
}

/** Split frontmatter from body; returns the body's first line number. */
export function splitFrontmatter(text: string): { frontmatter: string | null; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { frontmatter: null, body: text, bodyLine: 1 };
  return { frontmatter: m[1], body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** The file line of a top-level frontmatter key (`claims:`), or 1. */
export function frontmatterLine(frontmatter: string, key: string): number {
  const i = frontmatter.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? 1 : i + 2;
}
