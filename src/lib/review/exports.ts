import type { OutcomeExport, RiskOfBiasExport, SurvivalExport } from '../schema/exports.ts';
import type { OutcomeCertainty } from '../certainty/types.ts';
import { OVERALL_RULE, ROB_DOMAINS, ROB_TOOL } from '../schema/risk-of-bias.ts';
import type { TrialRiskOfBias } from './risk-of-bias.ts';
import type { Citation, OutcomeData, SurvivalRow } from './outcome-data.ts';
import type { OutcomeDefinition } from './outcomes.ts';
import type { BinaryOutcomeAnalysis } from './analyses.ts';
import { POOLING } from './settings.ts';

export interface Version {
  date: string;
  commit: string | undefined;
}

/** What every outcome file starts with: which outcome, and which version of the review. */
function exportHeader(outcome: OutcomeDefinition, version: Version) {
  return {
    outcome: { slug: outcome.slug, key: outcome.key, title: outcome.title, description: outcome.description },
    version: { date: version.date, commit: version.commit ?? null },
  };
}

function exportedSource({ publication, location }: Citation) {
  return { citation: publication.citation, doi: publication.doi ?? null, pmid: publication.pmid ?? null, location };
}

/** An outcome's analysis as the public data API publishes it (see schema/exports.ts). */
export function outcomeExport(analysis: BinaryOutcomeAnalysis, version: Version, certainty: OutcomeCertainty | null): OutcomeExport {
  const { outcome, result, rows } = analysis;
  return {
    ...exportHeader(outcome, version),
    settings: { measure: POOLING.measure, method: POOLING.method, hakn: POOLING.hakn },
    result: result && {
      k: result.k,
      patients: rows.reduce((sum, row) => sum + row.n, 0),
      pooled: result.pooled,
      heterogeneity: result.heterogeneity,
      egger: result.egger,
      leaveOneOut: result.leaveOneOut ?? [],
      cumulative: result.cumulative ?? [],
    },
    studies: rows.map((row, i) => {
      const study = result!.studies[i]!;
      return {
        id: row.id,
        study: row.label,
        nct: row.nct,
        cohort: row.cohort,
        events: row.events,
        n: row.n,
        proportion: study.proportion,
        ci: study.ci,
        weight: study.weight,
        year: row.year,
        group: row.group,
        nkSource: row.nkSource,
        target: row.target,
        phase: row.phase,
        timepoint: row.timepoint ?? null,
        criteria: row.criteria ?? null,
        source: exportedSource(row.citation),
      };
    }),
    subgroups: analysis.subgroups.map((subgroup) => ({
      dimension: subgroup.dimension,
      title: subgroup.title,
      groups: (subgroup.result.subgroups ?? []).map((g) => ({ ...g, label: subgroup.labels[g.group] ?? g.group })),
      between: subgroup.result.between ?? null,
    })),
    sensitivity: analysis.sensitivity,
    notReported: analysis.notReported,
    certainty: certainty && { rating: certainty.rating, domains: certainty.domains },
  };
}

/** Every included trial's risk of bias as the public data API publishes it. */
export function riskOfBiasExport(assessments: TrialRiskOfBias[]): RiskOfBiasExport {
  return {
    tool: { name: ROB_TOOL.name, citation: ROB_TOOL.citation, doi: ROB_TOOL.doi, overallRule: OVERALL_RULE },
    domains: ROB_DOMAINS.map(({ id, item, name, question }) => ({ id, item, name, question })),
    trials: assessments.map((assessment) => ({
      nct: assessment.nct,
      judgements: assessment.judgements.map(({ domain, judgement, support, citation }) => ({ domain, judgement, support, source: exportedSource(citation) })),
      overall: assessment.overall,
    })),
  };
}

export function survivalExport(data: OutcomeData<SurvivalRow> & { outcome: OutcomeDefinition }, version: Version): SurvivalExport {
  const { outcome } = data;
  return {
    ...exportHeader(outcome, version),
    estimates: data.rows.map((row) => ({
      id: row.id,
      study: row.label,
      nct: row.nct,
      month: row.month,
      estimate: row.estimate,
      ci: row.ci ?? null,
      n: row.n ?? null,
      source: exportedSource(row.citation),
    })),
    notReported: data.notReported,
  };
}
