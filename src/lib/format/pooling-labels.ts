import type { Measure, PoolingMethod } from '../pooling/types.ts';

/** Names of the transformations as the methods section writes them. */
export const MEASURE_LABELS: Record<Measure, string> = {
  PLO: 'logit-transformed proportions',
  PFT: 'Freeman–Tukey double arcsine',
  PAS: 'arcsine',
  PR: 'raw proportions',
};

/** Names of the models as the methods section writes them: the binomial-normal model or the estimator of τ². */
export const METHOD_LABELS: Record<PoolingMethod, string> = {
  GLMM: 'binomial-normal model, maximum likelihood',
  DL: 'DerSimonian–Laird',
  REML: 'restricted maximum likelihood',
  PM: 'Paule–Mandel',
};
