import { describe, expect, it } from 'vitest';
import { readRecord, type ApiRecord, type RecordDate } from '../../../tests/fixtures/ctgov/record.ts';
import { STATUSES } from '../schema/trial.ts';
import { checkedSource, registryFacts, RegistryRecordError } from './ctgov.ts';

const fixture = (name: string) => readRecord(`tests/fixtures/ctgov/${name}.json`);
const withChange = (change: (protocol: ApiRecord['protocolSection']) => void): ApiRecord => {
  const record = fixture('NCT00000002-active');
  change(record.protocolSection);
  return record;
};

describe('registryFacts', () => {
  it('maps an API v2 record onto the schema vocabulary', () => {
    expect(registryFacts(fixture('NCT00000002-active'))).toEqual({
      nct: 'NCT00000002',
      briefTitle: 'Fixture trial of anti-HER2 CAR-NK-92 cells',
      officialTitle: 'A Fixture Phase 1 Study of Anti-HER2 CAR-NK-92 Cells in Recurrent Glioblastoma',
      status: 'active-not-recruiting',
      phase: '1',
      enrollment: { count: 28, type: 'actual' },
      startYear: 2021,
      sponsor: 'Fixture Cancer Institute',
      countries: ['United States', 'Canada'],
      conditions: ['Glioblastoma'],
      lastUpdated: '2025-08-20',
      primaryCompletion: { date: '2024-06', type: 'actual' },
      hasResults: false,
    });
  });

  it('reads an anticipated primary completion and posted results', () => {
    const facts = registryFacts({
      ...withChange((p) => (p.statusModule.primaryCompletionDateStruct = { date: '2027-01-31', type: 'ESTIMATED' })),
      hasResults: true,
    });
    expect(facts.primaryCompletion).toEqual({ date: '2027-01-31', type: 'anticipated' });
    expect(facts.hasResults).toBe(true);
  });

  it('reads acronym, estimated enrollment and a year-month start date', () => {
    const facts = registryFacts(fixture('NCT00000003'));
    expect(facts).toMatchObject({ acronym: 'FIX-3', phase: 'early-1', status: 'not-yet-recruiting', startYear: 2026 });
    expect(facts.enrollment).toEqual({ count: 18, type: 'planned' });
  });

  it('leaves out what the record does not state, rather than guessing', () => {
    const facts = registryFacts(
      withChange((p) => {
        delete p.contactsLocationsModule;
        delete p.statusModule.startDateStruct;
        delete p.sponsorCollaboratorsModule;
        delete p.conditionsModule;
      }),
    );
    for (const key of ['countries', 'startYear', 'sponsor']) expect(facts).not.toHaveProperty(key);
    expect(facts.conditions).toEqual([]);
  });

  it.each([
    ['NOT_YET_RECRUITING', 'not-yet-recruiting'],
    ['RECRUITING', 'recruiting'],
    ['ENROLLING_BY_INVITATION', 'enrolling-by-invitation'],
    ['ACTIVE_NOT_RECRUITING', 'active-not-recruiting'],
    ['COMPLETED', 'completed'],
    ['SUSPENDED', 'suspended'],
    ['TERMINATED', 'terminated'],
    ['WITHDRAWN', 'withdrawn'],
    ['UNKNOWN', 'unknown'],
  ])('maps status %s to %s', (api, ours) => {
    expect(STATUSES).toContain(ours);
    expect(registryFacts(withChange((p) => (p.statusModule.overallStatus = api))).status).toBe(ours);
  });

  it.each([
    [['EARLY_PHASE1'], 'early-1'],
    [['PHASE1'], '1'],
    [['PHASE1', 'PHASE2'], '1/2'],
    [['PHASE2', 'PHASE1'], '1/2'],
    [['PHASE2'], '2'],
    [['PHASE3'], '3'],
  ])('maps phases %j to %s', (api, ours) => {
    expect(registryFacts(withChange((p) => (p.designModule.phases = api))).phase).toBe(ours);
  });

  it('names the field and the value of a status it does not know', () => {
    expect(() => registryFacts(withChange((p) => (p.statusModule.overallStatus = 'AVAILABLE')))).toThrow(
      /^protocolSection\.statusModule\.overallStatus must be one of: NOT_YET_RECRUITING, .*, UNKNOWN; got "AVAILABLE"$/,
    );
  });

  it.each([[['PHASE2', 'PHASE3']], [['PHASE4']]])('rejects phases %j, naming the field', (phases) => {
    expect(() => registryFacts(withChange((p) => (p.designModule.phases = phases)))).toThrow(
      new RegistryRecordError(
        `protocolSection.designModule.phases [${phases.join(', ')}] has no equivalent (known: [EARLY_PHASE1], [NA], [PHASE1], [PHASE1, PHASE2], [PHASE2], [PHASE3])`,
      ),
    );
  });

  it('reads the registry coding "Phase: NA" as not applicable', () => {
    expect(registryFacts(withChange((p) => (p.designModule.phases = ['NA']))).phase).toBe('not-applicable');
  });

  it('names a missing enrollment and an unknown enrollment type', () => {
    expect(() => registryFacts(withChange((p) => delete p.designModule.enrollmentInfo))).toThrow(
      'protocolSection.designModule.enrollmentInfo is required',
    );
    expect(() => registryFacts(withChange((p) => (p.designModule.enrollmentInfo!.type = 'ANTICIPATED')))).toThrow(
      'protocolSection.designModule.enrollmentInfo.type must be one of: ACTUAL, ESTIMATED; got "ANTICIPATED"',
    );
  });

  it.each([
    ['startDateStruct', '2026-99-99', 'must be a real date; got "2026-99-99"'],
    ['startDateStruct', '2026-13', 'must be a real date; got "2026-13"'],
    ['lastUpdatePostDateStruct', '2026-02-30', 'must be a real date; got "2026-02-30"'],
    ['lastUpdatePostDateStruct', '2999-01-01', 'must not be in the future; got "2999-01-01"'],
  ] satisfies [RecordDate, string, string][])('refuses %s %s in one line naming the field', (field, date, rule) => {
    expect(() => registryFacts(withChange((p) => (p.statusModule[field] = { date })))).toThrow(
      new RegistryRecordError(`protocolSection.statusModule.${field}.date ${rule}`),
    );
  });

  it('accepts a real leap day and a planned start date', () => {
    expect(registryFacts(withChange((p) => (p.statusModule.lastUpdatePostDateStruct = { date: '2024-02-29' }))).lastUpdated).toBe('2024-02-29');
    expect(registryFacts(withChange((p) => (p.statusModule.startDateStruct = { date: '2030-06' }))).startYear).toBe(2030);
  });

  it('rejects something that is not a study record', () => {
    expect(() => registryFacts({ studies: [] })).toThrow('protocolSection is required');
  });
});

describe('checkedSource', () => {
  it('names the API and the record version', () => {
    expect(checkedSource(registryFacts(fixture('NCT00000003')))).toBe('ClinicalTrials.gov API v2 record, last updated 2026-10-05');
  });
});
