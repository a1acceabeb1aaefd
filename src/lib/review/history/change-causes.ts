/**
 * Why each change between two versions happened, in a reader's words: new data, a correction,
 * a change of method (model or rule of inference), or registry housekeeping. Computed from the
 * two versions' data and settings, never from commit messages.
 */
import { METHOD_LABELS, MEASURE_LABELS } from '../../vocabulary/labels.ts';
import { CHANGE_KINDS, type ChangeKind } from '../../vocabulary/codes.ts';
import type { Measure, PoolingMethod } from '../../vocabulary/codes.ts';
import { compareVersions, SECTION_WORDS, type ComparableOutcome, type Estimate, type EvidenceChanges, type EvidenceState } from './changes.ts';

/** One change with its cause, as `/data/changes.json`, /changes/ and the feed give it. */
export interface CausedChange {
  /** Stable within its comparison: `<from>..<to>/<kind>/<outcome slug or NCT id>`; the anchor on /changes/ and the feed's link. */
  id: string;
  /** The date of the later version (the build date for the current data). */
  date: string;
  /** The versions compared ("2026-11-29", "current"). */
  from: string;
  to: string;
  kind: ChangeKind;
  /** The outcome's slug for a moved estimate; null for a change to a trial. */
  outcome: string | null;
  /** The trial for a change to a trial; null for a moved estimate. */
  nct: string | null;
  reason: string;
  before: Estimate | null;
  after: Estimate | null;
}

type Settings = NonNullable<ComparableOutcome['settings']>;
type Study = NonNullable<ComparableOutcome['studies']>[number];

const modelName = (method: string) => METHOD_LABELS[method as PoolingMethod] ?? method;
const measureName = (measure: string) => MEASURE_LABELS[measure as Measure] ?? measure;
const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const studies = (n: number) => `${n} ${n === 1 ? 'study' : 'studies'}`;

/** Why a figure's basis changed when its data did not: the rule of inference that now applies. */
const BASIS_REASONS: Record<string, string> = {
  'no-events': 'the zero-event rule now applies: with no event in any study no model is fitted, and the total is shown with its exact interval',
  'single-study': 'the one-study rule now applies: a single study is shown with its own exact interval, not pooled',
  'not-fitted': 'the model gave no estimate on these data, and nothing is pooled',
  pooled: 'the rules of inference now allow pooling these studies',
};

function settingsReasons(before: Settings | undefined, after: Settings | undefined): string[] {
  if (!before || !after) return [];
  return [
    ...(before.method !== after.method ? [`primary model changed from ${modelName(before.method)} to ${modelName(after.method)}`] : []),
    ...(before.measure !== after.measure ? [`transformation changed from ${measureName(before.measure)} to ${measureName(after.measure)}`] : []),
    ...(before.hakn !== after.hakn ? [`Hartung–Knapp adjustment ${after.hakn ? 'added' : 'removed'}`] : []),
  ];
}

const read = (rows: readonly Study[] | undefined) => new Map((rows ?? []).filter((row) => !row.derivedFrom).map((row) => [row.id, row]));
const derived = (rows: readonly Study[] | undefined) => (rows ?? []).filter((row) => row.derivedFrom).length;
const label = (row: Study) => row.study ?? row.id;

/** The causes of one moved estimate, most substantive first. */
function estimateCauses(previous: ComparableOutcome | undefined, next: ComparableOutcome | undefined): { kind: ChangeKind; reason: string }[] {
  const before = read(previous?.studies);
  const after = read(next?.studies);
  const added = [...after.values()].filter((row) => !before.has(row.id));
  const removed = [...before.values()].filter((row) => !after.has(row.id));
  const recounted = [...after.values()].filter((row) => {
    const old = before.get(row.id);
    return old && (old.events !== row.events || old.n !== row.n);
  });
  const causes: { kind: ChangeKind; reason: string }[] = [];
  if (added.length > 0) causes.push({ kind: 'new-data', reason: `${studies(added.length)} added (${list(added.map(label))})` });
  if (removed.length > 0) causes.push({ kind: 'correction', reason: `${studies(removed.length)} removed (${list(removed.map(label))})` });
  if (recounted.length > 0) causes.push({ kind: 'correction', reason: `counts corrected in ${list(recounted.map(label))}` });
  for (const reason of settingsReasons(previous?.settings, next?.settings)) causes.push({ kind: 'method', reason });
  const derivedBefore = derived(previous?.studies);
  const derivedAfter = derived(next?.studies);
  if (derivedAfter !== derivedBefore) {
    causes.push({
      kind: 'method',
      reason: `grade ≥ 3 counts derived from "none of any grade" now in ${studies(derivedAfter)} (was ${derivedBefore})`,
    });
  }
  const basisBefore = previous?.result?.basis;
  const basisAfter = next?.result?.basis;
  // A figure no longer pooled is explained by its rule even when the model changed too; one newly pooled, by the data or the model.
  if (basisAfter && basisAfter !== basisBefore && BASIS_REASONS[basisAfter] && (basisAfter !== 'pooled' || causes.length === 0)) {
    causes.push({ kind: 'method', reason: BASIS_REASONS[basisAfter] });
  }
  if (causes.length === 0) causes.push({ kind: 'method', reason: 'the rules of inference changed; the studies and their counts did not' });
  return causes;
}

