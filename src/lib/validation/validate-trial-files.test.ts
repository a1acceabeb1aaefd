import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTrialFiles } from './validate-trial-files.ts';
import { DISEASE_CODES } from '../vocabulary/codes.ts';

const FIXTURES = 'tests/fixtures/trials';
const read = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));

describe('valid trial files', () => {
  it('pass and keep every field', () => {
    const { trials, errors } = validateTrialFiles(read(join(FIXTURES, 'valid')));
    expect(errors).toEqual([]);
    expect(trials.map(({ trial }) => trial.nct)).toEqual(['NCT00000001', 'NCT00000002']);
    const [first] = trials;
    expect(first?.trial.cohorts[1]?.outcomes.orr).toMatchObject({ events: 6, n: 12, source: { publication: 'full-2024', location: 'Table 2' } });
    expect(first?.trial.extraction.extractedOn).toBe('2026-11-29');
    expect(first?.body).toContain('It has **markdown**');
    expect(first?.trial.publications[2]).toMatchObject({
      type: 'sponsor-report',
      extraction: { status: 'awaiting-extraction', wanted: ['orr', 'cr'] },
    });
  });

  it('read the same saved with Windows line endings (CRLF) and a byte-order mark', () => {
    const files = read(join(FIXTURES, 'valid'));
    const windows = files.map((file) => ({ ...file, text: `\uFEFF${file.text.replaceAll('\n', '\r\n')}` }));
    expect(windows[0]?.text).toContain('\r\n');
    expect(validateTrialFiles(windows)).toEqual(validateTrialFiles(files));
  });

  it('treat an absent outcome as absent, not as zero', () => {
    const { trials } = validateTrialFiles(read(join(FIXTURES, 'valid')));
    const full = trials[0]?.trial.cohorts[1]?.outcomes;
    expect(full?.crsAny?.events).toBe(0);
    expect(full && 'icansAny' in full).toBe(false);
  });
});

