import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/format/csv.ts';
import { getReview } from '../../queries/review.ts';

/** `/data/trials.csv`: one row per trial with its registry, product and inclusion facts. */
export const GET: APIRoute = async () => {
  const { trials } = await getReview();
  const csv = toCsv(
    trials.map((t) => ({
      nct: t.nct,
      title: t.title,
      short_name: t.shortName ?? '',
      sponsor: t.registry.sponsor ?? '',
      phase: t.registry.phase,
      status: t.registry.status,
      enrollment: t.registry.enrollment?.count ?? '',
      enrollment_type: t.registry.enrollment?.type ?? '',
      start_year: t.registry.startYear ?? '',
      countries: (t.registry.countries ?? []).join('; '),
      targets: t.product.targets.join('; '),
      nk_source: t.product.nkSource,
      group: t.population.group,
      diseases: t.population.diseases.join('; '),
      disease_codes: t.population.diseaseCodes.join('; '),
      inclusion: t.inclusion.status,
      inclusion_reason: t.inclusion.reason,
      publications: t.publications.length,
    })),
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
