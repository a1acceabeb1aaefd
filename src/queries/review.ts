import { analyseBinaryOutcome, type BinaryOutcomeAnalysis } from '../lib/review/analyses.ts';
import { survivalOutcomeData, type OutcomeData, type SurvivalRow } from '../lib/review/outcome-data.ts';
import { BINARY_OUTCOMES, SURVIVAL_OUTCOMES, type OutcomeDefinition, type SurvivalOutcomeKey } from '../lib/review/outcomes.ts';
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { SEARCH_FILE, searchSchema, type SearchRecord } from '../lib/schema/search.ts';
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
}

let review: Promise<Review> | undefined;

/** Every analysis of the review, computed once per build and shared by all pages. */
export function getReview(): Promise<Review> {
  review ??= (async () => {
    const trials = (await getTrials()).map((entry) => entry.data);
    return {
      trials,
      outcomes: BINARY_OUTCOMES.map((outcome) => analyseBinaryOutcome(trials, outcome)),
      survival: SURVIVAL_OUTCOMES.map((outcome) => ({ outcome, ...survivalOutcomeData(trials, outcome.key) })),
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
