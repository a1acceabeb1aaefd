import type { Estimate } from '../review/estimate.ts';
import { percentRange, percentWithInterval } from './numbers.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a figure rests on: "3 studies, 54 patients". */
export function basisOf({ k, patients }: Pick<Estimate, 'k' | 'patients'>): string {
  return `${count(k, 'study', 'studies')}, ${count(patients, 'patient')}`;
}

/**
 * A figure as every page prints it, after the rules: the pooled proportion, one study's own
 * proportion labelled as such, or "0 of N patients" with the exact interval of the total.
 */
export function estimateInWords(estimate: Estimate, digits = 1): string {
  const value = percentWithInterval(estimate.proportion, estimate.ci, digits);
  switch (estimate.basis) {
    case 'pooled':
      return value;
    case 'single-study':
      return `${value}, one study, not pooled`;
    case 'no-events':
      return `0 of ${estimate.patients} patients in ${count(estimate.k, 'study', 'studies')} (95 % CI ${percentRange(estimate.ci, digits)}), not pooled`;
    case 'not-fitted':
      return `${estimate.events} of ${estimate.patients} patients in ${count(estimate.k, 'study', 'studies')}, not pooled`;
  }
}

/** The model in a few words: "GLMM", "DL", or "not pooled". */
export function modelInWords(estimate: Estimate): string {
  return estimate.model === 'none' ? 'not pooled' : `random effects (${estimate.model})`;
}
