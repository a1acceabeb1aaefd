/**
 * The command-line conventions every `npm run` command follows, as pure functions: a usage
 * problem is one line `<command>: <message>` on stderr and exit 2; a content problem exits 1.
 */

/** A problem with the command line (or a file named on it): one line, exit 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** node:util parseArgs's message, shortened to its first sentence, with a pointer to --help. */
export function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split('. ')[0]!.replace(/\.$/, '')} (see --help)`;
}

/** `value` if it is one of `allowed`, else a usage error naming the flag and the choices. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value} is not one of: ${allowed.join(', ')}`);
  return value as T;
}

/** A non-negative whole number given as text, else a usage error. */
export function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} ${value} is not a whole number`);
  return Number(value);
}

/** A comma-separated list of positive whole numbers (`--sizes 20,500`), else a usage error. */
export function positiveList(flag: string, value: string): number[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => !/^[1-9]\d*$/.test(item)))
    throw new UsageError(`--${flag} ${value} is not a comma-separated list of positive whole numbers`);
  return items.map(Number);
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not), else a usage error. */
export function isoDate(flag: string, value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  if (!valid) throw new UsageError(`--${flag} must be YYYY-MM-DD, got "${value}"`);
  return value;
}
