/**
 * `npm run sync:ctgov -- --from DIR [--dir content/trials] [--dry-run]`
 *
 * For each ClinicalTrials.gov API v2 record (`DIR/*.json`) whose trial has a file, brings the
 * registry facts in its frontmatter up to date: status, phase, enrollment, start year, sponsor,
 * countries, and `registry.checked`. Values are edited in place in the YAML source, so every
 * other byte (comments, key order, quoting, the narrative, the outcomes) stays as it was; a
 * file whose facts already match is not touched at all. Prints one line per changed field.
 *
 * Exit 1 when a record cannot be read, is larger than 2 MB, repeats another record's trial
 * (neither is applied), or an updated file would not validate (it is then not written);
 * exit 2 for a usage error. Everything printed has control characters made visible, so a
 * record cannot hide or rewrite lines of the output.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError } from '../src/lib/cli/usage.ts';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { checkedSource, registryFacts, RegistryRecordError, type RegistryFacts } from '../src/lib/registry/ctgov.ts';
import { printable } from '../src/lib/format/printable.ts';
import { applyChanges, registryChanges, type Value } from '../src/lib/registry/frontmatter-edit.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { runCommand, type Flags } from './lib/command.ts';

const HELP = `usage: npm run sync:ctgov -- --from DIR [--dir ${TRIALS_DIR}] [--dry-run]

DIR holds ClinicalTrials.gov API v2 study records, one <anything>.json per trial, saved from
  https://clinicaltrials.gov/api/v2/studies/NCT01234567
For each record with a trial file, updates registry status, phase, enrollment, startYear, sponsor,
countries and registry.checked, and leaves every other byte of the file as it was.
--dry-run prints the changes without writing.

Exit codes: 0 every record synced (or already up to date); 1 a record could not be read, is
larger than 2 MB or repeats another record's trial (none of those is applied), or an updated file
would not validate (that file is then not written); 2 a usage error. Control characters in
anything printed are shown as \\u{…}, so a record cannot hide or rewrite lines of the output.`;

const OPTIONS = { from: { type: 'string' }, dir: { type: 'string', default: TRIALS_DIR }, 'dry-run': { type: 'boolean' } } as const;

/** Records are a few tens of KB; a larger file is not one, and is not read. */
const MAX_RECORD_BYTES = 2 * 1024 * 1024;

// Every line this script prints goes through these: record values reach the terminal only as visible text.
const say = (line: string) => console.log(printable(line));
const warn = (line: string) => console.error(printable(line));

const show = (value: Value | undefined) => (value === undefined ? '(none)' : Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

function readRecord(file: string): RegistryFacts {
  const { size } = statSync(file);
  if (size > MAX_RECORD_BYTES) throw new RegistryRecordError(`is ${size} bytes; a registry record may have at most ${MAX_RECORD_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RegistryRecordError(`not readable as JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return registryFacts(json);
}

interface Outcome {
  ok: boolean;
  updated: boolean;
}

/** Read every record; one that cannot be read, or that repeats another's trial, is reported and not applied. */
function readRecords(files: string[]): (RegistryFacts | undefined)[] {
  const facts = files.map((file) => {
    try {
      return readRecord(file);
    } catch (error) {
      if (!(error instanceof RegistryRecordError)) throw error;
      warn(`${file}: ${error.message}`);
      return undefined;
    }
  });
  const byNct = Map.groupBy(
    files.flatMap((file, i) => (facts[i] ? [{ file, nct: facts[i].nct }] : [])),
    ({ nct }) => nct,
  );
  return facts.map((record, i) => {
    const same = record && byNct.get(record.nct)!;
    if (!same || same.length === 1) return record;
    warn(`${files[i]}: ${record.nct} has ${same.length} records (${same.map(({ file }) => file).join(', ')}); none of them is applied`);
    return undefined;
  });
}

/** Sync one record into its trial file; prints what it did. */
function syncRecord(file: string, facts: RegistryFacts, dir: string, dryRun: boolean, today: string): Outcome {
  const path = join(dir, `${facts.nct}.mdx`);
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    say(`no trial file for ${facts.nct} (run npm run new-trial -- ${facts.nct} --from ${file})`);
    return { ok: true, updated: false };
  }
  const text = readFileSync(path, 'utf8');
  const current = validateTrialFile({ path: shown, text });
  if (!current.ok) {
    for (const line of current.errors) warn(line);
    warn(`${facts.nct}: ${shown} is not valid now; fix it before syncing`);
    return { ok: false, updated: false };
  }
  const changes = registryChanges(current.value.trial.registry, facts);
  if (changes.length === 0) {
    say(`${facts.nct}: up to date`);
    return { ok: true, updated: false };
  }

  let updated: string;
  try {
    updated = applyChanges(text, [
      ...changes.map(({ path: field, to }): [string[], Value] => [field, to]),
      [['registry', 'checked', 'source'], checkedSource(facts)],
      [['registry', 'checked', 'date'], today],
    ]);
  } catch (error) {
    warn(`${shown}: ${(error as Error).message}`);
    return { ok: false, updated: false };
  }
  const result = validateTrialFile({ path: shown, text: updated });
  if (!result.ok) {
    for (const line of result.errors) warn(line);
    warn(`${facts.nct}: ${shown} was not updated: the record's facts would make it invalid`);
    return { ok: false, updated: false };
  }
  for (const { path: field, from, to } of changes) say(`${facts.nct}: ${field.join('.')} ${show(from)} -> ${show(to)}`);
  if (!dryRun) writeFileSync(path, updated);
  return { ok: true, updated: true };
}

function run(values: Flags<typeof OPTIONS>): number {
  if (values.from === undefined) throw new UsageError('give --from DIR, a folder of ClinicalTrials.gov API v2 records (see --help)');
  const from = values.from;
  for (const folder of [from, values.dir]) {
    if (!existsSync(folder)) throw new UsageError(`${folder} does not exist`);
  }
  const records = readdirSync(from)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (records.length === 0) throw new UsageError(`${from} has no .json records`);

  const today = new Date().toISOString().slice(0, 10);
  const files = records.map((name) => join(from, name));
  const outcomes = readRecords(files).map((facts, i) =>
    facts ? syncRecord(files[i]!, facts, values.dir, values['dry-run'] ?? false, today) : { ok: false, updated: false },
  );
  const failed = outcomes.filter((o) => !o.ok).length;
  const updated = outcomes.filter((o) => o.updated).length;
  const verb = values['dry-run'] ? 'would update' : 'updated';
  say(`sync:ctgov: ${verb} ${updated} of ${records.length} record(s)${failed ? `; ${failed} failed` : ''}`);
  return failed > 0 ? 1 : 0;
}

await runCommand({ name: 'sync:ctgov', help: HELP, options: OPTIONS, run });
