/**
 * `content/search.yaml`: the literature search as data, so the methods page and the
 * PRISMA 2020 flow diagram are generated from what was actually searched and counted.
 * Counts that were not recorded are left out, never guessed.
 */
import { z } from 'astro/zod';
import { citationText, nameText, paragraphText, text } from './text.ts';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');

/** Why a registration found in the search has no trial file of its own: the one vocabulary for these reasons. */
export const REGISTRATION_EXCLUSION_REASONS = [
  'CAR-T cells, not NK cells',
  'CAR-NKT cells, not CAR-NK cells',
  'NK cells without a CAR',
  'autoimmune disease, not cancer',
  'example listing, not a registered trial',
  'second registration of a trial with a file',
] as const;

export const searchSchema = z
  .strictObject({
    /** When the search was run. */
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()),
    /** Publication dates covered. */
    period: nameText,
    sources: z.array(
      z.strictObject({
        name: nameText,
        queries: z.array(
          z.strictObject({
            /** The exact query string. */
            query: text,
            /** Records returned. */
            hits: count,
            /** Records that were reports or registry records of a CAR-NK clinical trial in cancer. */
            relevant: count,
            /** What the relevant records were, in words: trial numbers, reports. */
            found: text.optional(),
            /** Records set aside on screening, by reason; left out where the split was not recorded. */
            screenedOut: z.array(z.strictObject({ reason: text, count: count.min(1, 'must be at least 1') })).optional(),
          }),
        ),
      }),
    ),
    /** PRISMA 2020 counts as recorded; trials and reports included are computed from the trial files. */
    /**
     * The PRISMA 2020 counts only the search can know; leave out a count that was not kept.
     * Reports assessed, reports of included trials and every trial count are computed from
     * the trial files (src/lib/review/model/prisma.ts), so they cannot disagree with the data.
     */
    flow: z.strictObject({
      identified: z.strictObject({ databases: count, registers: count }),
      duplicatesRemoved: count.optional(),
      screened: count.optional(),
      excludedAtScreening: count.optional(),
      reportsNotRetrieved: count.optional(),
      /** Reports read in full and excluded that belong to no trial file (a trial's own exclusion is in its file). */
      reportsExcluded: z.array(z.strictObject({ reason: text, count: count.min(1, 'must be at least 1') })).default([]),
    }),
    /**
     * Registered CAR-NK cancer trials that were identified but have no trial file, and why:
     * no registry record could be read, or no ClinicalTrials.gov number (a file is keyed by it).
     */
    identifiedNotAdded: z.array(z.strictObject({ id: nameText, description: text, why: text })).default([]),
    /** Registrations found by the search and set aside before a trial file was made, each with its reason. */
    excludedRegistrations: z
      .array(
        z.strictObject({
          id: z.string().regex(/^NCT\d{8}$/, 'must be NCT followed by 8 digits'),
          reason: z.enum(REGISTRATION_EXCLUSION_REASONS),
          description: text,
        }),
      )
      .default([]),
    /**
     * Searches for the comparator rates of content/thresholds.yaml: not searches for trials, so outside
     * the PRISMA flow and its counts. `used` says what each query's records gave, or that they gave nothing.
     */
    comparators: z.array(z.strictObject({ query: text, hits: count, used: paragraphText })).default([]),
    /**
     * The registry query the weekly watch runs (`npm run watch:ctgov`): ClinicalTrials.gov API v2
     * `/studies` with these parameters, every page of it.
     */
    registryWatch: z
      .strictObject({
        /** The API endpoint. */
        api: z.url({ protocol: /^https$/, message: 'must be an https:// URL' }),
        /** Query parameters as the API names them (query.term, query.intr, filter.*, pageSize, ...). */
        parameters: z.record(z.string().regex(/^[a-zA-Z.]+$/, 'must be an API parameter name'), citationText),
      })
      .optional(),
    notes: paragraphText.optional(),
  })
  // The PRISMA box "records identified from databases" is the sum of the records each query returned.
  .refine((search) => search.flow.identified.databases === search.sources.flatMap((s) => s.queries).reduce((total, q) => total + q.hits, 0), {
    path: ['flow', 'identified', 'databases'],
    message: 'must equal the sum of hits over all queries',
  });

/** The first page's URL of the registry watch query. */
export function registryWatchUrl(watch: NonNullable<SearchRecord['registryWatch']>): string {
  const url = new URL(watch.api);
  for (const [name, value] of Object.entries(watch.parameters)) url.searchParams.set(name, value);
  return url.href;
}

export type SearchRecord = z.infer<typeof searchSchema>;
