/**
 * A reader's re-analysis of one outcome, as it lives in the page's URL so that it can be
 * shared and cited: `?exclude=<id>,<id>&model=<method>&hakn=1&measure=<measure>`. Parameters
 * at the review's own setting are left out, so the primary analysis has a bare URL.
 */
import { MEASURES, POOLING_METHODS, type Measure, type PoolingMethod } from '../pooling/types.ts';
import { POOLING } from '../review/settings.ts';

export interface ReanalysisState {
  /** Study ids (as in `/data/outcomes/<slug>.json`) left out of the analysis. */
  exclude: string[];
  model: PoolingMethod;
  hakn: boolean;
  measure: Measure;
}

export const PRIMARY: ReanalysisState = { exclude: [], model: POOLING.method, hakn: POOLING.hakn, measure: POOLING.measure };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * The state a query string asks for. Values outside the vocabulary fall back to the
 * primary analysis's (a shared link must still open), and are named in `ignored`.
 */
export function parseState(search: string): { state: ReanalysisState; ignored: string[] } {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    const value = oneOf(values, raw, fallback);
    if (raw !== null && raw !== value) ignored.push(`${name}=${raw}`);
    return value;
  };
  const model = pick('model', POOLING_METHODS, PRIMARY.model);
  const measure = pick('measure', MEASURES, PRIMARY.measure);
  const hakn = params.get('hakn');
  if (hakn !== null && hakn !== '0' && hakn !== '1') ignored.push(`hakn=${hakn}`);
  const exclude = (params.get('exclude') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    state: { exclude: [...new Set(exclude)], model, hakn: hakn === '1' ? true : hakn === '0' ? false : PRIMARY.hakn, measure },
    ignored,
  };
}

/** The query string for a state ('' for the primary analysis); ids are URL-encoded, commas kept as separators. */
export function stateQuery(state: ReanalysisState): string {
  const parts: string[] = [];
  if (state.exclude.length > 0) parts.push(`exclude=${state.exclude.map(encodeURIComponent).join(',')}`);
  if (state.model !== PRIMARY.model) parts.push(`model=${state.model}`);
  if (state.hakn !== PRIMARY.hakn) parts.push(`hakn=${state.hakn ? 1 : 0}`);
  if (state.measure !== PRIMARY.measure) parts.push(`measure=${state.measure}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export function isPrimary(state: ReanalysisState): boolean {
  return stateQuery(state) === '';
}
