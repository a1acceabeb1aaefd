import type { APIRoute } from 'astro';

/** Points crawlers at the sitemap, wherever the site is deployed. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site)}\n`, { headers: { 'Content-Type': 'text/plain' } });
