import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialSchema, type Trial } from '../../schema/trial.ts';
import { validateTrialFiles } from '../../validation/validate-trial-files.ts';
import { analyseBinaryOutcome } from './analyses.ts';
import { estimate } from './decided-estimate.ts';
import { ADDING_SPONSOR_REPORTS, RULES } from './rules.ts';
import { outcomeExport } from '../exports/review-exports.ts';
import { BINARY_OUTCOMES } from '../../vocabulary/outcomes.ts';
import { POOLING } from './settings.ts';
import { outcomeExportSchema } from '../../schema/exports.ts';
import type { CertaintyJudgements } from '../../schema/certainty.ts';
import { summaryOfFindings } from './summary-of-findings.ts';
import { trialsRiskOfBias } from '../model/trial-risk-of-bias.ts';

const dir = 'tests/fixtures/trials/valid';
const fixtures = validateTrialFiles(
  readdirSync(dir).map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })),
).trials.map((t) => t.trial);
const orr = BINARY_OUTCOMES.find((o) => o.key === 'orr')!;
const cr = BINARY_OUTCOMES.find((o) => o.key === 'cr')!;

/** The fixture trial without results, given a sponsor press release with response counts (different patients from any other trial). */
function withSponsorReport(events: { orr: number; cr: number }, n: number): Trial {
  const base = fixtures.find((t) => t.nct === 'NCT00000002')!;
  return trialSchema.parse({
    ...base,
    publications: [
      { id: 'press-2025', citation: 'Fixture Bio. Press release, 2025.', year: 2025, type: 'sponsor-report', url: 'https://example.org/press' },
    ],
    cohorts: [
      {
        id: 'dose-2',
        label: 'Dose level 2 (sponsor report)',
        pooledWithSponsorReports: ['orr', 'cr'],
        outcomes: {
          orr: { events: events.orr, n, source: { publication: 'press-2025', location: 'Second paragraph' } },
          cr: { events: events.cr, n, source: { publication: 'press-2025', location: 'Second paragraph' } },
        },
      },
    ],
  });
}

const trials = [...fixtures.filter((t) => t.nct !== 'NCT00000002'), withSponsorReport({ orr: 4, cr: 2 }, 5)];

describe('the sensitivity analysis adding sponsor reports', () => {
  it('leaves the primary analysis, its counts and its studies as they were', () => {
    const without = analyseBinaryOutcome(fixtures, orr);
    const analysis = analyseBinaryOutcome(trials, orr);
    expect(analysis.studies).toEqual(without.studies);
    expect(analysis.totals).toEqual(without.totals);
    expect(analysis.estimate).toEqual(without.estimate);
    expect(analysis.notReported.map((item) => item.nct)).toEqual(['NCT00000002']);
  });

  it('pools primary and sponsor-report studies by the same estimate() and rules, with its own k and patients', () => {
    const analysis = analyseBinaryOutcome(trials, orr);
    expect(analysis.sponsorReports.studies.map((s) => [s.id, s.events, s.n, s.label, s.citation.publication.type, s.result.weight])).toEqual([
      ['NCT00000002/dose-2', 4, 5, 'Fixture 2025', 'sponsor-report', null],
    ]);
    const row = analysis.sponsorReports.row!;
    const expected = estimate(
      [
        { study: 'NCT00000001/full', events: 6, total: 12, year: 2024 },
        { study: 'NCT00000002/dose-2', events: 4, total: 5, year: 2025 },
      ],
      POOLING,
    );
    expect(row).toEqual({ label: ADDING_SPONSOR_REPORTS, ...POOLING, ...expected });
    expect([row.basis, row.k, row.patients, row.events]).toEqual(['pooled', 2, 17, 10]);
    // The primary analysis is one study: no other sensitivity rows, but this one is there.
    expect(analysis.sensitivity).toEqual([row]);
    expect(analysis.notes.map((note) => note.text)).toContain(
      `Not in this estimate: 1 study (5 patients) known only from a sponsor report or secondary report; the sensitivity analysis "${ADDING_SPONSOR_REPORTS}" adds it.`,
    );
  });

  it('follows the rules when only sponsor reports report an outcome: one study is not pooled', () => {
    const analysis = analyseBinaryOutcome([withSponsorReport({ orr: 4, cr: 2 }, 5)], cr);
    expect(analysis.estimate).toBeNull();
    expect(analysis.sponsorReports.row).toMatchObject({ basis: 'single-study', model: 'none', k: 1, proportion: 0.4 });
  });

  it('has no row, and changes nothing, where no sponsor report is recorded', () => {
    const analysis = analyseBinaryOutcome(fixtures, orr);
    expect(analysis.sponsorReports).toEqual({ studies: [], row: null });
    expect(analysis.sensitivity.map((row) => row.label)).not.toContain(ADDING_SPONSOR_REPORTS);
  });

  it('is published apart from the primary studies, with the row in the sensitivity analyses', () => {
    const analysis = analyseBinaryOutcome(trials, orr);
    const assessments = trialsRiskOfBias(trials.filter((t) => t.inclusion.status === 'included'));
    const judged = { indirectness: { downgrade: 0 as const, reason: 'Direct.' }, publicationBias: { downgrade: 0 as const, reason: 'None.' } };
    const judgements = { outcomes: Object.fromEntries(BINARY_OUTCOMES.map(({ key }) => [key, judged])) } as CertaintyJudgements;
    const summary = summaryOfFindings(analysis, assessments, judgements, [], { overdue: [], trials: 0 });
    const exported = outcomeExportSchema.parse(outcomeExport(analysis, { date: '2026-12-02', commit: undefined }, summary, assessments));
    expect(exported.studies.map((s) => s.id)).toEqual(['NCT00000001/full']);
    expect(exported.sponsorReports.map((s) => [s.id, s.source.type, s.weight, s.riskOfBias])).toEqual([
      ['NCT00000002/dose-2', 'sponsor-report', null, null],
    ]);
    expect(exported.sensitivity.map((row) => [row.label, row.k, row.patients])).toEqual([[ADDING_SPONSOR_REPORTS, 2, 17]]);
  });

  it('is stated on Methods from the vocabulary', () => {
    expect(ADDING_SPONSOR_REPORTS).toBe('Adding sponsor reports and secondary reports');
    expect(RULES.find((rule) => rule.id === 'evidence-tiers')?.statement).toContain(
      'The primary analysis pools results whose source is a peer-reviewed article, conference abstract, letter, registry results or preprint.',
    );
  });
});
