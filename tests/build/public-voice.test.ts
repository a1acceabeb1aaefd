/**
 * The site speaks as the review: no built page, feed or download carries the words of the
 * process that made it (tools, sessions, to-do notes) or raw JSON rows where prose belongs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { AUTOMATED_IDENTITY } from '../../src/lib/review/model/contributors.ts';
import { trialSchema } from '../../src/lib/schema/trial.ts';
import { SITE_DIR } from './site.ts';

/** Words of an internal process; a methods section names roles ("extraction", "second check") and sources. */
const INTERNAL_WORDS = [
  /\bhelper\b/i,
  /\bsub-?agents?\b/i,
  /\bsessions?\b/i,
  /\bfind_string\b/i,
  /\bsearch tool\b/i,
  /\bcorpus\b|\bcorpora\b/i,
  /\bthe lead\b/i,
  /\bnext step\b/i,
  /\bautomated (extraction|evidence)\b/i,
  /\bTODO\b|\bFIXME\b/,
  /\bcommit subjects?\b/i,
];

/**
 * A dotted IPv4 address: a network address is never a source a reader can follow. Handbook
 * section numbers ("Cochrane Handbook, section 10.11.3.1") have the same shape, so a dotted
 * quad right after "section" is a citation, not an address.
 */
const IPV4 = /(?<![\d.])(?<!sections? )(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/;

/** The automated identities (names and e-mail addresses) that authored commits in this repository, before any .mailmap. */
function automatedIdentities(): string[] {
  let out = '';
  try {
    out = execFileSync('git', ['log', '--no-mailmap', '--format=%an%n%ae'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // A copy without git history has no commit identities to leak; the generic patterns below still apply.
  }
  return [...new Set(out.split('\n').filter((identity) => identity && AUTOMATED_IDENTITY.test(identity)))];
}

/** Raw JSON rows in reader-facing text: `{"query": ...}` or `[{"...` */
const RAW_JSON = /\{\s*"[a-zA-Z_]+"\s*:/;

/** The object inside optional, default and array wrappers, if there is one. */
function objectIn(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable)
    return objectIn(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return objectIn(schema.element as z.ZodType);
  return undefined;
}

/** The trial file's field paths one level deep (`registry.checked`): a page names a field by its label, never its path. */
const FIELD_PATHS = Object.entries(trialSchema.shape).flatMap(([top, schema]) =>
  Object.keys(objectIn(schema as z.ZodType)?.shape ?? {}).map((field) => `${top}.${field}`),
);
const FIELD_PATH = new RegExp(`\\b(${FIELD_PATHS.map((path) => path.replace('.', '\\.')).join('|')})\\b`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const published = files(SITE_DIR).filter((path) => /\.(html|xml|csv|json|txt)$/.test(path));

/** What a reader reads: visible text of pages (not scripts or the search index), every other file whole. */
function readable(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.html')) return text;
  const root = parse(text);
  for (const element of root.querySelectorAll('script, style')) element.remove();
  return root.text;
}

describe('public pages, feeds and downloads', () => {
  it('were found', () => expect(published.length).toBeGreaterThan(20));

  it('carry no internal process words', () => {
    const offenders = published.flatMap((path) => {
      const text = readable(path);
      return INTERNAL_WORDS.filter((word) => word.test(text)).map((word) => `${relative(SITE_DIR, path)}: ${text.match(word)![0]}`);
    });
    expect(offenders).toEqual([]);
  });

  // Astro drops the line break between text and an inline element; a reformatted line can glue words together.
  it('keep a space between words and the links, code and emphasis inside a sentence', () => {
    const INLINE = '(a|strong|em|code|span|cite|abbr|time)';
    const glued = new RegExp(`[A-Za-z0-9][.;:,]?<${INLINE}( [^>]*)?>[A-Za-z0-9]|[A-Za-z0-9.]</${INLINE}>[A-Za-z0-9]`);
    const offenders = published
      .filter((path) => path.endsWith('.html'))
      .flatMap((path) => {
        const match = glued.exec(readFileSync(path, 'utf8'));
        return match ? [`${relative(SITE_DIR, path)}: ${match[0]}`] : [];
      });
    expect(offenders).toEqual([]);
  });

  it('carry no IPv4 address and no automated identity, in any page, feed or download', () => {
    const identities = automatedIdentities();
    const offenders = published.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const address = IPV4.exec(text)?.[0];
      const identity = identities.find((name) => text.includes(name)) ?? /\[bot\]|users\.noreply\./.exec(text)?.[0];
      return [address, identity].filter(Boolean).map((found) => `${relative(SITE_DIR, path)}: ${found}`);
    });
    expect(offenders).toEqual([]);
  });

  it("name a trial file's fields by their labels, never by their paths", () => {
    expect(FIELD_PATHS).toContain('registry.checked');
    const offenders = published
      .filter((path) => path.endsWith('.html'))
      .flatMap((path) => {
        const found = FIELD_PATH.exec(readable(path))?.[0];
        return found ? [`${relative(SITE_DIR, path)}: ${found}`] : [];
      });
    expect(offenders).toEqual([]);
  });

  it('show no raw JSON in page text', () => {
    const offenders = published
      .filter((path) => path.endsWith('.html'))
      .filter((path) => RAW_JSON.test(readable(path)))
      .map((path) => relative(SITE_DIR, path));
    expect(offenders).toEqual([]);
  });
});
