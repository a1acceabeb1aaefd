/**
 * The one schema for a trial file (`content/trials/<NCT id>.mdx` frontmatter).
 *
 * Used by Astro's content collection and every script, through the one trial-file reader
 * (src/lib/validation/validate-trial-file.ts), and by the tests. Types are inferred from it, never declared twice.
 * Every object is strict: a misspelt field is an error. Nothing is nullable: a value
 * that was not reported is left out, so "unknown" can never be written as 0.
 */
import { z } from 'astro/zod';
import { checkRiskOfBias, riskOfBiasSchema } from './risk-of-bias.ts';
import {
  DISEASE_CODES,
  DISEASES,
  EXTRACTION_STATES,
  INCLUSION_STATUSES,
  MALIGNANCY_GROUPS,
  NK_SOURCES,
  PHASES,
  PRIMARY_PUBLICATION_TYPES,
  PUBLICATION_TYPES,
  REGISTRY_SOURCE_KINDS,
  SENSITIVITY_ONLY_PUBLICATION_TYPES,
  STATUSES,
  type Disease,
  type PublicationType,
} from '../vocabulary/codes.ts';
import { OUTCOME_KEYS, type OutcomeKey } from '../vocabulary/outcomes.ts';
import { atMostCharacters, citationText, LIMITS, nameText, text, titleText } from './text.ts';

export const NCT_ID = /^NCT\d{8}$/;

/** Plausibility ceiling for any count of patients in one study: larger is a typing error or an attack on the pooled weights. */
export const MAX_COUNT = 100_000;
// Trial files are read with YAML's core schema, so a date is the text written: a real calendar day, not in the future.
const isoDate = z.iso
  .date('must be a real date as YYYY-MM-DD')
  .refine((day) => day <= new Date().toISOString().slice(0, 10), 'must not be in the future');
// Registry dates are often a month only ("2024-06"); a day, when given, must exist.
const registryDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'must be a date as YYYY-MM or YYYY-MM-DD')
  .refine((date) => date.length === 7 || z.iso.date().safeParse(date).success, 'must be a real date');
const count = z.number().int('must be a whole number').nonnegative('must not be negative').max(MAX_COUNT, `must be at most ${MAX_COUNT}`);
const year = z.number().int('must be a whole number').min(1990, 'must be 1990 or later').max(2100, 'must be 2100 or earlier');
// A publication exists: its year cannot lie ahead (a registry's start year may be a planned one).
const publishedYear = year.refine((value) => value <= new Date().getUTCFullYear(), 'must not be after the current year');
const fraction = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const diseaseCodes = z.array(z.enum(DISEASE_CODES)).min(1, 'must give at least one disease code');

// The codes are the vocabulary's; the schema builds its enums from them and passes them on.
export {
  DISEASE_CODES,
  EXTRACTION_STATES,
  INCLUSION_STATUSES,
  MALIGNANCY_GROUPS,
  NK_SOURCES,
  OUTCOME_KEYS,
  PHASES,
  PRIMARY_PUBLICATION_TYPES,
  PUBLICATION_TYPES,
  REGISTRY_SOURCE_KINDS,
  STATUSES,
  type OutcomeKey,
  type PublicationType,
};
export type { ExtractionState, InclusionStatus, MalignancyGroup, NkSource, RegistrySourceKind } from '../vocabulary/codes.ts';

/** Where a number comes from: one of the trial's publications, and the place in it. */
export const sourceSchema = z.strictObject({
  /** `id` of an entry in this trial's `publications`. */
  publication: id,
  /** Where in the publication: "Abstract", "Table 2", "Figure 3B", "Results, p. 548". */
  location: nameText,
});

/**
 * A study characteristic in words, with where it was read: kept only where the trial's own
 * publication states it, so a characteristic no report gives stays absent ("not reported").
 */
export const sourcedTextSchema = z.strictObject({ value: text, source: sourceSchema });

/** A count of patients with an event among those assessed for it. */
export const proportionSchema = z.strictObject({
  events: count,
  n: count.min(1, 'must be at least 1'),
  /** When it was assessed, as the source states it: "day 30", "best response". */
  timepoint: nameText.optional(),
  /** Response criteria or grading system: "Lugano 2014", "ASTCT 2019", "CTCAE v5". */
  criteria: nameText.optional(),
  /** Anything a reader needs to interpret the number. */
  note: text.optional(),
  source: sourceSchema,
});

