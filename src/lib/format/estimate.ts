// Typed by the export shape, which the review's Estimate matches: formatting sits below the review.
import type { DecidedEstimateExport, LegacyOutcomeExport, OutcomeExport } from '../schema/exports.ts';
import { percentRange, percentWithInterval } from './numbers.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a figure rests on: "3 studies, 54 patients". */
export function basisOf({ k, patients }: Pick<DecidedEstimateExport, 'k' | 'patients'>): string {
  return `${count(k, 'study', 'studies')}, ${count(patients, 'patient')}`;
}

/**
 * A figure as every page prints it, after the rules: the pooled proportion, one study's own
 * proportion labelled as such, or "0 of N patients" with the exact interval of the total.
 */
export function estimateInWords(
  estimate: Pick<DecidedEstimateExport, 'basis' | 'proportion' | 'ci' | 'k' | 'patients' | 'events'>,
  digits = 1,
): string {
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
export function modelInWords(estimate: Pick<DecidedEstimateExport, 'model'>): string {
  return estimate.model === 'none' ? 'not pooled' : `random effects (${estimate.model})`;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** What an outcome rests on, in one line: "3 trials, 54 patients, two populations". */
export function restsOn(totals: { trials: number; patients: number }, populations: number): string {
  const populationText = `${WORDS[populations] ?? populations} ${populations === 1 ? 'population' : 'populations'}`;
  return `${count(totals.trials, 'trial')}, ${count(totals.patients, 'patient')}, ${populationText}`;
}

type ExportedResult =
  Pick<NonNullable<OutcomeExport['result']>, 'pooled' | 'unpooled'> | Pick<NonNullable<LegacyOutcomeExport['result']>, 'pooled'> | null;

/** A downloaded or frozen outcome's figure: pooled, or the unpooled figure marked as such; both export shapes. */
export function exportedFigure(result: ExportedResult): string {
  if (!result) return 'no data';
  if (result.pooled) return percentWithInterval(result.pooled.proportion, result.pooled.ci);
  return 'unpooled' in result && result.unpooled
    ? `${percentWithInterval(result.unpooled.proportion, result.unpooled.ci)}, not pooled`
    : 'not pooled';
}
