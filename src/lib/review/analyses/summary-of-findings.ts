import { perHundred } from '../../format/numbers.ts';
import { clopperPearson } from '../../stats/clopper-pearson.ts';
import { estimateOf, type BinaryOutcomeAnalysis, type PooledStudy } from './analyses.ts';
import { thresholdFor } from './decision-thresholds.ts';
import type { Estimate } from './decided-estimate.ts';
import type { BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';
import type { TrialRiskOfBias } from '../model/trial-risk-of-bias.ts';
import type { CertaintyJudgements } from '../../schema/certainty.ts';
import type { DecisionThreshold } from '../../schema/thresholds.ts';
import type { MalignancyGroup } from '../../vocabulary/codes.ts';
import { withinPopulations } from '../../certainty/inconsistency.ts';
import { rateCertainty } from '../../certainty/rate.ts';
import { CERTAINTY_DOMAINS, type CertaintyDomain } from '../../vocabulary/codes.ts';
import { CERTAINTY_DOMAIN_LABELS } from '../../vocabulary/labels.ts';
import { certaintySymbols, countsInWords, plainLanguageStatement } from '../../certainty/statement.ts';
import type { CertaintyInput, OutcomeCertainty, ThresholdQuestion } from '../../certainty/certainty-types.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

/** One population's row of the summary of findings: everything it prints, computed here. */
export interface PopulationFinding {
  /** A malignancy group, a target within one (`hematologic/CD19`), or `all` for the figure across groups. */
  population: MalignancyGroup | 'all' | `${MalignancyGroup}/${string}`;
  label: string;
  /** The figure across malignancy groups when there are several: a footnoted secondary row. */
  secondary: boolean;
  estimate: Estimate;
  trials: number;
  /** The rate the figure is read against; null where none is sourced (and always across groups). */
  threshold: DecisionThreshold | null;
  /** "49 per 100 patients (95 % CI 32 to 66)" */
  absolute: string;
  /** "18 of 37 patients in 1 trial responded …" */
  counts: string;
  certainty: OutcomeCertainty;
  /** "⊕⊕◯◯" */
  symbols: string;
  /** Each domain that takes off a level, with its footnote letter (a, b, …) in GRADE's order. */
  downgrades: { marker: string; domain: CertaintyDomain; label: string; downgrade: number; reason: string }[];
  statement: string;
}

/** The summary of findings of one outcome: one row per malignancy group, then the all-cancer figure when groups are mixed. */
export interface SummaryOfFindings {
  key: BinaryOutcomeKey;
  slug: string;
  title: string;
  rows: PopulationFinding[];
}

/** A population for which the review team recorded no indirectness of its own. */
const NO_POPULATION_CONCERN = { downgrade: 0 as const, reason: 'No concern of the review team about this population beyond what the trials report.' };

const sideOf = (analysis: BinaryOutcomeAnalysis): ThresholdQuestion['side'] => (analysis.outcome.direction === 'benefit' ? 'above' : 'below');

/** What the rules read from one population's studies and figure; each study joined to its trial's risk of bias by NCT id. */
export function certaintyInput(
  studies: PooledStudy[],
  estimate: Estimate,
  threshold: ThresholdQuestion | null,
  assessments: TrialRiskOfBias[],
): CertaintyInput {
  const risk = new Map(assessments.map((a) => [a.nct, a.overall]));
  const patients = studies.reduce((sum, s) => sum + s.n, 0);
  // The population's own fit gives the weights where the model has them; the GLMM has none, so patients count.
  const weights = new Map((estimate.fit?.studies ?? []).map((s) => [s.study, s.weight]));
  return {
    k: studies.length,
    trials: new Set(studies.map((s) => s.nct)).size,
    patients,
    events: estimate.events,
    proportion: estimate.proportion,
    interval: estimate.ci,
    intervalKind: 'confidence',
    I2: estimate.fit?.heterogeneity.I2 ?? null,
    threshold,
    studies: studies.map((study) => {
      const overall = risk.get(study.nct);
      if (!overall) throw new Error(`${study.id}: no risk-of-bias record for ${study.nct}`);
      return {
        id: study.id,
        nct: study.nct,
        weight: weights.get(study.id) ?? (100 * study.n) / patients,
        proportion: study.events / study.n,
        ci: clopperPearson(study.events, study.n),
        risk: overall,
      };
    }),
  };
}

function finding(
  analysis: BinaryOutcomeAnalysis,
  population: PopulationFinding['population'],
  label: string,
  estimate: Estimate,
  input: CertaintyInput,
  certainty: OutcomeCertainty,
  threshold: DecisionThreshold | null,
  secondary: boolean,
): PopulationFinding {
  const { key } = analysis.outcome;
  return {
    population,
    label,
    secondary,
    estimate,
    trials: input.trials,
    threshold,
    absolute: perHundred(estimate.proportion, estimate.ci),
    counts: countsInWords(key, estimate.events, estimate.patients, input.trials),
    certainty,
    symbols: certaintySymbols(certainty.rating),
    downgrades: CERTAINTY_DOMAINS.filter((domain) => certainty.domains[domain].downgrade > 0).map((domain, i) => ({
      marker: String.fromCharCode(97 + i),
      domain,
      label: CERTAINTY_DOMAIN_LABELS[domain],
      downgrade: certainty.domains[domain].downgrade,
      reason: certainty.domains[domain].reason,
    })),
    statement: plainLanguageStatement(key, certainty.rating, estimate.proportion),
  };
}

/** The summary of findings of one outcome, population by population; null when no trial reports it. */
export function summaryOfFindings(
  analysis: BinaryOutcomeAnalysis,
  assessments: TrialRiskOfBias[],
  judgements: CertaintyJudgements,
  thresholds: DecisionThreshold[],
): SummaryOfFindings | null {
  const { estimate: overall } = analysis;
  if (!overall) return null;
  const { key, slug, title } = analysis.outcome;
  const judged = judgements.outcomes[key];
  const side = sideOf(analysis);
  const groups = analysis.strata.map((stratum) => {
    const threshold = thresholdFor(thresholds, key, { group: stratum.group });
    const question = threshold ? { value: threshold.value, side } : null;
    const input = certaintyInput(
      analysis.studies.filter((s) => s.group === stratum.group),
      stratum.estimate,
      question,
      assessments,
    );
    const indirectness = judged.populations?.[stratum.group]?.indirectness ?? NO_POPULATION_CONCERN;
    const certainty = rateCertainty(input, { indirectness, publicationBias: judged.publicationBias });
    return finding(analysis, stratum.group, stratum.label, stratum.estimate, input, certainty, threshold, false);
  });
  const mixed = groups.length > 1;
  const rows = groups.flatMap((row) => [row, ...targetRows(analysis, row, assessments, judgements, thresholds)]);
  if (!mixed) return { key, slug, title, rows };
  // Across groups: no one threshold fits, the mixing is the reviewers' indirectness, and inconsistency is judged within groups.
  const input = certaintyInput(analysis.studies, overall, null, assessments);
  const inconsistency = withinPopulations(groups.map((g) => ({ label: g.label, rating: g.certainty.domains.inconsistency })));
  const certainty = rateCertainty(input, { indirectness: judged.indirectness, publicationBias: judged.publicationBias }, inconsistency);
  return { key, slug, title, rows: [...rows, finding(analysis, 'all', 'All cancers together', overall, input, certainty, null, true)] };
}

/**
 * Rows for the targets within one malignancy group that at least two trials share, where they are
 * not the whole group (that row would repeat the group's). A target row reads its own threshold
 * where one is sourced for it, else the group's.
 */
function targetRows(
  analysis: BinaryOutcomeAnalysis,
  group: PopulationFinding,
  assessments: TrialRiskOfBias[],
  judgements: CertaintyJudgements,
  thresholds: DecisionThreshold[],
): PopulationFinding[] {
  if (group.population === 'all' || group.population.includes('/')) return [];
  const stratum = group.population as MalignancyGroup;
  const inGroup = analysis.studies.filter((s) => s.group === stratum);
  const targets = [...new Set(inGroup.map((s) => s.target))];
  const judged = judgements.outcomes[analysis.outcome.key];
  return targets.flatMap((target) => {
    const studies = inGroup.filter((s) => s.target === target);
    const trials = new Set(studies.map((s) => s.nct)).size;
    if (trials < THRESHOLDS.poolMinStudies || studies.length === inGroup.length) return [];
    const estimate = estimateOf(analysis, studies)!;
    const threshold = thresholdFor(thresholds, analysis.outcome.key, { group: stratum, target });
    const input = certaintyInput(studies, estimate, threshold ? { value: threshold.value, side: sideOf(analysis) } : null, assessments);
    const indirectness = judged.populations?.[stratum]?.indirectness ?? NO_POPULATION_CONCERN;
    const certainty = rateCertainty(input, { indirectness, publicationBias: judged.publicationBias });
    return [finding(analysis, `${stratum}/${target}`, `${group.label}, ${target}`, estimate, input, certainty, threshold, false)];
  });
}

/** The row whose rating the export's outcome-level `certainty` carries: the figure across all studies. */
export function overallFinding(summary: SummaryOfFindings): PopulationFinding {
  return summary.rows.find((row) => row.population === 'all') ?? summary.rows[0]!;
}
