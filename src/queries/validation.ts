import { conformanceCases, type ConformanceCase, type Fixture } from '../lib/pooling/conformance.ts';

// The reference fixtures the tests read, bundled at build time (distributions.json holds R's
// distribution functions for the stats tests, not metafor fits).
const files = import.meta.glob<Fixture>(['../../tests/fixtures/metafor/*.json', '!../../tests/fixtures/metafor/distributions.json'], {
  eager: true,
  import: 'default',
});

export interface Validation {
  /** Versions of R and metafor that wrote the fixtures (several if fixtures disagree). */
  R: string;
  metafor: string;
  cases: ConformanceCase[];
}

let validation: Validation | undefined;

const version = (text: string) => /\d+\.\d+(\.\d+)?/.exec(text)?.[0] ?? text;
const distinct = (values: string[]) => [...new Set(values)].sort().join(', ');

/** Every fixture fit recomputed against metafor, once per build (a few seconds: one fixture has k = 1000). */
export function getValidation(): Validation {
  if (validation) return validation;
  const fixtures = Object.entries(files)
    .map(([path, fixture]) => ({ name: path.replace(/^.*\/(.+)\.json$/, '$1'), fixture }))
    .sort((a, b) => a.name.localeCompare(b.name));
  validation = {
    R: distinct(fixtures.map(({ fixture }) => version(fixture.source.versions.R ?? ''))),
    metafor: distinct(fixtures.map(({ fixture }) => fixture.source.versions.metafor ?? '')),
    cases: conformanceCases(fixtures),
  };
  return validation;
}
