/**
 * What a change to the content does to the review, outcome by outcome: the pooled
 * estimate, its studies, trials and patients before and after. Pure: `npm run impact`
 * builds both reviews and prints this; a pull request shows it as a comment.
 */
import type { OutcomeExport } from '../../schema/exports.ts';
import { percentWithInterval } from '../../format/numbers.ts';

/** One outcome's pooled result at one side of the comparison. */
export interface OutcomeState {
  /** Studies (cohorts) pooled. */
  k: number;
  /** Distinct trials those studies come from. */
  trials: number;
  patients: number;
  proportion: number;
  ci: [number, number];
}

export interface StudyChange {
  id: string;
  study: string;
  /** "18/37 → 19/37" for a study whose counts changed. */
  detail?: string;
}

export interface OutcomeImpact {
  slug: string;
  title: string;
  /** Null where nothing is pooled. */
  before: OutcomeState | null;
  after: OutcomeState | null;
  added: StudyChange[];
  removed: StudyChange[];
  /** Same study, different counts. */
  changed: StudyChange[];
  /** Anything at all differs (estimate, studies or counts). */
  differs: boolean;
}

function state(outcome: OutcomeExport | undefined): OutcomeState | null {
  if (!outcome?.result?.pooled) return null;
  const { k, patients, pooled } = outcome.result;
  return { k, trials: new Set(outcome.studies.map((s) => s.nct)).size, patients, proportion: pooled.proportion, ci: pooled.ci };
}

const counts = (s: OutcomeExport['studies'][number]) => `${s.events}/${s.n}`;

// Estimates that differ only in the last digits (a numerically equivalent change to the code) have not moved.
const RELATIVE_NOISE = 1e-9;
const near = (x: number, y: number) => Math.abs(x - y) <= RELATIVE_NOISE * Math.max(Math.abs(x), Math.abs(y));

function sameState(a: OutcomeState | null, b: OutcomeState | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.k === b.k && a.trials === b.trials && a.patients === b.patients && [a.proportion, ...a.ci].every((x, i) => near(x, [b.proportion, ...b.ci][i]!))
  );
}

/** Outcome by outcome (joined by slug, in the order of `after`, then outcomes only `before` has). */
export function reviewImpact(before: OutcomeExport[], after: OutcomeExport[]): OutcomeImpact[] {
  const beforeBySlug = new Map(before.map((o) => [o.outcome.slug, o]));
  const slugs = [...new Set([...after.map((o) => o.outcome.slug), ...before.map((o) => o.outcome.slug)])];
  const afterBySlug = new Map(after.map((o) => [o.outcome.slug, o]));
  return slugs.map((slug) => {
    const b = beforeBySlug.get(slug);
    const a = afterBySlug.get(slug);
    const oldStudies = new Map((b?.studies ?? []).map((s) => [s.id, s]));
    const newStudies = new Map((a?.studies ?? []).map((s) => [s.id, s]));
    const added = [...newStudies.values()].filter((s) => !oldStudies.has(s.id)).map(({ id, study }) => ({ id, study }));
    const removed = [...oldStudies.values()].filter((s) => !newStudies.has(s.id)).map(({ id, study }) => ({ id, study }));
    const changed = [...newStudies.values()]
      .filter((s) => oldStudies.has(s.id) && counts(oldStudies.get(s.id)!) !== counts(s))
      .map((s) => ({ id: s.id, study: s.study, detail: `${counts(oldStudies.get(s.id)!)} → ${counts(s)}` }));
    const beforeState = state(b);
    const afterState = state(a);
    return {
      slug,
      title: (a ?? b)!.outcome.title,
      before: beforeState,
      after: afterState,
      added,
      removed,
      changed,
      differs: added.length + removed.length + changed.length > 0 || !sameState(beforeState, afterState),
    };
  });
}

const arrow = (before: string, after: string) => (before === after ? after : `${before} → ${after}`);
const estimate = (s: OutcomeState | null) => (s ? percentWithInterval(s.proportion, s.ci) : 'not pooled');
/** "B 2025; A 2024 (3/10 → 4/10)"; `name` renders each study's name (for Markdown, escaped). */
export const studyChanges = (list: StudyChange[], name = (study: string) => study) =>
  list.map((s) => (s.detail ? `${name(s.study)} (${s.detail})` : name(s.study))).join('; ');

/**
 * Text from the content (names, titles) as Markdown that shows exactly those characters: every
 * CommonMark punctuation mark is backslash-escaped (so no emphasis, link, autolink, heading, table
 * pipe, entity or HTML tag can form, and `<` stays a character), and line breaks become spaces
 * (a new line would end the table row). A pull request's study name is anyone's text.
 */
export const markdownText = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/[\r\n\u2028\u2029]+/g, ' ');

const studies = (list: StudyChange[]) => studyChanges(list, markdownText) || '—';

/** The Markdown a pull request shows: one row per outcome that changes, and a line for the rest. */
export function impactMarkdown(impacts: OutcomeImpact[], base: string): string {
  const moved = impacts.filter((i) => i.differs);
  const lines = [`### Effect on the review (compared with ${markdownText(base)})`, ''];
  if (moved.length === 0) {
    lines.push(`No pooled outcome changes (${impacts.length} outcomes compared).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '| Outcome | Studies | Trials | Patients | Pooled (95% CI) | Studies added | Studies removed | Counts changed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...moved.map((i) => {
      const n = (pick: (s: OutcomeState) => number) => arrow(String(i.before ? pick(i.before) : 0), String(i.after ? pick(i.after) : 0));
      return `| ${[markdownText(i.title), n((s) => s.k), n((s) => s.trials), n((s) => s.patients), arrow(estimate(i.before), estimate(i.after)), studies(i.added), studies(i.removed), studies(i.changed)].join(' | ')} |`;
    }),
    '',
    `${impacts.length - moved.length} other outcome(s) unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}
