/**
 * One set of studies turned into the figure a reader sees, by the rules in rules.ts:
 * nothing pooled from zero events or from one study, no prediction interval below
 * k = 3, every interval inside [0, 1]. The model itself is the pooling module's.
 */
import { analyse, ModelFailure, type Interval, type MetaAnalysis, type PoolingOptions, type StudyInput } from '../../pooling/index.ts';
import { clopperPearson } from '../../stats/clopper-pearson.ts';
import type { BASES } from '../../schema/exports.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';
import { NOTES, type RuleNote } from './rules.ts';

/** How a figure was obtained. */
export type Basis = (typeof BASES)[number];

/** A fit of the pooling module; `weight` is null for models without inverse-variance weights (GLMM). */
export type Fit = MetaAnalysis<number | null>;

export interface Estimate {
  basis: Basis;
  /** The model actually used ("GLMM", "DL", ...), or "none" when nothing is pooled. */
  model: string;
  k: number;
  patients: number;
  events: number;
  /**
   * The pooled proportion, the single study's own, or the total's (events / patients) when
   * nothing is pooled; `ci` is model-based when pooled, else exact (Clopper–Pearson).
   */
  proportion: number;
  ci: Interval;
  /** Only when pooled from at least THRESHOLDS.predictionMinStudies studies. */
  pi: Interval | null;
  /** The model fit; null when nothing is pooled. */
  fit: Fit | null;
  /** The rules applied, in words. */
  notes: RuleNote[];
}

/** Cut an interval to [0, 1]; `clipped` says whether the model's interval left it. */
export function clip([lower, upper]: Interval): { interval: Interval; clipped: boolean } {
  const interval: Interval = [Math.min(1, Math.max(0, lower)), Math.min(1, Math.max(0, upper))];
  return { interval, clipped: interval[0] !== lower || interval[1] !== upper };
}

const modelName = (options: PoolingOptions) => options.method ?? 'DL';

/** The figure for `studies` under the model `options`, after the rules. `studies` must not be empty. */
export function estimate(studies: StudyInput[], options: PoolingOptions): Estimate {
  const k = studies.length;
  const patients = studies.reduce((sum, s) => sum + s.total, 0);
  const events = studies.reduce((sum, s) => sum + s.events, 0);
  const unpooled = (basis: Basis, proportion: number, ci: Interval, notes: RuleNote[]): Estimate => ({
    basis,
    model: 'none',
    k,
    patients,
    events,
    proportion,
    ci,
    pi: null,
    fit: null,
    notes,
  });
  if (k === 0) throw new Error('estimate needs at least one study');
  if (events === 0) return unpooled('no-events', 0, clopperPearson(0, patients), [NOTES.noEvents(patients, k)]);
  if (k < THRESHOLDS.poolMinStudies) {
    const [study] = studies;
    return unpooled('single-study', study!.events / study!.total, clopperPearson(study!.events, study!.total), [NOTES.singleStudy()]);
  }
  let fit: Fit;
  try {
    fit = analyse(studies, options);
  } catch (error) {
    if (!(error instanceof ModelFailure)) throw error;
    return unpooled('not-fitted', events / patients, clopperPearson(events, patients), [NOTES.notFitted(modelName(options), error.reason)]);
  }
  const notes: RuleNote[] = [];
  const ci = clip(fit.pooled.ci);
  const hts = k >= THRESHOLDS.predictionMinStudies ? fit.piHts : null;
  const pi = hts ? clip(hts) : null;
  notes.push(pi ? NOTES.prediction(k) : NOTES.noPrediction(k));
  if (ci.clipped || pi?.clipped) notes.push(NOTES.clipped(`${modelName(options)}, ${options.measure ?? 'PLO'}`));
  return {
    basis: 'pooled',
    model: modelName(options),
    k,
    patients,
    events,
    proportion: Math.min(1, Math.max(0, fit.pooled.proportion)),
    ci: ci.interval,
    pi: pi?.interval ?? null,
    fit,
    notes,
  };
}
