import type { APIRoute } from 'astro';

/**
 * Points crawlers at the sitemap, wherever the site is deployed. Under a base path
 * (a project site) the sitemap lives under that path too; crawlers read robots.txt
 * only at a host's root, so there this file merely documents the sitemap's address.
 */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  return new Response(`User-agent: *\nAllow: ${base}\n\nSitemap: ${new URL(`${base}sitemap-index.xml`, site)}\n`, {
    headers: { 'Content-Type': 'text/plain' },
  });
};
