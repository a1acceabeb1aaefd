import type { APIRoute } from 'astro';
import { getReview } from '../../queries/review.ts';
import { getBuildInfo } from '../../queries/build-info.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';

/** `/data/trials.json`: every trial file's validated data (see `/data/schema/trial.schema.json`). */
export const GET: APIRoute = async () => {
  const { trials } = await getReview();
  const { date, commit } = getBuildInfo();
  return new Response(JSON.stringify({ license: LICENCE_FIELD, version: { date, commit: commit ?? null }, trials }, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