/** A survival estimate (Kaplan–Meier) at a stated month. */
export const survivalSchema = z.strictObject({
  month: z.number().positive('must be positive'),
  estimate: fraction,
  ci: z.tuple([fraction, fraction]).optional(),
  /** Patients in the analysis. */
  n: count.min(1, 'must be at least 1').optional(),
  note: text.optional(),
  source: sourceSchema,
});

/** How long CAR-NK cells were detected, in words and (where stated) in months. */
export const persistenceSchema = z.strictObject({
  summary: text,
  maxMonths: z.number().positive('must be positive').optional(),
  method: text.optional(),
  source: sourceSchema,
});

/**
 * The outcomes a cohort report can carry; a key that is absent was not reported. One field per
 * outcome of the vocabulary: a key missing or added fails the type check.
 */
export const outcomesSchema = z.strictObject({
  /** Patients evaluable for response. */
  evaluable: z.strictObject({ n: count, note: text.optional(), source: sourceSchema }).optional(),
  /** Overall (objective) response: complete plus partial. */
  orr: proportionSchema.optional(),
  /** Complete response or remission (including CRi where the source pools them; say so in note). */
  cr: proportionSchema.optional(),
  crsAny: proportionSchema.optional(),
  crsGrade3: proportionSchema.optional(),
  icansAny: proportionSchema.optional(),
  icansGrade3: proportionSchema.optional(),
  gvhd: proportionSchema.optional(),
  infections: proportionSchema.optional(),
  /** Grade >= 3 cytopenias (neutropenia, thrombocytopenia, anaemia) of any cause. */
  cytopenias: proportionSchema.optional(),
  pfs: survivalSchema.optional(),
  os: survivalSchema.optional(),
  persistence: persistenceSchema.optional(),
} satisfies Record<OutcomeKey, z.ZodType>);

/**
 * How a report relates to the cohorts it `overlaps`: `update` (a later or fuller report that
 * contains their patients, perhaps with more) or `subset` (part of their patients: an interim
 * cut-off, one dose level).
 */
export const OVERLAP_RELATIONS = ['update', 'subset'] as const;

/**
 * One report of one set of patients: a whole trial, a dose level, a disease cohort.
 * The same patients can be reported twice (an early series, then the full trial):
 * such cohorts name each other in `overlaps`, and only one of them may be `pooled`
 * for any outcome. Cohorts holding different patients say so in `separateFrom`; two cohorts
 * of one trial may feed the same analysis only when they do, and the analysis then sums
 * them into one entry for the trial (analyses.ts).
 */
export const cohortSchema = z.strictObject({
  id,
  label: nameText,
  /**
   * Only when the source reports this cohort for some of the trial's diseases: its codes, a
   * subset of the trial's `population.diseaseCodes`. Left out, the cohort has the trial's codes.
   */
  diseaseCodes: diseaseCodes.optional(),
  /** `id` of the publication that reports these patients (the report this cohort stands for). */
  report: id.optional(),
  /** Patients the report covers (treated in this cohort, as it states), whether or not all were evaluable. */
  patients: count.optional(),
  /** Other cohorts of this trial that contain some of the same patients. */
  overlaps: z.array(id).default([]),
  /** What this report is to the cohorts in `overlaps`; required when it overlaps any. */
  relation: z.enum(OVERLAP_RELATIONS).optional(),
  /** Other cohorts of this trial known to hold none of the same patients (another dose level, disease or regimen). */
  separateFrom: z.array(id).default([]),
  /** Outcomes for which this report is the one used in pooling (the most complete one). */
  pooled: z.array(z.enum(OUTCOME_KEYS as [OutcomeKey, ...OutcomeKey[]])).default([]),
  /**
   * Outcomes whose count comes from a sponsor or secondary report: they enter only the sensitivity
   * analysis that adds those reports to the primary studies, never the primary analysis.
   */
  pooledWithSponsorReports: z.array(z.enum(OUTCOME_KEYS as [OutcomeKey, ...OutcomeKey[]])).default([]),
  /** How long this report followed its patients, as it states it: "median 13.8 months (range 2.3 to 30)". */
  followUp: sourcedTextSchema.optional(),
  outcomes: outcomesSchema,
});

