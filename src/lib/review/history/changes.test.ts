import { describe, expect, it } from 'vitest';
import { compareVersions, estimateText, hasChanges, type ComparableTrial, type EvidenceState } from './changes.ts';

const trial = (nct: string, overrides: Partial<ComparableTrial> = {}): ComparableTrial => ({
  nct,
  registry: { status: 'recruiting', enrollment: { count: 10, type: 'planned' } },
  product: { targets: ['CD19'] },
  population: { group: 'hematologic' },
  publications: [],
  cohorts: [],
  inclusion: { status: 'awaiting-results' },
  ...overrides,
});

const orr = (proportion: number, k: number, patients = 10 * k) => ({
  outcome: { slug: 'orr', title: 'Overall response' },
  result: { k, patients, pooled: { proportion, ci: [proportion - 0.1, proportion + 0.1] as [number, number] } },
});

const state = (version: string, trials: ComparableTrial[], outcomes: EvidenceState['outcomes'] = [orr(0.43, 3)]): EvidenceState => ({
  version,
  trials,
  outcomes,
});

describe('compareVersions', () => {
  it('finds nothing between equal versions, whatever the key order', () => {
    const a = state('2026-01-01', [trial('NCT00000001')]);
    const reordered = { ...trial('NCT00000001'), registry: { enrollment: { type: 'planned', count: 10 }, status: 'recruiting' } };
    const changes = compareVersions(a, state('current', [reordered]));
    expect(hasChanges(changes)).toBe(false);
  });

  it('lists trials added and removed, in NCT order', () => {
    const changes = compareVersions(
      state('2026-01-01', [trial('NCT00000001'), trial('NCT00000002')]),
      state('2026-02-01', [trial('NCT00000004'), trial('NCT00000001'), trial('NCT00000003')]),
    );
    expect(changes).toMatchObject({ from: '2026-01-01', to: '2026-02-01', added: ['NCT00000003', 'NCT00000004'], removed: ['NCT00000002'] });
    expect(changes.changed).toEqual([]);
  });

  it('names the sections of a trial that changed', () => {
    const before = trial('NCT00000001');
    const after = trial('NCT00000001', {
      registry: { status: 'completed', enrollment: { count: 10, type: 'planned' } },
      publications: [{ id: 'smith-2026' }],
    });
    expect(compareVersions(state('a', [before]), state('b', [after])).changed).toEqual([
      { nct: 'NCT00000001', sections: ['registry', 'publications'] },
    ]);
  });

  it('reports new results: a move to included, and new cohorts', () => {
    const before = [trial('NCT00000001'), trial('NCT00000002', { inclusion: { status: 'included' }, cohorts: [{ id: 'dose-1' }] })];
    const after = [
      trial('NCT00000001', { inclusion: { status: 'included' }, cohorts: [{ id: 'all' }] }),
      trial('NCT00000002', { inclusion: { status: 'included' }, cohorts: [{ id: 'dose-1' }, { id: 'dose-2' }] }),
      trial('NCT00000003', { inclusion: { status: 'included' }, cohorts: [{ id: 'all' }] }),
    ];
    const changes = compareVersions(state('a', before), state('b', after));
    expect(changes.newResults).toEqual([
      { nct: 'NCT00000001', nowIncluded: true, newCohorts: ['all'] },
      { nct: 'NCT00000002', nowIncluded: false, newCohorts: ['dose-2'] },
      { nct: 'NCT00000003', nowIncluded: true, newCohorts: ['all'] },
    ]);
    expect(changes.changed.map((c) => c.nct)).toEqual(['NCT00000001', 'NCT00000002']);
    expect(changes.changed[0]!.sections).toEqual(['outcomes', 'inclusion']);
  });

  it('reports how each estimate moved, and only those that moved', () => {
    const cr = { outcome: { slug: 'cr', title: 'Complete response' }, result: null };
    const gvhd = { outcome: { slug: 'gvhd', title: 'Graft-versus-host disease' }, result: orr(0.01, 2).result };
    const changes = compareVersions(
      state('a', [], [orr(0.43, 3), cr, gvhd]),
      state('b', [], [orr(0.451, 4), { ...cr, result: orr(0.2, 1).result }, gvhd]),
    );
    expect(changes.estimates.map((e) => e.slug)).toEqual(['orr', 'cr']);
    expect(changes.estimates.map(({ before, after }) => [estimateText(before), estimateText(after)])).toEqual([
      ['43.0 % (k = 3)', '45.1 % (k = 4)'],
      ['no data', '20.0 % (k = 1)'],
    ]);
  });

  it('counts a change in patients alone as a move', () => {
    const changes = compareVersions(state('a', [], [orr(0.5, 2, 20)]), state('b', [], [orr(0.5, 2, 22)]));
    expect(changes.estimates).toHaveLength(1);
  });

  it('finds every kind of change to the trials', () => {
    const changes = compareVersions(
      state('a', [trial('NCT00000001'), trial('NCT00000002')]),
      state('b', [trial('NCT00000001', { inclusion: { status: 'included' }, cohorts: [{ id: 'all' }] }), trial('NCT00000003')]),
    );
    expect(changes).toMatchObject({
      added: ['NCT00000003'],
      removed: ['NCT00000002'],
      changed: [{ nct: 'NCT00000001', sections: ['outcomes', 'inclusion'] }],
      newResults: [{ nct: 'NCT00000001', nowIncluded: true, newCohorts: ['all'] }],
    });
  });
});
