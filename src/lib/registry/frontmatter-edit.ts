/**
 * Editing a trial file's registry facts in place: the values change, every other byte of the
 * file (comments, key order, quoting, the narrative, the outcomes) stays as it was.
 * Pure text in, text out; `npm run sync:ctgov` reads and writes the files.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, type Document, type Scalar, type YAMLSeq } from 'yaml';
import type { Trial } from '../schema/trial.ts';
import type { RegistryFacts } from './ctgov.ts';

/** A scalar, a list, or a small map of scalars (written as a flow mapping when the key is new). */
export type Value = string | number | string[] | Record<string, string>;

/** One registry fact that differs between the trial file and the record. */
export interface Change {
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
const REGISTRY_ORDER = ['sponsor', 'phase', 'status', 'enrollment', 'startYear', 'primaryCompletion', 'countries', 'checked'];

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The facts the record states that differ from the file; a fact the record leaves out is never a change. */
export function registryChanges(current: Trial['registry'], facts: RegistryFacts): Change[] {
  const changes: Change[] = [];
  const compare = (path: string[], from: Value | undefined, to: Value | undefined) => {
    if (to === undefined) return;
    const same = Array.isArray(to) ? Array.isArray(from) && sameSet(from, to) : from === to;
    if (!same) changes.push({ path: ['registry', ...path], from, to });
  };
  compare(['status'], current.status, facts.status);
  compare(['phase'], current.phase, facts.phase);
  compare(['enrollment', 'count'], current.enrollment?.count, facts.enrollment.count);
  compare(['enrollment', 'type'], current.enrollment?.type, facts.enrollment.type);
  compare(['startYear'], current.startYear, facts.startYear);
  if (facts.primaryCompletion && !current.primaryCompletion)
    changes.push({ path: ['registry', 'primaryCompletion'], from: undefined, to: facts.primaryCompletion });
  compare(['primaryCompletion', 'date'], current.primaryCompletion?.date, current.primaryCompletion && facts.primaryCompletion?.date);
  compare(['primaryCompletion', 'type'], current.primaryCompletion?.type, current.primaryCompletion && facts.primaryCompletion?.type);
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
  const text = Array.isArray(value)
    ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
    : typeof value === 'object'
      ? `{ ${Object.entries(value)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join(', ')} }`
      : formatScalar(value, 'QUOTE_DOUBLE');
  return { start: lineStart, end: lineStart, text: `${indent}${key}: ${text}${eol}` };
}

function valueEdit(doc: Document, yaml: string, path: string[], value: Value, eol: string): Edit {
  const node = doc.getIn(path, true);
  if (node === undefined && path.length === 2) return insertEdit(doc, yaml, path[1]!, value, eol);
  if (Array.isArray(value) && isSeq(node)) return listEdit(yaml, node, value);
  if ((typeof value === 'string' || typeof value === 'number') && isScalar(node)) {
    const [start, end] = node.range!;
    return { start, end, text: formatScalar(value, node.type) };
  }
  throw new Error(`${path.join('.')} has a form this script does not edit; update it by hand`);
}

/** The file with the given frontmatter values replaced, every other byte unchanged. */
export function applyChanges(text: string, values: [string[], Value][]): string {
  const frontmatter = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n|$)/.exec(text);
  if (!frontmatter) throw new Error('frontmatter is missing');
  const offset = text.indexOf('\n') + 1;
  const yaml = frontmatter[1]!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(yaml);
  // The trial-file reader accepted this YAML; edit it only if the editing parser reads it the same way.
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