/**
 * How far a publication has been extracted, and what stands in the way. Leaving the block
 * out means the publication has no outcome data to extract (a design paper, a protocol).
 */
export const publicationExtractionSchema = z.strictObject({
  status: z.enum(EXTRACTION_STATES),
  /** What is missing before its numbers can be taken: "full text; Table 2 response counts". */
  missing: text.optional(),
  /** Outcomes it is known to report that are not yet in this file. */
  wanted: z.array(z.enum(OUTCOME_KEYS as [OutcomeKey, ...OutcomeKey[]])).optional(),
  /** How much of it was read: the abstract only, or the full text with its tables. Left out where not recorded. */
  read: z.enum(['abstract', 'full-text']).optional(),
});

/** A publication's persistent identifiers, as every content file writes them. */
export const doiSchema = z
  .string()
  .regex(/^10\.\d{4,9}\/[!-~]+$/, 'must be a DOI such as 10.1056/NEJMoa1910607')
  .max(LIMITS.address, atMostCharacters(LIMITS.address));
export const pmidSchema = z.string().regex(/^\d{1,9}$/, 'must be digits only');

export const publicationSchema = z.strictObject({
  id,
  citation: citationText,
  year: publishedYear,
  type: z.enum(PUBLICATION_TYPES),
  doi: doiSchema.optional(),
  pmid: pmidSchema.optional(),
  url: z
    .url({ protocol: /^https$/, message: 'must be an https:// URL' })
    .max(LIMITS.address, atMostCharacters(LIMITS.address))
    .optional(),
  extraction: publicationExtractionSchema.optional(),
});

/** The trial's row in the seed review's Table 9, as printed there (kept to reproduce its tables). */
export const seedRowSchema = z.strictObject({
  row: z.number().int().min(1).max(17),
  target: nameText,
  cancerType: nameText,
  group: z.enum(MALIGNANCY_GROUPS),
  nkSource: z.enum(NK_SOURCES),
  phase: nameText,
  enrollment: count,
  status: nameText,
});

export const trialSchema = z
  .strictObject({
    nct: z.string().regex(NCT_ID, 'must be NCT followed by 8 digits'),
    title: titleText,
    /** A short name readers know the trial or product by. */
    shortName: nameText.optional(),
    registry: z.strictObject({
      sponsor: nameText.optional(),
      phase: z.enum(PHASES),
      /** Left out when no record read states it (the registry's own 'unknown status' is the value `unknown`). */
      status: z.enum(STATUSES).optional(),
      /** Left out when no record read states it. */
      enrollment: z
        .strictObject({
          count,
          type: z.enum(['planned', 'actual']),
          /**
           * Only for a trial that enrolled more patients than the registry records: how many a
           * publication reports, and where. Counts are bounded by this instead of `count`.
           */
          overEnrolled: z.strictObject({ count, source: sourceSchema }).optional(),
        })
        .optional(),
      startYear: year.optional(),
      /**
       * When the last patient is examined for the primary outcome, as the registry states it
       * (actual, or anticipated). The reporting gap counts from an actual date.
       */
      primaryCompletion: z.strictObject({ date: registryDate, type: z.enum(['actual', 'anticipated']) }).optional(),
      countries: z.array(nameText).optional(),
      /** Where these facts were read, and when. */
      checked: z.strictObject({
        source: text,
        date: isoDate,
        /** Left out in files written before the kind was recorded: they count as not checked against the registry. */
        kind: z.enum(REGISTRY_SOURCE_KINDS).optional(),
        /** The title is the review's description because the registry's own title was not read. */
        descriptiveTitle: z.literal(true).optional(),
      }),
      /** Other registrations of the same trial (same title and eligibility): listed here, never given a file of their own. */
      otherRegistrations: z.array(z.strictObject({ id: z.string().regex(NCT_ID, 'must be NCT followed by 8 digits'), why: text })).optional(),
    }),
    product: z.strictObject({
      name: nameText.optional(),
      targets: z.array(nameText).min(1, 'must name at least one target'),
      nkSource: z.enum(NK_SOURCES),
      construct: z
        .strictObject({
          costimulation: z.array(nameText).optional(),
          armoring: z.array(nameText).optional(),
          geneTransfer: text.optional(),
        })
        .optional(),
      doseLevels: z.array(nameText).optional(),
      lymphodepletion: text.optional(),
      /** How the cells were given: "intravenous infusion", "injection into the wall of the resection cavity". */
      route: sourcedTextSchema.optional(),
    }),
    population: z.strictObject({
      group: z.enum(MALIGNANCY_GROUPS),
      /** The diseases as the sources name them. */
      diseases: z.array(nameText).min(1, 'must name at least one disease'),
      /** The same diseases as codes of the vocabulary: only what those names say ("B-cell malignancies" is not CLL). */
      diseaseCodes,
      /** Where in the course of the disease patients were treated: "relapsed or refractory after two or more lines". */
      lineOfTherapy: sourcedTextSchema.optional(),
    }),
    /** Risk of bias by MINORS items (see risk-of-bias.ts); required once a trial is included. */
    riskOfBias: riskOfBiasSchema.optional(),
    inclusion: z.strictObject({
      status: z.enum(INCLUSION_STATUSES),
      reason: text,
    }),
    seed: seedRowSchema.optional(),
    publications: z.array(publicationSchema).default([]),
    cohorts: z.array(cohortSchema).default([]),
    extraction: z.strictObject({
      extractedBy: nameText,
      extractedOn: isoDate,
      checkedBy: nameText.optional(),
      checkedOn: isoDate.optional(),
      log: z.array(z.strictObject({ date: isoDate, by: nameText, note: text })).default([]),
    }),
  })
  .superRefine(checkCrossReferences);

