import { describe, expect, it } from 'vitest';
import { interimRelease, legacyRelease, type WrittenRelease } from '../../../tests/releases.ts';
import { releaseSchema } from './release.ts';
import type { InterimOutcomeExport, LegacyOutcomeExport } from './exports.ts';

const snapshot = legacyRelease();

describe('release schema: DOI and licence', () => {
  it('accepts a version frozen before either was recorded', () => {
    expect(releaseSchema.safeParse(snapshot).success).toBe(true);
  });

  it('accepts the DOI Zenodo minted for the version, and rejects what is not a DOI', () => {
    expect(releaseSchema.parse({ ...snapshot, doi: '10.5281/zenodo.1234567' }).doi).toBe('10.5281/zenodo.1234567');
    const bad = releaseSchema.safeParse({ ...snapshot, doi: 'https://doi.org/10.5281/zenodo.1234567' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['doi']);
  });
});

describe('release schema: every figure inside its own interval', () => {
  const issuesOf = (edit: (release: WrittenRelease<LegacyOutcomeExport>) => void) => {
    const forged = structuredClone(snapshot);
    edit(forged);
    return releaseSchema.safeParse(forged).error?.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  };

  it('refuses a pooled estimate moved outside its CI, in one issue naming the field', () => {
    expect(issuesOf((release) => (release.outcomes[0]!.result!.pooled.proportion = 0.9))).toEqual([
      { path: ['outcomes', 0, 'result', 'pooled', 'proportion'], message: '(0.9) lies outside its own ci [0.1797167351285704, 0.7221025081664066]' },
    ]);
  });

  it('refuses a figure outside its prediction interval, a study outside its exact CI, and a survival estimate outside its CI', () => {
    expect(
      issuesOf((release) => {
        release.outcomes[0]!.result!.pooled.ci = [0.01, 0.99];
        release.outcomes[0]!.result!.pooled.proportion = 0.95;
        release.outcomes[0]!.studies[0]!.ci = [0.1, 0.2];
      })?.map((issue) => issue.path.join('.')),
    ).toEqual(['outcomes.0.result.pooled.proportion', 'outcomes.0.studies.0.proportion']);
    // The survival estimate of 0.32 given an interval that excludes it.
    expect(issuesOf((release) => (release.survival[0]!.estimates[0]!.ci = [0.1, 0.2]))?.map((issue) => issue.path.join('.'))).toEqual([
      'survival.0.estimates.0.estimate',
    ]);
  });
});

describe('release schema: the interim shape of 2026-12-02 (rules of inference, before evidence tiers)', () => {
  const interim = interimRelease();
  const issuesOf = (edit: (release: WrittenRelease<InterimOutcomeExport>) => void) => {
    const forged = structuredClone(interim);
    edit(forged);
    return releaseSchema.safeParse(forged).error?.issues ?? [];
  };

  it('accepts the version as frozen from its own commit', () => {
    expect(releaseSchema.safeParse(interim).error?.issues ?? []).toEqual([]);
  });

  it('refuses a field the shape never had, a model it could not fit, and one outcome in another shape', () => {
    // Each edit forges what the interim shape's type rules out; the schema must refuse it as well.
    // @ts-expect-error a field the shape never had
    expect(issuesOf((release) => (release.outcomes[0]!.result!.basis = 'pooled'))).not.toEqual([]);
    // @ts-expect-error a model it could not fit
    expect(issuesOf((release) => (release.outcomes[0]!.result!.model = 'GLMM'))).not.toEqual([]);
    // @ts-expect-error a field the shape never had
    expect(issuesOf((release) => (release.outcomes[0]!.sensitivity[0]!.tau2 = 0.5))).not.toEqual([]);
    // @ts-expect-error an outcome in the legacy shape
    expect(issuesOf((release) => (release.outcomes[1] = snapshot.outcomes[1]!))).not.toEqual([]);
  });
});
