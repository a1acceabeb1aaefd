import { describe, expect, it } from 'vitest';
import type { BinaryOutcomeAnalysis } from '../analyses/analyses.ts';
import type { ReportingGap } from './reporting-gap.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';
import { updateTriggers } from './update-triggers.ts';

// Only what the triggers read: the outcome's title, its figure's basis and its number of studies.
const analysis = (title: string, basis: string | null, k: number) =>
  ({ outcome: { title }, estimate: basis && { basis }, totals: { k } }) as unknown as BinaryOutcomeAnalysis;
const gap = (overdue: string[]): ReportingGap => ({ asOf: '2026-12-06', overdueAfterMonths: 12, trials: [], overdue });

describe('updateTriggers', () => {
  const outcomes = [
    analysis('Overall response', 'pooled', 2),
    analysis('Complete response', 'single-study', 1),
    analysis('Graft-versus-host disease', 'no-events', 4),
    analysis('Infections', null, 0),
  ];
  const triggers = updateTriggers(outcomes, gap(['NCT00000001']));
  const byId = (id: string) => triggers.find((trigger) => trigger.id === id);

  it('names, for each rule not yet met, the outcomes and how much new evidence it would take', () => {
    expect(byId('second-study')?.when).toBe('A second study reports complete response');
    expect(byId('first-event')?.when).toBe('A first event is recorded for graft-versus-host disease');
    expect(byId('prediction-interval')?.when).toBe('Overall response: 1 more study');
    expect(byId('small-study')?.when).toBe(
      `Overall response: ${THRESHOLDS.smallStudyMinStudies - 2} more studies; Complete response: ${THRESHOLDS.smallStudyMinStudies - 1} more studies; Graft-versus-host disease: ${THRESHOLDS.smallStudyMinStudies - 4} more studies`,
    );
  });

  it('always names a first comparative trial, and the overdue trials by number', () => {
    expect(triggers[0]!.id).toBe('comparative-trial');
    expect(byId('overdue-results')?.when).toBe('Results are found for the overdue trial (NCT00000001)');
  });

  it('drops a trigger once it has fired', () => {
    const later = updateTriggers([analysis('Overall response', 'pooled', THRESHOLDS.smallStudyMinStudies)], gap([]));
    expect(later.map((trigger) => trigger.id)).toEqual(['comparative-trial', 'overdue-results']);
  });
});
