import { UNSAFE_CHARACTERS } from '../schema/text.ts';

const EVERY_UNSAFE = new RegExp(UNSAFE_CHARACTERS.source, `${UNSAFE_CHARACTERS.flags}g`);

/**
 * Text safe to print to a terminal: control characters (escape sequences can move the
 * cursor and hide lines) and bidirectional overrides are shown as `\u{…}`, and a
 * newline as `\n`, so one printed line is always one line of output.
 */
export const printable = (text: string): string =>
  text.replace(/\n/g, '\\n').replace(EVERY_UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
