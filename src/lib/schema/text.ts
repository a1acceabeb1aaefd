/**
 * Text in the review's content files (trial files and every `content/*.yaml`): what a
 * character may be, and how long each kind of field may grow. Every ceiling the content
 * is held to is declared here, once, so the schemas, the check and the methods of the
 * build read the same numbers. Each is far above the longest real value and far below
 * what would swell a page or a figure.
 */
import { z } from 'astro/zod';

/**
 * Characters a reader cannot see or that reorder what they see: control characters (other
 * than tab and newline), zero-width characters and the byte-order mark, the line and
 * paragraph separators, bidirectional formatting, and the invisible tag characters.
 */
export const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

/** `U+202E`: how a message names a character. */
export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const LIMITS = {
  /** Characters in a name or label: a person, a target, a disease, a cohort, a place in a source (longest real one: 133). */
  name: 200,
  /** Characters in a trial's title (registry official titles run to about 600). */
  title: 600,
  /** Characters in a citation (longest real one: 307). */
  citation: 1_000,
  /** Characters in a sentence-length field: a note, a reason, a risk-of-bias support (longest real one: 489). */
  sentence: 2_000,
  /** Characters in a web address or a DOI (longest real one: 143). */
  address: 1_000,
  /** Characters in a free paragraph of a review file, such as the search's notes (longest real one: 4,430). */
  paragraph: 10_000,
  /** Bytes of HTML a trial's narrative may render to (the largest real one renders under 4 KB). */
  narrativeHtmlBytes: 256 * 1024,
  /** Columns of one table in a narrative. */
  tableColumns: 20,
  /** Cells of one table in a narrative (rows times columns, as rendered). */
  tableCells: 2_000,
} as const;

/** The rule a value over its ceiling breaks. */
export const atMostCharacters = (limit: number): string => `must be at most ${limit.toLocaleString('en')} characters`;

const textUpTo = (limit: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(limit, atMostCharacters(limit))
    .refine((s) => !UNSAFE_CHARACTERS.test(s), 'must not contain control, invisible or bidirectional characters');

/** A sentence or two: the default for text fields. */
export const text = textUpTo(LIMITS.sentence);
export const nameText = textUpTo(LIMITS.name);
export const titleText = textUpTo(LIMITS.title);
export const citationText = textUpTo(LIMITS.citation);
export const paragraphText = textUpTo(LIMITS.paragraph);
