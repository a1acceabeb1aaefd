import { describe, expect, it } from 'vitest';
import { collapsedHeterogeneityNote } from '../format/small-k.ts';
import { glmm } from './glmm.ts';
import { heterogeneityCollapsed } from './small-k.ts';

describe('small-k honesty for the GLMM', () => {
  // Two trials close enough that the likelihood peaks at tau² = 0 (the haematological response pair).
  const events = [12, 11];
  const totals = [25, 20];

  it('flags a tau² of 0 from two to four trials, and nothing else', () => {
    const fit = glmm(events, totals);
    if (!fit.converged) throw new Error(fit.reason);
    expect(fit.tau2).toBe(0);
    expect(heterogeneityCollapsed(fit)).toBe(true);
    expect(heterogeneityCollapsed({ k: 5, tau2: 0 })).toBe(false);
    expect(heterogeneityCollapsed({ k: 1, tau2: 0 })).toBe(false);
    expect(heterogeneityCollapsed({ k: 3, tau2: 0.01 })).toBe(false);
  });

  it('says so in words with the Bayesian interval beside it', () => {
    const bayes = { proportion: { median: 0.512, cri: [0.312, 0.711] as [number, number] } };
    expect(collapsedHeterogeneityNote({ k: 2, tau2: 0 }, bayes)).toBe(
      'With 2 trials the variation between trials was estimated as none, so this interval treats the trials as agreeing exactly; ' +
        'the Bayesian model, which allows for differences between trials, gives 51.2 % (31.2–71.1) (95 % credible interval).',
    );
    expect(collapsedHeterogeneityNote({ k: 6, tau2: 0 }, bayes)).toBeNull();
  });
});
