import { estimate } from '../analyses/decided-estimate.ts';
import { overallRisk, ROB_DOMAINS, ROB_JUDGEMENTS, type RobDomainId, type RobJudgement } from '../../schema/risk-of-bias.ts';
import type { Trial } from '../../schema/trial.ts';
import type { BinaryOutcomeAnalysis, SensitivityRow } from '../analyses/analyses.ts';
import type { Citation } from './outcome-data.ts';

/** One included trial's risk of bias, item by item in the tool's order, with its overall judgement. */
export interface TrialRiskOfBias {
  nct: string;
  /** The trial's short name, or its NCT id. */
  label: string;
  judgements: { domain: RobDomainId; judgement: RobJudgement; support: string; citation: Citation }[];
  overall: RobJudgement;
}

/** Every trial with a risk-of-bias record, in the order given. */
export function trialsRiskOfBias(trials: Trial[]): TrialRiskOfBias[] {
  return trials.flatMap((trial) => {
    const record = trial.riskOfBias;
    if (!record) return [];
    const judgements = ROB_DOMAINS.map(({ id }) => {
      const { judgement, support, source } = record.judgements[id];
      const publication = trial.publications.find((p) => p.id === source.publication);
      // The schema guarantees every source names one of the trial's publications.
      if (!publication) throw new Error(`${trial.nct}: publication "${source.publication}" is missing`);
      return { domain: id, judgement, support, citation: { publication, location: source.location } };
    });
    return [{ nct: trial.nct, label: trial.shortName ?? trial.nct, judgements, overall: overallRisk(record) }];
  });
}

export interface JudgementShare {
  /** A MINORS item id, or `overall`. */
  domain: RobDomainId | 'overall';
  judgement: RobJudgement;
  /** Share of the total weight, 0 to 1. */
  share: number;
}

/**
 * For each item and overall, the share of weight at each judgement (robvis's summary
 * plot). Weights are the analysis weights of an outcome, or patients on the methods page.
 */
export function judgementShares(weights: { nct: string; weight: number }[], assessments: TrialRiskOfBias[]): JudgementShare[] {
  const byNct = new Map(assessments.map((a) => [a.nct, a]));
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const assessment = (nct: string) => {
    const found = byNct.get(nct);
    if (!found) throw new Error(`${nct}: no risk-of-bias record`);
    return found;
  };
  const judgementOf = (nct: string, domain: RobDomainId | 'overall') =>
    domain === 'overall' ? assessment(nct).overall : assessment(nct).judgements.find((j) => j.domain === domain)!.judgement;
  const domains: (RobDomainId | 'overall')[] = [...ROB_DOMAINS.map((d) => d.id), 'overall'];
  return domains.flatMap((domain) =>
    ROB_JUDGEMENTS.map((judgement) => ({
      domain,
      judgement,
      share: weights.filter((w) => judgementOf(w.nct, domain) === judgement).reduce((sum, w) => sum + w.weight, 0) / total,
    })),
  );
}

export const EXCLUDING_HIGH_RISK_LABEL = 'Excluding trials at high overall risk of bias';

/** The sensitivity analysis without trials at high overall risk of bias. */
export interface HighRiskSensitivity {
  label: string;
  /** NCT ids left out. */
  excluded: string[];
  /** The re-pooled estimate; null when nothing is left out (it equals the primary analysis) or nothing is left. */
  row: SensitivityRow | null;
  /** Why there is no row, in words. */
  note: string | null;
}

/** Re-pool an outcome with the primary settings, leaving out trials at high overall risk of bias. */
export function excludingHighRisk(analysis: BinaryOutcomeAnalysis, assessments: TrialRiskOfBias[]): HighRiskSensitivity {
  const high = new Set(assessments.filter((a) => a.overall === 'high').map((a) => a.nct));
  const kept = analysis.rows.filter((row) => !high.has(row.nct));
  const excluded = [...new Set(analysis.rows.filter((row) => high.has(row.nct)).map((row) => row.nct))];
  const base = { label: EXCLUDING_HIGH_RISK_LABEL, excluded };
  if (excluded.length === 0)
    return { ...base, row: null, note: 'No trial of this outcome is at high overall risk of bias: the primary analysis already is this analysis.' };
  if (kept.length === 0) return { ...base, row: null, note: 'Every trial of this outcome is at high overall risk of bias: nothing is left to pool.' };
  const row = estimate(
    kept.map((r) => ({ study: r.id, events: r.events, total: r.n, year: r.year })),
    analysis.settings,
  );
  return { ...base, row: { label: EXCLUDING_HIGH_RISK_LABEL, ...analysis.settings, ...row }, note: null };
}
