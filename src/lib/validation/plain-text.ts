import { codePoint, UNSAFE_CHARACTERS } from '../schema/text.ts';
import { formatPath } from './format-issue.ts';

/**
 * Text is text: a content file may hold no character that hides or reorders what a
 * reader sees (src/lib/schema/text.ts), neither as the character itself nor written as
 * an escape that turns into one once parsed.
 */

const WHAT = '(a control, invisible or bidirectional character)';

/**
 * A content file as it is read: Windows line endings (CRLF) as newlines and a leading
 * byte-order mark dropped, so a file saved by any editor reads the same. A lone carriage
 * return is left in place, and refused as a control character.
 */
export const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');

/** `line N has the invisible character U+…`, for the first such character in a file's text; undefined if none. */
export function unsafeCharacterLine(text: string): string | undefined {
  const match = UNSAFE_CHARACTERS.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split('\n').length;
  return `line ${line} has the invisible character ${codePoint(match[0])} ${WHAT}`;
}

/** `field has the invisible character U+…`, for the first string in parsed data that holds one (a YAML escape such as "\a" or "\u202E"). */
export function unsafeCharacterField(data: unknown): string | undefined {
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const match = UNSAFE_CHARACTERS.exec(value);
      if (match) return `${formatPath(path) || '(document)'} has the invisible character ${codePoint(match[0])} ${WHAT}, written as an escape`;
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value).reverse()) {
        // A key is text too: strict objects refuse unknown keys, but the refusal would print it.
        if (UNSAFE_CHARACTERS.test(key)) return `${formatPath(path) || '(document)'} has a field name with an invisible character ${WHAT}`;
        stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
      }
    }
  }
  return undefined;
}

/** The same for a character written as a reference in a narrative (`&#x202E;`), which the parser turns into the character. */
export const unsafeCharacterReference = (value: string): string | undefined => {
  const match = UNSAFE_CHARACTERS.exec(value);
  return match ? `has the invisible character ${codePoint(match[0])} ${WHAT}, written as a character reference` : undefined;
};
