/**
 * Astro integration: before anything renders, check every data and content file (src/content/check.ts) and stop
 * the build with one line per problem.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkProject } from './content/check.ts';

export default function taoproofCheck(): AstroIntegration {
  return {
    name: 'taoproof:check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root).replace(/\/$/, '');
        const production = process.env.TAOPROOF_PRODUCTION === '1';
        const { problems, snapshot } = checkProject(root, { production });
        if (problems.length) {
          const err = new Error(`taoproof found ${problems.length} problem${problems.length > 1 ? 's' : ''} in data or content:\n${problems.join('\n')}`);
          err.stack = err.message; // the lines are the message; a stack trace would bury them
          throw err;
        }
        logger.info(`data: kind ${snapshot?.kind}, ${snapshot?.series.length} series points${production ? ' (production build)' : ''}`);
      },
    },
  };
}
