import type { Measure, Tau2Method } from '../pooling/types.ts';

/** Names of the transformations as the methods section writes them. */
export const MEASURE_LABELS: Record<Measure, string> = {
  PLO: 'logit-transformed proportions',
  PFT: 'Freeman–Tukey double arcsine',
  PAS: 'arcsine',
  PR: 'raw proportions',
};

/** Names of the estimators as the methods section writes them. */
export const METHOD_LABELS: Record<Tau2Method, string> = {
  DL: 'DerSimonian–Laird',
  REML: 'restricted maximum likelihood',
  PM: 'Paule–Mandel',
};
