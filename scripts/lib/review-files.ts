import { readFileSync } from 'node:fs';
import { CERTAINTY_FILE, SEARCH_FILE, SEED_CLAIMS_FILE } from '../../src/lib/content-paths.ts';
import { certaintyJudgementsSchema, type CertaintyJudgements } from '../../src/lib/schema/certainty.ts';
import { searchSchema, type SearchRecord } from '../../src/lib/schema/search.ts';
import { seedClaimsSchema } from '../../src/lib/schema/seed-claims.ts';
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