export type Trial = z.infer<typeof trialSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type Outcomes = z.infer<typeof outcomesSchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type ProportionOutcome = z.infer<typeof proportionSchema>;
export type SurvivalOutcome = z.infer<typeof survivalSchema>;

type TrialShape = Omit<Trial, never>;

/** Rules that span fields: counts against their denominators, ids against their lists. */
function checkCrossReferences(trial: TrialShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const publicationIds = new Set<string>();
  trial.publications.forEach((publication, i) => {
    if (publicationIds.has(publication.id)) issue(['publications', i, 'id'], `duplicate publication id "${publication.id}"`);
    publicationIds.add(publication.id);
    if (!publication.doi && !publication.pmid && !publication.url) {
      issue(['publications', i], 'needs a doi, pmid or url');
    }
  });

  const enrollment = trial.registry.enrollment;
  if (enrollment?.overEnrolled) {
    const path = ['registry', 'enrollment', 'overEnrolled'];
    if (enrollment.overEnrolled.count <= enrollment.count)
      issue([...path, 'count'], `(${enrollment.overEnrolled.count}) must exceed the registry's count (${enrollment.count})`);
    if (!publicationIds.has(enrollment.overEnrolled.source.publication)) {
      issue([...path, 'source', 'publication'], `"${enrollment.overEnrolled.source.publication}" is not one of this trial's publications`);
    }
  }

  checkDiseaseCodes(trial, issue);

  const cohortIds = new Set(trial.cohorts.map((cohort) => cohort.id));
  const seenCohorts = new Set<string>();
  trial.cohorts.forEach((cohort, c) => {
    if (seenCohorts.has(cohort.id)) issue(['cohorts', c, 'id'], `duplicate cohort id "${cohort.id}"`);
    seenCohorts.add(cohort.id);
    for (const field of ['overlaps', 'separateFrom'] as const) {
      cohort[field].forEach((other, o) => {
        if (!cohortIds.has(other)) issue(['cohorts', c, field, o], `"${other}" is not a cohort of this trial`);
        if (other === cohort.id) issue(['cohorts', c, field, o], 'a cohort cannot name itself');
      });
    }
    cohort.separateFrom.forEach((other, o) => {
      if (cohort.overlaps.includes(other)) issue(['cohorts', c, 'separateFrom', o], `"${other}" is also listed in overlaps`);
    });
    if (cohort.overlaps.length > 0 && !cohort.relation) {
      issue(['cohorts', c, 'relation'], 'is required when the cohort overlaps another (update or subset)');
    }
    if (cohort.report !== undefined && !publicationIds.has(cohort.report)) {
      issue(['cohorts', c, 'report'], `"${cohort.report}" is not one of this trial's publications`);
    }
    for (const field of ['pooled', 'pooledWithSponsorReports'] as const) {
      cohort[field].forEach((key, p) => {
        if (!cohort.outcomes[key]) issue(['cohorts', c, field, p], `"${key}" is pooled but not reported in this cohort`);
      });
    }
    for (const [key, value] of Object.entries(cohort.outcomes)) {
      if (!value) continue;
      const path = ['cohorts', c, 'outcomes', key];
      if (!publicationIds.has(value.source.publication)) {
        issue([...path, 'source', 'publication'], `"${value.source.publication}" is not one of this trial's publications`);
      }
      // No report of the trial counts more patients than it enrolled, planned or actual, unless a
      // publication says it over-enrolled: one study cannot outweigh the rest by a typed count.
      if ('n' in value && value.n !== undefined && enrollment && value.n > Math.max(enrollment.count, enrollment.overEnrolled?.count ?? 0)) {
        issue(
          [...path, 'n'],
          enrollment.overEnrolled
            ? `(${value.n}) exceeds the enrollment the trial's publication reports (registry.enrollment.overEnrolled.count, ${enrollment.overEnrolled.count})`
            : `(${value.n}) exceeds the registry's ${enrollment.type} enrollment (${enrollment.count}); a trial that enrolled more records it in registry.enrollment.overEnrolled, with its source`,
        );
      }
      if ('events' in value && value.events > value.n) {
        issue([...path, 'events'], `(${value.events}) exceeds n (${value.n})`);
      }
      if ('ci' in value && value.ci && 'estimate' in value) {
        const [lower, upper] = value.ci;
        if (!(lower <= value.estimate && value.estimate <= upper)) {
          issue([...path, 'ci'], `[${lower}, ${upper}] does not contain the estimate (${value.estimate})`);
        }
      }
    }
  });

  // The same patients may be pooled only once per outcome, also in the analysis that adds sponsor
  // reports: two cohorts feeding one analysis must be declared to hold different patients.
  const overlapping = (a: Cohort, b: Cohort) => a.overlaps.includes(b.id) || b.overlaps.includes(a.id);
  const separate = (a: Cohort, b: Cohort) => a.separateFrom.includes(b.id) || b.separateFrom.includes(a.id);
  const withSponsorReports = (cohort: Cohort) => [...cohort.pooled, ...cohort.pooledWithSponsorReports];
  trial.cohorts.forEach((a, i) => {
    trial.cohorts.slice(i + 1).forEach((b, j) => {
      if (separate(a, b)) return;
      for (const key of withSponsorReports(a).filter((k) => withSponsorReports(b).includes(k))) {
        const field = b.pooled.includes(key) ? 'pooled' : 'pooledWithSponsorReports';
        const message = overlapping(a, b)
          ? `"${key}" is also pooled from overlapping cohort "${a.id}"`
          : `"${key}" is also pooled from cohort "${a.id}": list one in the other's separateFrom (different patients) or overlaps (same patients)`;
        issue(['cohorts', i + 1 + j, field], message);
      }
    });
  });

  // Sourced characteristics name one of this trial's publications, like outcome numbers.
  const characteristics: [(string | number)[], { source: { publication: string } } | undefined][] = [
    [['product', 'route'], trial.product.route],
    [['population', 'lineOfTherapy'], trial.population.lineOfTherapy],
    ...trial.cohorts.map((cohort, c): [(string | number)[], { source: { publication: string } } | undefined] => [
      ['cohorts', c, 'followUp'],
      cohort.followUp,
    ]),
  ];
  for (const [path, value] of characteristics) {
    if (value && !publicationIds.has(value.source.publication)) {
      issue([...path, 'source', 'publication'], `"${value.source.publication}" is not one of this trial's publications`);
    }
  }

  checkRiskOfBias(trial, publicationIds, issue);
  checkExtractionStates(trial, issue);

  const pooledAnything = trial.cohorts.some((cohort) => cohort.pooled.length > 0);
  if (trial.inclusion.status === 'included' && !pooledAnything) {
    issue(['inclusion', 'status'], 'is "included" but no cohort pools any outcome');
  }
  if (trial.inclusion.status !== 'included' && pooledAnything) {
    issue(['inclusion', 'status'], `is "${trial.inclusion.status}" but a cohort pools outcomes`);
  }
  if (trial.inclusion.status === 'excluded' && trial.cohorts.some((cohort) => cohort.pooledWithSponsorReports.length > 0)) {
    issue(['inclusion', 'status'], 'is "excluded" but a cohort adds outcomes to the analysis with sponsor reports');
  }
}

