/**
 * The review's rules of inference in words. The analysis step applies them (decided-estimate.ts,
 * analyses.ts), Methods prints `RULES`, and each outcome page and download lists the notes
 * generated here for the rules it applied; every number in them is read from the rules module
 * (rules/thresholds.ts), so a threshold changed there changes all three.
 */
import { PUBLICATION_TYPE_LABELS } from '../../vocabulary/labels.ts';
import { PRIMARY_PUBLICATION_TYPES } from '../../vocabulary/codes.ts';
import type { BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

/** Any-grade outcomes whose zero count implies a zero count of their grade >= 3 part. */
export const DERIVED_GRADES: { from: BinaryOutcomeKey; to: BinaryOutcomeKey }[] = [
  { from: 'crsAny', to: 'crsGrade3' },
  { from: 'icansAny', to: 'icansGrade3' },
];

export type RuleId =
  | 'no-events'
  | 'single-study'
  | 'prediction-interval'
  | 'small-study'
  | 'subgroups'
  | 'clipped'
  | 'derived-grade'
  | 'mixed-populations'
  | 'populations-within-groups'
  | 'not-fitted'
  | 'evidence-tiers'
  | 'reporting-gap'
  | 'one-entry-per-trial';

export interface Rule {
  id: RuleId;
  title: string;
  /** The rule as Methods prints it. */
  statement: string;
  reference?: string;
}

const T = THRESHOLDS;

const SPONSOR_REPORT = PUBLICATION_TYPE_LABELS['sponsor-report'].toLowerCase();
const SECONDARY_REPORT = PUBLICATION_TYPE_LABELS['secondary-report'].toLowerCase();
const PRIMARY_TIERS = PRIMARY_PUBLICATION_TYPES.map((type) => PUBLICATION_TYPE_LABELS[type].toLowerCase());

/** The sensitivity row that adds sponsor and secondary reports to the primary studies; pages find the row by it. */
export const ADDING_SPONSOR_REPORTS = `Adding ${SPONSOR_REPORT}s and ${SECONDARY_REPORT}s`;

/** The sensitivity row that pools a trial's separate cohorts as separate studies. */
export const COHORTS_AS_STUDIES = 'Cohorts as separate studies';

export const RULES: Rule[] = [
  {
    id: 'no-events',
    title: 'No events',
    statement:
      'When no study of an outcome records a single event, no model is fitted: a random-effects model of zero counts returns a positive rate only through the continuity correction. The page gives the total ("0 of N patients in k trials") with the exact (Clopper–Pearson) 95 % confidence interval of that total.',
  },
  {
    id: 'single-study',
    title: 'One study',
    statement: `With fewer than ${T.poolMinStudies} studies nothing is pooled: the study's own proportion is shown with its exact 95 % confidence interval, labelled as one study, without a diamond, heterogeneity statistics or a prediction interval.`,
  },
  {
    id: 'prediction-interval',
    title: 'Prediction interval',
    statement: `A 95 % prediction interval is given only from ${T.predictionMinStudies} studies on, as estimate ± t(0.975, k − 2) · √(SE² + τ²) on the analysis scale, back-transformed.`,
    reference: 'Higgins, Thompson & Spiegelhalter 2009, J R Stat Soc A 172:137–159; Cochrane Handbook, section 10.10.4.3',
  },
  {
    id: 'small-study',
    title: 'Small-study effects',
    statement: `A funnel plot and Egger's regression test are shown only from ${T.smallStudyMinStudies} studies on; with fewer the test has too little power to tell asymmetry from chance, and with zero-event studies the corrected effect is a function of its own standard error.`,
    reference: 'Cochrane Handbook, section 13.3.5.4; Egger et al. 1997, BMJ 315:629–634',
  },
  {
    id: 'subgroups',
    title: 'Subgroups',
    statement: `A subgroup analysis is shown only where at least ${T.subgroupMinGroups} subgroups hold at least ${T.subgroupMinStudies} studies each. Characteristics that split the studies identically are one comparison, shown once and named together.`,
  },
  {
    id: 'not-fitted',
    title: 'Models that do not fit',
    statement:
      'A model that does not converge, or cannot be identified from the data (every study with no events, or every patient with an event), gives no number; the page names the reason.',
  },
  {
    id: 'clipped',
    title: 'Bounds',
    statement: 'Every interval on the proportion scale is cut to 0–100 %; where a model (raw proportions) reaches outside, a footnote says so.',
  },
  {
    id: 'derived-grade',
    title: 'Grade ≥ 3 from any grade',
    statement: `A study reporting no event of any grade has no event of grade 3 or higher: where it reports none of any grade and says nothing of grade ≥ 3, it counts as 0 for grade ≥ 3 (${DERIVED_GRADES.map(({ from, to }) => `${from} → ${to}`).join(', ')}), marked as derived.`,
  },
  {
    id: 'mixed-populations',
    title: 'Malignancy groups',
    statement:
      'Hematologic malignancies and solid tumours differ in target, route and response criteria; each outcome is reported by malignancy group first, and a figure across all cancers is secondary and carries a caution.',
  },
  {
    id: 'populations-within-groups',
    title: 'Targets and diseases within a group',
    statement: `Within a malignancy group, the summary of findings gives a row of its own to a target (or combination of targets) that at least ${T.poolMinStudies} trials share, and to a disease that at least ${T.poolMinStudies} trials report for patients who all have it: a report counts for a disease only when every patient it covers has that disease, so a report of mixed diseases counts for none of them. No such row is given where it would hold every study of its group, since it would repeat the group's row. Each is pooled and rated as its group is, and read against a decision threshold sourced for its target or disease where there is one, else against the group's.`,
  },
  {
    id: 'evidence-tiers',
    title: 'Evidence tiers',
    statement: `Every result carries the type of its source, its evidence tier. The primary analysis pools results whose source is a ${PRIMARY_TIERS.slice(0, -1).join(', ')} or ${PRIMARY_TIERS.at(-1)}. A ${SPONSOR_REPORT} (a press release or investor presentation by the sponsor itself) is extracted only where it is the only account of a trial's numbers, and never enters the primary analysis, its certainty rating or its counts of trials and patients: a sensitivity analysis ("${ADDING_SPONSOR_REPORTS}") pools those counts with the primary studies, by the same model and the same rules, and the outcome page lists them with their source. A ${SECONDARY_REPORT} (a news account or review quoting a trial's numbers whose primary source could not be read) is treated the same way, in the same sensitivity analysis, and labelled as such.`,
  },
  {
    id: 'one-entry-per-trial',
    title: 'One entry per trial',
    statement: `Each report of a trial states which patients it covers and whether it updates, is part of, or is separate from another report of the trial. Reports of the same patients never enter one analysis together: the most complete one is used. Where a trial reports cohorts of different patients (dose levels, regimens, diseases), their counts are summed into one entry for the trial, so a trial is never weighted as several independent studies; a sensitivity analysis ("${COHORTS_AS_STUDIES}") pools those cohorts as separate studies instead.`,
  },
  {
    id: 'reporting-gap',
    title: 'Reporting gap',
    statement: `A trial in the review whose primary completion (as its registry states it: an actual date, or an anticipated date of a trial the registry marks completed, terminated or of unknown status, its mark for a record not updated after that date) lies more than ${T.reportingGapMonths} months in the past, and for which no report of results has been found, is overdue. The landscape lists every trial with its months since primary completion; the overdue trials are the publication-bias input of each certainty rating, because with fewer than ${T.smallStudyMinStudies} studies the registered-versus-reported gap is the strongest signal of missing results that is available.`,
    reference: 'Cochrane Handbook, section 13.2 (missing results); FDAAA 801 (results within 12 months of primary completion)',
  },
];

/** One rule as it applied to one outcome, in words a reader (and the download) sees. */
export interface RuleNote {
  rule: RuleId;
  text: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The notes each rule adds to an outcome where it applies. */
export const NOTES = {
  noEvents: (patients: number, k: number): RuleNote => ({
    rule: 'no-events',
    text: `No events: 0 of ${patients} patients in ${plural(k, 'study', 'studies')}. No model is fitted, because without an event a pooled rate would come only from the continuity correction; the interval is the exact 95 % interval of the total.`,
  }),
  singleStudy: (): RuleNote => ({
    rule: 'single-study',
    text: 'One study, not pooled: its own proportion and exact 95 % interval; no heterogeneity or prediction interval.',
  }),
  noPrediction: (k: number): RuleNote => ({
    rule: 'prediction-interval',
    text: `No prediction interval: ${plural(k, 'study', 'studies')}; it needs at least ${T.predictionMinStudies}.`,
  }),
  prediction: (k: number): RuleNote => ({
    rule: 'prediction-interval',
    text: `Prediction interval with t on ${plural(k - 2, 'degree')} of freedom (k − 2).`,
  }),
  noSmallStudy: (k: number): RuleNote => ({
    rule: 'small-study',
    text: `No funnel plot or Egger's test: ${plural(k, 'study', 'studies')}; they need at least ${T.smallStudyMinStudies}.`,
  }),
  noSubgroups: (): RuleNote => ({
    rule: 'subgroups',
    text: `No subgroup analysis: no characteristic splits the studies into at least ${T.subgroupMinGroups} subgroups of at least ${T.subgroupMinStudies} studies each.`,
  }),
  sameSplit: (titles: string[]): RuleNote => ({
    rule: 'subgroups',
    text: `${titles.join(', ')} split the studies identically: one comparison, shown once.`,
  }),
  clipped: (what: string): RuleNote => ({
    rule: 'clipped',
    text: `${what}: the model's interval reaches outside 0–100 % and is shown cut to that range.`,
  }),
  derived: (count: number, from: string): RuleNote => ({
    rule: 'derived-grade',
    text: `Derived: ${plural(count, 'study reports', 'studies report')} no ${from.toLowerCase()} event of any grade and nothing on grade ≥ 3, so ${count === 1 ? 'it counts' : 'they count'} as 0 here.`,
  }),
  mixed: (groups: string[]): RuleNote => ({
    rule: 'mixed-populations',
    text: `Across all cancers this pools ${groups.length} populations (${groups.join(', ').toLowerCase()}) that differ in target, route and response criteria; read the figures by malignancy group first.`,
  }),
  notFitted: (model: string, reason: string): RuleNote => ({
    rule: 'not-fitted',
    text: `The ${model} model gave no estimate (${reason}); nothing is pooled.`,
  }),
  sponsorReports: (k: number, patients: number): RuleNote => ({
    rule: 'evidence-tiers',
    text: `Not in this estimate: ${plural(k, 'study', 'studies')} (${patients} patients) known only from a ${SPONSOR_REPORT} or ${SECONDARY_REPORT}; the sensitivity analysis "${ADDING_SPONSOR_REPORTS}" adds ${k === 1 ? 'it' : 'them'}.`,
  }),
  cohortsSummed: (trials: number, cohorts: number): RuleNote => ({
    rule: 'one-entry-per-trial',
    text: `${plural(trials, 'trial enters', 'trials enter')} once with the sum of ${cohorts} cohorts of different patients; the sensitivity analysis "${COHORTS_AS_STUDIES}" pools the cohorts separately.`,
  }),
};
