import type { APIRoute, GetStaticPaths } from 'astro';
import { getReleases } from '../../../queries/releases.ts';
import type { Release } from '../../../lib/schema/release.ts';

export const getStaticPaths: GetStaticPaths = () => getReleases().map((release) => ({ params: { date: release.version }, props: { release } }));

/** `/versions/<date>/data.json`: the frozen snapshot as committed, so a citation's data stays downloadable. */
export const GET: APIRoute<{ release: Release }> = ({ props }) =>
  new Response(`${JSON.stringify(props.release, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
