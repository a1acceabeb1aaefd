import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runCheck } from './check.ts';
import { runCaptured } from './lib/run-captured.ts';
import { run as runNewTrial } from './new-trial.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { DISEASE_CODES } from '../src/lib/vocabulary/codes.ts';

const RECORD = 'tests/fixtures/ctgov/NCT00000003.json';
const today = new Date().toISOString().slice(0, 10);
let dir: string;

beforeEach(() => {
  mkdirSync('tests/.out', { recursive: true });
  dir = mkdtempSync('tests/.out/new-trial-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const newTrial = (...args: string[]) => runCaptured(runNewTrial, [...args, '--dir', dir]);
const fromRecord = (...args: string[]) =>
  newTrial(
    'NCT00000003',
    '--from',
    RECORD,
    '--group',
    'hematologic',
    '--target',
    'BCMA',
    '--disease-code',
    'myeloma',
    '--by',
    'Test Extractor',
    ...args,
  );
const FLAGS = [
  '--title',
  'Fixture trial without a record',
  '--phase',
  '1',
  '--enrollment',
  '20',
  '--disease',
  'Glioblastoma',
  '--disease-code',
  'glioma',
  '--group',
  'solid',
  '--target',
  'HER2',
  '--by',
  'Test Extractor',
];

const written = (nct: string) => {
  const path = join(dir, `${nct}.mdx`);
  const result = validateTrialFile({ path, text: readFileSync(path, 'utf8') });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
};

/** A user error: exit 2, one line on stderr, nothing written. */
const expectRefusal = (result: Awaited<ReturnType<typeof newTrial>>, message: string) => {
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(`new-trial: ${message}\n`);
};

describe('npm run new-trial', () => {
  it('scaffolds from an API v2 record a file that npm run check accepts', async () => {
    const result = await fromRecord();
    expect(result.status).toBe(0);
    const check = await runCaptured(runCheck, [dir]);
    expect(check.stdout.trim()).toBe('check: 1 trial files valid');

    const { trial, body } = written('NCT00000003');
    expect(trial).toMatchObject({
      nct: 'NCT00000003',
      title: 'Fixture trial of anti-BCMA CAR-NK cells',
      shortName: 'FIX-3',
      registry: {
        sponsor: 'Fixture Biotech',
        phase: 'early-1',
        status: 'not-yet-recruiting',
        enrollment: { count: 18, type: 'planned' },
        startYear: 2026,
        checked: { source: 'ClinicalTrials.gov API v2 record, last updated 2026-10-05', date: today, kind: 'registry' },
      },
      product: { targets: ['BCMA'], nkSource: 'undisclosed' },
      population: { group: 'hematologic', diseases: ['Multiple Myeloma', 'Plasma Cell Neoplasm'], diseaseCodes: ['myeloma'] },
      inclusion: { status: 'awaiting-results' },
      publications: [],
      cohorts: [],
      extraction: { extractedBy: 'Test Extractor', extractedOn: today },
    });
    // The record lists no locations: no countries are made up.
    expect(trial.registry).not.toHaveProperty('countries');
    expect(
      body
        .trim()
        .split('\n')
        .every((line) => line.startsWith('TODO: ')),
    ).toBe(true);
  });

  it('takes diseases and NK source from flags over the record', async () => {
    expect((await fromRecord('--disease', 'Multiple myeloma', '--nk-source', 'ipsc')).status).toBe(0);
    const { trial } = written('NCT00000003');
    expect(trial.population.diseases).toEqual(['Multiple myeloma']);
    expect(trial.product.nkSource).toBe('ipsc');
  });

  it('without a record, writes the flags and marks the registry facts unchecked', async () => {
    expect((await newTrial('NCT00000004', ...FLAGS)).status).toBe(0);
    const { trial } = written('NCT00000004');
    expect(trial.registry).toEqual({
      phase: '1',
      status: 'unknown',
      enrollment: { count: 20, type: 'planned' },
      checked: { source: 'Not yet checked: fill in from ClinicalTrials.gov', date: today },
    });
    expect(trial.title).toBe('Fixture trial without a record');
  });

  it('never overwrites a trial file', async () => {
    const path = join(dir, 'NCT00000003.mdx');
    writeFileSync(path, 'existing\n');
    expectRefusal(await fromRecord(), `${path} already exists; edit it instead`);
    expect(readFileSync(path, 'utf8')).toBe('existing\n');
  });

  it.each([
    [['NCT0000003'], 'NCT0000003 is not an NCT id (NCT followed by 8 digits)'],
    [
      ['NCT00000004', '--group', 'solid', '--target', 'HER2', '--disease-code', 'glioma'],
      'without --from, give --title, --phase, --enrollment, --disease (or scaffold from the registry record with --from)',
    ],
    [['NCT00000004', ...FLAGS, '--phase', '4'], '--phase 4 is not one of: early-1, 1, 1/2, 2, 3, not-applicable'],
    [
      ['NCT00000004', ...FLAGS, '--status', 'open'],
      '--status open is not one of: not-yet-recruiting, recruiting, enrolling-by-invitation, active-not-recruiting, completed, suspended, terminated, withdrawn, unknown',
    ],
    [['NCT00000004', ...FLAGS, '--enrollment', 'many'], '--enrollment many is not a whole number'],
    // Codes are a person's reading of the diseases, so the scaffold never fills them in.
    [
      ['NCT00000005', '--from', RECORD, '--group', 'hematologic', '--target', 'BCMA'],
      'give --disease-code for each disease studied (see --help for the codes)',
    ],
    [['NCT00000004', ...FLAGS, '--disease-code', 'myelom'], `--disease-code myelom is not one of: ${DISEASE_CODES.join(', ')}`],
    [['NCT00000004', '--bogus'], "Unknown option '--bogus' (see --help)"],
    [
      ['NCT00000005', '--from', RECORD, '--group', 'solid', '--target', 'BCMA', '--disease-code', 'solid-nos'],
      `${RECORD} is the record of NCT00000003, not NCT00000005`,
    ],
    [
      ['NCT00000003', '--from', RECORD, '--group', 'solid', '--target', 'BCMA', '--disease-code', 'solid-nos', '--phase', '2'],
      'leave out --phase: with --from, registry facts come from the record',
    ],
    [['NCT00000003', '--from', RECORD, '--target', 'BCMA'], 'give --group (hematologic or solid)'],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    expectRefusal(await newTrial(...args), message);
    expect(existsSync(join(dir, `${args[0]}.mdx`))).toBe(false);
  });

  it('does not write a file that would not validate', () => {
    // The entry point itself, spawned once; the other tests call run() in-process.
    const result = spawnSync(process.execPath, ['scripts/new-trial.ts', 'NCT00000004', ...FLAGS, '--title', ' ', '--dir', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const path = join(dir, 'NCT00000004.mdx');
    expect(result.stderr.split('\n')).toEqual([`${path}: title must not be empty`, `new-trial: ${path} was not written`, '']);
    expect(existsSync(path)).toBe(false);
  });
});