/** Disease codes belong to the trial's malignancy group, appear once, and a cohort narrows the trial's, never adds to them. */
function checkDiseaseCodes(trial: TrialShape, issue: (path: (string | number)[], message: string) => void): void {
  const { group, diseaseCodes: codes } = trial.population;
  const checkList = (list: readonly Disease[], path: (string | number)[]) =>
    list.forEach((code, i) => {
      if (list.indexOf(code) !== i) issue([...path, i], `"${code}" is listed twice`);
    });
  checkList(codes, ['population', 'diseaseCodes']);
  codes.forEach((code, i) => {
    if (DISEASES[code] !== group)
      issue(['population', 'diseaseCodes', i], `"${code}" is a ${DISEASES[code]} disease but population.group is "${group}"`);
  });
  trial.cohorts.forEach((cohort, c) => {
    if (!cohort.diseaseCodes) return;
    checkList(cohort.diseaseCodes, ['cohorts', c, 'diseaseCodes']);
    cohort.diseaseCodes.forEach((code, i) => {
      if (!codes.includes(code)) issue(['cohorts', c, 'diseaseCodes', i], `"${code}" is not one of the trial's population.diseaseCodes`);
    });
  });
}

/**
 * Publication tiers and extraction states against the inclusion status: a known but
 * unextracted publication must be said to be one, and a sponsor report never feeds the
 * primary analysis.
 */
