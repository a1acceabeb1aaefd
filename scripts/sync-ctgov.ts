/**
 * `npm run sync:ctgov -- --from DIR [--dir content/trials] [--dry-run]`
 *
 * For each ClinicalTrials.gov API v2 record (`DIR/*.json`) whose trial has a file, brings the
 * registry facts in its frontmatter up to date: status, phase, enrollment, start year, sponsor,
 * countries, and `registry.checked`. Values are edited in place in the YAML source, so every
 * other byte (comments, key order, quoting, the narrative, the outcomes) stays as it was; a
 * file whose facts already match is not touched at all. Prints one line per changed field.
 *
 * Exit 1 when a record cannot be read or an updated file would not validate (it is then not
 * written); exit 2 for a usage error.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parse, parseDocument, type Document, type Scalar, type YAMLSeq } from 'yaml';
import { checkedSource, registryFacts, RegistryRecordError, type RegistryFacts } from '../src/lib/registry/ctgov.ts';
import type { Trial } from '../src/lib/schema/trial.ts';
import { validateTrialFile } from '../src/lib/validation/validate-trial-file.ts';
import { TRIALS_DIR as DEFAULT_TRIALS_DIR } from '../src/lib/content-paths.ts';

const HELP = `usage: npm run sync:ctgov -- --from DIR [--dir ${DEFAULT_TRIALS_DIR}] [--dry-run]

DIR holds ClinicalTrials.gov API v2 study records, one <anything>.json per trial, saved from
  https://clinicaltrials.gov/api/v2/studies/NCT01234567
For each record with a trial file, updates registry status, phase, enrollment, startYear, sponsor,
countries and registry.checked, and leaves every other byte of the file as it was.
--dry-run prints the changes without writing.`;

/** A problem with the command line: one line, exit 2. */
class UsageError extends Error {}

type Value = string | number | string[];

