import { analyse } from '../pooling/analyse.ts';
import type { MetaAnalysis, StudyResult } from '../pooling/types.ts';

/** A fit as the re-analysis shows it: weights are null for the binomial-normal model. */
type Fit = MetaAnalysis<number | null>;
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
  /** The studies pooled, in the outcome file's order, each with its result (null when nothing is pooled). */
  included: (ReanalysisStudy & { result: StudyResult<number | null> | null })[];
  /** Null when every study is excluded. */
  result: Fit | null;
  /** Excluded ids that name no study of this outcome. */
  unknownIds: string[];
}

/**
 * Pool an outcome's studies as a reader chose: the same `analyse()` the build and
 * `npm run pool` use, on the studies not excluded (joined by id).
 */
export function reanalyse(studies: ReanalysisStudy[], state: ReanalysisState): Reanalysis {
  const excluded = new Set(state.exclude);
  const known = new Set(studies.map((s) => s.id));
  const pooled = studies.filter((s) => !excluded.has(s.id));
  // Studies go in named by id, so each result is matched back by id.
  const result =
    pooled.length === 0
      ? null
      : analyse(
          pooled.map((s) => ({ study: s.id, events: s.events, total: s.n })),
          { measure: state.measure, method: state.model, hakn: state.hakn },
        );
  const byId = new Map(result?.studies.map((r) => [r.study, r]));
  const included = pooled.map((s) => ({ ...s, result: byId.get(s.id) ?? null }));
  return { included, result, unknownIds: state.exclude.filter((id) => !known.has(id)) };
}
