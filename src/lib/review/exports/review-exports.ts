import type { OutcomeExport, RiskOfBiasExport, SurvivalExport } from '../../schema/exports.ts';
import { overallFinding, type SummaryOfFindings } from '../analyses/summary-of-findings.ts';
import { OVERALL_RULE, ROB_DOMAINS, ROB_TOOL } from '../../schema/risk-of-bias.ts';
import type { TrialRiskOfBias } from '../model/trial-risk-of-bias.ts';
import type { Citation, OutcomeData, SurvivalRow } from '../model/outcome-data.ts';
import type { OutcomeDefinition } from '../../vocabulary/outcomes.ts';
import type { BinaryOutcomeAnalysis, PooledStudy } from '../analyses/analyses.ts';
import type { Estimate } from '../analyses/decided-estimate.ts';
import type { DecisionThreshold } from '../../schema/thresholds.ts';

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

/** A result's source with its evidence tier. */
function tieredSource(citation: Citation) {
  return { ...exportedSource(citation), type: citation.publication.type, url: citation.publication.url ?? null };
}

/** An estimate after the rules, as downloads carry it: the fit itself stays out. */
function decided({ basis, model, k, patients, events, proportion, ci, pi, notes }: Estimate) {
  return { basis, model, k, patients, events, proportion, ci, pi, notes: notes.map((note) => note.text) };
}

/** A study row as downloads carry it, with its trial's overall risk of bias (null: no judgement). */
function studyExport(study: PooledStudy, riskOfBias: Map<string, TrialRiskOfBias>) {
  return {
    id: study.id,
    study: study.label,
    nct: study.nct,
    cohort: study.cohort,
    events: study.events,
    n: study.n,
    proportion: study.result.proportion,
    ci: study.result.ci,
    weight: study.result.weight,
    year: study.year,
    group: study.group,
    nkSource: study.nkSource,
    target: study.target,
    phase: study.phase,
    population: study.population,
    timepoint: study.timepoint ?? null,
    criteria: study.criteria ?? null,
    note: study.note ?? null,
    derivedFrom: study.derivedFrom ?? null,
    source: tieredSource(study.citation),
    riskOfBias: riskOfBias.get(study.nct)?.overall ?? null,
  };
}

function thresholdExport(threshold: DecisionThreshold | null): OutcomeExport['strata'][number]['threshold'] {
  if (!threshold) return null;
  const { citation, doi, pmid, location } = threshold.source;
  return {
    value: threshold.value,
    comparator: threshold.comparator,
    reason: threshold.reason,
    year: threshold.source.year,
    source: { citation, doi: doi ?? null, pmid: pmid ?? null, location },
  };
}

/** An outcome's analysis as the public data API publishes it (see schema/exports.ts). */
export function outcomeExport(
  analysis: BinaryOutcomeAnalysis,
  version: Version,
  summary: SummaryOfFindings | null,
  assessments: TrialRiskOfBias[],
): OutcomeExport {
  const { outcome, result, estimate, studies, settings } = analysis;
  const riskOfBias = new Map(assessments.map((assessment) => [assessment.nct, assessment]));
  // The pooling names studies by id; the download names them as pages do.
  const labels = new Map(studies.map((study) => [study.id, study.label]));
  const label = (id: string) => labels.get(id) ?? id;
  const pooled = estimate?.basis === 'pooled';
  return {
    ...exportHeader(outcome, version),
    settings,
    result: estimate && {
      model: estimate.model,
      basis: estimate.basis,
      k: estimate.k,
      patients: estimate.patients,
      events: estimate.events,
      pooled: pooled ? { proportion: estimate.proportion, ci: estimate.ci, pi: estimate.pi } : null,
      unpooled: pooled ? null : { proportion: estimate.proportion, ci: estimate.ci },
      heterogeneity: result ? { ...result.heterogeneity, test: result.heterogeneityTest } : null,
      egger: analysis.smallStudy ? (result?.egger ?? null) : null,
      funnel:
        analysis.smallStudy && result?.funnel
          ? {
              measure: result.measure,
              ...result.funnel,
              studies: result.funnel.studies.map(({ study, ...rest }) => ({ study: label(study), ...rest })),
            }
          : null,
      leaveOneOut: (result?.leaveOneOut ?? []).map(({ omitted, ...rest }) => ({ omitted: label(omitted), ...rest })),
      cumulative: (result?.cumulative ?? []).map(({ study, ...rest }) => ({ study: label(study), ...rest })),
      notes: analysis.notes.map((note) => note.text),
    },
    strata: analysis.strata.map((stratum) => {
      // Every stratum has its row in the summary of findings, joined by malignancy group.
      const row = summary?.rows.find((r) => r.population === stratum.group);
      if (!row) throw new Error(`${outcome.slug}: no summary-of-findings row for ${stratum.group}`);
      const threshold = thresholdExport(row.threshold);
      return {
        group: stratum.group,
        label: stratum.label,
        ...decided(stratum.estimate),
        threshold,
        certainty: row.certainty,
        bayes: row.bayes && { ...row.bayes, threshold: threshold && { value: threshold.value, source: threshold.source } },
      };
    }),
    studies: studies.map((study) => studyExport(study, riskOfBias)),
    sponsorReports: analysis.sponsorReports.studies.map((study) => studyExport(study, riskOfBias)),
    subgroups: analysis.subgroups.map((subgroup) => ({
      dimension: subgroup.dimension,
      title: subgroup.title,
      groups: (subgroup.result.subgroups ?? []).map((g) => ({ ...g, label: subgroup.labels[g.group] ?? g.group })),
      between: subgroup.result.between ?? null,
      commonTau2: subgroup.commonTau2,
    })),
    sensitivity: analysis.sensitivity.map(({ label: name, measure, method, hakn, ...rest }) => ({
      label: name,
      measure,
      method,
      hakn,
      ...decided(rest),
      tau2: rest.fit?.heterogeneity.tau2 ?? null,
      I2: rest.fit?.heterogeneity.I2 ?? null,
      clipped: rest.notes.some((note) => note.rule === 'clipped'),
    })),
    notReported: analysis.notReported,
    certainty: summary && overallFinding(summary).certainty,
  };
}

/** Every included trial's risk of bias as the public data API publishes it. */
export function riskOfBiasExport(assessments: TrialRiskOfBias[]): RiskOfBiasExport {
  return {
    tool: { name: ROB_TOOL.name, citation: ROB_TOOL.citation, doi: ROB_TOOL.doi, overallRule: OVERALL_RULE },
    domains: ROB_DOMAINS.map(({ id, item, name, question }) => ({ id, item, name, question })),
    trials: assessments.map((assessment) => ({
      nct: assessment.nct,
      judgements: assessment.judgements.map(({ domain, judgement, support, citation }) => ({
        domain,
        judgement,
        support,
        source: exportedSource(citation),
      })),
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
      year: row.citation.publication.year,
      source: tieredSource(row.citation),
    })),
    notReported: data.notReported,
  };
}
