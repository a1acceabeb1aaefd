import type { APIRoute, GetStaticPaths } from 'astro';
import { getReview } from '../../../queries/review.ts';
import { outcomeExportSchema, survivalExportSchema } from '../../../lib/schema/exports.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const review = await getReview();
  return [...review.outcomes, ...review.survival].map((item) => ({ params: { slug: item.outcome.slug } }));
};

/** `/data/outcomes/<slug>.json`: one outcome's analysis, checked against its published schema. */
export const GET: APIRoute = async ({ params }) => {
  const { exports } = await getReview();
  const binary = exports.outcomes.find((item) => item.outcome.slug === params.slug);
  const body = binary
    ? outcomeExportSchema.parse(binary)
    : survivalExportSchema.parse(exports.survival.find((item) => item.outcome.slug === params.slug));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
