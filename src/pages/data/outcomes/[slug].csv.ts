import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../lib/format/csv.ts';
import { getReview } from '../../../queries/review.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const review = await getReview();
  return review.outcomes.map((analysis) => ({ params: { slug: analysis.outcome.slug } }));
};

/** `/data/outcomes/<slug>.csv`: the studies of one outcome, ready for `npm run pool -- --csv`. */
export const GET: APIRoute = async ({ params }) => {
  const { exports } = await getReview();
  const { studies } = exports.outcomes.find((item) => item.outcome.slug === params.slug)!;
  const csv = toCsv(
    studies.map((s) => ({
      study: s.study,
      events: s.events,
      total: s.n,
      group: s.group,
      year: s.year,
      nct: s.nct,
      cohort: s.cohort,
      nk_source: s.nkSource,
      target: s.target,
      phase: s.phase,
      weight_percent: s.weight,
      source_citation: s.source.citation,
      source_doi: s.source.doi ?? '',
      source_pmid: s.source.pmid ?? '',
      source_location: s.source.location,
    })),
    {
      columns: [
        'study',
        'events',
        'total',
        'group',
        'year',
        'nct',
        'cohort',
        'nk_source',
        'target',
        'phase',
        'weight_percent',
        'source_citation',
        'source_doi',
        'source_pmid',
        'source_location',
      ],
    },
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
