import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { formatIssue } from './format-issue.ts';

export type YamlFileResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parse and validate a review-level YAML data file; problems as `path: field rule` lines. */
export function validateYamlFile<T>(file: { path: string; text: string }, schema: z.ZodType<T>): YamlFileResult<T> {
  let data: unknown;
  try {
    data = parseYaml(file.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`${file.path}: not valid YAML (${reason})`] };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.flatMap(formatIssue).map((line) => `${file.path}: ${line}`) };
}
