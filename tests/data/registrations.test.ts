/**
 * One trial, one file: a registration the search set aside, or a second registration of a
 * trial that has a file, never gets a trial file of its own, so no trial is counted twice.
 */
import { describe, expect, it } from 'vitest';
import { loadSearch } from '../../scripts/lib/review-files.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';

const trials = loadTrials().trials.map(({ trial }) => trial);
const search = loadSearch();
if (!search.ok) throw new Error(search.errors.join('\n'));
const { excludedRegistrations, identifiedNotAdded } = search.value;
const files = new Set(trials.map((trial) => trial.nct));
const secondRegistrations = trials.flatMap((trial) => (trial.registry.otherRegistrations ?? []).map((other) => ({ of: trial.nct, id: other.id })));

describe('registrations', () => {
  it('give no trial file to an excluded, second or not-added registration', () => {
    const numbers = [...excludedRegistrations.map((r) => r.id), ...secondRegistrations.map((r) => r.id), ...identifiedNotAdded.map((r) => r.id)];
    expect(numbers.filter((id) => files.has(id))).toEqual([]);
  });

  it('list each second registration both in its trial file and among the excluded registrations', () => {
    const excludedAsSecond = excludedRegistrations.filter((r) => r.reason === 'second registration of a trial with a file').map((r) => r.id);
    expect(secondRegistrations.map((r) => r.id).sort()).toEqual(excludedAsSecond.sort());
  });

  it('name NCT05842707 as the second registration of NCT05667155', () => {
    expect(secondRegistrations).toContainEqual({ of: 'NCT05667155', id: 'NCT05842707' });
  });
});
