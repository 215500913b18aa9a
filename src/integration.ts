/**
 * Astro integration: before anything renders, check every data and content file (src/checks/check.ts) and stop
 * the build with one line per problem, `<file>:<line>: <message>`. While rendering, each essay component is
 * wrapped in src/checks/SourceLine.astro, so an error it throws names the essay's file and line too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { checkProject, FILES } from './checks/check.ts';
import { COMPONENTS, splitFrontmatter } from './checks/lint.ts';

/** The name the essay page gives src/checks/SourceLine.astro in its `components`. */
const SOURCE_LINE = 'TaoproofSourceLine';

/** Slugs of the essays marked `draft: true` (for the sitemap's filter in astro.config.mjs). */
function draftSlugs(root = process.cwd()): string[] {
  const dir = join(root, FILES.essays);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .filter((n) => {
      try {
        return (
          (parseYaml(splitFrontmatter(readFileSync(join(dir, n), 'utf8')).frontmatter ?? '') as { draft?: unknown })
            ?.draft === true
        );
      } catch {
        return false; // the check reports the bad frontmatter
      }
    })
    .map((n) => n.replace(/\.mdx$/, ''));
}

let buildDrafts: string[] | undefined;

/** Is this page URL a draft essay's (kept out of the sitemap)? Without `drafts`, this build's (read once). */
export function isDraftPage(page: string, drafts: readonly string[] = (buildDrafts ??= draftSlugs())): boolean {
  return drafts.some((slug) => new URL(page).pathname.replace(/\/?$/, '/').endsWith(`/essays/${slug}/`));
}

/** An mdast plugin for the essays: wrap every essay component in <TaoproofSourceLine at="content/essays/x.mdx:24">. */
function sourceLines(root: string): MdastPluginEntry {
  const essays = join(root, FILES.essays) + sep;
  return (ctx) => {
    const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '';
    if (!path.startsWith(essays)) return null;
    const file = relative(root, path);
    const wrap =
      (type: 'mdxJsxFlowElement' | 'mdxJsxTextElement') =>
      (
        node: { name: string | null; position?: { start: { line: number } } },
        c: { wrapNode: (n: never, p: never) => void },
      ) => {
        if (!node.name || !(node.name in COMPONENTS)) return;
        const at = `${file}:${node.position?.start.line ?? 1}`;
        c.wrapNode(
          node as never,
          {
            type,
            name: SOURCE_LINE,
            attributes: [{ type: 'mdxJsxAttribute', name: 'at', value: at }],
            children: [],
          } as never,
        );
      };
    return {
      name: 'taoproof-source-lines',
      options: { position: true },
      mdxJsxFlowElement: wrap('mdxJsxFlowElement'),
      mdxJsxTextElement: wrap('mdxJsxTextElement'),
    };
  };
}

export default function taoproofCheck(): AstroIntegration {
  return {
    name: 'taoproof:check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root).replace(/\/$/, '');
        const production = process.env.TAOPROOF_PRODUCTION === '1';
        const { problems, snapshot } = checkProject(root, { production });
        if (problems.length) {
          const err = new Error(
            `taoproof found ${problems.length} problem${problems.length > 1 ? 's' : ''} in data or content:\n${problems.join('\n')}`,
          );
          err.stack = err.message; // the lines are the message; a stack trace would bury them
          throw err;
        }
        logger.info(
          `data: kind ${snapshot?.kind}, ${snapshot?.series.length} series points${production ? ' (production build)' : ''}`,
        );
        const processor = config.markdown.processor as
          { name: string; options: { mdastPlugins?: MdastPluginEntry[] } } | undefined;
        if (processor?.name === 'satteri') (processor.options.mdastPlugins ??= []).push(sourceLines(root));
        else
          logger.warn(
            `markdown processor ${processor?.name}: essay render errors will name the URL, not the file and line`,
          );
        const drafts = draftSlugs(root);
        if (drafts.length)
          logger.info(
            `draft essays (${drafts.join(', ')}): ${production ? 'left out of this production build' : 'built for preview, not listed, searched or in the sitemap'}`,
          );
      },
    },
  };
}
