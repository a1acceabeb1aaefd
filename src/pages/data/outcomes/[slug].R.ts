import type { APIRoute, GetStaticPaths } from 'astro';
import { REVIEW_TITLE } from '../../../lib/format/cite.ts';
import { rScript } from '../../../lib/review/exports/r-script.ts';
import { getReview } from '../../../queries/review.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const review = await getReview();
  return review.outcomes.map((analysis) => ({ params: { slug: analysis.outcome.slug } }));
};

/** `/data/outcomes/<slug>.R`: the outcome's analyses as metafor calls on `<slug>.csv`. */
export const GET: APIRoute = async ({ params }) => {
  const { exports } = await getReview();
  const outcome = exports.outcomes.find((item) => item.outcome.slug === params.slug)!;
  return new Response(rScript(outcome, REVIEW_TITLE), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
