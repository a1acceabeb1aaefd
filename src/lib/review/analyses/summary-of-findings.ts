import { perHundred } from '../../format/numbers.ts';
import { collapsedHeterogeneityNote } from '../../format/small-k.ts';
import { bayesBinomialNormal, type BayesSummary } from '../../pooling/bayes.ts';
import { clopperPearson } from '../../stats/clopper-pearson.ts';
import { estimateOf, type BinaryOutcomeAnalysis, type PooledStudy } from './analyses.ts';
import { thresholdFor, type Population } from './decision-thresholds.ts';
import type { Estimate } from './decided-estimate.ts';
import type { BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';
import type { TrialRiskOfBias } from '../model/trial-risk-of-bias.ts';
import type { CertaintyJudgements, Downgrade } from '../../schema/certainty.ts';
import type { DecisionThreshold } from '../../schema/thresholds.ts';
import { DISEASE_CODES, DISEASES, type MalignancyGroup } from '../../vocabulary/codes.ts';
import { withinPopulations } from '../../certainty/inconsistency.ts';
import { rateCertainty } from '../../certainty/rate.ts';
import type { ReportingGapInput } from '../../certainty/publication-bias.ts';
import { CERTAINTY_DOMAINS, type CertaintyDomain } from '../../vocabulary/codes.ts';
import { CERTAINTY_DOMAIN_LABELS, DISEASE_LABELS, GROUP_LABELS } from '../../vocabulary/labels.ts';
import { certaintySymbols, countsInWords, plainLanguageStatement } from '../../certainty/statement.ts';
import type { CertaintyInput, DomainRating, OutcomeCertainty, ThresholdQuestion } from '../../certainty/certainty-types.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

/** One population's row of the summary of findings: everything it prints, computed here. */
export interface PopulationFinding {
  /**
   * A malignancy group, a target or a disease code within one (`hematologic/CD19`, `hematologic/aml`),
   * or `all` for the figure across groups.
   */
  population: MalignancyGroup | 'all' | `${MalignancyGroup}/${string}`;
  label: string;
  /** The figure across malignancy groups when there are several: a footnoted secondary row. */
  secondary: boolean;
  estimate: Estimate;
  trials: number;
  /** The rate the figure is read against; null where none is sourced (and always across groups). */
  threshold: DecisionThreshold | null;
  /**
   * The Bayesian binomial-normal figure: median, 95 % credible and predictive intervals, and with a
   * threshold the probability that the rate lies above it. Null without events, where the prior alone would speak.
   */
  bayes: BayesSummary | null;
  /** Where the GLMM's τ² collapsed to 0 with few trials: says so, with the Bayesian interval beside it; null otherwise. */
  collapsedHeterogeneity: string | null;
  /** The probability that the rate lies on the side of the threshold a reader hopes for (above for a benefit, below for a harm). */
  pHoped: number | null;
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
  /** Which side of a threshold the reader hopes the rate lies on: above for a benefit, below for a harm. */
  side: ThresholdQuestion['side'];
  rows: PopulationFinding[];
}

/** A population for which the review team recorded no indirectness of its own. */
const NO_POPULATION_CONCERN = { downgrade: 0 as const, reason: 'No concern of the review team about this population beyond what the trials report.' };

const sideOf = (analysis: BinaryOutcomeAnalysis): ThresholdQuestion['side'] => (analysis.outcome.direction === 'benefit' ? 'above' : 'below');

/**
 * What the rules read from one population's studies and figure; each study joined to its trial's risk
 * of bias by NCT id. Imprecision reads the Bayesian credible interval where there is one: with two or
 * three trials the GLMM's between-trial variance often collapses to 0, and its interval with it.
 */
export function certaintyInput(
  studies: PooledStudy[],
  estimate: Estimate,
  threshold: ThresholdQuestion | null,
  assessments: TrialRiskOfBias[],
  bayes: BayesSummary | null,
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
    interval: bayes ? bayes.proportion.cri : estimate.ci,
    intervalKind: bayes ? 'credible' : 'confidence',
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

interface PopulationSpec {
  population: PopulationFinding['population'];
  label: string;
  studies: PooledStudy[];
  estimate: Estimate;
  threshold: DecisionThreshold | null;
  indirectness: Downgrade;
  secondary: boolean;
  /** Replaces the computed inconsistency: across groups, only the worst within a group counts. */
  inconsistency?: DomainRating;
}

/** One population's figure, Bayesian summary and GRADE rating, as its row prints them. */
function populationFinding(
  analysis: BinaryOutcomeAnalysis,
  assessments: TrialRiskOfBias[],
  judgements: CertaintyJudgements,
  reportingGap: ReportingGapInput,
  spec: PopulationSpec,
): PopulationFinding {
  const { key } = analysis.outcome;
  const { estimate, threshold } = spec;
  const side = sideOf(analysis);
  const bayes =
    estimate.events > 0
      ? bayesBinomialNormal(
          spec.studies.map((s) => ({ events: s.events, total: s.n })),
          threshold ? { threshold: threshold.value } : {},
        )
      : null;
  const input = certaintyInput(spec.studies, estimate, threshold ? { value: threshold.value, side } : null, assessments, bayes);
  const publicationBias = judgements.outcomes[key].publicationBias;
  const certainty = rateCertainty(input, { indirectness: spec.indirectness, publicationBias, reportingGap }, spec.inconsistency);
  const pAbove = bayes?.pAbove ?? null;
  return {
    population: spec.population,
    label: spec.label,
    secondary: spec.secondary,
    estimate,
    trials: input.trials,
    threshold,
    bayes,
    pHoped: pAbove === null ? null : side === 'above' ? pAbove : 1 - pAbove,
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
    collapsedHeterogeneity:
      estimate.fit && bayes ? collapsedHeterogeneityNote({ k: estimate.fit.k, tau2: estimate.fit.heterogeneity.tau2 }, bayes) : null,
  };
}

/** The summary of findings of one outcome, population by population; null when no trial reports it. */
export function summaryOfFindings(
  analysis: BinaryOutcomeAnalysis,
  assessments: TrialRiskOfBias[],
  judgements: CertaintyJudgements,
  thresholds: DecisionThreshold[],
  reportingGap: ReportingGapInput,
): SummaryOfFindings | null {
  const { estimate: overall } = analysis;
  if (!overall) return null;
  const { key, slug, title } = analysis.outcome;
  const judged = judgements.outcomes[key];
  const rate = (spec: PopulationSpec) => populationFinding(analysis, assessments, judgements, reportingGap, spec);
  const groups = analysis.strata.map((stratum) =>
    rate({
      population: stratum.group,
      label: stratum.label,
      studies: analysis.studies.filter((s) => s.group === stratum.group),
      estimate: stratum.estimate,
      threshold: thresholdFor(thresholds, key, { group: stratum.group }),
      indirectness: judged.populations?.[stratum.group]?.indirectness ?? NO_POPULATION_CONCERN,
      secondary: false,
    }),
  );
  const rows = groups.flatMap((row) => [
    row,
    ...[byTarget, byDisease].flatMap((partsOf) => subpopulationRows(analysis, row, thresholds, judged, partsOf).map(rate)),
  ]);
  const side = sideOf(analysis);
  if (groups.length < 2) return { key, slug, title, side, rows };
  // Across groups: no one threshold fits, the mixing is the reviewers' indirectness, and inconsistency is judged within groups.
  const all = rate({
    population: 'all',
    label: 'All cancers together',
    studies: analysis.studies,
    estimate: overall,
    threshold: null,
    indirectness: judged.indirectness,
    secondary: true,
    inconsistency: withinPopulations(groups.map((g) => ({ label: g.label, rating: g.certainty.domains.inconsistency }))),
  });
  return { key, slug, title, side, rows: [...rows, all] };
}

/** A part of one malignancy group that may get a row of its own: a target, or a disease. */
interface Subpopulation {
  /** Its key within the group (`hematologic/<key>`). */
  key: string;
  label: string;
  studies: PooledStudy[];
  /** What narrows the group, for the threshold lookup. */
  narrowing: Pick<Population, 'target' | 'disease'>;
}

/**
 * Rows for parts of one malignancy group that at least THRESHOLDS.poolMinStudies trials report,
 * where a part is not the whole group (that row would repeat the group's). A part reads its own
 * threshold where one is sourced for it, else the group's.
 */
function subpopulationRows(
  analysis: BinaryOutcomeAnalysis,
  group: PopulationFinding,
  thresholds: DecisionThreshold[],
  judged: CertaintyJudgements['outcomes'][BinaryOutcomeKey],
  partsOf: (inGroup: PooledStudy[], stratum: MalignancyGroup) => Subpopulation[],
): PopulationSpec[] {
  if (group.population === 'all' || group.population.includes('/')) return [];
  const stratum = group.population as MalignancyGroup;
  const inGroup = analysis.studies.filter((s) => s.group === stratum);
  return partsOf(inGroup, stratum).flatMap(({ key, label, studies, narrowing }) => {
    if (new Set(studies.map((s) => s.nct)).size < THRESHOLDS.poolMinStudies || studies.length === inGroup.length) return [];
    return [
      {
        population: `${stratum}/${key}` as const,
        label,
        studies,
        estimate: estimateOf(analysis, studies)!,
        threshold: thresholdFor(thresholds, analysis.outcome.key, { group: stratum, ...narrowing }),
        indirectness: judged.populations?.[stratum]?.indirectness ?? NO_POPULATION_CONCERN,
        secondary: false,
      },
    ];
  });
}

/** The group's studies by target (a combination of targets is one target). */
export function byTarget(inGroup: PooledStudy[], stratum: MalignancyGroup): Subpopulation[] {
  return [...new Set(inGroup.map((s) => s.target))].map((target) => ({
    key: target,
    label: `${GROUP_LABELS[stratum]}, ${target}`,
    studies: inGroup.filter((s) => s.target === target),
    narrowing: { target },
  }));
}

/**
 * The group's studies by disease: a study counts for a disease only when all its patients have
 * it (its codes are that one disease), so a mixed cohort never stands for any of its diseases.
 */
export function byDisease(inGroup: PooledStudy[], stratum: MalignancyGroup): Subpopulation[] {
  return DISEASE_CODES.filter((code) => DISEASES[code] === stratum).map((code) => ({
    key: code,
    label: DISEASE_LABELS[code],
    studies: inGroup.filter((s) => s.diseaseCodes.length === 1 && s.diseaseCodes[0] === code),
    narrowing: { disease: code },
  }));
}

/** The row whose rating the export's outcome-level `certainty` carries: the figure across all studies. */
export function overallFinding(summary: SummaryOfFindings): PopulationFinding {
  return summary.rows.find((row) => row.population === 'all') ?? summary.rows[0]!;
}
