/** The project's source files as the code-scanning tests read them (layers, formulas, article figures). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .astro file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|astro)$/.test(e.name) ? [p] : [];
  });
}

/** The code of a file: all of a .ts file; an .astro file's frontmatter and <script> blocks. */
export function sourceCode(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}
