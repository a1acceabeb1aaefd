/**
 * `npm run watch:ctgov -- --from DIR [--json] [--write] [--dir content/trials]`
 * `npm run watch:ctgov -- --print-query`
 *
 * Reads the pages of a saved ClinicalTrials.gov API v2 query (the query is `registryWatch` in
 * content/search.yaml) and lists what the review does not know yet: new registrations, changed
 * registry facts, results newly posted on the registry. `--write` scaffolds a trial file for each
 * new registration whose title names a CAR on NK cells, one malignancy group and a target (as
 * new-trial does), and applies registry changes (as sync:ctgov does). The weekly workflow
 * (.github/workflows/watch.yml) runs it and opens a pull request for a person to screen.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../src/lib/cli/usage.ts';
import { SEARCH_FILE, TRIALS_DIR } from '../src/lib/content-paths.ts';
import { registryFacts, RegistryRecordError, type RegistryFacts } from '../src/lib/registry/ctgov.ts';
import { renderScaffold, scaffoldFromRecord } from '../src/lib/registry/scaffold.ts';
import { canScaffold, watchReport, type NewRegistration, type WatchReport } from '../src/lib/registry/watch.ts';
import { registryWatchUrl, searchSchema } from '../src/lib/schema/search.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { UNSPECIFIED_DISEASE } from '../src/lib/vocabulary/codes.ts';
import { main, runCommand, writeLine, type Flags, type Io } from './lib/command.ts';
import { contributorName } from './lib/contributor.ts';
import { say, show, syncRecord, warn } from './lib/registry-sync.ts';
import { loadTrials } from '../src/queries/trial-files.ts';

const HELP = `usage: npm run watch:ctgov -- --from DIR [--json] [--write] [--by NAME] [--dir ${TRIALS_DIR}]
       npm run watch:ctgov -- --print-query

DIR holds the pages of a saved ClinicalTrials.gov API v2 query, each <anything>.json shaped as
  {"studies": [<study record>, ...], "nextPageToken": "..."}
as returned by the URL that --print-query prints (the query is registryWatch in ${SEARCH_FILE}).
Lists, against the trial files:
  new registrations  a record with no trial file that ${SEARCH_FILE} does not list as identified;
                     its group and targets as the registry title and conditions state them
  changed facts      status, phase, enrollment, start year, primary completion, sponsor, countries
  results posted     the record has results and the trial file lists no registry-results publication
--json     print the same as JSON
--write    scaffold a trial file for each new registration whose title names a CAR on NK cells, one
           malignancy group and a target (the others are left for a person to classify), and apply
           the changed facts; every file written passes the schema
--by NAME  who screens the scaffolded files (default: git config user.name)

Exit codes: 0 done (whether or not anything is new); 1 a page or record could not be read, or a
file would not validate (it is not written); 2 a usage error.`;

const OPTIONS = {
  from: { type: 'string' },
  dir: { type: 'string', default: TRIALS_DIR },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  by: { type: 'string' },
  'print-query': { type: 'boolean' },
} as const;

/** A page of 1,000 full records is a few MB; a much larger file is not a page, and is not read. */
const MAX_PAGE_BYTES = 50 * 1024 * 1024;

const readSearch = () => searchSchema.parse(parse(readFileSync(SEARCH_FILE, 'utf8')));

/** Every record of every page; a page or record that cannot be read is one line on stderr. */
function readPages(dir: string, io: Io): { records: RegistryFacts[]; failed: number } {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new UsageError(`${dir} has no .json query pages`);
  const records: RegistryFacts[] = [];
  let failed = 0;
  for (const name of names) {
    const file = join(dir, name);
    if (statSync(file).size > MAX_PAGE_BYTES) {
      warn(io, `${file}: larger than ${MAX_PAGE_BYTES} bytes; not a query page`);
      failed += 1;
      continue;
    }
    let studies: unknown;
    try {
      studies = (JSON.parse(readFileSync(file, 'utf8')) as { studies?: unknown }).studies;
    } catch (error) {
      warn(io, `${file}: not readable as JSON (${(error as Error).message.split('\n')[0]})`);
      failed += 1;
      continue;
    }
    if (!Array.isArray(studies)) {
      warn(io, `${file}: has no "studies" list; save the pages of an API v2 /studies query`);
      failed += 1;
      continue;
    }
    studies.forEach((study, i) => {
      try {
        records.push(registryFacts(study));
      } catch (error) {
        if (!(error instanceof RegistryRecordError)) throw error;
        warn(io, `${file}: studies[${i}]: ${error.message}`);
        failed += 1;
      }
    });
  }
  return { records, failed };
}

