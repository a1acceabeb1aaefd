import type { APIRoute } from 'astro';
import { getReview } from '../../queries/review.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';
import { riskOfBiasExport } from '../../lib/review/exports/review-exports.ts';
import { published, riskOfBiasExportSchema } from '../../lib/schema/exports.ts';

/** `/data/risk-of-bias.json`: every included trial's risk of bias, checked against its published schema. */
export const GET: APIRoute = async () => {
  const review = await getReview();
  const body = published(riskOfBiasExportSchema).parse({ license: LICENCE_FIELD, ...riskOfBiasExport(review.riskOfBias) });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
