import type { StudyResult } from '../pooling/types.ts';
import { estimate, type Estimate } from '../review/analyses/decided-estimate.ts';
import type { PublicationType, RobJudgement } from '../vocabulary/codes.ts';
import type { ReanalysisState, RobLevel } from './state.ts';

/** The parts of an outcome file's study a re-analysis reads (see schema/exports.ts). */
export interface ReanalysisStudy {
  id: string;
  study: string;
  nct: string;
  events: number;
  n: number;
  /** The evidence tier is the source's publication type. */
  source: { type: PublicationType };
  /** The trial's overall risk of bias; null when it has no judgement. */
  riskOfBias: RobJudgement | null;
}

export interface Reanalysis {
  /** The studies kept, in the outcome file's order, each with its result (null when nothing is pooled). */
  included: (ReanalysisStudy & { result: StudyResult<number | null> | null })[];
  /** The figure after the review's rules (no model from zero events or one study); null when every study is left out. */
  estimate: Estimate | null;
}

export const robLevel = (study: ReanalysisStudy): RobLevel => study.riskOfBias ?? 'none';

/** Whether the reader's evidence-tier and risk-of-bias choices keep a study (its own box aside). */
export function withinFilters(study: ReanalysisStudy, state: ReanalysisState): boolean {
  return state.tiers.includes(study.source.type) && state.rob.includes(robLevel(study));
}

/**
 * Pool an outcome's studies as a reader chose: the same rules and `analyse()` the build uses
 * (and `npm run pool` for what is pooled), on the studies of the chosen tiers and risk-of-bias
 * levels that are not excluded, joined by id. `studies` are the outcome file's `studies` and
 * `sponsorReports` together: the default tiers leave the sponsor reports out.
 */
export function reanalyse(studies: ReanalysisStudy[], state: ReanalysisState): Reanalysis {
  const excluded = new Set(state.exclude);
  const kept = studies.filter((s) => !excluded.has(s.id) && withinFilters(s, state));
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
  return { included, estimate: result };
}
