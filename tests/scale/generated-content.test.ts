/**
 * A review built from generated content of 100 and 1,000 schema-valid trials (no seed rows, no
 * real publications): the model builds and every page's data is there. The full Astro build of
 * generated content is in tests/build/generated-site.test.ts, at 100 trials only: 1,000 takes
 * about a minute on two cores (`npm run bench:build` measures it), while the model below is what every
 * page reads and covers the page logic that once crashed (Table 9 headers taken from a seed trial).
 * It runs with the site tests, not in the unit loop: the 1,000-trial model alone takes about
 * 10 s of GLMM fitting on two cores.
 */
import { describe, expect, it } from 'vitest';
import { loadCertaintyJudgements, loadDecisionThresholds, loadSearch, loadSeedClaims } from '../../scripts/lib/review-files.ts';
import { syntheticTrialFiles } from '../../scripts/lib/synthetic-trials.ts';
import { outcomeCumulative, outcomeForest, outcomeFunnel, outcomeLeaveOneOut } from '../../src/lib/plots/outcome-plots.ts';
import { buildReview, freezeReview, outcomeExportOf } from '../../src/lib/review/model/build-review.ts';
import { seedComparison } from '../../src/lib/review/model/seed-comparison.ts';
import { releaseSchema } from '../../src/lib/schema/release.ts';
import { validateTrialFiles } from '../../src/lib/validation/validate-trial-files.ts';

const search = loadSearch();
const seedClaims = loadSeedClaims();
const certaintyJudgements = loadCertaintyJudgements();
const decisionThresholds = loadDecisionThresholds();

describe.each([100, 1000])('a review of %i generated trials', (size) => {
  const files = syntheticTrialFiles(size).map(({ name, text }) => ({ path: `generated/${name}`, text }));
  const { trials, errors } = validateTrialFiles(files);

  it('is schema-valid content', () => {
    expect(errors).toEqual([]);
    expect(trials).toHaveLength(size);
  });

  it('builds the model every page reads, with a release that passes its schema', () => {
    if (!search.ok || !seedClaims.ok || !certaintyJudgements.ok || !decisionThresholds.ok) throw new Error('the review data files do not validate');
    const review = buildReview({
      trials: trials.map(({ trial }) => trial),
      search: search.value,
      seedClaims: seedClaims.value.claims,
      certaintyJudgements: certaintyJudgements.value,
      decisionThresholds: decisionThresholds.value.thresholds,
      version: { date: '2026-12-01', commit: undefined },
    });
    expect(review.counts.trials).toBe(size);
    expect(review.landscape.seedTrials).toEqual([]);
    expect(review.trials.flatMap(seedComparison)).toEqual([]);
    const orr = review.outcomes.find((analysis) => analysis.outcome.key === 'orr');
    expect(orr?.totals.k).toBe(trials.filter(({ trial }) => trial.cohorts.some((c) => c.pooled.includes('orr'))).length);
    // The outcome pages' figures.
    for (const analysis of review.outcomes.filter((a) => a.result)) {
      const exported = outcomeExportOf(review, analysis.outcome.key);
      expect(outcomeForest(exported).table.rows.length).toBeGreaterThan(0);
      for (const figure of [outcomeLeaveOneOut, outcomeCumulative, outcomeFunnel]) figure(exported);
    }
    expect(releaseSchema.safeParse(JSON.parse(JSON.stringify(freezeReview(review)))).success).toBe(true);
  });
});