/** The kind a change is filed under: new data over corrections over method. */
const mainKind = (kinds: ChangeKind[]): ChangeKind => CHANGE_KINDS.find((kind) => kinds.includes(kind))!;

/** Every change of one comparison with its cause: moved estimates first, then trials, registry housekeeping last. */
export function causedChanges(changes: EvidenceChanges, before: EvidenceState, after: EvidenceState, date: string): CausedChange[] {
  const { from, to } = changes;
  const outcomeIn = (state: EvidenceState, slug: string) => state.outcomes.find((o) => o.outcome.slug === slug);
  const trialIn = (state: EvidenceState, nct: string) => state.trials.find((trial) => trial.nct === nct);
  const change = (kind: ChangeKind, reason: string, more: Partial<CausedChange> = {}): CausedChange => ({
    id: `${from}..${to}/${kind}/${more.outcome ?? more.nct}`,
    date,
    from,
    to,
    kind,
    outcome: null,
    nct: null,
    reason,
    before: null,
    after: null,
    ...more,
  });
  const newResults = new Set(changes.newResults.map(({ nct }) => nct));
  const named = (nct: string) => {
    const trial = trialIn(after, nct) ?? trialIn(before, nct);
    const name = trial?.shortName ?? trial?.title;
    return name ? `${nct} (${name})` : nct;
  };

  const estimates = changes.estimates.map((moved) => {
    const causes = estimateCauses(outcomeIn(before, moved.slug), outcomeIn(after, moved.slug));
    const reason = causes.map(({ reason: r }) => r).join('; ');
    return change(mainKind(causes.map(({ kind }) => kind)), `${moved.title}: ${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`, {
      outcome: moved.slug,
      before: moved.before,
      after: moved.after,
    });
  });
  const added = changes.added.map((nct) =>
    newResults.has(nct)
      ? change('new-data', `Trial added with results: ${named(nct)}.`, { nct })
      : change('registry', `Registered trial added to the landscape: ${named(nct)}.`, { nct }),
  );
  const removed = changes.removed.map((nct) => change('correction', `Trial removed from the review: ${named(nct)}.`, { nct }));
  const results = changes.newResults
    .filter(({ nct }) => !changes.added.includes(nct))
    .map(({ nct, nowIncluded, newCohorts }) =>
      change(
        'new-data',
        `New results for ${named(nct)}${nowIncluded ? ', now included in pooling' : ''}${newCohorts.length > 0 ? ` (cohorts ${newCohorts.join(', ')})` : ''}.`,
        { nct },
      ),
    );
  const corrected = changes.changed
    .filter(({ nct }) => !newResults.has(nct))
    .map(({ nct, sections }) =>
      sections.every((section) => section === 'registry')
        ? change('registry', `Registry facts of ${named(nct)} updated from its registry record.`, { nct })
        : change(
            'correction',
            `${named(nct)}: ${list(sections.filter((section) => section !== 'registry').map((section) => SECTION_WORDS[section]))} corrected${sections.includes('registry') ? ', registry facts updated' : ''}.`,
            { nct },
          ),
    );
  const order = (c: CausedChange) => CHANGE_KINDS.indexOf(c.kind);
  return [...estimates, ...[...added, ...removed, ...results, ...corrected].sort((a, b) => order(a) - order(b))];
}

/** One comparison of consecutive versions, its changes split as /changes/ shows them. */
export interface VersionComparison {
  from: string;
  to: string;
  date: string;
  comparison: EvidenceChanges;
  /** New data, corrections and method changes, moved estimates first. */
  evidence: CausedChange[];
  /** Registry housekeeping: trials added to the landscape, registry facts updated. */
  registry: CausedChange[];
}

/** Every version against the one before it, newest first; `states` oldest first, the current data (dated `today`) last. */
export function changeHistory(states: readonly EvidenceState[], today: string): VersionComparison[] {
  return states
    .slice(1)
    .map((after, i) => {
      const before = states[i]!;
      const comparison = compareVersions(before, after);
      const date = after.version === 'current' ? today : after.version;
      const all = causedChanges(comparison, before, after, date);
      return {
        from: before.version,
        to: after.version,
        date,
        comparison,
        evidence: all.filter((c) => c.kind !== 'registry'),
        registry: all.filter((c) => c.kind === 'registry'),
      };
    })
    .toReversed();
}
