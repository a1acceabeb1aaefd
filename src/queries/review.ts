import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { buildReview, type Review } from '../lib/review/model/build-review.ts';
import { CERTAINTY_FILE, SEARCH_FILE, SEED_CLAIMS_FILE, THRESHOLDS_FILE } from '../lib/content-paths.ts';
import { certaintyJudgementsSchema } from '../lib/schema/certainty.ts';
import { decisionThresholdsSchema } from '../lib/schema/thresholds.ts';
import { searchSchema } from '../lib/schema/search.ts';
import { seedClaimsSchema } from '../lib/schema/seed-claims.ts';
import { validateYamlFile, type YamlFileResult } from '../lib/validation/validate-yaml-file.ts';
import { getBuildInfo } from './build-info.ts';
import { getTrials } from './trials.ts';

export type { Review, SurvivalOutcome } from '../lib/review/model/build-review.ts';

let review: Promise<Review> | undefined;

/** The review model, built once per build from the content and shared by every page and download. */
export function getReview(): Promise<Review> {
  review ??= (async () =>
    buildReview({
      trials: (await getTrials()).map((entry) => entry.data),
      search: readYaml(SEARCH_FILE, searchSchema),
      seedClaims: readYaml(SEED_CLAIMS_FILE, seedClaimsSchema).claims,
      certaintyJudgements: readYaml(CERTAINTY_FILE, certaintyJudgementsSchema),
      decisionThresholds: readYaml(THRESHOLDS_FILE, decisionThresholdsSchema).thresholds,
      version: getBuildInfo(),
    }))();
  return review;
}

// `npm run build` has already validated these files (scripts/lib/check-content.ts); this only reads them.
function readYaml<T>(path: string, schema: z.ZodType<T>): T {
  const result: YamlFileResult<T> = validateYamlFile({ path, text: readFileSync(path, 'utf8') }, schema);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}
