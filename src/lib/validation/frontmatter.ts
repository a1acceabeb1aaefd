import matter from 'gray-matter';
import { isAlias, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { nestsDeeperThan } from './depth.ts';

/**
 * Frontmatter is read as YAML 1.2 with the core schema and nothing else: no other
 * front-matter language (gray-matter's default engines evaluate `---js`), no tags, no
 * aliases (the building blocks of alias bombs), and dates stay the text that was
 * written, so `2026-02-30` is caught instead of rolled over to March.
 */

/** Deepest nesting a trial's frontmatter needs is 6 (cohorts[].outcomes.orr.source.publication). */
export const MAX_FRONTMATTER_DEPTH = 10;
/** Columns of indentation plus flow brackets a line may open before the parser is trusted with it. */
const MAX_LINE_NESTING = 2 * MAX_FRONTMATTER_DEPTH + 4;

export interface SplitFile {
  yaml: string;
  body: string;
  /** File line (1-based) the body starts on. */
  bodyFirstLine: number;
}

/**
 * gray-matter splits the file, and never parses: its YAML engine only hands the block
 * back (parseFrontmatter reads it with the core schema), and every engine that would
 * evaluate code (`---js`, `---javascript`) or read another language is replaced by a refusal.
 */
const REFUSE = {
  parse: (): object => {
    throw new Error('trial files hold YAML frontmatter only');
  },
};
const SPLIT_ONLY = {
  language: 'yaml',
  engines: { yaml: { parse: (): object => ({}) }, javascript: REFUSE, js: REFUSE, json: REFUSE, coffee: REFUSE, toml: REFUSE },
};

/** Cut a trial file into its YAML frontmatter and its narrative; a problem as a message. */
export function splitFrontmatter(text: string): SplitFile | string {
  const opening = text.split('\n', 1)[0]?.replace(/\r$/, '');
  if (opening === undefined || !opening.startsWith('---')) return 'frontmatter is missing (the file must start with ---)';
  if (opening.trimEnd() !== '---') {
    return `frontmatter line 1 opens with "${opening.slice(0, 20)}"; trial files hold YAML only, opened by a line of just ---`;
  }
  if (!text.split('\n').some((line, i) => i > 0 && line.replace(/\r$/, '').trimEnd() === '---')) {
    return 'frontmatter is not closed (no line of just --- after it)';
  }
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, SPLIT_ONLY);
  } catch (error) {
    return `frontmatter could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
  const bodyFirstLine = text.slice(0, text.length - file.content.length).split('\n').length;
  return { yaml: file.matter.replace(/^\r?\n/, ''), body: file.content, bodyFirstLine };
}

/**
 * Line (in the YAML text, 1-based) of the first line that nests deeper than any trial
 * file needs, counting indentation, compact `- ` entries and open flow brackets outside
 * quotes. Checked before parsing: the YAML parser recurses once per level.
 */
function tooDeepLine(yaml: string): number | undefined {
  let flow = 0;
  const lines = yaml.split('\n');
  for (const [i, line] of lines.entries()) {
    const indent = /^[ \t-]*/.exec(line)?.[0].length ?? 0;
    let quote: string | undefined;
    for (const char of line) {
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '#') break;
      else if (char === '[' || char === '{') flow++;
      else if (char === ']' || char === '}') flow--;
      if (flow > MAX_FRONTMATTER_DEPTH) return i + 1;
    }
    if (indent > MAX_LINE_NESTING) return i + 1;
  }
  return undefined;
}

export type FrontmatterResult = { ok: true; data: unknown } | { ok: false; error: string };

/** Parse frontmatter YAML; `firstLine` is the file line it starts on, so messages point into the file. */
export function parseFrontmatter(yaml: string, firstLine = 2): FrontmatterResult {
  const fail = (line: number | undefined, rule: string): FrontmatterResult => ({
    ok: false,
    error: line === undefined ? `frontmatter ${rule}` : `frontmatter line ${line + firstLine - 1} ${rule}`,
  });
  const deep = tooDeepLine(yaml);
  if (deep !== undefined) return fail(deep, `nests deeper than a trial file needs (at most ${MAX_FRONTMATTER_DEPTH} levels)`);

  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const [error] = doc.errors;
  if (error) return fail(lineAt(error.pos[0]), `is not valid YAML (${error.message.split('\n')[0]})`);
  const [warning] = doc.warnings;
  if (warning) return fail(lineAt(warning.pos[0]), `is not plain YAML (${warning.message.split('\n')[0]})`);

  let problem: FrontmatterResult | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) problem = fail(lineAt(node.range?.[0]), `uses an alias (*${node.source}); write the value out`);
    else if (isNode(node) && node.tag) problem = fail(lineAt(node.range?.[0]), `has a YAML tag (${node.tag}); tags are not allowed`);
    else if (isNode(node) && node.anchor) problem = fail(lineAt(node.range?.[0]), `has an anchor (&${node.anchor}); anchors are not allowed`);
    return problem ? visit.BREAK : undefined;
  });
  if (problem) return problem;

  const data: unknown = doc.toJS();
  if (
    nestsDeeperThan(data, MAX_FRONTMATTER_DEPTH, (value) =>
      value && typeof value === 'object' ? Object.values(value as Record<string, unknown>) : [],
    )
  )
    return fail(undefined, `nests deeper than a trial file needs (at most ${MAX_FRONTMATTER_DEPTH} levels)`);
  return { ok: true, data };
}
