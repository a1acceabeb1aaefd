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
