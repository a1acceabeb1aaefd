import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CERTAINTY_FILE, SEARCH_FILE, SEED_CLAIMS_FILE, THRESHOLDS_FILE, TRIALS_DIR } from '../../src/lib/content-paths.ts';
import { buildReview, type Review } from '../../src/lib/review/model/build-review.ts';
import type { Version } from '../../src/lib/review/exports/review-exports.ts';
import { certaintyJudgementsSchema, type CertaintyJudgements } from '../../src/lib/schema/certainty.ts';
import { decisionThresholdsSchema, type DecisionThresholds } from '../../src/lib/schema/thresholds.ts';
import { searchSchema, type SearchRecord } from '../../src/lib/schema/search.ts';
import { seedClaimsSchema } from '../../src/lib/schema/seed-claims.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { validateYamlFile, type YamlFileResult } from '../../src/lib/validation/validate-yaml-file.ts';
import type { SeedClaim } from '../../src/lib/schema/seed-claims.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });

export function loadSearch(path = SEARCH_FILE): YamlFileResult<SearchRecord> {
  return validateYamlFile(read(path), searchSchema);
}

export function loadSeedClaims(path = SEED_CLAIMS_FILE): YamlFileResult<{ claims: SeedClaim[] }> {
  return validateYamlFile(read(path), seedClaimsSchema);
}

export function loadCertaintyJudgements(path = CERTAINTY_FILE): YamlFileResult<CertaintyJudgements> {
  return validateYamlFile(read(path), certaintyJudgementsSchema);
}

export function loadDecisionThresholds(path = THRESHOLDS_FILE): YamlFileResult<DecisionThresholds> {
  return validateYamlFile(read(path), decisionThresholdsSchema);
}

/**
 * Validate the content under `root` (trial files, search record, seed claims, certainty judgements, decision thresholds) and build the
 * review model from it: what `npm run release` freezes and `npm run impact` compares.
 */
export function loadReview(
  version: Version,
  root = '.',
  trialsDir = join(root, TRIALS_DIR),
): { review: Review; errors: [] } | { review: null; errors: string[] } {
  const trials = loadTrials(trialsDir);
  const search = loadSearch(join(root, SEARCH_FILE));
  const seedClaims = loadSeedClaims(join(root, SEED_CLAIMS_FILE));
  const certainty = loadCertaintyJudgements(join(root, CERTAINTY_FILE));
  // A version older than the thresholds file (the base of a comparison) simply has none.
  const thresholdsPath = join(root, THRESHOLDS_FILE);
  const thresholds: YamlFileResult<DecisionThresholds> = existsSync(thresholdsPath)
    ? loadDecisionThresholds(thresholdsPath)
    : { ok: true, value: { thresholds: [] } };
  const errors = [...trials.errors, ...[search, seedClaims, certainty, thresholds].flatMap((result) => (result.ok ? [] : result.errors))];
  if (errors.length > 0 || !search.ok || !seedClaims.ok || !certainty.ok || !thresholds.ok) return { review: null, errors };
  return {
    review: buildReview({
      trials: trials.trials.map(({ trial }) => trial),
      search: search.value,
      seedClaims: seedClaims.value.claims,
      certaintyJudgements: certainty.value,
      decisionThresholds: thresholds.value.thresholds,
      version,
    }),
    errors: [],
  };
}