/** One registry fact that differs between the trial file and the record. */
interface Change {
  path: string[];
  from: Value | undefined;
  to: Value;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

// The registry keys in schema order: a key the file lacks goes before the next one it has.
const REGISTRY_ORDER = ['sponsor', 'phase', 'status', 'enrollment', 'startYear', 'countries', 'checked'];

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The facts the record states that differ from the file; a fact the record leaves out is never a change. */
function registryChanges(current: Trial['registry'], facts: RegistryFacts): Change[] {
  const changes: Change[] = [];
  const compare = (path: string[], from: Value | undefined, to: Value | undefined) => {
    if (to === undefined) return;
    const same = Array.isArray(to) ? Array.isArray(from) && sameSet(from, to) : from === to;
    if (!same) changes.push({ path: ['registry', ...path], from, to });
  };
  compare(['status'], current.status, facts.status);
  compare(['phase'], current.phase, facts.phase);
  compare(['enrollment', 'count'], current.enrollment.count, facts.enrollment.count);
  compare(['enrollment', 'type'], current.enrollment.type, facts.enrollment.type);
  compare(['startYear'], current.startYear, facts.startYear);
  compare(['sponsor'], current.sponsor, facts.sponsor);
  compare(['countries'], current.countries, facts.countries);
  return changes;
}

// Plain only when YAML reads it back as the same string and no flow or comment indicator can misparse it.
const plainSafe = (value: string) => /^\w[\w .'()/-]*$/.test(value) && !/\s$/.test(value) && parse(value) === value;

/** A string in the quoting style the file already used for that value. */
function formatString(value: string, style: Scalar['type']): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  if (style === 'PLAIN' && plainSafe(value)) return value;
  // Double-quoted YAML accepts every JSON string escape.
  return JSON.stringify(value);
}

const formatScalar = (value: string | number, style: Scalar['type']) => (typeof value === 'number' ? String(value) : formatString(value, style));

/** Replace a list, flow (`[A, B]`) or block (`- A`), keeping its form and its items' quoting. */
function listEdit(yaml: string, seq: YAMLSeq, values: string[]): Edit {
  const first = seq.items[0];
  const style = isScalar(first) ? first.type : 'QUOTE_DOUBLE';
  const items = values.map((value) => formatString(value, style));
  const [start] = seq.range!;
  const last = seq.items.at(-1);
  // A block list's own range runs over a comment after its last item; keep the comment.
  const end = !seq.flow && last && isScalar(last) ? last.range![1] : seq.range![1];
  if (seq.flow || values.length === 0) return { start, end, text: `[${items.join(', ')}]` };
  const indent = yaml.slice(yaml.lastIndexOf('\n', start - 1) + 1, start);
  return { start, end, text: items.map((item) => `- ${item}`).join(`\n${indent}`) };
}

/** Add `key: value` to the registry map, on its own line before the next key in schema order. */
function insertEdit(doc: Document, yaml: string, key: string, value: Value, eol: string): Edit {
  const registry = doc.get('registry');
  if (!isMap(registry) || registry.flow) throw new Error(`registry is not a block mapping; add registry.${key} by hand`);
  const later = REGISTRY_ORDER.slice(REGISTRY_ORDER.indexOf(key) + 1);
  const next = registry.items.find((pair) => isScalar(pair.key) && later.includes(String(pair.key.value)));
  if (!next || !isScalar(next.key)) throw new Error(`cannot place registry.${key}; add it by hand`);
  const keyStart = next.key.range![0];
  const lineStart = yaml.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = yaml.slice(lineStart, keyStart);
  const text = Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : formatScalar(value, 'QUOTE_DOUBLE');
  return { start: lineStart, end: lineStart, text: `${indent}${key}: ${text}${eol}` };
}

function valueEdit(doc: Document, yaml: string, path: string[], value: Value, eol: string): Edit {
  const node = doc.getIn(path, true);
  if (node === undefined && path.length === 2) return insertEdit(doc, yaml, path[1]!, value, eol);
  if (Array.isArray(value) && isSeq(node)) return listEdit(yaml, node, value);
  if (!Array.isArray(value) && isScalar(node)) {
    const [start, end] = node.range!;
    return { start, end, text: formatScalar(value, node.type) };
  }
  throw new Error(`${path.join('.')} has a form this script does not edit; update it by hand`);
}

/** The file with the given frontmatter values replaced, every other byte unchanged. */
function applyChanges(text: string, values: [string[], Value][]): string {
  const frontmatter = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n|$)/.exec(text);
  if (!frontmatter) throw new Error('frontmatter is missing');
  const offset = text.indexOf('\n') + 1;
  const yaml = frontmatter[1]!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(yaml);
  // gray-matter's parser accepted this YAML; edit it only if this parser reads it the same way.
  if (doc.errors.length > 0) throw new Error(`frontmatter cannot be edited in place (${doc.errors[0]!.message.split('\n')[0]}); update it by hand`);
  // Applied from the end of the file backwards, so earlier offsets stay valid; keys inserted at one place keep their order.
  const edits = values
    .map(([path, value], index) => ({ ...valueEdit(doc, yaml, path, value, eol), index }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const { start, end, text: replacement } of edits) {
    result = result.slice(0, offset + start) + replacement + result.slice(offset + end);
  }
  return result;
}

const show = (value: Value | undefined) => (value === undefined ? '(none)' : Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

function readRecord(file: string): RegistryFacts {
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

/** Sync one record into its trial file; prints what it did. */
function syncRecord(file: string, dir: string, dryRun: boolean, today: string): Outcome {
  let facts: RegistryFacts;
  try {
    facts = readRecord(file);
  } catch (error) {
    if (!(error instanceof RegistryRecordError)) throw error;
    console.error(`${file}: ${error.message}`);
    return { ok: false, updated: false };
  }
  const path = join(dir, `${facts.nct}.mdx`);
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    console.log(`no trial file for ${facts.nct} (run npm run new-trial -- ${facts.nct} --from ${file})`);
    return { ok: true, updated: false };
  }
  const text = readFileSync(path, 'utf8');
  const current = validateTrialFile({ path: shown, text });
  if (!current.ok) {
    for (const line of current.errors) console.error(line);
    console.error(`${facts.nct}: ${shown} is not valid now; fix it before syncing`);
    return { ok: false, updated: false };
  }
  const changes = registryChanges(current.value.trial.registry, facts);
  if (changes.length === 0) {
    console.log(`${facts.nct}: up to date`);
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
    console.error(`${shown}: ${(error as Error).message}`);
    return { ok: false, updated: false };
  }
  const result = validateTrialFile({ path: shown, text: updated });
  if (!result.ok) {
    for (const line of result.errors) console.error(line);
    console.error(`${facts.nct}: ${shown} was not updated: the record's facts would make it invalid`);
    return { ok: false, updated: false };
  }
  for (const { path: field, from, to } of changes) console.log(`${facts.nct}: ${field.join('.')} ${show(from)} -> ${show(to)}`);
  if (!dryRun) writeFileSync(path, updated);
  return { ok: true, updated: true };
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, dir: { type: 'string', default: DEFAULT_TRIALS_DIR }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('. ')[0]} (see --help)`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.from === undefined) throw new UsageError('give --from DIR, a folder of ClinicalTrials.gov API v2 records (see --help)');
  const from = values.from;
  for (const folder of [from, values.dir]) {
    if (!existsSync(folder)) throw new UsageError(`${folder} does not exist`);
  }
  const records = readdirSync(from).filter((name) => name.endsWith('.json')).sort();
  if (records.length === 0) throw new UsageError(`${from} has no .json records`);

  const today = new Date().toISOString().slice(0, 10);
  const outcomes = records.map((name) => syncRecord(join(from, name), values.dir, values['dry-run'] ?? false, today));
  const failed = outcomes.filter((o) => !o.ok).length;
  const updated = outcomes.filter((o) => o.updated).length;
  const verb = values['dry-run'] ? 'would update' : 'updated';
  console.log(`sync:ctgov: ${verb} ${updated} of ${records.length} record(s)${failed ? `; ${failed} failed` : ''}`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (error) {
  console.error(`sync:ctgov: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
