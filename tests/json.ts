import { readFileSync } from 'node:fs';

/**
 * JSON a test reads (a fixture, a command's output, a built download), typed at the call site
 * with the shape the project exports for it, so the assertions that follow are type-checked
 * instead of walking `any`. The type is a claim the assertions then test, not a validation.
 */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** `parseJson` of a file's text. */
export const readJson = <T>(path: string | URL): T => parseJson<T>(readFileSync(path, 'utf8'));
