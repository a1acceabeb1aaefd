/**
 * Registry facts from one ClinicalTrials.gov API v2 study record
 * (`GET https://clinicaltrials.gov/api/v2/studies/<NCT id>`), mapped onto the trial
 * schema's vocabulary. Pure: the caller reads the JSON.
 *
 * Only what the registry states is returned; a fact the record leaves out stays
 * undefined, so callers never overwrite a known value with a guess.
 */
import { z } from 'astro/zod';
import { NCT_ID, PHASES, STATUSES } from '../schema/trial.ts';
import { formatIssue } from '../validation/format-issue.ts';

type Phase = (typeof PHASES)[number];
type Status = (typeof STATUSES)[number];

export interface RegistryFacts {
  nct: string;
  briefTitle: string;
  officialTitle?: string;
  acronym?: string;
  status: Status;
  phase: Phase;
  enrollment: { count: number; type: 'planned' | 'actual' };
  startYear?: number;
  sponsor?: string;
  /** Unique, in the record's order; undefined when the record lists no locations. */
  countries?: string[];
  conditions: string[];
  /** `lastUpdatePostDateStruct.date`: which version of the record this is. */
  lastUpdated?: string;
  /** When the last patient was (or is expected to be) examined for the primary outcome. */
  primaryCompletion?: { date: string; type: 'actual' | 'anticipated' };
  /** Whether results are posted on the registry itself. */
  hasResults: boolean;
}

/** The record cannot be mapped; the message names the field. */
export class RegistryRecordError extends Error {}

// API v2 spells statuses in upper snake case; ours are the same words in kebab case.
// Expanded-access statuses (AVAILABLE, WITHHELD, …) are deliberately absent: such records are not trials.
const API_STATUSES = [
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'UNKNOWN',
] as const;

const PHASE_BY_API: Record<string, Phase> = {
  EARLY_PHASE1: 'early-1',
  NA: 'not-applicable',
  PHASE1: '1',
  'PHASE1,PHASE2': '1/2',
  PHASE2: '2',
  PHASE3: '3',
};

/** Longest registry string accepted; real titles and sponsor names are far shorter, 20 MB ones are attacks. */
export const MAX_REGISTRY_TEXT = 1000;
const text = z.string().trim().min(1, 'must not be empty').max(MAX_REGISTRY_TEXT, `must be at most ${MAX_REGISTRY_TEXT} characters`);
/** A calendar date as far as it is given: a month 01-12, a day that month has (2026-02-30 is none). */
function isRealDate(date: string): boolean {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
// API v2 dates are "2019", "2019-06" or "2019-06-15"; each must be a real date, as the trial schema's are.
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}){0,2}$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, { error: (issue) => `must be a real date; got ${JSON.stringify(issue.input)}`, abort: true });
// A start date may be planned for later; a record cannot have been updated later than today.
const pastDate = partialDate.refine((date) => date <= new Date().toISOString().slice(0, 10), {
  error: (issue) => `must not be in the future; got ${JSON.stringify(issue.input)}`,
});

// Only the fields we read; records carry many more, which are ignored (z.object, not strictObject).
const recordSchema = z.object({
  protocolSection: z.object({
    identificationModule: z.object({
      nctId: z.string().regex(NCT_ID, 'must be NCT followed by 8 digits'),
      briefTitle: text,
      officialTitle: text.optional(),
      acronym: text.optional(),
    }),
    statusModule: z.object({
      overallStatus: z.enum(API_STATUSES),
      startDateStruct: z.object({ date: partialDate }).optional(),
      lastUpdatePostDateStruct: z.object({ date: pastDate }).optional(),
      primaryCompletionDateStruct: z.object({ date: partialDate, type: z.enum(['ACTUAL', 'ESTIMATED']).optional() }).optional(),
    }),
    sponsorCollaboratorsModule: z.object({ leadSponsor: z.object({ name: text }) }).optional(),
    conditionsModule: z.object({ conditions: z.array(text).default([]) }).optional(),
    designModule: z.object({
      phases: z.array(z.string()).min(1, 'must list a phase'),
      enrollmentInfo: z.object({
        count: z.number().int('must be a whole number').nonnegative('must not be negative'),
        type: z.enum(['ACTUAL', 'ESTIMATED']),
      }),
    }),
    contactsLocationsModule: z.object({ locations: z.array(z.object({ country: text.optional() })).default([]) }).optional(),
  }),
  hasResults: z.boolean().default(false),
});

// The schema's messages list the allowed values; for a registry value we did not foresee, show it too.
const describeIssue = (issue: z.core.$ZodIssue): string[] =>
  formatIssue(issue).map((line) => (issue.code === 'invalid_value' ? `${line}; got ${JSON.stringify(issue.input)}` : line));

/**
 * Map one API v2 study record to registry facts.
 * Throws RegistryRecordError naming the field when a value has no equivalent in the schema
 * (an unknown status, a phase combination such as PHASE2/PHASE3, a missing enrollment).
 */
export function registryFacts(record: unknown): RegistryFacts {
  const parsed = recordSchema.safeParse(record, { reportInput: true });
  if (!parsed.success) throw new RegistryRecordError(parsed.error.issues.flatMap(describeIssue).join('; '));
  const { identificationModule: id, statusModule: status, designModule: design, ...rest } = parsed.data.protocolSection;
  const completion = status.primaryCompletionDateStruct;

  const phaseKey = [...design.phases].sort().join(',');
  const phase = PHASE_BY_API[phaseKey];
  if (!phase) {
    throw new RegistryRecordError(
      `protocolSection.designModule.phases [${design.phases.join(', ')}] has no equivalent (known: ${Object.keys(PHASE_BY_API)
        .map((k) => `[${k.replace(',', ', ')}]`)
        .join(', ')})`,
    );
  }

  const countries = [...new Set(rest.contactsLocationsModule?.locations.flatMap((l) => (l.country ? [l.country] : [])) ?? [])];
  const startDate = status.startDateStruct?.date;
  return {
    nct: id.nctId,
    briefTitle: id.briefTitle,
    ...(id.officialTitle && { officialTitle: id.officialTitle }),
    ...(id.acronym && { acronym: id.acronym }),
    status: status.overallStatus.toLowerCase().replaceAll('_', '-') as Status,
    phase,
    enrollment: { count: design.enrollmentInfo.count, type: design.enrollmentInfo.type === 'ACTUAL' ? 'actual' : 'planned' },
    ...(startDate && { startYear: Number(startDate.slice(0, 4)) }),
    ...(rest.sponsorCollaboratorsModule && { sponsor: rest.sponsorCollaboratorsModule.leadSponsor.name }),
    ...(countries.length > 0 && { countries }),
    conditions: rest.conditionsModule?.conditions ?? [],
    ...(status.lastUpdatePostDateStruct && { lastUpdated: status.lastUpdatePostDateStruct.date }),
    ...(completion && { primaryCompletion: { date: completion.date, type: completion.type === 'ACTUAL' ? 'actual' : 'anticipated' } }),
    hasResults: parsed.data.hasResults,
  };
}

/** `registry.checked.source` for facts read from this record. */
export function checkedSource(facts: RegistryFacts): string {
  return `ClinicalTrials.gov API v2 record${facts.lastUpdated ? `, last updated ${facts.lastUpdated}` : ''}`;
}
