// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from 'astro-pagefind';
import sitemap from '@astrojs/sitemap';
import taoproofCheck, { isDraftPage } from './src/integration.ts';
import { clientBuildPlugins } from './src/client/client-build.ts';
import csp from './src/csp.ts';

// TAOPROOF_SITE / TAOPROOF_BASE set the public URL (e.g. https://owner.github.io and /taoproof for GitHub Pages).
export default defineConfig({
  site: process.env.TAOPROOF_SITE ?? 'https://taoproof.example.org',
  base: process.env.TAOPROOF_BASE ?? '/',
  trailingSlash: 'ignore',
  integrations: [taoproofCheck(), mdx(), sitemap({ filter: (page) => !isDraftPage(page) }), pagefind(), csp()],
  build: { format: 'directory', inlineStylesheets: 'always' }, // one request per page: no render-blocking CSS
  vite: {
    plugins: clientBuildPlugins(), // what the browser bundle leaves out (src/client/client-build.ts)
    build: {
      rollupOptions: {
        // Astro's MDX integration marks each essay module with the directive "use astro:head-inject", which Astro
        // itself reads and the bundler then warns it cannot keep (one boxed warning per essay, about half the build
        // log). The marker has done its job by then; any other warning still prints.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
