/**
 * `content/certainty.yaml`: the GRADE judgements that cannot be computed from the data
 * (indirectness and publication bias), one pair per pooled outcome, each with its
 * reason in words. Risk of bias, inconsistency and imprecision are computed from the
 * trial files and the analysis (src/lib/certainty), never written here.
 */
import { z } from 'astro/zod';
import type { BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { text } from './text.ts';
import { MALIGNANCY_GROUPS } from '../vocabulary/codes.ts';

/** A GRADE downgrade: 0 none, 1 serious, 2 very serious, with why. */
export const downgradeSchema = z.strictObject({
  downgrade: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'must be 0, 1 or 2' }),
  reason: text,
});

const judgementsSchema = z.strictObject({
  /**
   * Do the trials' patients, products and outcome definitions answer the review's question? Judged
   * for the figure across all cancers, where mixing malignancy groups is the concern (counted here once).
   */
  indirectness: downgradeSchema,
  /** Are trials or results likely missing because of what they found? */
  publicationBias: downgradeSchema,
  /**
   * Indirectness within one malignancy group, where its trials differ from the question in their
   * own way; a group left out has no concern of its own beyond the comparator (see certainty rules).
   */
  populations: z.partialRecord(z.enum(MALIGNANCY_GROUPS), z.strictObject({ indirectness: downgradeSchema })).optional(),
});

// Every pooled outcome needs its judgements, so a new outcome cannot ship without them.
const outcomes = {
  orr: judgementsSchema,
  cr: judgementsSchema,
  crsAny: judgementsSchema,
  crsGrade3: judgementsSchema,
  icansAny: judgementsSchema,
  icansGrade3: judgementsSchema,
  gvhd: judgementsSchema,
  infections: judgementsSchema,
  cytopenias: judgementsSchema,
} satisfies Record<BinaryOutcomeKey, typeof judgementsSchema>;

export const certaintyJudgementsSchema = z.strictObject({ outcomes: z.strictObject(outcomes) });

export type Downgrade = z.infer<typeof downgradeSchema>;
export type CertaintyJudgements = z.infer<typeof certaintyJudgementsSchema>;
