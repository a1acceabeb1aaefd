/**
 * What new evidence would change which conclusion, as living-review guidance asks a review to
 * state (Elliott et al., J Clin Epidemiol 2017;91:23–30): computed from the current analyses and
 * the declared rules, so a trigger disappears once it has fired.
 */
import type { BinaryOutcomeAnalysis } from '../analyses/analyses.ts';
import type { ReportingGap } from './reporting-gap.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

export interface UpdateTrigger {
  id: string;
  /** The new evidence, as a reader would notice it. */
  when: string;
  /** Which conclusion it changes, and how. */
  then: string;
}

const titles = (analyses: BinaryOutcomeAnalysis[]) => analyses.map((analysis) => analysis.outcome.title.toLowerCase()).join('; ');
const more = (n: number, what: string) => `${n} more ${n === 1 ? what : `${what.replace(/y$/, 'ie')}s`}`;

export function updateTriggers(outcomes: BinaryOutcomeAnalysis[], gap: ReportingGap): UpdateTrigger[] {
  const withData = outcomes.filter((analysis) => analysis.estimate);
  const byBasis = (basis: string) => withData.filter((analysis) => analysis.estimate!.basis === basis);
  const triggers: UpdateTrigger[] = [
    {
      id: 'comparative-trial',
      when: 'A first randomised or otherwise controlled trial of a CAR-NK product reports results',
      then: 'Questions of benefit over another treatment can be answered directly: certainty for that comparison is rated from high, and the lack of a comparator no longer counts against the single-arm rates.',
    },
  ];
  const single = byBasis('single-study');
  if (single.length > 0) {
    triggers.push({
      id: 'second-study',
      when: `A second study reports ${titles(single)}`,
      then: 'A pooled estimate replaces the one study’s own proportion.',
    });
  }
  const zero = byBasis('no-events');
  if (zero.length > 0) {
    triggers.push({
      id: 'first-event',
      when: `A first event is recorded for ${titles(zero)}`,
      then: 'A model is fitted and a pooled rate with its interval replaces the exact interval of the total; the certainty rating is redone.',
    });
  }
  const noPrediction = byBasis('pooled').filter((analysis) => analysis.totals.k < THRESHOLDS.predictionMinStudies);
  if (noPrediction.length > 0) {
    triggers.push({
      id: 'prediction-interval',
      when: noPrediction
        .map((analysis) => `${analysis.outcome.title}: ${more(THRESHOLDS.predictionMinStudies - analysis.totals.k, 'study')}`)
        .join('; '),
      then: 'A 95 % prediction interval (the rate a new trial could find) is given beside the pooled estimate.',
    });
  }
  const noFunnel = withData.filter((analysis) => analysis.totals.k < THRESHOLDS.smallStudyMinStudies);
  if (noFunnel.length > 0) {
    triggers.push({
      id: 'small-study',
      when: noFunnel.map((analysis) => `${analysis.outcome.title}: ${more(THRESHOLDS.smallStudyMinStudies - analysis.totals.k, 'study')}`).join('; '),
      then: 'A funnel plot and Egger’s test can inform the publication-bias rating alongside the reporting gap.',
    });
  }
  triggers.push(
    gap.overdue.length > 0
      ? {
          id: 'overdue-results',
          when: `Results are found for ${gap.overdue.length === 1 ? 'the overdue trial' : `any of the ${gap.overdue.length} overdue trials`} (${gap.overdue.join(', ')})`,
          then: 'They enter the analyses they report, and the publication-bias rating of each outcome is redone.',
        }
      : {
          id: 'overdue-results',
          when: `A trial in the review passes ${THRESHOLDS.reportingGapMonths} months after its primary completion without results`,
          then: 'It is counted as overdue, and the publication-bias rating of each outcome is redone.',
        },
  );
  return triggers;
}