function describeNew({ facts, classification: c }: NewRegistration): string {
  const why = !c.carNk
    ? 'the title names no CAR on NK cells; screen it'
    : !c.group
      ? 'the conditions do not say one malignancy group; classify it'
      : c.targets.length === 0
        ? 'the title names no target; classify it'
        : `${c.group}; ${c.targets.join(', ')}`;
  return `new registration ${facts.nct} "${facts.briefTitle}" (${facts.status}): ${why}`;
}

function printReport(report: WatchReport, io: Io): void {
  for (const registration of report.newRegistrations) say(io, describeNew(registration));
  for (const { nct, changes } of report.changed) {
    for (const change of changes) say(io, `changed ${nct}: ${change.path.join('.')} ${show(change.from)} -> ${show(change.to)}`);
  }
  for (const { nct, title } of report.newResults) say(io, `results posted ${nct} "${title}": the trial file lists no registry results`);
}

function scaffoldFile(registration: NewRegistration, dir: string, by: string, today: string, io: Io): boolean {
  const { facts, classification } = registration;
  const scaffold = scaffoldFromRecord(
    facts,
    {
      targets: classification.targets,
      group: classification.group!,
      nkSource: 'undisclosed',
      diseases: facts.conditions,
      // The conditions are free text nobody has coded yet: the group's "not specified" code until a person does.
      diseaseCodes: [UNSPECIFIED_DISEASE[classification.group!]],
      by,
      today,
    },
    'the weekly registry search; group and targets as the registry title and conditions state them, and disease codes not yet assigned (the group\'s "not specified" code stands until the conditions are coded), to be checked',
  );
  const path = join(dir, `${facts.nct}.mdx`);
  const shown = relative(process.cwd(), path) || path;
  const text = renderScaffold(scaffold);
  const result = validateTrialFile({ path: shown, text });
  if (!result.ok) {
    for (const line of result.errors) warn(io, line);
    warn(io, `watch:ctgov: ${shown} was not written`);
    return false;
  }
  writeFileSync(path, text, { flag: 'wx' });
  say(io, `wrote ${shown}`);
  return true;
}

function execute(values: Flags<typeof OPTIONS>, _positionals: string[], io: Io): number {
  if (values['print-query']) {
    const watch = readSearch().registryWatch;
    if (!watch) throw new UsageError(`${SEARCH_FILE} has no registryWatch query`);
    writeLine(io.stdout, registryWatchUrl(watch));
    return 0;
  }
  if (values.from === undefined) throw new UsageError('give --from DIR, a folder of saved API v2 query pages (see --help)');
  for (const folder of [values.from, values.dir]) {
    if (!existsSync(folder)) throw new UsageError(`${folder} does not exist`);
  }
  const trials = loadTrials(values.dir);
  if (trials.errors.length > 0) {
    for (const line of trials.errors) warn(io, line);
    throw new Error(`${values.dir} does not validate; fix it before watching the registry`);
  }
  const known = new Set(readSearch().identifiedNotAdded.map(({ id }) => id));
  const { records, failed } = readPages(values.from, io);
  const report = watchReport(
    records,
    trials.trials.map(({ trial }) => trial),
    known,
  );

  if (values.json) writeLine(io.stdout, JSON.stringify(report, null, 2));
  else printReport(report, io);

  let writeFailed = 0;
  if (values.write) {
    const today = new Date().toISOString().slice(0, 10);
    const by = values.by ?? contributorName();
    for (const registration of report.newRegistrations.filter(canScaffold)) {
      if (!scaffoldFile(registration, values.dir, by, today, io)) writeFailed += 1;
    }
    const changed = new Set(report.changed.map(({ nct }) => nct));
    for (const facts of records.filter(({ nct }) => changed.has(nct))) {
      if (!syncRecord(values.from, facts, values.dir, false, today, io).ok) writeFailed += 1;
    }
  }
  const summary = `watch:ctgov: ${records.length} record(s); ${report.newRegistrations.length} new, ${report.changed.length} changed, ${report.newResults.length} with results posted`;
  (values.json ? warn : say)(io, `${summary}${failed ? `; ${failed} unreadable` : ''}`);
  return failed + writeFailed > 0 ? 1 : 0;
}

export const run = (argv: string[], io: Io) => runCommand({ name: 'watch:ctgov', help: HELP, options: OPTIONS, run: execute }, argv, io);

if (import.meta.main) await main(run);
