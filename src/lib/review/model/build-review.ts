/**
 * The review model: everything a reader sees, computed once from the validated content.
 *
 * Pages, downloads, the feed and `npm run release` all read this one object; they select
 * and render, never recount. A frozen version is this model serialised (`freezeReview`),
 * so a headline on the home page and the same figure in a release come from the same code.
 */
import type { Trial } from '../../schema/trial.ts';
import type { SearchRecord } from '../../schema/search.ts';
import type { SeedClaim } from '../../schema/seed-claims.ts';
import type { Release } from '../../schema/release.ts';
import type { OutcomeExport, SurvivalExport } from '../../schema/exports.ts';
import { analyseBinaryOutcome, type BinaryOutcomeAnalysis } from '../analyses/analyses.ts';
import { outcomeExport, survivalExport, type Version } from '../exports/review-exports.ts';
import { landscape, liveRecord, seedRecord, trialsByDisease, type DiseaseRow, type Landscape, type LandscapeRecord } from './landscape.ts';
import { survivalOutcomeData, type OutcomeData, type SurvivalRow } from './outcome-data.ts';
import { BINARY_OUTCOMES, SURVIVAL_OUTCOMES, type OutcomeDefinition, type SurvivalOutcomeKey } from '../../vocabulary/outcomes.ts';
import { prismaFlows, type PrismaFlows } from './prisma.ts';
import { recheck, type RecheckRow } from './recheck.ts';
import type { CertaintyJudgements } from '../../schema/certainty.ts';
import type { DecisionThreshold } from '../../schema/thresholds.ts';
import { summaryOfFindings, type SummaryOfFindings } from '../analyses/summary-of-findings.ts';
import {
  excludingHighRisk,
  judgementShares,
  trialsRiskOfBias,
  type HighRiskSensitivity,
  type JudgementShare,
  type TrialRiskOfBias,
} from './trial-risk-of-bias.ts';
import { countReview, type ReviewCounts } from './counts.ts';
import { reviewLimitations, type Limitations } from './limitations.ts';
import { trialPatients } from './trial-patients.ts';
import { reportingGap, type ReportingGap } from './reporting-gap.ts';
import { updateTriggers, type UpdateTrigger } from './update-triggers.ts';
import { LICENCE_FIELD } from '../../licence/licences.ts';

/** The validated content a review is built from (trial files, search record, seed claims) and its version. */
export interface ReviewContent {
  trials: Trial[];
  search: SearchRecord;
  seedClaims: SeedClaim[];
  /** The reviewers' GRADE judgements that cannot be computed (`content/certainty.yaml`). */
  certaintyJudgements: CertaintyJudgements;
  /** The rate each outcome's figure is read against, per population (`content/thresholds.yaml`). */
  decisionThresholds: DecisionThreshold[];
  version: Version;
}

export interface SurvivalOutcome extends OutcomeData<SurvivalRow> {
  outcome: OutcomeDefinition<SurvivalOutcomeKey>;
}

export interface Review {
  version: Version;
  /** Every trial, in NCT order. */
  trials: Trial[];
  counts: ReviewCounts;
  outcomes: BinaryOutcomeAnalysis[];
  survival: SurvivalOutcome[];
  /** Every outcome in the public data API's shape (`/data/outcomes/<slug>.json`). */
  exports: { outcomes: OutcomeExport[]; survival: SurvivalExport[] };
  search: SearchRecord;
  /** The rate each population's figure is read against (`content/thresholds.yaml`), as Methods lists them. */
  decisionThresholds: DecisionThreshold[];
  prisma: PrismaFlows;
  /** The seed paper's pooled figures beside what the trial files support. */
  recheck: RecheckRow[];
  /** Risk of bias of every included trial, in NCT order. */
  riskOfBias: TrialRiskOfBias[];
  /** Share of patients at each risk-of-bias judgement, item by item, over the included trials. */
  riskOfBiasByPatients: JudgementShare[];
  /**
   * Share of each outcome's analysis weight at each judgement, by outcome key; `weighting` names what
   * is shared out: the model's weights, or patients where the model has none (GLMM).
   */
  riskOfBiasByWeight: Map<string, { shares: JudgementShare[]; weighting: 'analysis weight' | 'patients' }>;
  /** Summary of findings (GRADE) of every outcome with data, by outcome key. */
  findings: Map<string, SummaryOfFindings>;
  /** Each outcome's primary analysis without trials at high overall risk of bias, by outcome key. */
  excludingHighRisk: Map<string, HighRiskSensitivity>;
  /** Search date and the review's main limitations, as the home and outcome pages print them. */
  limitations: Limitations;
  /** Trials past their primary completion without reported results, counted to the version date. */
  reportingGap: ReportingGap;
  /** What new evidence would change which conclusion (Methods). */
  updateTriggers: UpdateTrigger[];
  landscape: {
    /** The seed paper's Tables 1, 2 and 4, recomputed from its own rows. */
    seed: Landscape;
    /** The same tables from the current trial files, excluded trials left out. */
    live: Landscape;
    /** The seed's trials in the order of its Table 9. */
    seedTrials: Trial[];
    /** Trials in the review by disease, with where their results stand. */
    byDisease: DiseaseRow[];
  };
}

