import matter from 'gray-matter';
import { trialSchema, type Trial } from '../schema/trial.ts';
import { formatIssue } from './format-issue.ts';
import { findCodeInMdx } from './mdx-safety.ts';

export interface TrialFile {
  /** Path as shown to people, relative to the repository root. */
  path: string;
  text: string;
}

export interface ValidTrial {
  path: string;
  trial: Trial;
  /** The MDX narrative below the frontmatter. */
  body: string;
}

export type TrialFileResult = { ok: true; value: ValidTrial } | { ok: false; errors: string[] };

/**
 * Parse and validate the content of one trial file (rules about its name and the
 * other files are in validate-trial-files.ts). Returns every problem as a line
 * `path: field rule`, never throws on bad content.
 */
export function validateTrialFile(file: TrialFile): TrialFileResult {
  const fail = (messages: string[]): TrialFileResult => ({ ok: false, errors: messages.map((m) => `${file.path}: ${m}`) });

  let parsed: { data: unknown; content: string };
  try {
    // gray-matter caches by content; a fresh options object bypasses a cache that would hide YAML errors on re-reads.
    parsed = matter(file.text, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail([`frontmatter is not valid YAML (${reason})`]);
  }
  if (!file.text.startsWith('---')) return fail(['frontmatter is missing (the file must start with ---)']);

  const result = trialSchema.safeParse(parsed.data, { reportInput: true });
  const errors = result.success ? [] : result.error.issues.flatMap(formatIssue);
  const bodyFirstLine = file.text.split('\n').length - parsed.content.split('\n').length + 1;
  errors.push(...findCodeInMdx(parsed.content, bodyFirstLine));

  if (errors.length > 0 || !result.success) return fail(errors);
  return { ok: true, value: { path: file.path, trial: result.data, body: parsed.content } };
}
