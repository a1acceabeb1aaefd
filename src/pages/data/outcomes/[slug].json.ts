import type { APIRoute, GetStaticPaths } from 'astro';
import { getReview } from '../../../queries/review.ts';
import { outcomeExportSchema, published, survivalExportSchema } from '../../../lib/schema/exports.ts';
import { LICENCE_FIELD } from '../../../lib/licence/licences.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const review = await getReview();
  return [...review.outcomes, ...review.survival].map((item) => ({ params: { slug: item.outcome.slug } }));
};

/** `/data/outcomes/<slug>.json`: one outcome's analysis, checked against its published schema. */
export const GET: APIRoute = async ({ params }) => {
  const { exports } = await getReview();
  const binary = exports.outcomes.find((item) => item.outcome.slug === params.slug);
  const body = binary
    ? published(outcomeExportSchema).parse({ license: LICENCE_FIELD, ...binary })
    : published(survivalExportSchema).parse({ license: LICENCE_FIELD, ...exports.survival.find((item) => item.outcome.slug === params.slug) });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
