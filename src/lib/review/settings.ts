/**
 * The pooling settings of the review, declared once: the analysis step uses them and
 * the methods page prints them. Changing one here changes every pooled number.
 */
export const POOLING = {
  /** Logit-transformed proportions (metafor `measure = "PLO"`). */
  measure: 'PLO',
  /** DerSimonian–Laird tau² (metafor `method = "DL"`), as the seed review used. */
  method: 'DL',
  /** Wald-type confidence intervals; Hartung–Knapp is shown as a sensitivity analysis. */
  hakn: false,
} as const;

/** Alternatives shown in each outcome's sensitivity table. */
export const SENSITIVITY_SETTINGS = [
  { label: 'Logit, DerSimonian–Laird (primary)', measure: 'PLO', method: 'DL', hakn: false },
  { label: 'Logit, REML', measure: 'PLO', method: 'REML', hakn: false },
  { label: 'Logit, Paule–Mandel', measure: 'PLO', method: 'PM', hakn: false },
  { label: 'Logit, DerSimonian–Laird, Hartung–Knapp', measure: 'PLO', method: 'DL', hakn: true },
  { label: 'Freeman–Tukey, DerSimonian–Laird', measure: 'PFT', method: 'DL', hakn: false },
  { label: 'Arcsine, DerSimonian–Laird', measure: 'PAS', method: 'DL', hakn: false },
  { label: 'Raw proportion, DerSimonian–Laird', measure: 'PR', method: 'DL', hakn: false },
] as const;
