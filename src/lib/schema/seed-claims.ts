/**
 * `content/seed-claims.yaml`: the pooled figures the seed review reports, as printed,
 * with the place in the paper, so the site can set each beside what the trial files
 * support now.
 */
import { z } from 'astro/zod';
import { OUTCOME_KEYS, type OutcomeKey } from './trial.ts';
import { nameText, text } from './text.ts';

const fraction = z.number().min(0).max(1);

export const seedClaimSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the seed claims, in words. */
  label: nameText,
  /** Where in the seed: "Abstract; Table 3". */
  location: nameText,
  outcome: z.enum(OUTCOME_KEYS as [OutcomeKey, ...OutcomeKey[]]),
  /** A pooled proportion, or Egger's p-value when `kind` is egger. */
  value: fraction.optional(),
  ci: z.tuple([fraction, fraction]).optional(),
  /** The figure as printed when it is not a single number ("< 2 %", "20–37 %"). */
  printed: nameText,
  studies: z.number().int().positive().optional(),
  patients: z.number().int().positive().optional(),
  /** A subgroup of the outcome's analysis. */
  subgroup: z.strictObject({ dimension: z.enum(['group', 'nkSource', 'target', 'phase']), value: nameText }).optional(),
  kind: z.enum(['pooled', 'egger']).default('pooled'),
  /** Why the recomputed figure differs, beyond the counts the page states itself. */
  note: text.optional(),
});

export const seedClaimsSchema = z.strictObject({ claims: z.array(seedClaimSchema) });

export type SeedClaim = z.infer<typeof seedClaimSchema>;
