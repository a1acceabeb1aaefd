import { describe, expect, it } from 'vitest';
import type { Trial } from '../../schema/trial.ts';
import { monthsBetween, reportingGap } from './reporting-gap.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';

// Only the fields the gap reads; the rest of a trial does not enter it.
const trial = (
  nct: string,
  status: Trial['registry']['status'],
  primaryCompletion: Trial['registry']['primaryCompletion'],
  { published = false, excluded = false } = {},
): Trial =>
  ({
    nct,
    registry: { status, ...(primaryCompletion && { primaryCompletion }) },
    inclusion: { status: excluded ? 'excluded' : published ? 'included' : 'awaiting-results' },
    publications: published ? [{ id: 'report' }] : [],
  }) as unknown as Trial;

describe('monthsBetween', () => {
  it.each([
    ['2024-06-15', '2025-06-15', 12],
    ['2024-06-15', '2025-06-14', 11],
    // A month-only date counts from the month's last day: June 2024 is 12 months past only from 30 June 2025.
    ['2024-06', '2025-06-29', 11],
    ['2024-06', '2025-06-30', 12],
    ['2024-02', '2025-02-28', 12],
    ['2023-12-31', '2024-01-01', 0],
  ])('%s to %s is %i whole months', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});

describe('reportingGap', () => {
  const asOf = '2026-12-06';
  const trials = [
    trial('NCT00000004', 'completed', { date: '2025-12', type: 'actual' }),
    trial('NCT00000001', 'completed', { date: '2023-03-01', type: 'actual' }),
    trial('NCT00000002', 'completed', { date: '2022-05', type: 'actual' }, { published: true }),
    trial('NCT00000003', 'recruiting', { date: '2024-01', type: 'anticipated' }),
    trial('NCT00000005', 'terminated', { date: '2024-01', type: 'anticipated' }),
    trial('NCT00000006', 'unknown', undefined),
    // The registry's 'unknown status': the anticipated completion passed without an update.
    trial('NCT00000008', 'unknown', { date: '2017-03', type: 'anticipated' }),
    trial('NCT00000007', 'completed', { date: '2020-01', type: 'actual' }, { excluded: true }),
  ];
  const gap = reportingGap(trials, asOf);

  it('lists every trial in the review, overdue first, then by months since completion; excluded trials left out', () => {
    expect(gap.trials.map((row) => row.nct)).toEqual([
      'NCT00000008',
      'NCT00000001',
      'NCT00000005',
      'NCT00000002',
      'NCT00000004',
      'NCT00000003',
      'NCT00000006',
    ]);
    expect(gap.asOf).toBe(asOf);
    expect(gap.overdueAfterMonths).toBe(THRESHOLDS.reportingGapMonths);
  });

  it('counts months from an actual completion, or an anticipated one of a finished trial; unknown stays null', () => {
    const months = Object.fromEntries(gap.trials.map((row) => [row.nct, row.monthsSinceCompletion]));
    expect(months).toEqual({
      NCT00000001: 45,
      NCT00000002: 54,
      NCT00000003: null,
      NCT00000004: 11,
      NCT00000005: 34,
      NCT00000006: null,
      NCT00000008: 116,
    });
    expect(gap.trials.find((row) => row.nct === 'NCT00000006')).toEqual({
      nct: 'NCT00000006',
      status: 'unknown',
      primaryCompletion: null,
      monthsSinceCompletion: null,
      resultsFound: false,
    });
  });

  it('gives a null status, not a missing field, where no record read states the status', () => {
    const [row] = reportingGap([trial('NCT00000008', undefined, undefined)], asOf).trials;
    expect(row).toEqual({ nct: 'NCT00000008', status: null, primaryCompletion: null, monthsSinceCompletion: null, resultsFound: false });
  });

  it('is overdue only past the threshold and without any report of results', () => {
    expect(gap.overdue).toEqual(['NCT00000008', 'NCT00000001', 'NCT00000005']);
  });
});
