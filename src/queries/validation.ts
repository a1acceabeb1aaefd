import { glmmConformanceCases, type GlmmFixture } from '../lib/pooling/conformance-glmm.ts';
import { conformanceCases, type ConformanceCase, type Fixture, type FixtureFile } from '../lib/pooling/conformance.ts';

/** Where the reference fixtures live, as the tests and the R script name them. */
export const FIXTURE_ROOT = 'tests/fixtures/metafor';

// Every reference fixture the tests read, bundled at build time. distributions.json holds R's
// distribution functions for the stats tests, not metafor fits.
const files = import.meta.glob<Fixture | GlmmFixture>(
  ['../../tests/fixtures/metafor/**/*.json', '!../../tests/fixtures/metafor/distributions.json'],
  {
    eager: true,
    import: 'default',
  },
);

/** How the reference files are regenerated (scripts/reference/README.md), as the validation page and JSON print it. */
export const REGENERATE = [
  'apt-get install -y r-cran-metafor r-cran-lme4 r-cran-jsonlite',
  'Rscript scripts/reference/metafor-fixtures.R',
  'npm test',
] as const;

/** The fixture folders: rma() fits at the top, rma.glmm() fits in glmm/. A file in any other folder stops the build. */
const FOLDERS = ['', 'glmm/'];
const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);

export interface Validation {
  /** Versions of R, metafor and lme4 that wrote the fixtures (several if fixtures disagree). */
  R: string;
  metafor: string;
  lme4: string;
  cases: ConformanceCase[];
}

let validation: Validation | undefined;

const version = (text: string) => /\d+\.\d+(\.\d+)?/.exec(text)?.[0] ?? text;
const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ''))].sort().join(', ');

/** Every fixture, by its path under tests/fixtures/metafor/, in path order. */
export function fixtureFiles(): FixtureFile<Fixture | GlmmFixture>[] {
  return Object.entries(files)
    .map(([path, fixture]) => ({ file: path.slice(path.indexOf(FIXTURE_ROOT) + FIXTURE_ROOT.length + 1), fixture }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

const inFolder = <F>(fixtures: FixtureFile<unknown>[], folder: string) =>
  fixtures.filter(({ file }) => folderOf(file) === folder) as FixtureFile<F>[];

/** Every fixture fit recomputed against metafor, once per build (a few seconds: one fixture has k = 1000). */
export function getValidation(): Validation {
  if (validation) return validation;
  const fixtures = fixtureFiles();
  for (const { file } of fixtures)
    if (!FOLDERS.includes(folderOf(file))) throw new Error(`${FIXTURE_ROOT}/${file}: no comparison is defined for the folder of this reference file`);
  const versions = (name: string) => distinct(fixtures.map(({ fixture }) => fixture.source.versions[name] ?? ''));
  validation = {
    R: distinct(fixtures.map(({ fixture }) => version(fixture.source.versions.R ?? ''))),
    metafor: versions('metafor'),
    lme4: versions('lme4'),
    cases: [...conformanceCases(inFolder<Fixture>(fixtures, '')), ...glmmConformanceCases(inFolder<GlmmFixture>(fixtures, 'glmm/'))],
  };
  return validation;
}