function checkExtractionStates(trial: TrialShape, issue: (path: (string | number)[], message: string) => void): void {
  const primary: readonly string[] = PRIMARY_PUBLICATION_TYPES;
  const typeOf = new Map(trial.publications.map((publication) => [publication.id, publication.type]));
  // Each listed outcome's source tier, with the rule that tier must meet in that list.
  const checkTiers = (field: 'pooled' | 'pooledWithSponsorReports', allowed: (type: PublicationType) => boolean, rule: string) =>
    trial.cohorts.forEach((cohort, c) => {
      cohort[field].forEach((key, p) => {
        const source = cohort.outcomes[key]?.source.publication;
        const type = source === undefined ? undefined : typeOf.get(source);
        if (type !== undefined && !allowed(type)) {
          issue(['cohorts', c, field, p], `"${key}" comes from ${type.replaceAll('-', ' ')} "${source}", ${rule}`);
        }
      });
    });
  checkTiers('pooled', (type) => primary.includes(type), 'which may not be pooled in the primary analysis');
  // The sensitivity analysis adds sponsor and secondary reports, and nothing else: other tiers belong in `pooled`.
  const sensitivityOnly: readonly string[] = SENSITIVITY_ONLY_PUBLICATION_TYPES;
  checkTiers('pooledWithSponsorReports', (type) => sensitivityOnly.includes(type), 'not a sponsor or secondary report (list it in pooled)');

  trial.publications.forEach((publication, i) => {
    const extraction = publication.extraction;
    if (extraction && extraction.status !== 'extracted' && !extraction.missing) {
      issue(['publications', i, 'extraction', 'missing'], `is required when the status is "${extraction.status}" (say what is missing)`);
    }
  });

  const unextracted = trial.publications.filter((publication) => publication.extraction && publication.extraction.status !== 'extracted');
  if (trial.inclusion.status === 'published-not-extracted' && unextracted.length === 0) {
    issue(
      ['inclusion', 'status'],
      'is "published-not-extracted" but no publication has an extraction status of "awaiting-extraction" or "not-readable"',
    );
  }
  if (trial.inclusion.status === 'awaiting-results' && unextracted.length > 0) {
    issue(
      ['inclusion', 'status'],
      `is "awaiting-results" but publication "${unextracted[0]?.id}" is awaiting extraction (use "published-not-extracted")`,
    );
  }
}
