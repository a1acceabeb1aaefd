import { percentagePoints } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { CertaintyInput, DomainRating, DowngradeLevel } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.imprecision;

/** The rule in words, for the methods page. */
export const IMPRECISION_RULE =
  `Very serious (−2) with fewer than ${RULE.verySeriousPatients} patients or a 95 % confidence interval wider than ${percentagePoints(RULE.verySeriousCiWidth)}; ` +
  `serious (−1) with fewer than ${RULE.seriousPatients} patients, fewer than ${RULE.seriousEvents} events, an interval wider than ${percentagePoints(RULE.seriousCiWidth)}, or fewer than ${RULE.seriousK} trials; otherwise no downgrade.`;

/**
 * GRADE imprecision of one pooled proportion: the worst level any criterion reaches
 * (total patients, total events, width of the 95 % CI, number of trials).
 * @example imprecisionRating({ k: 3, patients: 54, events: 23, ci: [0.2, 0.7] }).downgrade // 2
 */
export function imprecisionRating(input: Pick<CertaintyInput, 'k' | 'patients' | 'events' | 'ci'>): DomainRating {
  const width = input.ci[1] - input.ci[0];
  const criteria: [DowngradeLevel, boolean, string][] = [
    [2, input.patients < RULE.verySeriousPatients, `fewer than ${RULE.verySeriousPatients} patients`],
    [2, width > RULE.verySeriousCiWidth, `an interval wider than ${percentagePoints(RULE.verySeriousCiWidth)}`],
    [1, input.patients < RULE.seriousPatients, `fewer than ${RULE.seriousPatients} patients`],
    [1, input.events < RULE.seriousEvents, `fewer than ${RULE.seriousEvents} events`],
    [1, width > RULE.seriousCiWidth, `an interval wider than ${percentagePoints(RULE.seriousCiWidth)}`],
    [1, input.k < RULE.seriousK, `fewer than ${RULE.seriousK} trials`],
  ];
  const facts = `${input.patients} patients, ${input.events} events, ${input.k} ${input.k === 1 ? 'trial' : 'trials'}; the 95 % confidence interval spans ${percentagePoints(width)}`;
  for (const level of [2, 1] as const) {
    const met = criteria.filter(([l, applies]) => l === level && applies).map(([, , words]) => words);
    if (met.length > 0) return { downgrade: level, reason: `${facts}: ${met.join(', ')}.` };
  }
  return { downgrade: 0, reason: `${facts}: precise enough.` };
}
