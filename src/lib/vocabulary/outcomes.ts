/**
 * How an outcome field of the trial schema is analysed: pooled as a proportion (`binary`),
 * shown as Kaplan–Meier estimates (`survival`), or only reported per trial (`descriptive`).
 */
export type OutcomeKind = 'binary' | 'survival' | 'descriptive';

/**
 * Every outcome, its kind and its short name (table headers): the one place outcomes are named,
 * in the order of the trial schema, which must carry a field for each. An outcome listed here as
 * `binary` or `survival` fails the type check until its definition below is written.
 */
export const OUTCOME_KINDS = {
  evaluable: { kind: 'descriptive', label: 'Evaluable for response' },
  orr: { kind: 'binary', label: 'Overall response' },
  cr: { kind: 'binary', label: 'Complete response' },
  crsAny: { kind: 'binary', label: 'CRS, any grade' },
  crsGrade3: { kind: 'binary', label: 'CRS, grade ≥ 3' },
  icansAny: { kind: 'binary', label: 'ICANS, any grade' },
  icansGrade3: { kind: 'binary', label: 'ICANS, grade ≥ 3' },
  gvhd: { kind: 'binary', label: 'GVHD' },
  infections: { kind: 'binary', label: 'Infections' },
  cytopenias: { kind: 'binary', label: 'Cytopenias, grade ≥ 3' },
  pfs: { kind: 'survival', label: 'Progression-free survival' },
  os: { kind: 'survival', label: 'Overall survival' },
  persistence: { kind: 'descriptive', label: 'Persistence' },
} as const satisfies Record<string, { kind: OutcomeKind; label: string }>;

export type OutcomeKey = keyof typeof OUTCOME_KINDS;
export const OUTCOME_KEYS = Object.keys(OUTCOME_KINDS) as OutcomeKey[];

/** Outcome names as a trial page lists them (the short forms above). */
export const OUTCOME_LABELS = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, OUTCOME_KINDS[key].label])) as Record<OutcomeKey, string>;

type KeysOfKind<T extends OutcomeKind> = { [K in OutcomeKey]: (typeof OUTCOME_KINDS)[K]['kind'] extends T ? K : never }[OutcomeKey];

/** Outcomes pooled as proportions: events among patients assessed. */
export type BinaryOutcomeKey = KeysOfKind<'binary'>;
export type SurvivalOutcomeKey = KeysOfKind<'survival'>;

export interface OutcomeDefinition<K extends OutcomeKey = OutcomeKey> {
  key: K;
  /** URL segment: `/outcomes/<slug>/` and `/data/outcomes/<slug>.json`. */
  slug: string;
  /** The full name, as a page title. */
  title: string;
  /** What a higher proportion means to a reader. */
  direction: 'benefit' | 'harm';
  description: string;
}

type Definitions<K extends OutcomeKey> = { [key in K]: Omit<OutcomeDefinition<key>, 'key'> };

// In the order the site lists them.
const BINARY: Definitions<BinaryOutcomeKey> = {
  orr: {
    slug: 'orr',
    title: 'Overall response',
    direction: 'benefit',
    description: 'Complete or partial response among patients evaluable for response, at the timepoint and by the criteria each trial reports.',
  },
  cr: {
    slug: 'cr',
    title: 'Complete response',
    direction: 'benefit',
    description: 'Complete response or remission among patients evaluable for response.',
  },
  crsAny: {
    slug: 'crs',
    title: 'Cytokine release syndrome, any grade',
    direction: 'harm',
    description: 'Patients with cytokine release syndrome of any grade among those treated.',
  },
  crsGrade3: {
    slug: 'crs-grade-3',
    title: 'Cytokine release syndrome, grade ≥ 3',
    direction: 'harm',
    description: 'Patients with grade 3 or higher cytokine release syndrome among those treated.',
  },
  icansAny: {
    slug: 'icans',
    title: 'ICANS, any grade',
    direction: 'harm',
    description: 'Immune effector cell-associated neurotoxicity syndrome of any grade among those treated.',
  },
  icansGrade3: {
    slug: 'icans-grade-3',
    title: 'ICANS, grade ≥ 3',
    direction: 'harm',
    description: 'Grade 3 or higher neurotoxicity among those treated.',
  },
  gvhd: {
    slug: 'gvhd',
    title: 'Graft-versus-host disease',
    direction: 'harm',
    description: 'Patients with graft-versus-host disease of any grade among those treated.',
  },
  infections: {
    slug: 'infections',
    title: 'Infections',
    direction: 'harm',
    description: 'Patients with an infection among those treated, as each trial defines and grades it.',
  },
  cytopenias: {
    slug: 'cytopenias',
    title: 'Cytopenias, grade ≥ 3',
    direction: 'harm',
    description: 'Patients with grade 3 or higher neutropenia, thrombocytopenia or anaemia of any cause among those treated.',
  },
};

const SURVIVAL: Definitions<SurvivalOutcomeKey> = {
  pfs: {
    slug: 'pfs',
    title: 'Progression-free survival',
    direction: 'benefit',
    description: 'Kaplan–Meier estimate of progression-free survival at a stated month.',
  },
  os: { slug: 'os', title: 'Overall survival', direction: 'benefit', description: 'Kaplan–Meier estimate of overall survival at a stated month.' },
};

const definitions = <K extends OutcomeKey>(table: Definitions<K>): OutcomeDefinition<K>[] =>
  (Object.keys(table) as K[]).map((key) => ({ key, ...table[key] }));

export const BINARY_OUTCOMES: OutcomeDefinition<BinaryOutcomeKey>[] = definitions(BINARY);
export const SURVIVAL_OUTCOMES: OutcomeDefinition<SurvivalOutcomeKey>[] = definitions(SURVIVAL);
