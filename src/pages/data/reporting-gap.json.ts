import type { APIRoute } from 'astro';
import { getReview } from '../../queries/review.ts';
import { LICENCE_FIELD } from '../../lib/licence/licences.ts';
import { published, reportingGapExportSchema } from '../../lib/schema/exports.ts';

/** `/data/reporting-gap.json`: every trial in the review against its reported results, checked against its published schema. */
export const GET: APIRoute = async () => {
  const review = await getReview();
  const body = published(reportingGapExportSchema).parse({ license: LICENCE_FIELD, ...review.reportingGap });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
