import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { certaintyJudgementsSchema } from '../schema/certainty.ts';
import { searchSchema } from '../schema/search.ts';
import { seedClaimsSchema } from '../schema/seed-claims.ts';
import { validateYamlFile } from './validate-yaml-file.ts';

// The review's own data files, each read as the check reads it.
const files: { path: string; schema: z.ZodType<unknown> }[] = [
  { path: 'content/search.yaml', schema: searchSchema },
  { path: 'content/seed-claims.yaml', schema: seedClaimsSchema },
  { path: 'content/certainty.yaml', schema: certaintyJudgementsSchema },
];
const search = readFileSync('content/search.yaml', 'utf8');
const check = (text: string) => validateYamlFile({ path: 'content/search.yaml', text }, searchSchema);
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

describe('review data files: text is text', () => {
  it.each(files)('$path reads the same saved with Windows line endings (CRLF) and a byte-order mark', ({ path, schema }) => {
    const text = readFileSync(path, 'utf8');
    const lf = validateYamlFile({ path, text }, schema);
    const crlf = validateYamlFile({ path, text: `\uFEFF${text.replaceAll('\n', '\r\n')}` }, schema);
    expect(lf.ok).toBe(true);
    expect(crlf).toEqual(lf);
  });

  it.each([
    ['a BEL', '\u0007', 'U+0007'],
    ['a right-to-left override', '\u202E', 'U+202E'],
    ['a zero-width space', '\u200B', 'U+200B'],
    ['a paragraph separator', '\u2029', 'U+2029'],
    ['a tag character', '\u{E0049}', 'U+E0049'],
  ])('refuses %s written into a field, naming its line', (_name, char, code) => {
    const text = search.replace('period: "2000', `period: "${char}2000`);
    expect(check(text)).toEqual({
      ok: false,
      errors: [
        `content/search.yaml: line ${lineOf(text, 'period:')} has the invisible character ${code} (a control, invisible or bidirectional character)`,
      ],
    });
  });

  it.each([
    ['a BEL', '\\a', 'U+0007'],
    ['a right-to-left override', '\\u202E', 'U+202E'],
  ])('refuses %s written as a YAML escape, naming its field', (_name, escape, code) => {
    expect(check(search.replace('period: "2000', `period: "${escape}2000`))).toEqual({
      ok: false,
      errors: [
        `content/search.yaml: period has the invisible character ${code} (a control, invisible or bidirectional character), written as an escape`,
      ],
    });
  });

  it('holds each text field to its length ceiling', () => {
    expect(check(search.replace('period: "2000', `period: "${'9'.repeat(300)}`))).toEqual({
      ok: false,
      errors: ['content/search.yaml: period must be at most 200 characters'],
    });
  });
});
