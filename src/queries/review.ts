import { analyseBinaryOutcome, type BinaryOutcomeAnalysis } from '../lib/review/analyses.ts';
import { survivalOutcomeData, type OutcomeData, type SurvivalRow } from '../lib/review/outcome-data.ts';
import { BINARY_OUTCOMES, SURVIVAL_OUTCOMES, type OutcomeDefinition, type SurvivalOutcomeKey } from '../lib/review/outcomes.ts';
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { SEARCH_FILE, searchSchema, type SearchRecord } from '../lib/schema/search.ts';
import { CERTAINTY_FILE, certaintyJudgementsSchema, type CertaintyJudgements } from '../lib/schema/certainty.ts';
import { summaryOfFindings, type SummaryOfFindings } from '../lib/certainty/summary.ts';
import { excludingHighRisk, judgementShares, trialsRiskOfBias, type HighRiskSensitivity, type JudgementShare, type TrialRiskOfBias } from '../lib/review/risk-of-bias.ts';
import { trialPatients } from '../lib/review/trial-patients.ts';
import { reviewLimitations, type Limitations } from '../lib/review/limitations.ts';
import { SEED_CLAIMS_FILE, seedClaimsSchema, type SeedClaim } from '../lib/schema/seed-claims.ts';
import type { Trial } from '../lib/schema/trial.ts';
import { validateYamlFile, type YamlFileResult } from '../lib/validation/validate-yaml-file.ts';
import { getTrials } from './trials.ts';

export interface SurvivalOutcome extends OutcomeData<SurvivalRow> {
  outcome: OutcomeDefinition<SurvivalOutcomeKey>;
}

export interface Review {
  trials: Trial[];
  outcomes: BinaryOutcomeAnalysis[];
  survival: SurvivalOutcome[];
  /** Risk of bias of every included trial. */
  riskOfBias: TrialRiskOfBias[];
  /** Share of patients at each judgement, per item, over all included trials. */
  riskOfBiasByPatients: JudgementShare[];
  /** Share of analysis weight at each judgement, per item, by outcome key. */
  riskOfBiasByWeight: Map<string, JudgementShare[]>;
  limitations: Limitations;
  /** Summary of findings (GRADE) of every outcome with data, by outcome key. */
  findings: Map<string, SummaryOfFindings>;
  /** The primary analysis without trials at high overall risk of bias, by outcome key. */
  excludingHighRisk: Map<string, HighRiskSensitivity>;
}

let review: Promise<Review> | undefined;

/** Every analysis of the review, computed once per build and shared by all pages. */
export function getReview(): Promise<Review> {
  review ??= (async () => {
    const trials = (await getTrials()).map((entry) => entry.data);
    const outcomes = BINARY_OUTCOMES.map((outcome) => analyseBinaryOutcome(trials, outcome));
    const included = trials.filter((trial) => trial.inclusion.status === 'included');
    const riskOfBias = trialsRiskOfBias(included);
    const judgements = getCertaintyJudgements();
    return {
      trials,
      outcomes,
      survival: SURVIVAL_OUTCOMES.map((outcome) => ({ outcome, ...survivalOutcomeData(trials, outcome.key) })),
      riskOfBias,
      riskOfBiasByPatients: judgementShares(included.map((trial) => ({ nct: trial.nct, weight: trialPatients(trial) })), riskOfBias),
      riskOfBiasByWeight: new Map(outcomes.flatMap((analysis) => {
        if (!analysis.result) return [];
        const weights = new Map(analysis.result.studies.map((study) => [study.study, study.weight]));
        return [[analysis.outcome.key, judgementShares(analysis.rows.map((row) => ({ nct: row.nct, weight: weights.get(row.label)! })), riskOfBias)] as const];
      })),
      limitations: reviewLimitations(trials, getSearch()),
      findings: new Map(outcomes.flatMap((analysis) => {
        const summary = summaryOfFindings(analysis, riskOfBias, judgements);
        return summary ? [[analysis.outcome.key, summary] as const] : [];
      })),
      excludingHighRisk: new Map(outcomes.filter((a) => a.result).map((analysis) => [analysis.outcome.key, excludingHighRisk(analysis, riskOfBias)])),
    };
  })();
  return review;
}

// `npm run build` has already validated these files (scripts/lib/check-content.ts); this only reads them.
function readYaml<T>(path: string, schema: z.ZodType<T>): T {
  const result: YamlFileResult<T> = validateYamlFile({ path, text: readFileSync(path, 'utf8') }, schema);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

/** The literature search record (`content/search.yaml`). */
export function getSearch(): SearchRecord {
  return readYaml(SEARCH_FILE, searchSchema);
}

/** The seed review's pooled figures as printed (`content/seed-claims.yaml`). */
export function getSeedClaims(): SeedClaim[] {
  return readYaml(SEED_CLAIMS_FILE, seedClaimsSchema).claims;
}

/** The reviewers' GRADE judgements that cannot be computed (`content/certainty.yaml`). */
export function getCertaintyJudgements(): CertaintyJudgements {
  return readYaml(CERTAINTY_FILE, certaintyJudgementsSchema);
}
