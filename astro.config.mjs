// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// The production URL; citations and the sitemap need absolute addresses.
const site = process.env.CARNK_SITE_URL ?? 'https://carnk-living-review.github.io';

export default defineConfig({
  site,
  base: process.env.CARNK_BASE_PATH ?? '/',
  // npm run build writes here (through a scratch folder); astro preview, and so npm start, serves it.
  outDir: process.env.CARNK_OUT_DIR ?? 'dist',
  // npm run build gives each build a cache of its own (Astro keeps the loaded content there), so builds of
  // different trial folders can run side by side.
  cacheDir: process.env.CARNK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
  build: { format: 'directory' },
  // A hashed Content-Security-Policy on every page; vega runs with its expression interpreter, so no 'unsafe-eval'.
  // Everything else is locked down: nothing loads from elsewhere, no <base> can re-point links, no form can post
  // anywhere, no plugins. The same policy as a header: see README, "Content security policy".
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'none'", "form-action 'none'", "object-src 'none'", "img-src 'self' data:"],
    },
  },
  // Shiki highlights with inline styles, which the CSP forbids; trial narratives hold no code anyway.
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      // Vega's modules are large by nature; the chunk-size warning tells us nothing.
      chunkSizeWarningLimit: 2000,
    },
  },
});
