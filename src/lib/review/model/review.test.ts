import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTrialFiles } from '../../validation/validate-trial-files.ts';
import type { SearchRecord } from '../../schema/search.ts';
import { analyseBinaryOutcome } from '../analyses/analyses.ts';
import { binaryOutcomeData } from './outcome-data.ts';
import { BINARY_OUTCOMES } from '../../vocabulary/outcomes.ts';
import { prismaFlows, unreconciled, type FlowBox } from './prisma.ts';
import { recheck } from './recheck.ts';
import { clopperPearson } from '../../stats/clopper-pearson.ts';

const dir = 'tests/fixtures/trials/valid';
const trials = validateTrialFiles(
  readdirSync(dir).map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })),
).trials.map((t) => t.trial);
const orr = BINARY_OUTCOMES.find((o) => o.key === 'orr')!;
const icans = BINARY_OUTCOMES.find((o) => o.key === 'icansAny')!;

describe('outcome data', () => {
  it('takes the pooled cohort only, never the overlapping early report', () => {
    const { rows, notReported } = binaryOutcomeData(trials, 'orr');
    expect(rows.map((r) => [r.id, r.events, r.n, r.label, r.year])).toEqual([['NCT00000001/full', 6, 12, 'Full 2024', 2024]]);
    expect(notReported).toEqual([{ nct: 'NCT00000002', reason: 'Awaiting results: No results published.' }]);
  });

  it('lists an included trial that does not report the outcome, with the reason', () => {
    expect(binaryOutcomeData(trials, 'icansAny').notReported[0]).toEqual({
      nct: 'NCT00000001',
      reason: 'Not reported in the published results of this trial.',
    });
  });
});

describe('outcome analysis', () => {
  it('does not pool one study: its own proportion and exact CI, no model, no sensitivity rows', () => {
    const analysis = analyseBinaryOutcome(trials, orr);
    expect(analysis.result).toBeNull();
    expect(analysis.estimate).toMatchObject({ basis: 'single-study', model: 'none', k: 1, proportion: 0.5, pi: null });
    expect(analysis.estimate?.ci).toEqual(clopperPearson(6, 12));
    expect(analysis.sensitivity).toEqual([]);
    expect(analysis.subgroups).toEqual([]);
    expect(analysis.notes.map((n) => n.rule)).toEqual(['single-study']);
  });

  it('is empty, not zero, for an outcome no trial reports', () => {
    const analysis = analyseBinaryOutcome(trials, icans);
    expect(analysis.result).toBeNull();
    expect(analysis.rows).toEqual([]);
  });
});

describe('the seed re-checked', () => {
  const analyses = [analyseBinaryOutcome(trials, orr), analyseBinaryOutcome(trials, icans)];
  const claim = {
    id: 'x',
    label: 'ORR',
    location: 'Table 3',
    outcome: 'orr' as const,
    value: 0.53,
    ci: [0.41, 0.65] as [number, number],
    printed: '53 %',
    studies: 17,
    patients: 738,
    kind: 'pooled' as const,
  };

  it('sets a pooled claim beside what one study supports, labelled as not pooled, and says why they differ', () => {
    const [row] = recheck([claim], trials, analyses, []);
    // 6/12 with its exact (Clopper–Pearson) interval, 21.1–78.9 %.
    expect(row?.now).toBe('50.0 % (21.1–78.9), one study, not pooled');
    expect(row?.studies).toBe(1);
    expect(row?.patients).toBe(12);
    expect(row?.reason).toContain('738');
  });

  it('says plainly when no data support a claim', () => {
    const [row] = recheck([{ ...claim, outcome: 'icansAny', studies: undefined, patients: undefined }], trials, analyses, []);
    expect(row?.now).toBeNull();
    expect(row?.reason).toBe("No trial in the review reports icans, any grade, so the seed's figure cannot be traced to any study.");
  });

  it("reports no Egger's test below ten studies", () => {
    const [row] = recheck([{ ...claim, kind: 'egger' }], trials, analyses, []);
    expect(row?.now).toBeNull();
    expect(row?.reason).toContain('they need at least 10');
  });
});

describe('PRISMA flows', () => {
  const search: SearchRecord = {
    date: '2026-11-29',
    period: 'all',
    sources: [],
    identifiedNotAdded: [{ id: 'NCT09999999', description: 'x', why: 'no record' }],
    comparators: [],
    excludedRegistrations: [
      { id: 'NCT09999998', reason: 'CAR-T cells, not NK cells', description: 'x' },
      { id: 'NCT09999997', reason: 'CAR-T cells, not NK cells', description: 'y' },
      { id: 'NCT09999996', reason: 'second registration of a trial with a file', description: 'z' },
    ],
    flow: { identified: { databases: 100, registers: 17 }, reportsNotRetrieved: 4, reportsExcluded: [{ reason: 'Not a CAR-NK product', count: 2 }] },
  };
  const flows = prismaFlows(search, trials);
  const counts = (root: FlowBox): Record<string, number | null> =>
    root.next.reduce((all, box) => ({ ...all, ...counts(box) }), { [root.id]: root.count });

  it('counts reports by how the trial files use them, and trials by inclusion status', () => {
    expect(counts(flows.records)).toMatchObject({
      'records-identified': 117,
      'records-duplicates': null,
      'records-screened': null,
      'reports-sought': 9,
      'reports-not-retrieved': 4,
      'reports-assessed': 5,
      'reports-excluded-1': 2,
      'reports-in-review': 3,
      'reports-pooled': 1,
      'reports-extracted': 1,
      'reports-awaiting': 1,
      'reports-no-outcomes': 0,
    });
    expect(counts(flows.trials)).toMatchObject({
      'trials-identified': 6,
      'trials-not-added': 1,
      'registrations-excluded-1': 2,
      'registrations-excluded-2': 1,
      'trials-assessed': 2,
      'trials-in-review': 2,
      'trials-included': 1,
      'trials-published-not-extracted': 0,
      'trials-awaiting-results': 1,
    });
  });

  it('reconciles: every box with known counts equals the sum of its outflows', () => {
    expect(unreconciled(flows.records)).toEqual([]);
    expect(unreconciled(flows.trials)).toEqual([]);
  });

  it('names a box whose outflows do not add up', () => {
    const broken: FlowBox = {
      id: 'a',
      label: 'a',
      count: 5,
      next: [
        { id: 'b', label: 'b', count: 2, next: [] },
        { id: 'c', label: 'c', count: 2, next: [] },
      ],
    };
    expect(unreconciled(broken)).toEqual(['a: 5 ≠ 4']);
  });

  it('leaves a count the search did not keep as not recorded, and does not add across it', () => {
    const open: FlowBox = { id: 'a', label: 'a', count: 5, next: [{ id: 'b', label: 'b', count: null, next: [] }] };
    expect(unreconciled(open)).toEqual([]);
  });
});
