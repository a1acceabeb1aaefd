import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { formatIssue } from './format-issue.ts';
import { normaliseText, unsafeCharacterField, unsafeCharacterLine } from './plain-text.ts';

export type YamlFileResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parse and validate a review-level YAML data file; problems as `path: field rule` lines. */
export function validateYamlFile<T>(file: { path: string; text: string }, schema: z.ZodType<T>): YamlFileResult<T> {
  const fail = (messages: string[]): YamlFileResult<T> => ({ ok: false, errors: messages.map((line) => `${file.path}: ${line}`) });
  const text = normaliseText(file.text);
  const unsafe = unsafeCharacterLine(text);
  if (unsafe) return fail([unsafe]);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail([`not valid YAML (${reason})`]);
  }
  const escaped = unsafeCharacterField(data);
  if (escaped) return fail([escaped]);
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return fail(result.error.issues.flatMap(formatIssue));
}
