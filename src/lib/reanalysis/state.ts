/**
 * A reader's re-analysis of one outcome, as it lives in the page's URL so that it can be
 * shared and cited: `?exclude=<id>,<id>&model=<method>&hakn=1&measure=<measure>&tiers=<type>,<type>&rob=<level>,<level>`.
 * Parameters at the review's own setting are left out, so the primary analysis has a bare URL.
 */
import { MEASURES, POOLING_METHODS, type Measure, type PoolingMethod } from '../pooling/types.ts';
import { POOLING } from '../review/analyses/settings.ts';
import { PRIMARY_PUBLICATION_TYPES, PUBLICATION_TYPES, ROB_JUDGEMENTS, type PublicationType } from '../vocabulary/codes.ts';
import type { STATE_PARAMS } from './params.ts';

type StateParam = (typeof STATE_PARAMS)[number];

/** A study's risk-of-bias level: its trial's overall judgement, or `none` for a trial without one. */
export const ROB_LEVELS = [...ROB_JUDGEMENTS, 'none'] as const;
export type RobLevel = (typeof ROB_LEVELS)[number];

export interface ReanalysisState {
  /** Study ids (as in `/data/outcomes/<slug>.json`) left out of the analysis. */
  exclude: string[];
  model: PoolingMethod;
  hakn: boolean;
  measure: Measure;
  /** Evidence tiers (publication types) whose studies are included; sponsor reports add `sponsorReports`. */
  tiers: PublicationType[];
  /** Risk-of-bias levels whose studies are included. */
  rob: RobLevel[];
}

/** The review's primary analysis: its model, the primary tiers (no sponsor reports), every risk-of-bias level. */
export const PRIMARY: ReanalysisState = {
  exclude: [],
  model: POOLING.method,
  hakn: POOLING.hakn,
  measure: POOLING.measure,
  tiers: [...PRIMARY_PUBLICATION_TYPES],
  rob: [...ROB_LEVELS],
};

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * The state a query string asks for. Values outside the vocabulary fall back to the
 * primary analysis's (a shared link must still open); `ignored` names their parameters, never
 * the values: an address is anyone's text, and the page shows only what it has validated.
 */
export function parseState(search: string): { state: ReanalysisState; ignored: StateParam[] } {
  const params = new URLSearchParams(search);
  const ignored = new Set<StateParam>();
  const pick = <T extends string>(name: StateParam, values: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    const value = oneOf(values, raw, fallback);
    if (raw !== null && raw !== value) ignored.add(name);
    return value;
  };
  const model = pick('model', POOLING_METHODS, PRIMARY.model);
  const measure = pick('measure', MEASURES, PRIMARY.measure);
  const hakn = params.get('hakn');
  if (hakn !== null && hakn !== '0' && hakn !== '1') ignored.add('hakn');
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
  // A list of codes keeps the vocabulary's order; a code outside it is named and dropped.
  const codes = <T extends string>(name: StateParam, values: readonly T[], fallback: T[]): T[] => {
    if (!params.has(name)) return fallback;
    const asked = list(name);
    if (asked.some((value) => !(values as readonly string[]).includes(value))) ignored.add(name);
    return values.filter((value) => asked.includes(value));
  };
  return {
    state: {
      exclude: [...new Set(list('exclude'))],
      model,
      hakn: hakn === '1' ? true : hakn === '0' ? false : PRIMARY.hakn,
      measure,
      tiers: codes('tiers', PUBLICATION_TYPES, PRIMARY.tiers),
      rob: codes('rob', ROB_LEVELS, PRIMARY.rob),
    },
    ignored: [...ignored],
  };
}

/** The state with only the excluded ids that name a study in `ids`, and how many did not (dropped, never shown). */
export function knownExclusions(state: ReanalysisState, ids: ReadonlySet<string>): { state: ReanalysisState; unknown: number } {
  const exclude = state.exclude.filter((id) => ids.has(id));
  return { state: { ...state, exclude }, unknown: state.exclude.length - exclude.length };
}

/**
 * What the page says about an address it could not follow: the parameters left at the review's
 * setting, and how many excluded ids match no study of the outcome (an id is not repeated: it is
 * unvalidated text). Null when everything was understood.
 */
export function addressProblems(ignored: readonly StateParam[], unknownStudies: number): string | null {
  const parts = [
    ...(ignored.length > 0 ? [`left at the review's setting: ${ignored.join(', ')}`] : []),
    ...(unknownStudies > 0
      ? [`${unknownStudies === 1 ? 'one study id matches' : `${unknownStudies} study ids match`} no study of this outcome (unknown, ignored)`]
      : []),
  ];
  return parts.length > 0 ? `Not understood in the address: ${parts.join('; ')}.` : null;
}

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((code) => b.includes(code));

/** The query string for a state ('' for the primary analysis); ids are URL-encoded, commas kept as separators. */
export function stateQuery(state: ReanalysisState): string {
  const parts: string[] = [];
  if (state.exclude.length > 0) parts.push(`exclude=${state.exclude.map(encodeURIComponent).join(',')}`);
  if (state.model !== PRIMARY.model) parts.push(`model=${state.model}`);
  if (state.hakn !== PRIMARY.hakn) parts.push(`hakn=${state.hakn ? 1 : 0}`);
  if (state.measure !== PRIMARY.measure) parts.push(`measure=${state.measure}`);
  if (!sameCodes(state.tiers, PRIMARY.tiers)) parts.push(`tiers=${PUBLICATION_TYPES.filter((t) => state.tiers.includes(t)).join(',')}`);
  if (!sameCodes(state.rob, PRIMARY.rob)) parts.push(`rob=${ROB_LEVELS.filter((r) => state.rob.includes(r)).join(',')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export function isPrimary(state: ReanalysisState): boolean {
  return stateQuery(state) === '';
}
