/**
 * The layers of src/ (CONTRIBUTING.md, "Architecture"): model -> data -> metrics -> charts / claims -> pages. A layer
 * imports only the layers before it; nothing in src/ imports scripts/, testing/ or tests/ (scripts import src/model
 * and src/data, not the reverse). src/model, the ground floor, holds the schemas, id primitives and declarative tables.
 * testing/ (the Finney-like node, chopsticks, scratch projects) is what scripts/ and tests/ share: scripts/ and
 * testing/ import nothing from tests/, and testing/ does not import vitest, so a script runs without the tests.
 * Imports are read with TypeScript's own scanner (`ts.preProcessFile`), so `import type`, re-exports and dynamic
 * imports count and comments and strings do not; for .astro files, the frontmatter and <script> blocks are scanned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** For each layer (a folder of src/), the folders of src/ it may import from. */
const ALLOWED: Record<string, readonly string[]> = {
  model: ['model'],
  data: ['model', 'data'],
  metrics: ['model', 'data', 'metrics'],
  charts: ['model', 'data', 'metrics', 'charts'],
  claims: ['model', 'data', 'metrics', 'claims'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|astro)$/.test(e.name) ? [p] : [];
  });
}

/** The code of a file that can import: all of a .ts file; an .astro file's frontmatter and <script> blocks. */
function code(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

interface Import {
  /** the importing file, relative to the project root */
  file: string;
  /** the specifier as written */
  spec: string;
  /** the imported path relative to the project root, for relative specifiers; null for packages */
  target: string | null;
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(code(file), true, true);
  return info.importedFiles.map(({ fileName: spec }) => ({
    file: relative(ROOT, file).split(sep).join('/'),
    spec,
    target: spec.startsWith('.')
      ? relative(ROOT, resolve(dirname(file), spec))
          .split(sep)
          .join('/')
      : null,
  }));
}

/** Every import in src/ that breaks a layer rule, as "file: imports spec (reason)". */
function violations(root = ROOT): string[] {
  const out: string[] = [];
  for (const file of files(join(root, 'src'))) {
    const layer = relative(join(root, 'src'), file).split(sep)[0];
    for (const i of importsOf(file)) {
      if (i.target === null) continue;
      if (!i.target.startsWith('src/')) {
        out.push(`${i.file}: imports ${i.spec} (outside src/; scripts, testing and tests import src, not the reverse)`);
        continue;
      }
      const to = i.target.split('/')[1];
      const allowed = ALLOWED[layer];
      if (allowed && !allowed.includes(to))
        out.push(`${i.file}: imports ${i.spec} (src/${layer} may import only src/${allowed.join(', src/')})`);
    }
  }
  return out;
}

/** Every import of scripts/ and testing/ that reaches into tests/ or (testing/ only) vitest. */
function sharedViolations(root = ROOT): string[] {
  return ['scripts', 'testing'].flatMap((dir) =>
    files(join(root, dir))
      .flatMap(importsOf)
      .flatMap((i) =>
        i.target?.startsWith('tests/')
          ? [`${i.file}: imports ${i.spec} (tests/ is not imported outside tests/; shared code goes in testing/)`]
          : dir === 'testing' && /^vitest(\/|$)/.test(i.spec)
            ? [`${i.file}: imports ${i.spec} (testing/ runs in scripts too, without vitest)`]
            : [],
      ),
  );
}

describe('layers', () => {
  test('the scanner sees the imports of every layer (so an empty list of violations means something)', () => {
    const seen = new Set(
      files(join(ROOT, 'src'))
        .flatMap(importsOf)
        .map((i) => `${i.file.split('/')[1]}->${i.target?.split('/')[1]}`),
    );
    for (const edge of [
      'data->model',
      'metrics->model',
      'charts->metrics',
      'claims->metrics',
      'claims->model',
      'claims->data',
      'pages->claims',
      'pages->charts',
    ])
      expect(seen, edge).toContain(edge);
  });

  test('src/model, src/data, src/metrics, src/charts and src/claims import only the layers before them; nothing in src/ imports scripts/, testing/ or tests/', () => {
    expect(violations()).toEqual([]);
  });

  test('scripts/ and testing/ import nothing from tests/, and testing/ does not import vitest', () => {
    expect(sharedViolations()).toEqual([]);
    const seen = new Set(
      ['scripts', 'testing']
        .flatMap((d) => files(join(ROOT, d)).flatMap(importsOf))
        .map((i) => i.target?.split('/')[0]),
    );
    // the scanner sees scripts/ -> testing/ and testing/ -> scripts/ (so an empty list means something)
    expect(seen).toContain('testing');
    expect(seen).toContain('scripts');
  });
});
