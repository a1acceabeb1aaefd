/**
 * The numbers on the pages equal what a reviewer gets from the pooling CLI on the
 * site's own downloadable CSV: the site and `npm run pool` cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeExport } from '../../src/lib/schema/exports.ts';
import type { PoolContract } from '../../scripts/pool.ts';
import { BINARY_OUTCOMES } from '../../src/lib/vocabulary/outcomes.ts';
import { percentWithInterval } from '../../src/lib/format/numbers.ts';
import { parseJson, readJson } from '../json.ts';
import { readPage, SITE_DIR } from './site.ts';

const withData = BINARY_OUTCOMES.map((outcome) => ({
  outcome,
  published: readJson<OutcomeExport>(join(SITE_DIR, 'data/outcomes', `${outcome.slug}.json`)),
})).filter(({ published }) => published.result?.pooled);

// The CLI is run with the model the download says it used.
function pool(csv: string, settings: { measure: string; method: string; hakn: boolean }): PoolContract {
  const args = ['--csv', csv, '--measure', settings.measure, '--method', settings.method, ...(settings.hakn ? ['--hakn'] : [])];
  const result = spawnSync(process.execPath, ['scripts/pool.ts', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return parseJson<PoolContract>(result.stdout);
}

describe('pages and the pooling CLI agree', () => {
  it('has outcomes with data to compare', () => {
    expect(withData.map(({ outcome }) => outcome.slug)).toContain('orr');
  });

  it.each(withData)('$outcome.slug: JSON download, CLI and page show the same pooled result', ({ outcome, published }) => {
    const cli = pool(join(SITE_DIR, 'data/outcomes', `${outcome.slug}.csv`), published.settings);
    // Kept above only where a pooled result was published.
    const result = published.result!;
    expect(cli.k).toBe(result.k);
    expect(cli.pooled.proportion).toBeCloseTo(result.pooled!.proportion, 12);
    expect(cli.pooled.ci[0]).toBeCloseTo(result.pooled!.ci[0], 12);
    expect(cli.pooled.ci[1]).toBeCloseTo(result.pooled!.ci[1], 12);
    expect(cli.heterogeneity.tau2).toBeCloseTo(result.heterogeneity!.tau2, 12);
    expect(cli.studies.map((s) => s.weight)).toEqual(published.studies.map((s) => s.weight));
    const headline = readPage(`outcomes/${outcome.slug}/`).querySelector('[data-pooled] strong')?.text;
    expect(headline).toBe(percentWithInterval(cli.pooled.proportion, cli.pooled.ci));
  });
});
