/**
 * The pooling settings of the review, declared once: the analysis step uses them and
 * the methods page prints them. Changing one here changes every pooled number.
 */
import type { PoolingOptions } from '../../pooling/index.ts';

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
  method: 'GLMM',
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

/** The mixed-effects subgroup test with one common τ² (`rma(yi, vi, mods = ~ group)`, REML), beside RevMan's. */
export const COMMON_TAU2_TEST: PoolingSettings = { measure: 'PLO', method: 'REML', hakn: false };

/** A convention the analysis follows where metafor or the literature offer choices, with the R call it matches. */
export interface Convention {
  name: string;
  text: string;
  /** The metafor call that gives the same numbers. */
  call: string;
  reference: string;
}

export const CONVENTIONS: Convention[] = [
  {
    name: 'Primary model',
    text: 'Binomial-normal random-effects model (random-intercept logistic regression) fitted by maximum likelihood with adaptive Gauss–Hermite quadrature; no continuity correction, so zero-event and all-event studies enter as they are.',
    call: 'rma.glmm(xi, ni, measure = "PLO", method = "ML")',
    reference: 'Stijnen, Hamza & Özdemir 2010, Stat Med 29:3046–3067',
  },
  {
    name: 'Sensitivity models',
    text: 'Inverse-variance random-effects models on logit, Freeman–Tukey, arcsine and raw proportions, with DerSimonian–Laird, REML and Paule–Mandel τ², and Hartung–Knapp intervals; 0.5 is added to every cell of a study with 0 or n events (logit, raw).',
    call: 'rma(yi, vi, method = "DL" | "REML" | "PM", test = "z" | "knha")',
    reference: 'Viechtbauer 2010, J Stat Softw 36(3)',
  },
  {
    name: 'Freeman–Tukey back-transform',
    text: 'The double-arcsine estimate is back-transformed with the harmonic mean of the sample sizes of the studies in that fit (each leave-one-out and cumulative fit uses its own studies).',
    call: 'predict(res, transf = transf.ipft.hm, targs = list(ni = ni))',
    reference: 'Schwarzer et al. 2019, Res Synth Methods 10:476–483 (on the pitfalls of this back-transform)',
  },
  {
    name: 'Prediction interval',
    text: 'estimate ± t(0.975, k − 2) · √(SE² + τ²) on the logit scale, back-transformed; only from k = 3 on.',
    call: 'predict(res) with the t quantile on k − 2 df (metafor itself uses the normal quantile)',
    reference: 'Higgins, Thompson & Spiegelhalter 2009, J R Stat Soc A 172:137–159',
  },
  {
    name: "Egger's test",
    text: 'Weighted least-squares regression of the effect on its standard error with a free residual scale, only from k = 10 on.',
    call: 'regtest(res, model = "lm") (metafor\'s default is model = "rma")',
    reference: 'Egger et al. 1997, BMJ 315:629–634',
  },
  {
    name: 'Test for subgroup differences',
    text: "RevMan's convention: τ² estimated separately within each subgroup, then a fixed-effect Q test on the subgroup estimates. Beside it, the mixed-effects test with one common τ² (logit, REML), which Borenstein et al. recommend when subgroups hold few studies.",
    call: 'rma(yi, vi, subset = group == g) for each g, then rma(est, sei^2, method = "FE"); and rma(yi, vi, mods = ~ group)$QM',
    reference: 'Cochrane Handbook, section 10.11.3.1; Borenstein et al. 2009, Introduction to Meta-Analysis, ch. 19',
  },
];
