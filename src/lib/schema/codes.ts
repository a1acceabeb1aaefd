/**
 * Codes the schemas share with the browser's re-analysis code, which must not load the
 * schemas themselves (zod): publication types (evidence tiers) and risk-of-bias judgements.
 * trial.ts and risk-of-bias.ts re-export them; their words are in format/labels.ts and
 * ROB_JUDGEMENT_LABELS.
 */
export const PUBLICATION_TYPES = [
  'article',
  'conference-abstract',
  'letter',
  'registry-results',
  'preprint',
  'sponsor-report',
  'secondary-report',
] as const;

/**
 * Publication types that may feed the primary analysis. A sponsor report (a press release or
 * investor presentation by the sponsor itself) and a secondary report (a news account or review
 * quoting numbers whose primary source could not be read) may be extracted, but only for a
 * sensitivity analysis: they are never pooled in the primary one.
 */
export const PRIMARY_PUBLICATION_TYPES = ['article', 'conference-abstract', 'letter', 'registry-results', 'preprint'] as const;

export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** Publication types whose counts enter only the sensitivity analysis that adds them to the primary studies. */
export const SENSITIVITY_ONLY_PUBLICATION_TYPES = ['sponsor-report', 'secondary-report'] as const satisfies readonly PublicationType[];

/**
 * Judgements, with the MINORS score each corresponds to: reported and adequate (2) is
 * low risk, reported but inadequate (1) is high risk, not reported in what could be
 * read (0) is unclear. MINORS totals are not used: a sum hides which item failed.
 */
export const ROB_JUDGEMENTS = ['low', 'unclear', 'high'] as const;
export type RobJudgement = (typeof ROB_JUDGEMENTS)[number];
