/**
 * The numbers on the pages equal what a reviewer gets from the pooling CLI on the
 * site's own downloadable CSV: the site and `npm run pool` cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINARY_OUTCOMES } from '../../src/lib/vocabulary/outcomes.ts';
import { percentWithInterval } from '../../src/lib/format/numbers.ts';
import { readPage, SITE_DIR } from './site.ts';

const withData = BINARY_OUTCOMES.map((outcome) => ({
  outcome,
  published: JSON.parse(readFileSync(join(SITE_DIR, 'data/outcomes', `${outcome.slug}.json`), 'utf8')),
})).filter(({ published }) => published.result?.pooled);

// The CLI is run with the model the download says it used.
function pool(csv: string, settings: { measure: string; method: string; hakn: boolean }): Record<string, any> {
  const args = ['--csv', csv, '--measure', settings.measure, '--method', settings.method, ...(settings.hakn ? ['--hakn'] : [])];
  const result = spawnSync(process.execPath, ['scripts/pool.ts', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('pages and the pooling CLI agree', () => {
  it('has outcomes with data to compare', () => {
    expect(withData.map(({ outcome }) => outcome.slug)).toContain('orr');
  });

  it.each(withData)('$outcome.slug: JSON download, CLI and page show the same pooled result', ({ outcome, published }) => {
    const cli = pool(join(SITE_DIR, 'data/outcomes', `${outcome.slug}.csv`), published.settings);
    expect(cli.k).toBe(published.result.k);
    expect(cli.pooled.proportion).toBeCloseTo(published.result.pooled.proportion, 12);
    expect(cli.pooled.ci[0]).toBeCloseTo(published.result.pooled.ci[0], 12);
    expect(cli.pooled.ci[1]).toBeCloseTo(published.result.pooled.ci[1], 12);
    expect(cli.heterogeneity.tau2).toBeCloseTo(published.result.heterogeneity.tau2, 12);
    expect(cli.studies.map((s: { weight: number }) => s.weight)).toEqual(published.studies.map((s: { weight: number }) => s.weight));
    const headline = readPage(`outcomes/${outcome.slug}/`).querySelector('[data-pooled] strong')?.text;
    expect(headline).toBe(percentWithInterval(cli.pooled.proportion, cli.pooled.ci));
  });
});
