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
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../src/lib/cli/usage.ts';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { runCommand, type Flags } from './lib/command.ts';
import { readRecordFiles, say, syncRecord } from './lib/registry-sync.ts';

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
  const outcomes = readRecordFiles(files).map((facts, i) =>
    facts ? syncRecord(files[i]!, facts, values.dir, values['dry-run'] ?? false, today) : { ok: false, updated: false },
  );
  const failed = outcomes.filter((o) => !o.ok).length;
  const updated = outcomes.filter((o) => o.updated).length;
  const verb = values['dry-run'] ? 'would update' : 'updated';
  say(`sync:ctgov: ${verb} ${updated} of ${records.length} record(s)${failed ? `; ${failed} failed` : ''}`);
  return failed > 0 ? 1 : 0;
}

await runCommand({ name: 'sync:ctgov', help: HELP, options: OPTIONS, run });
