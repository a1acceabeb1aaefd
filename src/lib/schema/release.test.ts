import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseSchema } from './release.ts';

const snapshot = JSON.parse(readFileSync('content/releases/2026-11-29.json', 'utf8'));

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
  const issuesOf = (edit: (release: any) => void) => {
    const forged = structuredClone(snapshot);
    edit(forged);
    return releaseSchema.safeParse(forged).error?.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  };

  it('refuses a pooled estimate moved outside its CI, in one issue naming the field', () => {
    expect(issuesOf((release) => (release.outcomes[0].result.pooled.proportion = 0.9))).toEqual([
      { path: ['outcomes', 0, 'result', 'pooled', 'proportion'], message: '(0.9) lies outside its own ci [0.1797167351285704, 0.7221025081664066]' },
    ]);
  });

  it('refuses a figure outside its prediction interval, a study outside its exact CI, and a survival estimate outside its CI', () => {
    expect(
      issuesOf((release) => {
        release.outcomes[0].result.pooled.ci = [0.01, 0.99];
        release.outcomes[0].result.pooled.proportion = 0.95;
        release.outcomes[0].studies[0].ci = [0.1, 0.2];
      })?.map((issue) => issue.path.join('.')),
    ).toEqual(['outcomes.0.result.pooled.proportion', 'outcomes.0.studies.0.proportion']);
    // The survival estimate of 0.32 given an interval that excludes it.
    expect(issuesOf((release) => (release.survival[0].estimates[0].ci = [0.1, 0.2]))?.map((issue) => issue.path.join('.'))).toEqual([
      'survival.0.estimates.0.estimate',
    ]);
  });
});