// One broken fixture per class of mistake; each must be reported in one line naming file, field and rule.
const cases: [string, string[]][] = [
  [
    'yaml-syntax',
    ['NCT00000001.mdx: frontmatter line 5 is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])'],
  ],
  ['missing-field', ['NCT00000001.mdx: title is required']],
  ['extra-field', ['NCT00000001.mdx: registry.sponsr is not a known field']],
  ['wrong-type', ['NCT00000001.mdx: registry.enrollment.count must be a number, got string "twelve"']],
  ['negative-count', ['NCT00000001.mdx: cohorts[1].outcomes.cr.events must not be negative']],
  ['non-integer-count', ['NCT00000001.mdx: cohorts[1].outcomes.cr.events must be a whole number, got number 2.5']],
  ['events-exceed-n', ['NCT00000001.mdx: cohorts[1].outcomes.orr.events (14) exceeds n (12)']],
  ['unknown-source', [`NCT00000001.mdx: cohorts[1].outcomes.cr.source.publication "other-2023" is not one of this trial's publications`]],
  ['unknown-as-null', ['NCT00000001.mdx: cohorts[1].outcomes.crsAny must be an object, got null (leave out a value that was not reported)']],
  ['pooled-twice', ['NCT00000001.mdx: cohorts[1].pooled "orr" is also pooled from overlapping cohort "early"']],
  // Two cohorts of one trial in one analysis, not said to hold different patients, could count the same patients twice.
  [
    'cohorts-undeclared',
    [
      'NCT00000001.mdx: cohorts[1].pooled "orr" is also pooled from cohort "early": list one in the other\'s separateFrom (different patients) or overlaps (same patients)',
    ],
  ],
  ['overlap-without-relation', ['NCT00000001.mdx: cohorts[0].relation is required when the cohort overlaps another (update or subset)']],
  // Disease codes: from the vocabulary, of the trial's group; a cohort narrows the trial's codes, never adds one.
  ['disease-code-unknown', [`NCT00000001.mdx: population.diseaseCodes[1] must be one of: ${DISEASE_CODES.join(', ')}`]],
  ['disease-code-wrong-group', ['NCT00000001.mdx: population.diseaseCodes[1] "glioma" is a solid disease but population.group is "hematologic"']],
  ['disease-code-cohort-not-in-trial', [`NCT00000001.mdx: cohorts[0].diseaseCodes[1] "aml" is not one of the trial's population.diseaseCodes`]],
  ['malformed-nct', ['NCT00000001.mdx: nct must be NCT followed by 8 digits']],
  ['filename-mismatch', ['NCT00000009.mdx: nct (NCT00000001) does not match the file name (NCT00000009.mdx)']],
  // A second file for the same trial cannot be named after it, so the name rule refuses it.
  ['misnamed-copy', ['NCT00000001-copy.mdx: file name must be an NCT id and .mdx (NCT followed by 8 digits), like NCT01234567.mdx']],
  ['mdx-import', ['NCT00000001.mdx: narrative line 82 has an import/export statement, which trial files may not contain']],
  ['mdx-expression', ['NCT00000001.mdx: narrative line 82 has a JavaScript expression {…}, which trial files may not contain']],
  ['mdx-script', ['NCT00000001.mdx: narrative line 83 has a <script> element, which trial files may not contain']],
  ['rob-missing', ['NCT00000001.mdx: riskOfBias is required for an included trial']],
  ['rob-missing-support', ['NCT00000001.mdx: riskOfBias.judgements.aim.support is required']],
  ['rob-unknown-domain', ['NCT00000001.mdx: riskOfBias.judgements.blinding is not a known field']],
  ['rob-judgement-scale', ['NCT00000001.mdx: riskOfBias.judgements.endpoints.judgement must be one of: low, unclear, high']],
  [
    'rob-unknown-source',
    [`NCT00000001.mdx: riskOfBias.judgements.follow-up.source.publication "other-2023" is not one of this trial's publications`],
  ],
  // Evidence tiers and extraction states.
  [
    'sponsor-report-pooled',
    ['NCT00000001.mdx: cohorts[1].pooled[0] "orr" comes from sponsor report "sponsor-2025", which may not be pooled in the primary analysis'],
  ],
  [
    'sponsor-sensitivity-not-sponsor',
    [
      'NCT00000001.mdx: cohorts[2].pooledWithSponsorReports[0] "orr" comes from article "full-2024", not a sponsor or secondary report (list it in pooled)',
    ],
  ],
  // A sponsor report of patients already pooled would count them twice in the analysis that adds it.
  ['sponsor-sensitivity-overlap', ['NCT00000001.mdx: cohorts[2].pooledWithSponsorReports "orr" is also pooled from overlapping cohort "full"']],
  [
    'extraction-without-missing',
    ['NCT00000001.mdx: publications[2].extraction.missing is required when the status is "awaiting-extraction" (say what is missing)'],
  ],
  [
    'awaiting-but-published',
    ['NCT00000001.mdx: inclusion.status is "awaiting-results" but publication "sponsor-2025" is awaiting extraction (use "published-not-extracted")'],
  ],
  [
    'unextracted-without-publication',
    [
      'NCT00000001.mdx: inclusion.status is "published-not-extracted" but no publication has an extraction status of "awaiting-extraction" or "not-readable"',
    ],
  ],
];

describe('invalid trial files', () => {
  it('has a test for every fixture folder', () => {
    expect(readdirSync(join(FIXTURES, 'invalid')).sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it.each(cases)('%s is reported in one line naming file, field and rule', (name, expected) => {
    const dir = join(FIXTURES, 'invalid', name);
    const { trials, errors } = validateTrialFiles(read(dir));
    expect(trials).toEqual([]);
    expect(errors).toEqual(expected.map((line) => `${dir}/${line}`));
  });
});
