import { readFileSync } from 'node:fs';
import { searchSchema, type SearchRecord } from '../../src/lib/schema/search.ts';
import { seedClaimsSchema } from '../../src/lib/schema/seed-claims.ts';
import { validateYamlFile, type YamlFileResult } from '../../src/lib/validation/validate-yaml-file.ts';
import type { SeedClaim } from '../../src/lib/schema/seed-claims.ts';

export const SEARCH_FILE = 'content/search.yaml';
export const SEED_CLAIMS_FILE = 'content/seed-claims.yaml';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });

export function loadSearch(path = SEARCH_FILE): YamlFileResult<SearchRecord> {
  return validateYamlFile(read(path), searchSchema);
}

export function loadSeedClaims(path = SEED_CLAIMS_FILE): YamlFileResult<{ claims: SeedClaim[] }> {
  return validateYamlFile(read(path), seedClaimsSchema);
}
