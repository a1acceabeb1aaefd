import type { z } from 'astro/zod';

/** `['cohorts', 0, 'outcomes', 'orr']` -> `cohorts[0].outcomes.orr` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'number' && !Number.isFinite(value)
          ? String(value) // NaN and Infinity, which JSON would print as null (YAML's .nan and .inf)
          : `${typeof value} ${JSON.stringify(value)}`;

const EXPECTED: Record<string, string> = { array: 'a list', object: 'an object', int: 'a whole number' };

/**
 * One zod issue as the lines a contributor reads: the field, then the rule it broke.
 * An unknown-keys issue names each key, so a misspelling is found at once.
 */
export function formatIssue(issue: z.core.$ZodIssue): string[] {
  const field = formatPath(issue.path) || '(frontmatter)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...issue.path, key])} is not a known field`);
    case 'invalid_type': {
      if (issue.input === undefined) return [`${field} is required`];
      const hint = issue.input === null ? ' (leave out a value that was not reported)' : '';
      return [`${field} must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, got ${describe(issue.input)}${hint}`];
    }
    case 'invalid_value':
      return [`${field} must be one of: ${issue.values.map(String).join(', ')}`];
    case 'invalid_union': {
      // Report the form the value comes closest to (fewest issues), so a snapshot in an older
      // shape still names its broken field instead of "no allowed form".
      const closest = issue.errors.toSorted((a, b) => a.length - b.length)[0];
      if (!closest || closest.length === 0) return [`${field} does not match any allowed form`];
      return closest.flatMap((inner) => formatIssue({ ...inner, path: [...issue.path, ...inner.path] }));
    }
    default:
      return [`${field} ${issue.message}`];
  }
}
