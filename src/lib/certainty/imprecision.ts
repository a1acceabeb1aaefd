import { percent, percentagePoints, percentRange } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { CertaintyInput, DomainRating } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.imprecision;

/** The rule in words, for the methods page. */
export const IMPRECISION_RULE =
  `Judged on the population's 95 % interval (the Bayesian credible interval where one is computed, else the confidence interval; a single study's or zero events' exact interval). ` +
  `With a decision threshold: not serious when the whole interval lies on one side of it (for zero events, when the upper bound lies below it); serious (−1) when the interval crosses it; very serious (−2) when it crosses it and is wider than ${percentagePoints(RULE.veryWide)}. ` +
  `Without a threshold: serious (−1) when the interval is wider than ${percentagePoints(RULE.wide)}, very serious (−2) when wider than ${percentagePoints(RULE.veryWide)}. ` +
  `The number of trials, patients or events is not a criterion of its own: the interval already carries it.`;

/**
 * GRADE imprecision of one population's rate, against its decision threshold where it has one.
 * @example imprecisionRating({ interval: [0.3, 0.7], threshold: { value: 0.26, side: 'above' }, ... }).downgrade // 0
 */
export function imprecisionRating(input: Pick<CertaintyInput, 'interval' | 'intervalKind' | 'threshold' | 'events'>): DomainRating {
  const [lower, upper] = input.interval;
  const width = upper - lower;
  const kind = input.intervalKind === 'credible' ? 'credible' : 'confidence';
  const facts = `The 95 % ${kind} interval is ${percentRange(input.interval)} (${percentagePoints(width)} wide)`;
  const inputs = { lower, upper, width, threshold: input.threshold?.value ?? null, interval: kind };
  const { threshold } = input;
  if (threshold) {
    const base = { rule: 'imprecision.crosses-threshold' as const, inputs, judged: false };
    const crosses = lower < threshold.value && upper > threshold.value;
    const where = `the threshold of ${percent(threshold.value, 0)}`;
    if (!crosses) {
      const side = upper <= threshold.value ? 'below' : 'above';
      const zero = input.events === 0 ? ' With no events, the upper bound is what is judged.' : '';
      return { ...base, downgrade: 0, reason: `${facts}: wholly ${side} ${where}.${zero}` };
    }
    if (width > RULE.veryWide) {
      return { ...base, downgrade: 2, reason: `${facts}: it crosses ${where} and is wider than ${percentagePoints(RULE.veryWide)}.` };
    }
    return { ...base, downgrade: 1, reason: `${facts}: it crosses ${where}, so the rate may lie on either side of it.` };
  }
  const base = { rule: 'imprecision.interval-width' as const, inputs, judged: false };
  if (width > RULE.veryWide) return { ...base, downgrade: 2, reason: `${facts}: wider than ${percentagePoints(RULE.veryWide)}.` };
  if (width > RULE.wide) return { ...base, downgrade: 1, reason: `${facts}: wider than ${percentagePoints(RULE.wide)}.` };
  return { ...base, downgrade: 0, reason: `${facts}: precise enough without a decision threshold to read it against.` };
}
