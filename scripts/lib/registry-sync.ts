/**
 * Reading saved ClinicalTrials.gov API v2 records and bringing a trial file's registry facts up
 * to date from one: shared by `npm run sync:ctgov` and `npm run watch:ctgov -- --write`.
 * Everything printed has control characters made visible, so a record cannot hide or rewrite
 * lines of the output.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkedSource, registryFacts, RegistryRecordError, type RegistryFacts } from '../../src/lib/registry/ctgov.ts';
import { printable } from '../../src/lib/format/printable.ts';
import { applyChanges, registryChanges, type Value } from '../../src/lib/registry/frontmatter-edit.ts';
import { validateTrialFile } from '../../src/lib/validation/validate-trial-file.ts';

/** Records are a few tens of KB; a larger file is not one, and is not read. */
const MAX_RECORD_BYTES = 2 * 1024 * 1024;

// Every line printed goes through these: record values reach the terminal only as visible text.
export const say = (line: string) => console.log(printable(line));
export const warn = (line: string) => console.error(printable(line));

export const show = (value: Value | undefined): string =>
  value === undefined
    ? '(none)'
    : Array.isArray(value)
      ? `[${value.join(', ')}]`
      : typeof value === 'object'
        ? Object.values(value).join(' ')
        : String(value);

/** One saved record, mapped to registry facts; RegistryRecordError when it cannot be read. */
export function readRecord(file: string): RegistryFacts {
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

export interface Outcome {
  ok: boolean;
  updated: boolean;
}

/** Read every record; one that cannot be read, or that repeats another's trial, is reported and not applied. */
export function readRecordFiles(files: string[]): (RegistryFacts | undefined)[] {
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
export function syncRecord(file: string, facts: RegistryFacts, dir: string, dryRun: boolean, today: string): Outcome {
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
