/**
 * `content/thresholds.yaml`: the decision thresholds, one rate per outcome and population that a
 * reader would set a CAR-NK estimate against (the response to salvage therapy a new treatment must
 * beat, the rate of a harm after the CAR-T cells it would replace). Each names its source and
 * location, says why it is the comparison, and says what copy of the source was read. A population
 * without a sourced comparator has no entry: the site says so rather than invent one.
 */
import { z } from 'astro/zod';
import { BINARY_OUTCOMES, type BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { DISEASE_CODES, DISEASES, MALIGNANCY_GROUPS } from '../vocabulary/codes.ts';
import { doiSchema, pmidSchema } from './trial.ts';

const text = z.string().trim().min(1, 'must not be empty');

const BINARY_KEYS = BINARY_OUTCOMES.map((outcome) => outcome.key) as [BinaryOutcomeKey, ...BinaryOutcomeKey[]];

const thresholdSourceSchema = z.strictObject({
  citation: text,
  year: z.number().int('must be a whole number').min(1950, 'must be 1950 or later').max(2100, 'must be 2100 or earlier'),
  doi: doiSchema.optional(),
  pmid: pmidSchema.optional(),
  /** Where in the publication: "Abstract", "Table 3". */
  location: text,
  /** What copy was read to check the figure: "PubMed abstract", "news report quoting the paper". */
  read: text,
});

export const decisionThresholdSchema = z.strictObject({
  outcome: z.enum(BINARY_KEYS),
  /** The population the rate applies to: a malignancy group, narrowed by disease or target where the comparator is that specific. */
  population: z
    .strictObject({
      group: z.enum(MALIGNANCY_GROUPS),
      /** A disease code of the vocabulary, in this group: the threshold of that disease's row in the summary of findings. */
      disease: z.enum(DISEASE_CODES).optional(),
      target: text.optional(),
    })
    .refine(({ group, disease }) => disease === undefined || DISEASES[disease] === group, {
      message: 'names a disease of the other malignancy group',
      path: ['disease'],
    }),
  /** The comparator rate, 0 to 1. */
  value: z.number().gt(0, 'must be above 0').lt(1, 'must be below 1'),
  /** The comparator in a few words: "salvage therapy in refractory large B-cell lymphoma (SCHOLAR-1)". */
  comparator: text,
  /** Why a reader compares against this rate, and what makes it an imperfect comparison. */
  reason: text,
  source: thresholdSourceSchema.refine((s) => s.doi !== undefined || s.pmid !== undefined, 'needs a doi or pmid'),
});

export const decisionThresholdsSchema = z.strictObject({ thresholds: z.array(decisionThresholdSchema) }).superRefine(({ thresholds }, ctx) => {
  const seen = new Set<string>();
  thresholds.forEach((t, i) => {
    const key = [t.outcome, t.population.group, t.population.disease ?? '', t.population.target ?? ''].join('|');
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['thresholds', i], message: 'repeats an outcome and population listed above' });
    seen.add(key);
  });
});

export type DecisionThreshold = z.infer<typeof decisionThresholdSchema>;
export type DecisionThresholds = z.infer<typeof decisionThresholdsSchema>;
