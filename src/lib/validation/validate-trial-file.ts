import type { Root } from 'mdast';
import { trialSchema, UNSAFE_CHARACTERS, type Trial } from '../schema/trial.ts';
import { formatIssue } from './format-issue.ts';
import { parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { parseNarrative } from './narrative.ts';

/** Largest trial file accepted, in bytes; the largest real one is under 7 KB. */
export const MAX_TRIAL_FILE_BYTES = 64 * 1024;

export interface TrialFile {
  /** Path as shown to people, relative to the repository root. */
  path: string;
  text: string;
}

export interface ValidTrial {
  path: string;
  trial: Trial;
  /** The frontmatter as parsed, before the schema's defaults (what a content loader hands to the schema). */
  data: Record<string, unknown>;
  /** The narrative below the frontmatter, as written. */
  body: string;
  /** The narrative's checked syntax tree: the only form in which it is ever rendered. */
  narrative: Root;
}

export type TrialFileResult = { ok: true; value: ValidTrial } | { ok: false; errors: string[] };

export const tooLargeMessage = (bytes: number) => `file is ${bytes} bytes; a trial file may have at most ${MAX_TRIAL_FILE_BYTES}`;

/** Line (1-based) and code point of the first control or bidirectional-override character. */
function unsafeCharacter(text: string): { line: number; code: string } | undefined {
  const match = UNSAFE_CHARACTERS.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split('\n').length;
  return { line, code: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
}

/**
 * The one reader of a trial file's content, for the check, the build, the scripts and
 * the tests (rules about its name and the other files are in validate-trial-files.ts).
 * Returns every problem as a line `path: field rule`; never throws, never evaluates.
 */
export function validateTrialFile(file: TrialFile): TrialFileResult {
  const fail = (messages: string[]): TrialFileResult => ({ ok: false, errors: messages.map((m) => `${file.path}: ${m}`) });

  const bytes = new TextEncoder().encode(file.text).length;
  if (bytes > MAX_TRIAL_FILE_BYTES) return fail([tooLargeMessage(bytes)]);
  const unsafe = unsafeCharacter(file.text);
  if (unsafe) return fail([`line ${unsafe.line} has the invisible character ${unsafe.code} (control or bidirectional override)`]);

  const split = splitFrontmatter(file.text);
  if (typeof split === 'string') return fail([split]);
  const parsed = parseFrontmatter(split.yaml);
  if (!parsed.ok) return fail([parsed.error]);

  const result = trialSchema.safeParse(parsed.data, { reportInput: true });
  const errors = result.success ? [] : result.error.issues.flatMap(formatIssue);
  const narrative = parseNarrative(split.body, split.bodyFirstLine);
  if (!narrative.ok) errors.push(...narrative.errors);

  if (errors.length > 0 || !result.success || !narrative.ok) return fail(errors);
  const data = parsed.data as Record<string, unknown>;
  return { ok: true, value: { path: file.path, trial: result.data, data, body: split.body, narrative: narrative.tree } };
}
