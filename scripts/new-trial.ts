/**
 * `npm run new-trial -- NCT01234567 --from RECORD.json --group G --target T [options]`
 *
 * Scaffolds `content/trials/<NCT id>.mdx`: registry facts from a ClinicalTrials.gov API v2
 * record, product and population from flags, no results, and TODO lines for the narrative.
 * It never writes a fact nobody gave it: what it cannot know is a flag, or is left out.
 * The text is validated before it is written; an existing file is never overwritten.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { registryFacts, RegistryRecordError, type RegistryFacts } from '../src/lib/registry/ctgov.ts';
import { renderScaffold, scaffoldFromRecord, type Scaffold } from '../src/lib/registry/scaffold.ts';
import { DISEASE_CODES, MALIGNANCY_GROUPS, NCT_ID, NK_SOURCES, PHASES, STATUSES } from '../src/lib/schema/trial.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { oneOf, UsageError, wholeNumber } from '../src/lib/cli/usage.ts';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';
import { main, runCommand, writeLine, type Flags as CommandFlags, type Io } from './lib/command.ts';
import { contributorName } from './lib/contributor.ts';

const HELP = `usage: npm run new-trial -- NCT01234567 --from RECORD.json --group GROUP --target TARGET --disease-code CODE [options]

Creates <dir>/<NCT id>.mdx, a trial file that passes npm run check, ready to fill in.

Recommended: --from RECORD.json, the trial's ClinicalTrials.gov API v2 record, saved from
  https://clinicaltrials.gov/api/v2/studies/NCT01234567
It supplies title, acronym, sponsor, phase, status, enrollment, start year, countries, and the
conditions as diseases.

Always (the registry does not state them reliably):
  --group ${MALIGNANCY_GROUPS.join('|')}
  --target NAME          antigen targeted; repeat for each target
  --nk-source SOURCE     ${NK_SOURCES.join('|')} (default: undisclosed)
  --disease NAME         repeat for each; with --from, replaces the record's conditions
  --disease-code CODE    repeat for each disease, as the diseases name it (never guessed from
                         the target); one of: ${DISEASE_CODES.join(', ')}
  --by NAME              who extracts (default: git config user.name)
  --dir DIR              trials folder (default: ${TRIALS_DIR})

Without --from, the registry facts must be given, and registry.checked says they are unchecked:
  --title TEXT --phase ${PHASES.join('|')} --enrollment COUNT --disease NAME
  --enrollment-type planned|actual   (default: planned)
  --status STATUS        ${STATUSES.join('|')} (default: unknown)

Exit codes: 0 written; 1 the scaffold would not validate (nothing written); 2 a usage error
(a bad flag, an unreadable record, or a file that already exists).`;

const OPTIONS = {
  from: { type: 'string' },
  dir: { type: 'string', default: TRIALS_DIR },
  group: { type: 'string' },
  target: { type: 'string', multiple: true },
  'nk-source': { type: 'string', default: 'undisclosed' },
  disease: { type: 'string', multiple: true },
  'disease-code': { type: 'string', multiple: true },
  by: { type: 'string' },
  title: { type: 'string' },
  phase: { type: 'string' },
  status: { type: 'string' },
  enrollment: { type: 'string' },
  'enrollment-type': { type: 'string' },
} as const;

// With --from these come from the record; taking them from flags too would mix two sources.
const REGISTRY_FLAGS = ['title', 'phase', 'status', 'enrollment', 'enrollment-type'] as const;

type Flags = CommandFlags<typeof OPTIONS>;

function readRecord(file: string): RegistryFacts {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new UsageError(`cannot read ${file} as JSON (${reason})`);
  }
  try {
    return registryFacts(json);
  } catch (error) {
    if (error instanceof RegistryRecordError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function registryFromFlags(flags: Flags): Omit<Scaffold['registry'], 'checkedSource'> & { title: string } {
  const missing = ['title', 'phase', 'enrollment', 'disease'].filter((flag) => flags[flag as keyof Flags] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`without --from, give ${missing.map((flag) => `--${flag}`).join(', ')} (or scaffold from the registry record with --from)`);
  }
  return {
    title: flags.title!,
    phase: oneOf('phase', flags.phase!, PHASES),
    status: oneOf('status', flags.status ?? 'unknown', STATUSES),
    enrollment: {
      count: wholeNumber('enrollment', flags.enrollment!),
      type: oneOf('enrollment-type', flags['enrollment-type'] ?? 'planned', ['planned', 'actual']),
    },
  };
}

function scaffold(nct: string, flags: Flags, today: string): Scaffold {
  if (!flags.group) throw new UsageError(`give --group (${MALIGNANCY_GROUPS.join(' or ')})`);
  if (!flags.target) throw new UsageError('give --target for each antigen the CAR targets');
  if (!flags['disease-code']) throw new UsageError('give --disease-code for each disease studied (see --help for the codes)');
  const product = {
    targets: flags.target,
    nkSource: oneOf('nk-source', flags['nk-source'], NK_SOURCES),
    group: oneOf('group', flags.group, MALIGNANCY_GROUPS),
    diseaseCodes: flags['disease-code'].map((code) => oneOf('disease-code', code, DISEASE_CODES)),
    by: flags.by ?? contributorName(),
    today,
  };

  if (flags.from === undefined) {
    const { title, ...registry } = registryFromFlags(flags);
    return {
      nct,
      title,
      registry: { ...registry, checkedSource: 'Not yet checked: fill in from ClinicalTrials.gov' },
      ...product,
      diseases: flags.disease!,
      origin: 'Scaffolded with npm run new-trial from command-line flags; registry facts not yet checked.',
    };
  }

  const given = REGISTRY_FLAGS.filter((flag) => flags[flag] !== undefined);
  if (given.length > 0)
    throw new UsageError(`leave out ${given.map((flag) => `--${flag}`).join(', ')}: with --from, registry facts come from the record`);
  const facts = readRecord(flags.from);
  if (facts.nct !== nct) throw new UsageError(`${flags.from} is the record of ${facts.nct}, not ${nct}`);
  const diseases = flags.disease ?? facts.conditions;
  if (diseases.length === 0) throw new UsageError(`${flags.from} lists no conditions; give --disease for each disease studied`);
  return scaffoldFromRecord(facts, { ...product, diseases }, 'npm run new-trial');
}

function execute(flags: Flags, positionals: string[], io: Io): number {
  if (positionals.length !== 1) throw new UsageError('give exactly one NCT id (see --help)');
  const nct = positionals[0]!;
  if (!NCT_ID.test(nct)) throw new UsageError(`${nct} is not an NCT id (NCT followed by 8 digits)`);

  const path = join(flags.dir, `${nct}.mdx`);
  const shown = relative(process.cwd(), path) || path;
  const text = renderScaffold(scaffold(nct, flags, new Date().toISOString().slice(0, 10)));
  const result = validateTrialFile({ path: shown, text });
  if (!result.ok) {
    for (const line of result.errors) writeLine(io.stderr, line);
    writeLine(io.stderr, `new-trial: ${shown} was not written`);
    return 1;
  }
  mkdirSync(flags.dir, { recursive: true });
  try {
    // 'wx' fails if the file exists, even one created since we looked.
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} already exists; edit it instead`);
    throw error;
  }
  writeLine(io.stdout, `new-trial: wrote ${shown}; now fill in the product and the narrative, add publications and cohorts, then run npm run check`);
  return 0;
}

export const run = (argv: string[], io: Io) =>
  runCommand({ name: 'new-trial', help: HELP, options: OPTIONS, positionals: true, run: execute }, argv, io);

if (import.meta.main) await main(run);
