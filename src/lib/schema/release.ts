/**
 * A frozen, citable version of the review: `content/releases/<YYYY-MM-DD>.json`,
 * written once by `npm run release` and rendered at `/versions/<date>/` forever.
 *
 * Frozen trials are checked only for the fields the site and the changelog read, and
 * keep every other field as written: the trial schema will evolve, and a snapshot taken
 * under an older one must still build. The outcome analyses are the public export
 * shape (schema/exports.ts), so a snapshot's numbers are those its data API served.
 */
import { z } from 'astro/zod';
import { INCLUSION_STATUSES, NCT_ID, STATUSES } from './trial.ts';
import { legacyOutcomeExportSchema, legacySurvivalExportSchema, licenceSchema, outcomeExportSchema, survivalExportSchema } from './exports.ts';

const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const count = z.number().int('must be a whole number').nonnegative('must not be negative');

/** A trial's frontmatter data as it stood when the version was frozen. */
export const frozenTrialSchema = z.looseObject({
  nct: z.string().regex(NCT_ID, 'must be NCT followed by 8 digits'),
  title: z.string(),
  registry: z.looseObject({ status: z.enum(STATUSES).optional() }),
  inclusion: z.looseObject({ status: z.enum(INCLUSION_STATUSES), reason: z.string() }),
  publications: z.array(z.looseObject({ id: z.string() })),
  cohorts: z.array(z.looseObject({ id: z.string(), label: z.string() })),
});

type Path = (string | number)[];
const isInterval = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((bound) => typeof bound === 'number');

/**
 * Every figure in a frozen version that lies outside its own interval (`ci`, or `pi` for a pooled
 * estimate), wherever it sits: a computed estimate is always inside both, so one outside was edited
 * after the version was frozen, and the frozen page would print a number its own interval denies.
 */
export function estimatesOutsideIntervals(value: unknown, path: Path = []): { path: Path; message: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => estimatesOutsideIntervals(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const problems = Object.entries(record).flatMap(([key, child]) => estimatesOutsideIntervals(child, [...path, key]));
  const field = typeof record.proportion === 'number' ? 'proportion' : typeof record.estimate === 'number' ? 'estimate' : undefined;
  if (!field) return problems;
  const figure = record[field] as number;
  // One line per figure: the confidence interval is named before the wider prediction interval.
  const outside = (['ci', 'pi'] as const).find((name) => {
    const interval = record[name];
    return isInterval(interval) && !(interval[0] <= figure && figure <= interval[1]);
  });
  if (outside) {
    const [lower, upper] = record[outside] as [number, number];
    problems.push({ path: [...path, field], message: `(${figure}) lies outside its own ${outside} [${lower}, ${upper}]` });
  }
  return problems;
}

export const releaseSchema = z
  .strictObject({
    /** The version's name: its date, which is also the file name. */
    version: isoDate,
    /** The day the version was frozen. */
    date: isoDate,
    /**
     * The DOI of the archived copy (Zenodo mints one for each GitHub release of a version).
     * It exists only after the version is frozen, so recording it is the one edit a snapshot
     * may receive: it names the version, it changes none of its data.
     */
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.5281/zenodo.1234567')
      .optional(),
    /** The data licence the version was published under (absent in versions frozen before it was stated). */
    license: licenceSchema.optional(),
    /** Short hash of the commit the data was frozen from; null outside a git checkout. */
    commit: z
      .string()
      .regex(/^[0-9a-f]{4,40}$/, 'must be a short commit hash')
      .nullable(),
    /** Every validated trial, in NCT order. */
    trials: z.array(frozenTrialSchema),
    /**
     * One analysis per binary outcome, as `/data/outcomes/<slug>.json` published it: the
     * current shape (versions frozen before GRADE ratings have no `certainty`, before funnel data no `result.funnel`), or the one
     * versions frozen before the rules of inference carry.
     */
    outcomes: z.union([
      z.array(
        outcomeExportSchema.extend({
          // Versions frozen before funnel data was exported have none, and before GRADE ratings no `certainty`.
          result: outcomeExportSchema.shape.result.unwrap().partial({ funnel: true }).nullable(),
          certainty: outcomeExportSchema.shape.certainty.optional(),
        }),
      ),
      z.array(legacyOutcomeExportSchema),
    ]),
    /** Progression-free and overall survival, listed rather than pooled (sources without tiers before they were recorded). */
    survival: z.union([z.array(survivalExportSchema), z.array(legacySurvivalExportSchema)]),
    counts: z.strictObject({
      /** Every trial file. */
      trials: count,
      /** Trials not excluded. */
      trialsInReview: count,
      /** Trials whose outcomes are pooled. */
      trialsIncluded: count,
    }),
  })
  .superRefine((release, ctx) => {
    for (const { path, message } of estimatesOutsideIntervals({ outcomes: release.outcomes, survival: release.survival })) {
      ctx.addIssue({ code: 'custom', path, message });
    }
    if (release.version !== release.date) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: `(${release.version}) must equal date (${release.date})` });
    }
    if (release.counts.trials !== release.trials.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['counts', 'trials'],
        message: `(${release.counts.trials}) must equal the number of trials (${release.trials.length})`,
      });
    }
  });

export type Release = z.infer<typeof releaseSchema>;
export type FrozenTrial = z.infer<typeof frozenTrialSchema>;

/**
 * `content/releases/corrections.yaml`: edits made to a frozen version after its first commit,
 * each reviewed and stated. `npm run check` compares a version with its text at the latest commit
 * listed here for it (else its first commit), so every other edit is refused.
 */
export const releaseCorrectionsSchema = z.strictObject({
  corrections: z.array(
    z.strictObject({
      version: isoDate,
      /** The commit that made the edit, in full. */
      commit: z.string().regex(/^[0-9a-f]{40}$/, 'must be a full 40-character commit hash'),
      /** What changed and why no figure of the version did. */
      reason: z.string().min(1, 'must say what changed'),
    }),
  ),
});

export type ReleaseCorrection = z.infer<typeof releaseCorrectionsSchema>['corrections'][number];
