/**
 * The pooling settings of the review, declared once: the analysis step uses them and
 * the methods page prints them. Changing one here changes every pooled number.
 */
import type { PoolingOptions } from '../pooling/index.ts';

export interface PoolingSettings {
  measure: NonNullable<PoolingOptions['measure']>;
  method: NonNullable<PoolingOptions['method']>;
  hakn: boolean;
}

/**
 * The primary model of every binary outcome: the binomial-normal random-effects model
 * (metafor `rma.glmm(measure = "PLO")`, ML, no continuity correction; Stijnen et al. 2010).
 */
export const POOLING: PoolingSettings = {
  measure: 'PLO',
  method: 'DL',
  hakn: false,
};

/** Alternatives shown in each outcome's sensitivity table (inverse-variance models). */
export const SENSITIVITY_SETTINGS: (PoolingSettings & { label: string })[] = [
  { label: 'Logit, DerSimonian–Laird', measure: 'PLO', method: 'DL', hakn: false },
  { label: 'Logit, REML', measure: 'PLO', method: 'REML', hakn: false },
  { label: 'Logit, Paule–Mandel', measure: 'PLO', method: 'PM', hakn: false },
  { label: 'Logit, DerSimonian–Laird, Hartung–Knapp', measure: 'PLO', method: 'DL', hakn: true },
  { label: 'Freeman–Tukey, DerSimonian–Laird', measure: 'PFT', method: 'DL', hakn: false },
  { label: 'Arcsine, DerSimonian–Laird', measure: 'PAS', method: 'DL', hakn: false },
  { label: 'Raw proportion, DerSimonian–Laird', measure: 'PR', method: 'DL', hakn: false },
];
