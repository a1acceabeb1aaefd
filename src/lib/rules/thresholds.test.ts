/**
 * A threshold is one edit: the test makes that edit (in a copy of thresholds.ts, loaded in its
 * place) and checks that the analysis, the browser's re-analysis, the GRADE rules and the words
 * Methods prints all follow it. Nothing is typed twice, so nothing is left behind.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReanalysisStudy } from '../reanalysis/reanalyse.ts';
import { PRIMARY } from '../reanalysis/state.ts';
import { THRESHOLDS } from './thresholds.ts';

const SOURCE = resolve('src/lib/rules/thresholds.ts');

/** Load every module afresh on a copy of the rules module with `name` set to `value`: the one edit. */
async function withThreshold(name: keyof typeof THRESHOLDS, value: number) {
  const source = readFileSync(SOURCE, 'utf8');
  const edited = source.replace(new RegExp(`(\\n  ${name}: )\\d+,`), `$1${value},`);
  expect(edited).not.toBe(source);
  // A file per edit: the module runner caches a module by its path.
  const copy = resolve(`.tmp/rules-edited/thresholds-${name}-${value}.ts`);
  mkdirSync(resolve('.tmp/rules-edited'), { recursive: true });
  writeFileSync(copy, edited);
  vi.resetModules();
  vi.doMock('./thresholds.ts', () => import(copy));
  return {
    rules: await import('../review/analyses/rules.ts'),
    estimate: await import('../review/analyses/decided-estimate.ts'),
    reanalyse: await import('../reanalysis/reanalyse.ts'),
    publicationBias: await import('../certainty/publication-bias.ts'),
    inconsistency: await import('../certainty/inconsistency.ts'),
  };
}

const statement = (rules: { RULES: { id: string; statement: string }[] }, id: string) => rules.RULES.find((rule) => rule.id === id)!.statement;
const studies = (k: number): ReanalysisStudy[] =>
  Array.from({ length: k }, (_, n) => ({
    id: `s${n}`,
    study: `Study ${n}`,
    nct: `NCT0000000${n}`,
    events: 3 + n,
    n: 20,
    source: { type: 'article' },
    riskOfBias: 'low',
  }));

afterEach(() => {
  vi.doUnmock('./thresholds.ts');
  vi.resetModules();
});

describe('one edit of the rules module', () => {
  it('moves the prediction-interval minimum in the analysis, the browser and the words', async () => {
    const raised = THRESHOLDS.predictionMinStudies + 1;
    const at = { study: 's', events: 5, total: 20 };
    const k = Array.from({ length: THRESHOLDS.predictionMinStudies }, (_, n) => ({ ...at, study: `s${n}`, events: 3 + n }));
    const { rules, estimate, reanalyse } = await withThreshold('predictionMinStudies', raised);
    expect(estimate.estimate(k, { method: 'DL' }).pi).toBeNull();
    expect(estimate.estimate([...k, { ...at, study: 'extra' }], { method: 'DL' }).pi).not.toBeNull();
    expect(reanalyse.reanalyse(studies(k.length), PRIMARY).estimate?.pi).toBeNull();
    expect(statement(rules, 'prediction-interval')).toContain(`only from ${raised} studies on`);
    expect(rules.NOTES.noPrediction(k.length).text).toContain(`it needs at least ${raised}`);
  });

  it('moves the small-study minimum in the analysis notes, the GRADE publication-bias rule and the words', async () => {
    const raised = THRESHOLDS.smallStudyMinStudies + 2;
    const { rules, publicationBias } = await withThreshold('smallStudyMinStudies', raised);
    expect(statement(rules, 'small-study')).toContain(`only from ${raised} studies on`);
    expect(rules.NOTES.noSmallStudy(raised - 1).text).toContain(`they need at least ${raised}`);
    expect(publicationBias.PUBLICATION_BIAS_RULE).toContain(`fewer than ${raised} trials`);
    const judgement = { downgrade: 0, reason: 'No unpublished trials known.' } as const;
    expect(publicationBias.publicationBiasRating(raised - 1, judgement, { overdue: [], trials: 0 }).reason).toMatch(/^Not assessable statistically/);
    expect(publicationBias.publicationBiasRating(raised, judgement, { overdue: [], trials: 0 }).reason).toMatch(/^With \d+ trials the funnel plot/);
  });

  it('moves the pooling minimum in the analysis, the browser and the GRADE inconsistency rule', async () => {
    const raised = THRESHOLDS.poolMinStudies + 1;
    const two = [
      { study: 'a', events: 4, total: 20 },
      { study: 'b', events: 9, total: 20 },
    ];
    const { rules, estimate, reanalyse, inconsistency } = await withThreshold('poolMinStudies', raised);
    expect(estimate.estimate(two.slice(0, raised - 1), { method: 'DL' }).basis).toBe('single-study');
    expect(reanalyse.reanalyse(studies(raised - 1), PRIMARY).estimate?.basis).toBe('single-study');
    expect(statement(rules, 'single-study')).toContain(`fewer than ${raised} studies`);
    const rating = inconsistency.inconsistencyRating({ trials: raised - 1, I2: 90, threshold: null, studies: [] });
    expect(rating.downgrade).toBe(0);
  });
});
