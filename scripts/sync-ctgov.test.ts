import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './lib/run-captured.ts';
import { run as runSync } from './sync-ctgov.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { readRecord } from '../tests/fixtures/ctgov/record.ts';

const TRIALS = 'tests/fixtures/trials/valid';
const RECORDS = 'tests/fixtures/ctgov';
const today = new Date().toISOString().slice(0, 10);
let root: string;
let trials: string;
let records: string;

beforeEach(() => {
  mkdirSync('tests/.out', { recursive: true });
  root = mkdtempSync('tests/.out/sync-ctgov-');
  trials = join(root, 'trials');
  records = join(root, 'records');
  mkdirSync(trials);
  mkdirSync(records);
  for (const name of readdirSync(TRIALS)) copyFileSync(join(TRIALS, name), join(trials, name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const useRecords = (...names: string[]) => {
  for (const name of names) copyFileSync(join(RECORDS, `${name}.json`), join(records, `${name}.json`));
};
const sync = (...args: string[]) => runCaptured(runSync, ['--from', records, '--dir', trials, ...args]);
const trialText = (nct: string) => readFileSync(join(trials, `${nct}.mdx`), 'utf8');
const original = (nct: string) => readFileSync(join(TRIALS, `${nct}.mdx`), 'utf8');
const lines = (text: string) => text.trim().split('\n');

/** The fixture with `registry.checked` as a sync writes it. */
const checkedBy = (text: string, lastUpdated: string) =>
  text.replace(
    '    source: Test fixture\n    date: 2026-11-29',
    `    source: "ClinicalTrials.gov API v2 record, last updated ${lastUpdated}"\n    date: ${today}`,
  );

describe('npm run sync:ctgov', () => {
  it('updates a changed status, prints it, and leaves every other byte as it was', async () => {
    useRecords('NCT00000001-terminated');
    const result = await sync();
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual(['NCT00000001: registry.status completed -> terminated', 'sync:ctgov: updated 1 of 1 record(s)']);
    const expected = checkedBy(original('NCT00000001'), '2025-02-10').replace('  status: completed\n', '  status: terminated\n');
    expect(trialText('NCT00000001')).toBe(expected);
    expect(trialText('NCT00000002')).toBe(original('NCT00000002'));
  });

  it('leaves outcomes and narrative untouched', async () => {
    useRecords('NCT00000001-terminated');
    await sync();
    const parse = (text: string) => {
      const result = validateTrialFile({ path: 'NCT00000001.mdx', text });
      if (!result.ok) throw new Error(result.errors.join('\n'));
      return result.value;
    };
    const before = parse(original('NCT00000001'));
    const after = parse(trialText('NCT00000001'));
    expect(after.body).toBe(before.body);
    expect(after.trial.cohorts).toEqual(before.trial.cohorts);
    expect({ ...after.trial, registry: undefined }).toEqual({ ...before.trial, registry: undefined });
  });

  it('leaves the file byte-identical on a second run', async () => {
    useRecords('NCT00000001-terminated');
    await sync();
    const first = trialText('NCT00000001');
    const second = await sync();
    expect(second.status).toBe(0);
    expect(lines(second.stdout)).toEqual(['NCT00000001: up to date', 'sync:ctgov: updated 0 of 1 record(s)']);
    expect(trialText('NCT00000001')).toBe(first);
  });

  it('does not touch a file whose facts match, not even registry.checked', async () => {
    useRecords('NCT00000001-unchanged');
    expect(lines((await sync()).stdout)[0]).toBe('NCT00000001: up to date');
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('adds facts the file lacks, in schema order, and changes several at once', async () => {
    useRecords('NCT00000002-active');
    const result = await sync();
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'NCT00000002: registry.status recruiting -> active-not-recruiting',
      'NCT00000002: registry.enrollment.count 30 -> 28',
      'NCT00000002: registry.enrollment.type planned -> actual',
      'NCT00000002: registry.startYear (none) -> 2021',
      'NCT00000002: registry.primaryCompletion (none) -> 2024-06 actual',
      'NCT00000002: registry.sponsor (none) -> Fixture Cancer Institute',
      'NCT00000002: registry.countries (none) -> [United States, Canada]',
      'sync:ctgov: updated 1 of 1 record(s)',
    ]);
    const expected = checkedBy(original('NCT00000002'), '2025-08-20')
      .replace('registry:\n', 'registry:\n  sponsor: "Fixture Cancer Institute"\n')
      .replace('  status: recruiting\n', '  status: active-not-recruiting\n')
      .replace(
        '    count: 30\n    type: planned\n',
        '    count: 28\n    type: actual\n  startYear: 2021\n  primaryCompletion: { date: "2024-06", type: "actual" }\n  countries: ["United States", "Canada"]\n',
      );
    expect(trialText('NCT00000002')).toBe(expected);
  });

  it("keeps each value's quoting and a block list's form and comments", async () => {
    const restyled = original('NCT00000001')
      .replace('  sponsor: Fixture University\n', "  sponsor: 'Fixture University'\n")
      .replace('  phase: "1/2"\n', '  phase: 1/2 # as registered\n')
      .replace('  countries: [Nowhere]\n', '  countries:\n    - Nowhere # one site\n');
    writeFileSync(join(trials, 'NCT00000001.mdx'), restyled);
    const record = readRecord(join(RECORDS, 'NCT00000001-unchanged.json'));
    const protocol = record.protocolSection;
    protocol.sponsorCollaboratorsModule!.leadSponsor.name = "Fixture's University";
    protocol.designModule.phases = ['PHASE2'];
    protocol.contactsLocationsModule!.locations.push({ facility: 'Fixture Clinic', city: 'Fixture Town', country: 'Fixture Land' });
    writeFileSync(join(records, 'NCT00000001.json'), JSON.stringify(record));

    expect((await sync()).status).toBe(0);
    const expected = checkedBy(restyled, '2024-05-01')
      .replace("  sponsor: 'Fixture University'\n", "  sponsor: 'Fixture''s University'\n")
      .replace('  phase: 1/2 # as registered\n', '  phase: "2" # as registered\n')
      .replace('    - Nowhere # one site\n', '    - Nowhere\n    - Fixture Land # one site\n');
    expect(trialText('NCT00000001')).toBe(expected);
  });

  it('does not write a result that would not validate, and exits 1', async () => {
    useRecords('NCT00000001-start-1985', 'NCT00000002-active');
    const result = await sync();
    expect(result.status).toBe(1);
    const file = join(trials, 'NCT00000001.mdx');
    expect(lines(result.stderr)).toEqual([
      `${file}: registry.startYear must be 1990 or later`,
      `NCT00000001: ${file} was not updated: the record's facts would make it invalid`,
    ]);
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
    // The other record is still synced.
    expect(trialText('NCT00000002')).not.toBe(original('NCT00000002'));
  });

  it('reports a record without a trial file and carries on', async () => {
    useRecords('NCT00000003', 'NCT00000001-unchanged');
    const result = await sync();
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'NCT00000001: up to date',
      `no trial file for NCT00000003 (run npm run new-trial -- NCT00000003 --from ${join(records, 'NCT00000003.json')})`,
      'sync:ctgov: updated 0 of 2 record(s)',
    ]);
  });

  it('reports a record it cannot map, naming the field, and exits 1', async () => {
    const record = readRecord(join(RECORDS, 'NCT00000001-terminated.json'));
    record.protocolSection.statusModule.overallStatus = 'AVAILABLE';
    writeFileSync(join(records, 'bad.json'), JSON.stringify(record));
    const result = await sync();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^tests\/\.out\/.*\/bad\.json: protocolSection\.statusModule\.overallStatus must be one of: .*; got "AVAILABLE"\n$/,
    );
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('prints control characters from a record as visible text and does not write them', async () => {
    const record = readRecord(join(RECORDS, 'NCT00000001-terminated.json'));
    record.protocolSection.sponsorCollaboratorsModule = { leadSponsor: { name: 'Evil\u001b[2K\u001b[1A Corp \u202e' } };
    writeFileSync(join(records, 'NCT00000001.json'), JSON.stringify(record));
    const result = await sync();
    expect(result.status).toBe(1);
    // The escape character is the thing under test: it must not reach the terminal.
    // eslint-disable-next-line no-control-regex
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u001b\u202e]/);
    expect(result.stderr).toContain('NCT00000001.mdx: line 7 has the invisible character U+202E');
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('refuses a record with an oversized string', async () => {
    const record = readRecord(join(RECORDS, 'NCT00000001-terminated.json'));
    record.protocolSection.sponsorCollaboratorsModule = { leadSponsor: { name: 'x'.repeat(20_000) } };
    writeFileSync(join(records, 'NCT00000001.json'), JSON.stringify(record));
    const result = await sync();
    expect(result.status).toBe(1);
    expect(lines(result.stderr)).toEqual([
      `${join(records, 'NCT00000001.json')}: protocolSection.sponsorCollaboratorsModule.leadSponsor.name must be at most 1000 characters`,
    ]);
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('refuses two records for the same trial and applies neither', async () => {
    useRecords('NCT00000001-terminated', 'NCT00000001-unchanged');
    const result = await sync();
    expect(result.status).toBe(1);
    const [a, b] = ['NCT00000001-terminated', 'NCT00000001-unchanged'].map((name) => join(records, `${name}.json`));
    expect(lines(result.stderr)).toEqual([
      `${a}: NCT00000001 has 2 records (${a}, ${b}); none of them is applied`,
      `${b}: NCT00000001 has 2 records (${a}, ${b}); none of them is applied`,
    ]);
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('with --dry-run prints the changes and writes nothing', async () => {
    useRecords('NCT00000001-terminated');
    const result = await sync('--dry-run');
    expect(lines(result.stdout)).toEqual(['NCT00000001: registry.status completed -> terminated', 'sync:ctgov: would update 1 of 1 record(s)']);
    expect(trialText('NCT00000001')).toBe(original('NCT00000001'));
  });

  it('exits 2 with one line for a usage error', () => {
    // The entry point itself, spawned once; the other tests call run() in-process.
    const result = spawnSync(process.execPath, ['scripts/sync-ctgov.ts', '--dir', trials], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('sync:ctgov: give --from DIR, a folder of ClinicalTrials.gov API v2 records (see --help)\n');
  });
});
