import { fixed, percent, pValue } from '../../format/numbers.ts';
import type { SeedClaim } from '../../schema/seed-claims.ts';
import type { Trial } from '../../schema/trial.ts';
import { estimateWithin, type BinaryOutcomeAnalysis } from '../analyses/analyses.ts';
import type { Estimate } from '../analyses/decided-estimate.ts';
import { NOTES } from '../analyses/rules.ts';
import { basisOf, estimateInWords } from '../../format/estimate.ts';
import type { OutcomeData, SurvivalRow } from './outcome-data.ts';

export interface RecheckRow {
  claim: SeedClaim;
  /** What the trial files support, in words; null when they support no figure at all. */
  now: string | null;
  studies: number;
  patients: number;
  reason: string;
}

const SEED_DENOMINATOR =
  'The seed pooled all 17 registered trials with 738 "patients", the sum of their enrollment as listed (mostly planned), although most have no published results.';

function binaryClaim(claim: SeedClaim, analysis: BinaryOutcomeAnalysis): Omit<RecheckRow, 'claim'> {
  const title = analysis.outcome.title.toLowerCase();
  const empty = (reason: string) => ({ now: null, studies: 0, patients: 0, reason });
  if (!analysis.estimate) return empty(`No trial in the review reports ${title}, so the seed's figure cannot be traced to any study.`);

  if (claim.kind === 'egger') {
    const { k } = analysis.estimate;
    const egger = analysis.smallStudy ? analysis.result?.egger : null;
    return egger
      ? {
          now: `p = ${pValue(egger.p)} (t = ${fixed(egger.t, 2)}, ${egger.df} df)`,
          studies: k,
          patients: 0,
          reason: `Recomputed over the ${k} studies that report ${title}.`,
        }
      : {
          now: null,
          studies: k,
          patients: 0,
          reason: `${NOTES.noSmallStudy(k).text} ${k === 1 ? 'One study reports' : `${k} studies report`} ${title}.`,
        };
  }

  let estimate: Estimate = analysis.estimate;
  if (claim.subgroup) {
    // A subgroup's figure comes from its own trials only, whatever the grouping.
    const within = estimateWithin(analysis, claim.subgroup.dimension, claim.subgroup.value);
    if (!within) return empty(`No trial in this subgroup reports ${title}.`);
    estimate = within;
  }
  const counted = `The trial files support ${basisOf(estimate)} assessed for ${title}.`;
  return {
    now: estimateInWords(estimate),
    studies: estimate.k,
    patients: estimate.patients,
    reason: [
      claim.studies ? SEED_DENOMINATOR : undefined,
      counted,
      ...estimate.notes.filter((n) => n.rule !== 'prediction-interval').map((n) => n.text),
      claim.note,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

function survivalClaim(claim: SeedClaim, data: OutcomeData<SurvivalRow>, title: string): Omit<RecheckRow, 'claim'> {
  if (data.rows.length === 0) return { now: null, studies: 0, patients: 0, reason: `No trial in the review reports ${title}.` };
  const reported = data.rows.map((row) => `${percent(row.estimate, 0)} at ${row.month} months (${row.label})`).join('; ');
  return {
    now: reported,
    studies: data.rows.length,
    patients: data.rows.reduce((sum, row) => sum + (row.n ?? 0), 0),
    reason: `Only ${data.rows.length} ${data.rows.length === 1 ? 'trial reports' : 'trials report'} ${title}; estimates at different months from single trials are listed, not pooled.${claim.note ? ` ${claim.note}` : ''}`,
  };
}

function persistenceClaim(claim: SeedClaim, trials: Trial[]): Omit<RecheckRow, 'claim'> {
  const reports = trials.flatMap((trial) => trial.cohorts.flatMap((cohort) => (cohort.outcomes.persistence ? [cohort.outcomes.persistence] : [])));
  return {
    now: reports.length > 0 ? `${reports.length} reports describe how long cells were detected` : null,
    studies: reports.length,
    patients: 0,
    reason: `No publication in the review reports the share of patients with long-term persistence, so a pooled percentage cannot be formed.${claim.note ? ` ${claim.note}` : ''}`,
  };
}

/** Each of the seed's pooled figures beside what the trial files support, with the reason they differ. */
export function recheck(
  claims: SeedClaim[],
  trials: Trial[],
  outcomes: BinaryOutcomeAnalysis[],
  survival: (OutcomeData<SurvivalRow> & { outcome: { key: string; title: string } })[],
): RecheckRow[] {
  return claims.map((claim) => {
    const binary = outcomes.find((analysis) => analysis.outcome.key === claim.outcome);
    if (binary) return { claim, ...binaryClaim(claim, binary) };
    const survivalData = survival.find((s) => s.outcome.key === claim.outcome);
    if (survivalData) return { claim, ...survivalClaim(claim, survivalData, survivalData.outcome.title.toLowerCase()) };
    return { claim, ...persistenceClaim(claim, trials) };
  });
}
