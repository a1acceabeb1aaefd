import { narrativeHtml } from './narrative-html.ts';
import { LIMITS } from '../schema/text.ts';
import { trialSchema, type Trial } from '../schema/trial.ts';
import { formatIssue } from './format-issue.ts';
import { parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { parseNarrative } from './narrative.ts';
import { normaliseText, unsafeCharacterField, unsafeCharacterLine } from './plain-text.ts';

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
  /** The narrative below the frontmatter, as written (line endings as newlines). */
  body: string;
  /** The narrative as HTML, rendered here from its checked syntax tree: the check renders what the build publishes. */
  html: string;
}

export type TrialFileResult = { ok: true; value: ValidTrial } | { ok: false; errors: string[] };

export const tooLargeMessage = (bytes: number) => `file is ${bytes} bytes; a trial file may have at most ${MAX_TRIAL_FILE_BYTES}`;

/**
 * The one reader of a trial file's content, for the check, the build, the scripts and
 * the tests (rules about its name and the other files are in validate-trial-files.ts).
 * Returns every problem as a line `path: field rule`; never throws, never evaluates.
 */
export function validateTrialFile(file: TrialFile): TrialFileResult {
  const fail = (messages: string[]): TrialFileResult => ({ ok: false, errors: messages.map((m) => `${file.path}: ${m}`) });

  const bytes = new TextEncoder().encode(file.text).length;
  if (bytes > MAX_TRIAL_FILE_BYTES) return fail([tooLargeMessage(bytes)]);
  const text = normaliseText(file.text);
  const unsafe = unsafeCharacterLine(text);
  if (unsafe) return fail([unsafe]);

  const split = splitFrontmatter(text);
  if (typeof split === 'string') return fail([split]);
  const parsed = parseFrontmatter(split.yaml);
  if (!parsed.ok) return fail([parsed.error]);
  const escaped = unsafeCharacterField(parsed.data);
  if (escaped) return fail([escaped]);

  const result = trialSchema.safeParse(parsed.data, { reportInput: true });
  const errors = result.success ? [] : result.error.issues.flatMap(formatIssue);
  const narrative = parseNarrative(split.body, split.bodyFirstLine);
  if (!narrative.ok) errors.push(...narrative.errors);

  if (errors.length > 0 || !result.success || !narrative.ok) return fail(errors);
  const html = narrativeHtml(narrative.tree);
  const htmlBytes = new TextEncoder().encode(html).length;
  if (htmlBytes > LIMITS.narrativeHtmlBytes) {
    return fail([`narrative renders to ${htmlBytes} bytes of HTML; a narrative may render to at most ${LIMITS.narrativeHtmlBytes}`]);
  }
  const data = parsed.data as Record<string, unknown>;
  return { ok: true, value: { path: file.path, trial: result.data, data, body: split.body, html } };
}
