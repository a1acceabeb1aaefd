import type { APIRoute, GetStaticPaths } from 'astro';
import { getReview } from '../../../queries/review.ts';
import { getBuildInfo } from '../../../queries/build-info.ts';
import { outcomeExport, survivalExport } from '../../../lib/review/exports.ts';
import { outcomeExportSchema, published, survivalExportSchema } from '../../../lib/schema/exports.ts';
import { LICENCE_FIELD } from '../../../lib/licence/licences.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const review = await getReview();
  return [...review.outcomes, ...review.survival].map((item) => ({ params: { slug: item.outcome.slug } }));
};

/** `/data/outcomes/<slug>.json`: one outcome's analysis, checked against its published schema. */
export const GET: APIRoute = async ({ params }) => {
  const review = await getReview();
  const version = getBuildInfo();
  const binary = review.outcomes.find((analysis) => analysis.outcome.slug === params.slug);
  const survival = review.survival.find((item) => item.outcome.slug === params.slug);
  const body = binary
    ? published(outcomeExportSchema).parse({ license: LICENCE_FIELD, ...outcomeExport(binary, version) })
    : published(survivalExportSchema).parse({ license: LICENCE_FIELD, ...survivalExport(survival!, version) });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
