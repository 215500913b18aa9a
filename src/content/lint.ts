/**
 * Static checks of an essay's MDX body, with file and line: imports only from the documented components (a pull
 * request's MDX runs at build time), and every <Chart id>, <Claim id>, <Passage from/to>, <Cite id> names
 * something that exists.
 */
export const ALLOWED_IMPORTS = [
  '../../src/components/essay/Chart.astro',
  '../../src/components/essay/Claim.astro',
  '../../src/components/essay/Passage.astro',
  '../../src/components/essay/Note.astro',
  '../../src/components/essay/Cite.astro',
  '../../src/components/essay/Figure.astro',
] as const;

export interface Known {
  charts: ReadonlySet<string>;
  claims: ReadonlySet<string>;
  paragraphs: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  figures: ReadonlySet<string>;
}

export interface LintProblem {
  line: number;
  message: string;
}

const COMPONENT_REFS: Array<{ tag: string; attr: string; set: keyof Known; what: string }> = [
  { tag: 'Chart', attr: 'id', set: 'charts', what: 'chart id' },
  { tag: 'Claim', attr: 'id', set: 'claims', what: 'claim id' },
  { tag: 'Passage', attr: 'from', set: 'paragraphs', what: 'paragraph id' },
  { tag: 'Passage', attr: 'to', set: 'paragraphs', what: 'paragraph id' },
  { tag: 'Cite', attr: 'id', set: 'sources', what: 'source id' },
  { tag: 'Figure', attr: 'id', set: 'figures', what: 'figure id' },
];

/** `body` is the MDX after the frontmatter; `firstLine` is the file line it starts on. */
export function lintEssay(body: string, known: Known, firstLine = 1): LintProblem[] {
  const problems: LintProblem[] = [];
  const lines = body.split('\n');
  let inFence = false;
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    const imp = /^\s*import\s.*?from\s+['"]([^'"]+)['"]/.exec(text) ?? /^\s*import\s+['"]([^'"]+)['"]/.exec(text);
    if (imp && !(ALLOWED_IMPORTS as readonly string[]).includes(imp[1]))
      problems.push({ line, message: `import from "${imp[1]}" is not allowed; essays may import only ${ALLOWED_IMPORTS.map((p) => p.split('/').pop()).join(', ')} from src/components/essay/ (they are also available without an import)` });
    else if (/^\s*export\s/.test(text)) problems.push({ line, message: 'export statements are not allowed in essays' });
    for (const ref of COMPONENT_REFS) {
      const re = new RegExp(`<${ref.tag}\\b[^>]*?\\b${ref.attr}=(?:"([^"]*)"|'([^']*)'|\\{([^}]*)\\})`, 'g');
      for (const m of text.matchAll(re)) {
        const value = m[1] ?? m[2];
        if (value === undefined) {
          problems.push({ line, message: `<${ref.tag} ${ref.attr}={${m[3]}}>: expected a literal string, received an expression` });
          continue;
        }
        if (!known[ref.set].has(value)) {
          const near = [...known[ref.set]].filter((k) => k.startsWith(value.slice(0, 3))).slice(0, 5);
          problems.push({
            line,
            message: `<${ref.tag} ${ref.attr}="${value}">: unknown ${ref.what}, expected one of ${near.length ? near.join(', ') + ', ...' : [...known[ref.set]].slice(0, 8).join(', ')}`,
          });
        }
      }
    }
  });
  return problems;
}

/** Split frontmatter from body; returns the body's first line number. */
export function splitFrontmatter(text: string): { frontmatter: string | null; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { frontmatter: null, body: text, bodyLine: 1 };
  return { frontmatter: m[1], body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}
