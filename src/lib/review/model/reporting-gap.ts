/**
 * The registered-versus-reported gap: trials in the review whose primary completion is long
 * past and for which no report of results has been found. For k < 10 it is the strongest
 * signal of missing results a review has (Cochrane Handbook, section 13.2).
 */
import type { Trial } from '../../schema/trial.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

export interface ReportingGapTrial {
  nct: string;
  /** Null when no record read states it (a JSON export cannot carry an absent field in a row of fixed shape). */
  status: NonNullable<Trial['registry']['status']> | null;
  /** As the registry states it (YYYY-MM or YYYY-MM-DD); null when no record read gives it. */
  primaryCompletion: string | null;
  /** Whole months from primary completion to `asOf`; null when it is unknown, anticipated or not yet reached. */
  monthsSinceCompletion: number | null;
  /** Whether any report of the trial's results is known (read or not). */
  resultsFound: boolean;
}

export interface ReportingGap {
  /** The date the months are counted to. */
  asOf: string;
  /** Months after primary completion from which a trial without results is overdue. */
  overdueAfterMonths: number;
  trials: ReportingGapTrial[];
  /** The overdue trials' NCT ids. */
  overdue: string[];
}

// A registry that marks a trial finished has reached its primary completion, even where the date's type was never updated;
// ClinicalTrials.gov marks a record "unknown status" when its anticipated completion passed without an update.
const FINISHED = new Set<Trial['registry']['status']>(['completed', 'terminated', 'unknown']);

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Whole months from a registry date to a day; a month-only date counts from the month's last day,
 * and a month ends a whole month after the end of an earlier one (29 February to 28 February is 12).
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number | undefined];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const fromDay = Math.min(fd ?? daysInMonth(fy, fm), daysInMonth(ty, tm));
  return (ty - fy) * 12 + (tm - fm) - (td < fromDay ? 1 : 0);
}

function gapRow(trial: Trial, asOf: string): ReportingGapTrial {
  const completion = trial.registry.primaryCompletion;
  const reached = completion && (completion.type === 'actual' || FINISHED.has(trial.registry.status));
  const months = reached ? monthsBetween(completion.date, asOf) : null;
  return {
    nct: trial.nct,
    status: trial.registry.status ?? null,
    primaryCompletion: completion?.date ?? null,
    monthsSinceCompletion: months !== null && months >= 0 ? months : null,
    resultsFound: trial.publications.length > 0,
  };
}

const isOverdue = (row: ReportingGapTrial) =>
  !row.resultsFound && row.monthsSinceCompletion !== null && row.monthsSinceCompletion > THRESHOLDS.reportingGapMonths;

/**
 * Every trial in the review (excluded trials left out) and the overdue ones: overdue first, then
 * by months since primary completion, longest first, then those whose completion is not known; NCT order within.
 */
export function reportingGap(trials: Trial[], asOf: string): ReportingGap {
  const rank = (row: ReportingGapTrial) => [isOverdue(row) ? 0 : 1, -(row.monthsSinceCompletion ?? -1)] as const;
  const rows = trials
    .filter((trial) => trial.inclusion.status !== 'excluded')
    .map((trial) => gapRow(trial, asOf))
    .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1] || a.nct.localeCompare(b.nct));
  return { asOf, overdueAfterMonths: THRESHOLDS.reportingGapMonths, trials: rows, overdue: rows.filter(isOverdue).map((row) => row.nct) };
}
