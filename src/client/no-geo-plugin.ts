/**
 * The bundler plugin that puts src/client/no-geo.ts in place of d3-geo in the browser bundle (astro.config.mjs adds it
 * to Vite for the client build only; `npm run bench:site` to its rolldown rebundle). Node (the build's SVGs, the
 * tests) keeps the real d3-geo.
 */
import { fileURLToPath } from 'node:url';

export const NO_GEO_STUB = fileURLToPath(new URL('./no-geo.ts', import.meta.url));

export const noGeo = {
  name: 'taoproof:no-geo',
  enforce: 'pre' as const,
  applyToEnvironment: (env: { name: string }) => env.name === 'client',
  resolveId: (id: string) => (id === 'd3-geo' ? NO_GEO_STUB : null),
};