export function buildReview({ trials: unordered, search, seedClaims, certaintyJudgements, decisionThresholds, version }: ReviewContent): Review {
  const trials = unordered.toSorted((a, b) => a.nct.localeCompare(b.nct));
  const outcomes = BINARY_OUTCOMES.map((outcome) => analyseBinaryOutcome(trials, outcome));
  const included = trials.filter((trial) => trial.inclusion.status === 'included');
  const riskOfBias = trialsRiskOfBias(included);
  const gap = reportingGap(trials, version.date);
  const findings = new Map(
    outcomes.flatMap((analysis) => {
      const summary = summaryOfFindings(analysis, riskOfBias, certaintyJudgements, decisionThresholds, {
        overdue: gap.overdue,
        trials: gap.trials.length,
      });
      return summary ? [[analysis.outcome.key, summary] as const] : [];
    }),
  );
  const pooled = outcomes.filter((analysis) => analysis.result);
  const survival = SURVIVAL_OUTCOMES.map((outcome) => ({ outcome, ...survivalOutcomeData(trials, outcome.key) }));
  const seedTrials = trials.filter((trial) => trial.seed).sort((a, b) => a.seed!.row - b.seed!.row);
  return {
    version,
    trials,
    counts: countReview(trials, search),
    outcomes,
    survival,
    exports: {
      outcomes: outcomes.map((analysis) => outcomeExport(analysis, version, findings.get(analysis.outcome.key) ?? null, riskOfBias)),
      survival: survival.map((outcome) => survivalExport(outcome, version)),
    },
    search,
    decisionThresholds,
    prisma: prismaFlows(search, trials),
    recheck: recheck(seedClaims, trials, outcomes, survival),
    riskOfBias,
    riskOfBiasByPatients: judgementShares(
      included.map((trial) => ({ nct: trial.nct, weight: trialPatients(trial) })),
      riskOfBias,
    ),
    riskOfBiasByWeight: new Map(
      pooled.map((analysis) => {
        // The model's weights, or each study's share of patients where the model has none (GLMM).
        const weighted = analysis.studies.every((study) => study.result.weight !== null);
        const weights = analysis.studies.map((study) => ({ nct: study.nct, weight: weighted ? study.result.weight! : study.n }));
        return [analysis.outcome.key, { shares: judgementShares(weights, riskOfBias), weighting: weighted ? 'analysis weight' : 'patients' }];
      }),
    ),
    findings,
    excludingHighRisk: new Map(pooled.map((analysis) => [analysis.outcome.key, excludingHighRisk(analysis, riskOfBias)])),
    limitations: reviewLimitations(trials, search),
    reportingGap: gap,
    updateTriggers: updateTriggers(outcomes, gap),
    landscape: {
      seed: landscape(seedTrials.map(seedRecord).filter((record): record is LandscapeRecord => record !== undefined)),
      live: landscape(trials.filter((trial) => trial.inclusion.status !== 'excluded').map(liveRecord)),
      seedTrials,
      byDisease: trialsByDisease(trials),
    },
  };
}

/** An outcome's public export, joined to its analysis by the outcome key. */
export function outcomeExportOf(review: Pick<Review, 'exports'>, key: string): OutcomeExport {
  const exported = review.exports.outcomes.find((candidate) => candidate.outcome.key === key);
  if (!exported) throw new Error(`no export for outcome ${key}`);
  return exported;
}

/** A frozen version: the model's data and analyses in the public export shape. */
export function freezeReview(review: Review): Release {
  const { version } = review;
  return {
    version: version.date,
    date: version.date,
    license: LICENCE_FIELD,
    commit: version.commit ?? null,
    trials: review.trials,
    outcomes: review.exports.outcomes,
    survival: review.exports.survival,
    counts: {
      trials: review.counts.trials,
      trialsInReview: review.counts.inReview,
      trialsIncluded: review.counts.byInclusion.included,
    },
  };
}
