/**
 * Astro integration: before anything renders, check every data and content file (src/checks/check.ts) and stop
 * the build with one line per problem, `<file>:<line>: <message>`. While rendering, each essay component is
 * wrapped in src/checks/EssayLine.astro, so an error it throws names the essay's file and line too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { checkProject, FILES } from './checks/check.ts';
import { nativeVerdicts } from './checks/verdicts.ts';
import { VERDICT_FILES } from './claims/index.ts';
import { dataLine } from './site/kind.ts';
import { COMPONENTS, splitFrontmatter } from './checks/lint.ts';

/** The name the essay page gives src/checks/EssayLine.astro in its `components`. */
const ESSAY_LINE = 'TaoproofEssayLine';

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

/** An mdast plugin for the essays: wrap every essay component in <TaoproofEssayLine at="content/essays/x.mdx:24">. */
function essayLines(root: string): MdastPluginEntry {
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
            name: ESSAY_LINE,
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

/** The check's problems as the contributor reads them: a count, then one line each. */
function report(problems: string[]): string {
  return `taoproof: ${problems.length} problem${problems.length > 1 ? 's' : ''} in data or content (each line names the file and the field or line; CONTRIBUTING.md explains the checks):\n${problems.join('\n')}`;
}

/** Files whose change the dev server checks again. */
const WATCHED = /\/(content\/|public\/data\/|src\/claims\/verdicts\/)/;

export default function taoproofCheck(): AstroIntegration {
  let root = '';
  let production = false;
  return {
    name: 'taoproof:check',
    hooks: {
      'astro:config:setup': async ({ config, logger, command }) => {
        root = fileURLToPath(config.root).replace(/\/$/, '');
        production = process.env.TAOPROOF_PRODUCTION === '1';
        const { problems, snapshot } = checkProject(root, { production, verdicts: await verdictsAsNodeLoads(root) });
        if (problems.length) {
          // printed as they are and the build stopped: thrown, they would be framed as a crash of the hook with an
          // empty stack trace. `astro dev` serves on and checks again on each save.
          console.error(report(problems));
          if (command !== 'dev') process.exit(1);
          logger.warn('serving with these problems; the check runs again when you save a file under content/');
        }
        logger.info(`data: ${snapshot ? dataLine(snapshot) : 'none'}${production ? ' (production build)' : ''}`);
        const processor = config.markdown.processor as
          { name: string; options: { mdastPlugins?: MdastPluginEntry[] } } | undefined;
        if (processor?.name === 'satteri') (processor.options.mdastPlugins ??= []).push(essayLines(root));
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
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!WATCHED.test(file)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const { problems } = checkProject(root, {
              production,
              verdicts: await verdictsAsNodeLoads(root, String(Date.now())),
            });
            if (problems.length) {
              console.error(report(problems));
              server.ws.send({ type: 'error', err: { message: report(problems), stack: '' } });
            } else logger.info(`check: no problems in data or content (after ${relative(root, file)})`);
          }, 150);
        };
        for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, recheck);
      },
    },
  };
}

/** The verdict functions as Node loads them (see nativeVerdicts), or the bundler's when Node cannot load them. */
async function verdictsAsNodeLoads(root: string, version?: string) {
  try {
    return await nativeVerdicts(root, VERDICT_FILES, version);
  } catch {
    return undefined;
  }
}
