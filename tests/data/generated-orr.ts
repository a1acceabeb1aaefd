/**
 * The overall-response analysis of 40 generated trials, and its export as the review builds it:
 * enough studies for the funnel plot and for subgroup analyses to pass their rules (the real
 * review has too few for either). Shared by the data tests that draw figures from an export.
 */
import { loadCertaintyJudgements } from '../../scripts/lib/review-files.ts';
import { syntheticTrialFiles } from '../../scripts/lib/synthetic-trials.ts';
import { analyseBinaryOutcome } from '../../src/lib/review/analyses/analyses.ts';
import { summaryOfFindings } from '../../src/lib/review/analyses/summary-of-findings.ts';
import { outcomeExport } from '../../src/lib/review/exports/review-exports.ts';
import { trialsRiskOfBias } from '../../src/lib/review/model/trial-risk-of-bias.ts';
import { validateTrialFiles } from '../../src/lib/validation/validate-trial-files.ts';
import { BINARY_OUTCOMES } from '../../src/lib/vocabulary/outcomes.ts';

const trials = validateTrialFiles(syntheticTrialFiles(40).map(({ name, text }) => ({ path: `generated/${name}`, text }))).trials.map((t) => t.trial);

export const generatedOrr = analyseBinaryOutcome(
  trials,
  BINARY_OUTCOMES.find((o) => o.key === 'orr')!,
);

/** The export carries each population's rating, so it is built with the summary of findings, as the review builds it. */
export function generatedOrrExport() {
  const assessments = trialsRiskOfBias(trials.filter((trial) => trial.inclusion.status === 'included'));
  const judged = loadCertaintyJudgements();
  if (!judged.ok) throw new Error(judged.errors.join('\n'));
  const findings = summaryOfFindings(generatedOrr, assessments, judged.value, [], { overdue: [], trials: 0 });
  return outcomeExport(generatedOrr, { date: '2026-12-01', commit: undefined }, findings, assessments);
}
