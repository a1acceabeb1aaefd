import type { APIRoute } from 'astro';
import { getTrials } from '../queries/trials.ts';
import { buildTrialIndex } from '../lib/search/trial-search.ts';

/** The full-text index the search page loads. */
export const GET: APIRoute = async () => {
  const entries = await getTrials();
  const index = buildTrialIndex(entries.map((entry) => ({ trial: entry.data, body: entry.body ?? '' })));
  return new Response(index, { headers: { 'Content-Type': 'application/json' } });
};
