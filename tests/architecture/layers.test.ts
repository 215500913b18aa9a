/**
 * The layers of src/ (CONTRIBUTING.md, "Architecture"): model -> data -> metrics -> charts / claims -> pages. A layer
 * imports only the layers before it; nothing in src/ imports scripts/, testing/ or tests/ (scripts import src/model
 * and src/data, not the reverse). src/model, the ground floor, holds the schemas, id primitives and declarative tables.
 * testing/ (the Finney-like node, chopsticks, scratch projects) is what scripts/ and tests/ share: scripts/ and
 * testing/ import nothing from tests/, and testing/ does not import vitest, so a script runs without the tests.
 * Imports are read with TypeScript's own scanner (`ts.preProcessFile`), so `import type`, re-exports and dynamic
 * imports count and comments and strings do not; for .astro files, the frontmatter and <script> blocks are scanned.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { sourceCode, sourceFiles } from '../helpers/source-files.ts';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** For each layer (a folder of src/), the folders of src/ it may import from. */
const ALLOWED: Record<string, readonly string[]> = {
  model: ['model'],
  data: ['model', 'data'],
  metrics: ['model', 'data', 'metrics'],
  charts: ['model', 'data', 'metrics', 'charts'],
  claims: ['model', 'data', 'metrics', 'claims'],
  verify: ['verify'],
};

const files = sourceFiles;
const code = sourceCode;

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

/** Every file of src/ outside src/model that imports zod as a value (`import type { z }` is only a type). */
function zodOutsideModel(root = ROOT): string[] {
  return files(join(root, 'src'))
    .filter((f) => !relative(join(root, 'src'), f).startsWith(`model${sep}`) && code(f).includes('zod'))
    .flatMap((file) => {
      const src = ts.createSourceFile(file, code(file), ts.ScriptTarget.Latest, false);
      return src.statements.flatMap((st) =>
        ts.isImportDeclaration(st) &&
        ts.isStringLiteral(st.moduleSpecifier) &&
        /^(zod|astro\/zod)(\/|$)/.test(st.moduleSpecifier.text) &&
        !st.importClause?.isTypeOnly
          ? [`${relative(root, file).split(sep).join('/')}: imports ${st.moduleSpecifier.text}`]
          : [],
      );
    });
}

/** The relative imports of `file` and of everything they import, as project-relative paths (packages as written). */
function reach(file: string, seen = new Set<string>()): Set<string> {
  for (const i of importsOf(file)) {
    const target = i.target === null ? i.spec : i.target;
    if (seen.has(target)) continue;
    seen.add(target);
    if (i.target !== null && !i.spec.startsWith('astro:')) reach(join(ROOT, i.target), seen);
  }
  return seen;
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
      'checks->data',
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

  test('no zod schema outside src/model: no file of src/ elsewhere imports zod for a value', () => {
    expect(zodOutsideModel()).toEqual([]);
    // the check sees a value import (so an empty list means something): src/model's own files have them
    const model = files(join(ROOT, 'src/model')).filter(
      (f) => /from 'zod'/.test(code(f)) && !/import type/.test(code(f)),
    );
    expect(model.length).toBeGreaterThan(3);
  });

  test("the search page's code reaches no zod (its id patterns come from the zod-free src/model/id-patterns.ts)", () => {
    const reached = reach(join(ROOT, 'src/client/search.ts'));
    expect(reached).toContain('src/model/id-patterns.ts');
    expect([...reached].filter((r) => /^zod(\/|$)/.test(r) || r === 'src/model/ids.ts')).toEqual([]);
  });
});
