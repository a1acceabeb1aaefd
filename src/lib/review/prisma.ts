import type { SearchRecord } from '../schema/search.ts';
import type { Trial } from '../schema/trial.ts';

export interface Reason {
  reason: string;
  count: number;
}

/** The PRISMA 2020 flow: recorded search counts, and trial counts computed from the trial files. */
export interface PrismaFlow {
  identified: { databases: number; registers: number };
  duplicatesRemoved?: number;
  screened?: number;
  excludedAtScreening?: number;
  reportsSought?: number;
  reportsNotRetrieved?: number;
  reportsAssessed?: number;
  /** From the search record, plus registry entries excluded in the trial files. */
  excluded: Reason[];
  /** Trials in the quantitative synthesis and the reports they contribute. */
  trialsIncluded: number;
  reportsIncluded: number;
  /** Registered trials kept in the review that have no results yet. */
  awaitingResults: number;
}

function tally(reasons: Reason[]): Reason[] {
  const totals = new Map<string, number>();
  for (const { reason, count } of reasons) totals.set(reason, (totals.get(reason) ?? 0) + count);
  return [...totals].map(([reason, count]) => ({ reason, count })).filter((r) => r.count > 0);
}

/** "Not a CAR-NK product: the acronym ..." -> "Not a CAR-NK product" */
const shortReason = (reason: string) => reason.split(/[:.;]/)[0]!.trim();

export function prismaFlow(search: SearchRecord, trials: Trial[]): PrismaFlow {
  const included = trials.filter((trial) => trial.inclusion.status === 'included');
  const excludedTrials = trials.filter((trial) => trial.inclusion.status === 'excluded');
  const { flow } = search;
  return {
    identified: flow.identified,
    duplicatesRemoved: flow.duplicatesRemoved,
    screened: flow.screened,
    excludedAtScreening: flow.excludedAtScreening,
    reportsSought: flow.reportsSought,
    reportsNotRetrieved: flow.reportsNotRetrieved,
    reportsAssessed: flow.reportsAssessed,
    excluded: tally([
      ...flow.reportsExcluded,
      ...excludedTrials.map((trial) => ({ reason: `Registered trial: ${shortReason(trial.inclusion.reason)}`, count: 1 })),
    ]),
    trialsIncluded: included.length,
    reportsIncluded: included.reduce(
      (sum, trial) => sum + new Set(trial.cohorts.filter((c) => c.pooled.length > 0).flatMap((c) => Object.values(c.outcomes).map((o) => o?.source.publication))).size,
      0,
    ),
    awaitingResults: trials.filter((trial) => trial.inclusion.status === 'awaiting-results').length,
  };
}
