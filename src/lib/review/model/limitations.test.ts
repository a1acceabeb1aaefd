import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../schema/search.ts';
import { validateTrialFiles } from '../../validation/validate-trial-files.ts';
import { reviewLimitations } from './limitations.ts';

const dir = 'tests/fixtures/trials/valid';
const trials = validateTrialFiles(
  readdirSync(dir).map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })),
).trials.map((t) => t.trial);
const search = { date: '2026-11-29', identifiedNotAdded: [], excludedRegistrations: [] } as unknown as SearchRecord;

describe('limitations', () => {
  it('carry the search date and counts computed from the trial files', () => {
    const { searchedUpTo, items } = reviewLimitations(trials, search);
    expect(searchedUpTo).toBe('2026-11-29');
    // The fixture pools orr, cr and crsAny from Table 2, Table 2 and Results, and pfs from Figure 2: none from an abstract.
    expect(items[1]).toBe(
      '0 of 4 pooled numbers come from abstracts; full texts were not read, so details such as response criteria and timepoints are often missing.',
    );
    expect(items[3]).toMatch(/^Only 1 trial \(about 12 patients\) is in the analyses; 1 registered trial is still awaiting results\./);
  });
});
