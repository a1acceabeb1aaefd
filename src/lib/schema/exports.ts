/**
 * The public data API: the shape of `/data/outcomes/<slug>.json`. The endpoint
 * validates what it writes against this schema, and publishes the schema itself as
 * JSON Schema, so the documented shape and the files cannot drift apart.
 */
import { z } from 'astro/zod';

const interval = z.tuple([z.number(), z.number()]);
const domainRating = z.strictObject({ downgrade: z.union([z.literal(0), z.literal(1), z.literal(2)]), reason: z.string() });
const estimate = z.strictObject({ proportion: z.number(), ci: interval });

export const outcomeExportSchema = z.strictObject({
  outcome: z.strictObject({ slug: z.string(), key: z.string(), title: z.string(), description: z.string() }),
  version: z.strictObject({ date: z.string(), commit: z.string().nullable() }),
  settings: z.strictObject({ measure: z.string(), method: z.string(), hakn: z.boolean() }),
  /** Null when no trial reports the outcome. */
  result: z
    .strictObject({
      k: z.number().int(),
      patients: z.number().int(),
      pooled: estimate.extend({ pi: interval }),
      heterogeneity: z.strictObject({ tau2: z.number(), Q: z.number(), df: z.number(), pQ: z.number(), I2: z.number(), H2: z.number() }),
      egger: z.strictObject({ t: z.number(), df: z.number(), p: z.number() }).nullable(),
      leaveOneOut: z.array(estimate.extend({ omitted: z.string() })),
      cumulative: z.array(estimate.extend({ study: z.string() })),
    })
    .nullable(),
  studies: z.array(
    z.strictObject({
      id: z.string(),
      study: z.string(),
      nct: z.string(),
      cohort: z.string(),
      events: z.number().int(),
      n: z.number().int(),
      proportion: z.number(),
      ci: interval,
      /** Percent, in the primary random-effects model. */
      weight: z.number(),
      year: z.number().int(),
      group: z.string(),
      nkSource: z.string(),
      target: z.string(),
      phase: z.string(),
      timepoint: z.string().nullable(),
      criteria: z.string().nullable(),
      source: z.strictObject({
        citation: z.string(),
        doi: z.string().nullable(),
        pmid: z.string().nullable(),
        location: z.string(),
      }),
    }),
  ),
  subgroups: z.array(
    z.strictObject({
      dimension: z.string(),
      title: z.string(),
      groups: z.array(estimate.extend({ group: z.string(), label: z.string(), k: z.number().int(), tau2: z.number(), I2: z.number() })),
      between: z.strictObject({ Q: z.number(), df: z.number(), p: z.number() }).nullable(),
    }),
  ),
  sensitivity: z.array(
    estimate.extend({ label: z.string(), measure: z.string(), method: z.string(), hakn: z.boolean(), pi: interval, tau2: z.number(), I2: z.number() }),
  ),
  notReported: z.array(z.strictObject({ nct: z.string(), reason: z.string() })),
  /** GRADE certainty of the pooled estimate; null when no trial reports the outcome. */
  certainty: z
    .strictObject({
      rating: z.enum(['high', 'moderate', 'low', 'very low']),
      domains: z.strictObject({
        riskOfBias: domainRating,
        inconsistency: domainRating,
        indirectness: domainRating,
        imprecision: domainRating,
        publicationBias: domainRating,
      }),
    })
    .nullable(),
});

export type OutcomeExport = z.infer<typeof outcomeExportSchema>;

/** `/data/outcomes/pfs.json` and `os.json`: survival estimates are listed, not pooled. */
export const survivalExportSchema = z.strictObject({
  outcome: z.strictObject({ slug: z.string(), key: z.string(), title: z.string(), description: z.string() }),
  version: z.strictObject({ date: z.string(), commit: z.string().nullable() }),
  estimates: z.array(
    z.strictObject({
      id: z.string(),
      study: z.string(),
      nct: z.string(),
      month: z.number(),
      estimate: z.number(),
      ci: interval.nullable(),
      n: z.number().int().nullable(),
      source: z.strictObject({ citation: z.string(), doi: z.string().nullable(), pmid: z.string().nullable(), location: z.string() }),
    }),
  ),
  notReported: z.array(z.strictObject({ nct: z.string(), reason: z.string() })),
});

export type SurvivalExport = z.infer<typeof survivalExportSchema>;

/** `/data/risk-of-bias.json`: the tool's items and every included trial's judgements. */
export const riskOfBiasExportSchema = z.strictObject({
  tool: z.strictObject({ name: z.string(), citation: z.string(), doi: z.string(), overallRule: z.string() }),
  domains: z.array(z.strictObject({ id: z.string(), item: z.number().int(), name: z.string(), question: z.string() })),
  trials: z.array(
    z.strictObject({
      nct: z.string(),
      judgements: z.array(
        z.strictObject({
          domain: z.string(),
          judgement: z.enum(['low', 'unclear', 'high']),
          support: z.string(),
          source: z.strictObject({ citation: z.string(), doi: z.string().nullable(), pmid: z.string().nullable(), location: z.string() }),
        }),
      ),
      overall: z.enum(['low', 'unclear', 'high']),
    }),
  ),
});

export type RiskOfBiasExport = z.infer<typeof riskOfBiasExportSchema>;
