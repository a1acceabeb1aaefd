/**
 * A frozen version compared with the text it was committed with: a citation points at it, so
 * nothing in it may change after the fact. The one edit allowed is adding the `doi` an archive
 * mints for the version afterwards (src/lib/schema/release.ts).
 */
import { formatPath } from './format-issue.ts';

type Path = (string | number)[];

/** Above this many changed fields a file is reported by its first ones and a count. */
const MAX_REPORTED = 10;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
const shown = (value: unknown): string =>
  value === undefined ? 'absent' : isRecord(value) ? 'an object' : Array.isArray(value) ? `a list of ${value.length}` : clip(JSON.stringify(value));

function differences(before: unknown, after: unknown, path: Path): { path: Path; before: unknown; after: unknown }[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => !(path.length === 0 && key === 'doi' && !(key in before)))
      .flatMap((key) => differences(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => differences(item, after[i], [...path, i]));
  }
  return Object.is(before, after) ? [] : [{ path, before, after }];
}

/**
 * One line per field of `now` (parsed JSON) that differs from `first` (the version as committed),
 * `first` being `from` (e.g. "its first commit, c055d70"); empty when only a `doi` was added.
 * Values are compared, not text, so reformatting the file changes nothing.
 */
export function frozenEdits(first: unknown, now: unknown, from: string): string[] {
  const found = differences(first, now, []);
  const lines = found
    .slice(0, MAX_REPORTED)
    .map(
      ({ path, before, after }) =>
        `${formatPath(path) || '(file)'} changed since ${from} (${shown(before)} -> ${shown(after)}): a frozen version may only gain a doi`,
    );
  if (found.length > MAX_REPORTED) lines.push(`and ${found.length - MAX_REPORTED} more changed fields`);
  return lines;
}

/**
 * The fields a reviewed correction changed other than by replacing text with text (a figure, a
 * date written as a number, a row added or removed): a correction may reword, never recount.
 */
export function nonTextEdits(before: unknown, after: unknown): string[] {
  return differences(before, after, [])
    .filter((change) => typeof change.before !== 'string' || typeof change.after !== 'string')
    .map(({ path }) => formatPath(path) || '(file)');
}
