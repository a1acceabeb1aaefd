/**
 * What changed in the evidence between two versions of the review: trials added and
 * removed, which parts of a trial's data changed, trials with new results, and how each
 * pooled estimate moved. Pure: the versions are frozen snapshots or the current data in
 * the same shape, and the caller decides which to compare.
 */
import { percent } from '../../format/numbers.ts';

export interface ComparableTrial {
  nct: string;
  title?: string;
  shortName?: string;
  registry: unknown;
  product?: unknown;
  population?: unknown;
  publications: readonly unknown[];
  cohorts: readonly { id: string }[];
  inclusion: { status: string };
}

export interface Estimate {
  k: number;
  patients: number;
  /** Null when the rules pool nothing (no events, one study). */
  pooled: { proportion: number; ci: readonly [number, number] } | null;
}

export interface ComparableOutcome {
  outcome: { slug: string; title: string };
  /** Null when no trial reports the outcome. */
  result: (Estimate & { basis?: string }) | null;
  /** The primary analysis's model; the causes of a moved estimate compare them. */
  settings?: { measure: string; method: string; hakn: boolean };
  /** The studies pooled, by id; a count derived by a rule names the outcome it comes from. */
  studies?: readonly { id: string; study?: string; events: number; n: number; derivedFrom?: string | null }[];
}

/** One version of the evidence: a frozen snapshot, or the current data. */
export interface EvidenceState {
  /** A snapshot's date, or "current". */
  version: string;
  trials: readonly ComparableTrial[];
  outcomes: readonly ComparableOutcome[];
}

/** The parts of a trial file a reader can be told changed; `outcomes` is the cohorts and their results. */
export const TRIAL_SECTIONS = ['registry', 'product', 'population', 'publications', 'outcomes', 'inclusion'] as const;
export type TrialSection = (typeof TRIAL_SECTIONS)[number];

const sectionOf = (trial: ComparableTrial, section: TrialSection): unknown => (section === 'outcomes' ? trial.cohorts : trial[section]);

export interface NewResults {
  nct: string;
  /** The trial moved to "included" (or arrived already included). */
  nowIncluded: boolean;
  /** Ids of cohorts that were not there before. */
  newCohorts: string[];
}

export interface EstimateChange {
  slug: string;
  title: string;
  before: Estimate | null;
  after: Estimate | null;
}

export interface EvidenceChanges {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  /** Trials in both versions whose data differs, with the sections that differ. */
  changed: { nct: string; sections: TrialSection[] }[];
  newResults: NewResults[];
  /** Only the estimates that moved (pooled value, interval, k or patients). */
  estimates: EstimateChange[];
}

/** JSON with object keys sorted, so equal data compares equal whatever order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const estimateOf = (outcome: ComparableOutcome | undefined): Estimate | null =>
  outcome?.result
    ? {
        k: outcome.result.k,
        patients: outcome.result.patients,
        pooled: outcome.result.pooled && { proportion: outcome.result.pooled.proportion, ci: outcome.result.pooled.ci },
      }
    : null;

/** Everything that differs between two versions of the evidence. */
export function compareVersions(before: EvidenceState, after: EvidenceState): EvidenceChanges {
  const beforeByNct = new Map(before.trials.map((trial) => [trial.nct, trial]));
  const afterByNct = new Map(after.trials.map((trial) => [trial.nct, trial]));

  const added = [...afterByNct.keys()].filter((nct) => !beforeByNct.has(nct)).sort();
  const removed = [...beforeByNct.keys()].filter((nct) => !afterByNct.has(nct)).sort();

  const changed: EvidenceChanges['changed'] = [];
  const newResults: NewResults[] = [];
  for (const [nct, next] of [...afterByNct].sort(([a], [b]) => a.localeCompare(b))) {
    const previous = beforeByNct.get(nct);
    if (!previous) {
      if (next.inclusion.status === 'included') newResults.push({ nct, nowIncluded: true, newCohorts: next.cohorts.map((c) => c.id) });
      continue;
    }
    const sections = TRIAL_SECTIONS.filter((section) => !same(sectionOf(previous, section), sectionOf(next, section)));
    if (sections.length > 0) changed.push({ nct, sections });
    const nowIncluded = next.inclusion.status === 'included' && previous.inclusion.status !== 'included';
    const previousCohorts = new Set(previous.cohorts.map((c) => c.id));
    const newCohorts = next.cohorts.map((c) => c.id).filter((id) => !previousCohorts.has(id));
    if (nowIncluded || newCohorts.length > 0) newResults.push({ nct, nowIncluded, newCohorts });
  }

  const slugs = [...new Set([...after.outcomes, ...before.outcomes].map((o) => o.outcome.slug))];
  const estimates = slugs.flatMap((slug): EstimateChange[] => {
    const previous = before.outcomes.find((o) => o.outcome.slug === slug);
    const next = after.outcomes.find((o) => o.outcome.slug === slug);
    const change = { slug, title: (next ?? previous)!.outcome.title, before: estimateOf(previous), after: estimateOf(next) };
    return same(change.before, change.after) ? [] : [change];
  });

  return { from: before.version, to: after.version, added, removed, changed, newResults, estimates };
}

export function hasChanges(changes: EvidenceChanges): boolean {
  const { added, removed, changed, newResults, estimates } = changes;
  return added.length + removed.length + changed.length + newResults.length + estimates.length > 0;
}

/** "43.0 % (k = 3)", "not pooled (k = 1)", or "no data": "not pooled" where the rules pool nothing (no events, one study). */
export function estimateText(estimate: Estimate | null): string {
  if (!estimate) return 'no data';
  return `${estimate.pooled ? percent(estimate.pooled.proportion, 1) : 'not pooled'} (k = ${estimate.k})`;
}

/** Section names as a reader reads them. */
export const SECTION_WORDS: Record<TrialSection, string> = {
  registry: 'registry facts',
  product: 'product',
  population: 'population',
  publications: 'publications',
  outcomes: 'outcome data',
  inclusion: 'inclusion status',
};
