import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/format/csv.ts';
import { getReview } from '../../queries/review.ts';

/** `/data/extracted.csv`: every extracted number, one row per trial, cohort and outcome, with its source. */
export const GET: APIRoute = async () => {
  const { trials } = await getReview();
  const rows = trials.flatMap((trial) =>
    trial.cohorts.flatMap((cohort) =>
      Object.entries(cohort.outcomes).flatMap(([outcome, value]) => {
        if (!value) return [];
        const publication = trial.publications.find((p) => p.id === value.source.publication)!;
        // Every column read here is a number or a text in the schema; an absent one is an empty cell.
        const field = (name: string) => {
          const cell = (value as Record<string, unknown>)[name];
          return typeof cell === 'number' || typeof cell === 'string' ? String(cell) : '';
        };
        return [
          {
            nct: trial.nct,
            cohort: cohort.id,
            cohort_label: cohort.label,
            outcome,
            pooled: cohort.pooled.includes(outcome as never),
            pooled_with_sponsor_reports: cohort.pooledWithSponsorReports.includes(outcome as never),
            events: field('events'),
            n: field('n'),
            month: field('month'),
            estimate: field('estimate'),
            summary: field('summary'),
            timepoint: field('timepoint'),
            criteria: field('criteria'),
            note: field('note'),
            source_citation: publication.citation,
            source_doi: publication.doi ?? '',
            source_pmid: publication.pmid ?? '',
            source_location: value.source.location,
          },
        ];
      }),
    ),
  );
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
