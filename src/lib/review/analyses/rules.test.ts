import { describe, expect, it } from 'vitest';
import { clopperPearson } from '../../stats/clopper-pearson.ts';
import { eligibleSubgroups } from './analyses.ts';
import { clip, estimate } from './decided-estimate.ts';
import type { StudyRow } from '../model/outcome-data.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';
import { NOTES, RULES } from './rules.ts';

const study = (id: string, events: number, total: number) => ({ study: id, events, total });
const DL = { measure: 'PLO', method: 'DL', hakn: false } as const;

describe('rules as data', () => {
  it('prints each threshold in the rule Methods shows', () => {
    const statement = (id: string) => RULES.find((rule) => rule.id === id)!.statement;
    expect(statement('prediction-interval')).toContain(`from ${THRESHOLDS.predictionMinStudies} studies on`);
    expect(statement('small-study')).toContain(`from ${THRESHOLDS.smallStudyMinStudies} studies on`);
    expect(statement('subgroups')).toContain(
      `at least ${THRESHOLDS.subgroupMinGroups} subgroups hold at least ${THRESHOLDS.subgroupMinStudies} studies`,
    );
    expect(statement('populations-within-groups')).toContain(`that at least ${THRESHOLDS.poolMinStudies} trials share`);
    expect(statement('populations-within-groups')).toContain(`a disease that at least ${THRESHOLDS.poolMinStudies} trials report`);
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });
});

describe('estimate: zero events', () => {
  it('fits no model and gives 0 of N with the exact interval of the total', () => {
    const e = estimate([study('a', 0, 37), study('b', 0, 9), study('c', 0, 8)], DL);
    expect(e).toMatchObject({ basis: 'no-events', model: 'none', k: 3, patients: 54, events: 0, proportion: 0, pi: null, fit: null });
    // Clopper–Pearson upper limit for 0/n: 1 − 0.025^(1/n).
    expect(e.ci[0]).toBe(0);
    expect(e.ci[1]).toBeCloseTo(1 - 0.025 ** (1 / 54), 12);
    expect(e.notes).toEqual([NOTES.noEvents(54, 3)]);
  });
});

describe('estimate: one study', () => {
  it("is the study's own proportion and exact CI, not pooled", () => {
    const e = estimate([study('a', 4, 8)], DL);
    expect(e).toMatchObject({ basis: 'single-study', model: 'none', k: 1, proportion: 0.5, pi: null, fit: null });
    expect(e.ci).toEqual(clopperPearson(4, 8));
    expect(e.notes.map((n) => n.rule)).toEqual(['single-study']);
  });
});

describe('estimate: pooled', () => {
  it('pools two studies without a prediction interval', () => {
    const e = estimate([study('a', 18, 37), study('b', 5, 8)], DL);
    expect(e).toMatchObject({ basis: 'pooled', model: 'DL', k: 2, pi: null });
    expect(e.fit?.k).toBe(2);
    expect(e.notes).toContainEqual(NOTES.noPrediction(2));
  });

  it('cuts a raw-proportion interval to [0, 1] and says so', () => {
    const e = estimate([study('a', 9, 10), study('b', 10, 10)], { measure: 'PR', method: 'DL', hakn: false });
    expect(e.fit!.pooled.ci[1]).toBeGreaterThan(1);
    expect(e.ci[1]).toBe(1);
    expect(e.notes.map((n) => n.rule)).toContain('clipped');
  });
});

describe('clip', () => {
  it('leaves an interval inside [0, 1] alone and cuts one outside', () => {
    expect(clip([0.1, 0.9])).toEqual({ interval: [0.1, 0.9], clipped: false });
    expect(clip([-0.314, 1.051])).toEqual({ interval: [0, 1], clipped: true });
  });
});

describe('subgroup rule', () => {
  const row = (id: string, group: 'hematologic' | 'solid', nkSource: 'cord-blood' | 'nk-92', phase: string) =>
    ({ id, group, nkSource, target: group === 'solid' ? 'HER2' : 'CD19', phase }) as StudyRow;

  it('shows nothing for a 2-vs-1 split', () => {
    expect(
      eligibleSubgroups([row('a', 'hematologic', 'cord-blood', '1'), row('b', 'hematologic', 'cord-blood', '1'), row('c', 'solid', 'nk-92', '1')]),
    ).toEqual([]);
  });

  it('shows groupings that split the studies identically once, named together', () => {
    const rows = [
      row('a', 'hematologic', 'cord-blood', '1'),
      row('b', 'hematologic', 'cord-blood', '2'),
      row('c', 'solid', 'nk-92', '1'),
      row('d', 'solid', 'nk-92', '2'),
    ];
    expect(eligibleSubgroups(rows)).toEqual([
      { dimension: 'group', titles: ['Malignancy group', 'NK cell source', 'Target antigen'] },
      { dimension: 'phase', titles: ['Phase'] },
    ]);
  });
});
