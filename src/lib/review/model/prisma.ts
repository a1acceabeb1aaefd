/**
 * The PRISMA 2020 flow as two reconciled trees: records and reports (what was searched and
 * read), and registered trials (what the review follows). Each box's outflows are the boxes
 * its records went to next, so a box's count is the sum of its outflows wherever both are
 * known. Search counts come from `content/search.yaml` and stay "not recorded" (null) where
 * the search did not keep them; report and trial counts are computed from the trial files.
 */
import { INCLUSION_LABELS } from '../../vocabulary/labels.ts';
import type { SearchRecord } from '../../schema/search.ts';
import type { Publication, Trial } from '../../schema/trial.ts';

export interface FlowBox {
  id: string;
  label: string;
  /** null when the count was not recorded. */
  count: number | null;
  /** A side box: records that leave the flow here (removed, excluded, not retrieved). */
  side?: boolean;
  /** Where this box's records went next. */
  next: FlowBox[];
}

export interface PrismaFlows {
  records: FlowBox;
  trials: FlowBox;
}

const box = (id: string, label: string, count: number | null, next: FlowBox[] = [], side = false): FlowBox => ({
  id,
  label,
  count,
  next,
  ...(side ? { side } : {}),
});

/** Known counts add up; any unknown outflow makes the sum unknown. */
const sum = (boxes: FlowBox[]): number | null =>
  boxes.reduce<number | null>((total, b) => (total === null || b.count === null ? null : total + b.count), 0);

function byReason(items: { reason: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { reason } of items) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return counts;
}

/** "Not a CAR-NK product: the acronym ..." -> "Not a CAR-NK product" */
const shortReason = (reason: string) => reason.split(/[:.;]/)[0]!.trim();

const reasonBoxes = (prefix: string, counts: Map<string, number>): FlowBox[] =>
  [...counts].filter(([, count]) => count > 0).map(([reason, count], i) => box(`${prefix}-${i + 1}`, reason, count, [], true));

/** How one report of a trial in the review was used. */
function reportUse(trial: Trial, publication: Publication): 'pooled' | 'extracted' | 'awaiting' | 'no-outcomes' {
  const pooledSources = trial.cohorts.flatMap((cohort) => cohort.pooled.map((key) => cohort.outcomes[key]?.source.publication));
  if (pooledSources.includes(publication.id)) return 'pooled';
  const status = publication.extraction?.status;
  if (status === 'awaiting-extraction' || status === 'not-readable') return 'awaiting';
  const cited = trial.cohorts.some((cohort) => Object.values(cohort.outcomes).some((value) => value?.source.publication === publication.id));
  return cited || status === 'extracted' ? 'extracted' : 'no-outcomes';
}

function recordsFlow(search: SearchRecord, trials: Trial[]): FlowBox {
  const { flow } = search;
  const inReview = trials.filter((trial) => trial.inclusion.status !== 'excluded');
  const uses = inReview.flatMap((trial) => trial.publications.map((publication) => reportUse(trial, publication)));
  const count = (use: ReturnType<typeof reportUse>) => uses.filter((u) => u === use).length;
  const ofTrials = [
    box('reports-pooled', 'Reports that supply pooled outcomes', count('pooled')),
    box('reports-extracted', 'Reports extracted but not pooled (earlier or overlapping reports, sponsor and secondary reports)', count('extracted')),
    box('reports-awaiting', 'Reports not yet extracted in full that supply no pooled outcome', count('awaiting')),
    box('reports-no-outcomes', 'Reports without outcome data (design, methods)', count('no-outcomes')),
  ];

  const excludedTrialReports = trials
    .filter((trial) => trial.inclusion.status === 'excluded')
    .flatMap((trial) => trial.publications.map(() => ({ reason: shortReason(trial.inclusion.reason) })));
  const excludedReasons = byReason(excludedTrialReports);
  for (const { reason, count: n } of flow.reportsExcluded) excludedReasons.set(reason, (excludedReasons.get(reason) ?? 0) + n);
  const excluded = reasonBoxes('reports-excluded', excludedReasons);

  const reportsInReview = box('reports-in-review', 'Reports of trials in the review', sum(ofTrials), ofTrials);
  const assessedNext = [...excluded, reportsInReview];
  const assessed = box('reports-assessed', 'Reports assessed for eligibility', sum(assessedNext), assessedNext);
  const notRetrieved = box('reports-not-retrieved', 'Reports not retrieved', flow.reportsNotRetrieved ?? null, [], true);
  const sought = box('reports-sought', 'Reports sought for retrieval', sum([notRetrieved, assessed]), [notRetrieved, assessed]);
  const screenedNext = [box('records-excluded', 'Records excluded on title and abstract', flow.excludedAtScreening ?? null, [], true), sought];
  const screened = box('records-screened', 'Records screened', flow.screened ?? null, screenedNext);
  const identifiedNext = [
    box('records-duplicates', 'Duplicate records removed before screening', flow.duplicatesRemoved ?? null, [], true),
    screened,
  ];
  const { databases, registers } = flow.identified;
  return box(
    'records-identified',
    `Records identified: ${databases} from databases, ${registers} from registers`,
    databases + registers,
    identifiedNext,
  );
}

function trialsFlow(search: SearchRecord, trials: Trial[]): FlowBox {
  const status = (s: Trial['inclusion']['status']) => trials.filter((trial) => trial.inclusion.status === s).length;
  const inReviewNext = (['included', 'published-not-extracted', 'awaiting-results'] as const).map((s) =>
    box(`trials-${s}`, INCLUSION_LABELS[s], status(s)),
  );
  const inReview = box('trials-in-review', 'Registered CAR-NK cancer trials in the review', sum(inReviewNext), inReviewNext);
  const excluded = reasonBoxes(
    'trials-excluded',
    byReason(trials.filter((trial) => trial.inclusion.status === 'excluded').map((trial) => ({ reason: shortReason(trial.inclusion.reason) }))),
  );
  const assessedNext = [...excluded, inReview];
  const assessed = box('trials-assessed', 'Registered trials assessed (one file each)', trials.length, assessedNext);
  const notAdded = box(
    'trials-not-added',
    'Registrations identified but not added: no registry record read, no number seen, or awaiting classification',
    search.identifiedNotAdded.length,
    [],
    true,
  );
  const registrationsExcluded = reasonBoxes('registrations-excluded', byReason(search.excludedRegistrations));
  const identifiedNext = [notAdded, ...registrationsExcluded, assessed];
  return box('trials-identified', 'Registrations identified', sum(identifiedNext), identifiedNext);
}

export function prismaFlows(search: SearchRecord, trials: Trial[]): PrismaFlows {
  return { records: recordsFlow(search, trials), trials: trialsFlow(search, trials) };
}

/** Boxes whose count differs from the sum of their outflows (both known): empty when the flow reconciles. */
export function unreconciled(root: FlowBox): string[] {
  const total = sum(root.next);
  const here = root.next.length > 0 && root.count !== null && total !== null && total !== root.count ? [`${root.id}: ${root.count} ≠ ${total}`] : [];
  return [...here, ...root.next.flatMap(unreconciled)];
}
