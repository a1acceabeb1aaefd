import type { StudyResult } from '../pooling/types.ts';
import { estimate, type Estimate } from '../review/estimate.ts';
import type { ReanalysisState } from './state.ts';

/** The parts of an outcome file's study a re-analysis reads (see schema/exports.ts). */
export interface ReanalysisStudy {
  id: string;
  study: string;
  nct: string;
  events: number;
  n: number;
}

export interface Reanalysis {
  /** The studies kept, in the outcome file's order, each with its result (null when nothing is pooled). */
  included: (ReanalysisStudy & { result: StudyResult<number | null> | null })[];
  /** The figure after the review's rules (no model from zero events or one study); null when every study is excluded. */
  estimate: Estimate | null;
  /** Excluded ids that name no study of this outcome. */
  unknownIds: string[];
}

/**
 * Pool an outcome's studies as a reader chose: the same rules and `analyse()` the build uses
 * (and `npm run pool` for what is pooled), on the studies not excluded, joined by id.
 */
export function reanalyse(studies: ReanalysisStudy[], state: ReanalysisState): Reanalysis {
  const excluded = new Set(state.exclude);
  const known = new Set(studies.map((s) => s.id));
  const kept = studies.filter((s) => !excluded.has(s.id));
  // Studies go in named by id, so each result is matched back by id.
  const result =
    kept.length === 0
      ? null
      : estimate(
          kept.map((s) => ({ study: s.id, events: s.events, total: s.n })),
          { measure: state.measure, method: state.model, hakn: state.hakn },
        );
  const byId = new Map(result?.fit?.studies.map((r) => [r.study, r]));
  const included = kept.map((s) => ({ ...s, result: byId.get(s.id) ?? null }));
  return { included, estimate: result, unknownIds: state.exclude.filter((id) => !known.has(id)) };
}
