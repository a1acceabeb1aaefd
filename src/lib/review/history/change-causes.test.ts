import { describe, expect, it } from 'vitest';
import { causedChanges, changeHistory } from './change-causes.ts';
import { compareVersions, type ComparableOutcome, type ComparableTrial, type EvidenceState } from './changes.ts';

const trial = (nct: string, status: string, more: Partial<ComparableTrial> = {}): ComparableTrial => ({
  nct,
  registry: { status: 'recruiting' },
  product: { targets: ['CD19'] },
  publications: [],
  cohorts: [],
  inclusion: { status },
  ...more,
});
const row = (id: string, events: number, n: number, derivedFrom: string | null = null) => ({ id, study: id.toUpperCase(), events, n, derivedFrom });
const outcome = (slug: string, method: string, rows: ReturnType<typeof row>[], pooled: number | null, basis: string): ComparableOutcome => ({
  outcome: { slug, title: slug.toUpperCase() },
  settings: { measure: 'PLO', method, hakn: false },
  studies: rows,
  result: {
    k: rows.length,
    patients: rows.reduce((sum, r) => sum + r.n, 0),
    basis,
    pooled: pooled === null ? null : { proportion: pooled, ci: [pooled - 0.1, pooled + 0.1] },
  },
});

const before: EvidenceState = {
  version: '2026-11-29',
  trials: [trial('NCT00000001', 'included'), trial('NCT00000002', 'awaiting-results'), trial('NCT00000003', 'awaiting-results')],
  outcomes: [
    outcome('orr', 'DL', [row('a', 18, 37), row('b', 5, 10)], 0.43, 'pooled'),
    outcome('crs', 'DL', [row('a', 0, 37), row('b', 0, 10)], 0.03, 'pooled'),
    outcome('cr', 'DL', [row('a', 10, 37), row('b', 2, 10)], 0.3, 'pooled'),
    outcome('crs3', 'GLMM', [row('a', 0, 37)], null, 'single-study'),
    outcome('icans', 'DL', [row('a', 0, 37), row('b', 0, 10)], 0.02, 'pooled'),
  ],
};
const after: EvidenceState = {
  version: 'current',
  trials: [
    trial('NCT00000001', 'included'),
    trial('NCT00000002', 'awaiting-results', { registry: { status: 'completed' } }),
    trial('NCT00000003', 'awaiting-results', { product: { targets: ['CD19', 'CD22'] } }),
    trial('NCT00000004', 'awaiting-results'),
    trial('NCT00000005', 'included', { cohorts: [{ id: 'all' }] }),
  ],
  outcomes: [
    outcome('orr', 'GLMM', [row('a', 18, 37), row('b', 5, 10), row('c', 3, 9)], 0.31, 'pooled'),
    outcome('crs', 'DL', [row('a', 0, 37), row('b', 0, 10)], null, 'no-events'),
    outcome('cr', 'DL', [row('a', 10, 37), row('b', 3, 10)], 0.32, 'pooled'),
    outcome('crs3', 'GLMM', [row('a', 0, 37), row('b', 0, 10, 'crsAny')], null, 'no-events'),
    outcome('icans', 'GLMM', [row('a', 0, 37), row('b', 0, 10)], null, 'no-events'),
  ],
};
const changes = causedChanges(compareVersions(before, after), before, after, '2026-12-06');
const byOutcome = (slug: string) => changes.find((c) => c.outcome === slug)!;
const byTrial = (nct: string) => changes.find((c) => c.nct === nct)!;

describe('causedChanges', () => {
  it('names new studies and a change of primary model as the causes of a moved estimate', () => {
    expect(byOutcome('orr')).toMatchObject({
      kind: 'new-data',
      date: '2026-12-06',
      reason: 'ORR: 1 study added (C); primary model changed from DerSimonian–Laird to binomial-normal model, maximum likelihood.',
    });
    expect(byOutcome('orr').before?.pooled?.proportion).toBe(0.43);
    expect(byOutcome('orr').after?.pooled?.proportion).toBe(0.31);
  });

  it('names the rule that stopped pooling beside a change of model', () => {
    expect(byOutcome('icans').reason).toBe(
      'ICANS: Primary model changed from DerSimonian–Laird to binomial-normal model, maximum likelihood; the zero-event rule now applies: with no event in any study no model is fitted, and the total is shown with its exact interval.',
    );
  });

  it('names the rule of inference when the data did not change', () => {
    expect(byOutcome('crs').kind).toBe('method');
    expect(byOutcome('crs').reason).toMatch(/^CRS: The zero-event rule now applies/);
  });

  it('files corrected counts as a correction, and a derived count as method, not new data', () => {
    expect(byOutcome('cr')).toMatchObject({ kind: 'correction', reason: 'CR: Counts corrected in B.' });
    expect(byOutcome('crs3')).toMatchObject({
      kind: 'method',
      reason:
        'CRS3: Grade ≥ 3 counts derived from "none of any grade" now in 1 study (was 0); the zero-event rule now applies: with no event in any study no model is fitted, and the total is shown with its exact interval.',
    });
  });

  it('keeps registry housekeeping apart from evidence, after it', () => {
    expect(byTrial('NCT00000002')).toMatchObject({ kind: 'registry', reason: 'Registry facts of NCT00000002 updated from its registry record.' });
    expect(byTrial('NCT00000004').kind).toBe('registry');
    expect(byTrial('NCT00000004').reason).toMatch(/^Registered trial added to the landscape/);
    expect(byTrial('NCT00000003')).toMatchObject({ kind: 'correction', reason: 'NCT00000003: product corrected.' });
    expect(byTrial('NCT00000005')).toMatchObject({ kind: 'new-data', reason: 'Trial added with results: NCT00000005.' });
    const kinds = changes.filter((c) => c.outcome === null).map((c) => c.kind);
    expect(kinds).toEqual(['new-data', 'correction', 'registry', 'registry']);
  });
});

describe('changeHistory', () => {
  it('compares each version with the one before it, newest first, dating the current data by the build', () => {
    const states = [before, { ...before, version: '2026-12-01' }, after];
    const history = changeHistory(states, '2026-12-06');
    expect(history.map(({ from, to, date }) => [from, to, date])).toEqual([
      ['2026-12-01', 'current', '2026-12-06'],
      ['2026-11-29', '2026-12-01', '2026-12-01'],
    ]);
    expect(history[1]!.evidence.concat(history[1]!.registry)).toEqual([]);
    expect(history[0]!.registry.map((c) => c.nct)).toEqual(['NCT00000004', 'NCT00000002']);
    const ids = history[0]!.evidence.concat(history[0]!.registry).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('2026-12-01..current/new-data/orr');
  });

  it('has nothing to compare with fewer than two versions', () => {
    expect(changeHistory([], '2026-12-06')).toEqual([]);
    expect(changeHistory([after], '2026-12-06')).toEqual([]);
  });
});
