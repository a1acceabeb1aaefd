/**
 * `content/search.yaml`: the literature search as data, so the methods page and the
 * PRISMA 2020 flow diagram are generated from what was actually searched and counted.
 * Counts that were not recorded are left out, never guessed.
 */
import { z } from 'astro/zod';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const text = z.string().trim().min(1, 'must not be empty');

export const searchSchema = z.strictObject({
  /** When the search was run. */
  date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()),
  /** Publication dates covered. */
  period: text,
  sources: z.array(
    z.strictObject({
      name: text,
      queries: z.array(
        z.strictObject({
          /** The exact query string. */
          query: text,
          corpus: text,
          /** Records returned. */
          hits: count,
          /** Records that were reports of a CAR-NK clinical trial. */
          relevant: count,
        }),
      ),
    }),
  ),
  /** PRISMA 2020 counts as recorded; trials and reports included are computed from the trial files. */
  flow: z.strictObject({
    identified: z.strictObject({ databases: count, registers: count }),
    duplicatesRemoved: count.optional(),
    screened: count.optional(),
    excludedAtScreening: count.optional(),
    reportsSought: count.optional(),
    reportsNotRetrieved: count.optional(),
    reportsAssessed: count.optional(),
    reportsExcluded: z.array(z.strictObject({ reason: text, count })).default([]),
    trialsIncluded: count.optional(),
    reportsIncluded: count.optional(),
  }),
  notes: text.optional(),
});

export type SearchRecord = z.infer<typeof searchSchema>;
