import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { LIMITS } from '../schema/text.ts';
import { nestsDeeperThan } from './depth.ts';
import { unsafeCharacterReference } from './plain-text.ts';

/**
 * A trial's narrative is prose. It is parsed once, here, with MDX and GFM syntax on
 * (the files are `.mdx`, so every MDX construct is recognised and refused), and the
 * site renders this same tree (src/lib/validation/narrative-html.ts): nothing in a trial
 * file is ever compiled or run. Anything outside the allowlist is an error.
 */

/** Nesting a narrative may have: blockquotes, lists and inline markup together. */
export const MAX_NARRATIVE_DEPTH = 12;
/** Columns of container prefix (indentation, `>`, list markers) a line may have before parsing. */
const MAX_PREFIX_COLUMNS = 24;

const ALLOWED = new Set([
  'root',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'list',
  'listItem',
  'link',
  'heading',
  'footnoteReference',
  'footnoteDefinition',
  'table',
  'tableRow',
  'tableCell',
  'inlineCode',
  'blockquote',
  'thematicBreak',
  'break',
]);

const REFUSED: Record<string, string> = {
  mdxjsEsm: 'has an import/export statement',
  mdxFlowExpression: 'has a JavaScript expression {…}',
  mdxTextExpression: 'has a JavaScript expression {…}',
  mdxJsxFlowElement: 'has an HTML or JSX fragment',
  mdxJsxTextElement: 'has an HTML or JSX fragment',
  image: 'has an image',
  imageReference: 'has an image',
  code: 'has a code block',
  definition: 'has a link definition (write links as [text](https://…))',
  linkReference: 'has a reference-style link (write links as [text](https://…))',
};

/** A link a reader can follow without leaving the web: https, or a place on the same page. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('#')) return /^#[\w-]+$/.test(href);
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Markup characters one block of prose may hold; the parser's cost grows steeply with nested emphasis and brackets. */
const MAX_MARKUP_PER_BLOCK = 256;
const MARKUP = /[*_[\]<>{}~`]/g;

/**
 * Problems found line by line before parsing: nesting deeper than prose needs (the
 * parser's cost grows steeply with list depth and nested markup), and lines MDX would
 * run as code. This parser does not read `export<TAB>` or `import` plus a newline as
 * ESM, but MDX compilers do, so such lines are refused outright.
 */
function scanLines(body: string): { line: number; rule: string } | undefined {
  let markup = 0;
  for (const [i, line] of body.split('\n').entries()) {
    if (/^(import|export)(\s|$)/.test(line)) return { line: i + 1, rule: `${REFUSED.mdxjsEsm}, which trial files may not contain` };
    markup = line.trim() === '' ? 0 : markup + (line.match(MARKUP)?.length ?? 0);
    if (markup > MAX_MARKUP_PER_BLOCK) return { line: i + 1, rule: `has more than ${MAX_MARKUP_PER_BLOCK} markup characters in one paragraph` };
    if (/^[ \t]*([-*_][ \t]*)+$/.test(line)) continue; // a thematic break or setext underline, not nesting
    const prefix = /^[ \t>*+\-\d.)]*/.exec(line)?.[0] ?? '';
    if (prefix.replace(/\t/g, '    ').length > MAX_PREFIX_COLUMNS) return { line: i + 1, rule: 'nests deeper than a narrative needs' };
  }
  return undefined;
}

/** A character reference (`&#x202E;`) the parser has turned into a character no reader can see. */
function hiddenCharacter(node: Nodes): string | undefined {
  const texts = 'value' in node ? [node.value] : node.type === 'link' ? [node.url, node.title ?? ''] : [];
  return texts.map(unsafeCharacterReference).find(Boolean);
}

/**
 * A table wider or larger than prose needs. The renderer pads every row to the header's
 * width, so a long header over many short rows would render to far more HTML than the file holds.
 */
function tableProblem(table: Table): string | undefined {
  const columns = table.align?.length ?? table.children[0]?.children.length ?? 0;
  const cells = columns * table.children.length;
  if (columns > LIMITS.tableColumns) return `has a table of ${columns} columns; a table may have at most ${LIMITS.tableColumns} columns`;
  if (cells > LIMITS.tableCells) return `has a table of ${cells} cells; a table may have at most ${LIMITS.tableCells} cells`;
  return undefined;
}

/** Line of a parse error: from the message's own position, or from the "(line:column-…)" its reason cites. */
function errorLine(error: unknown): number | undefined {
  const { line, reason } = error as { line?: number; reason?: string };
  const cited = /\((\d+):\d+/.exec(reason ?? '')?.[1];
  return line ?? (cited ? Number(cited) : undefined);
}

export type NarrativeResult = { ok: true; tree: Root } | { ok: false; errors: string[] };

/** Parse and check a narrative; `firstLine` is the file line it starts on, so messages point into the file. */
export function parseNarrative(body: string, firstLine = 1): NarrativeResult {
  const at = (line: number | undefined) => `narrative line ${(line ?? 1) + firstLine - 1}`;
  const scanned = scanLines(body);
  if (scanned) return { ok: false, errors: [`${at(scanned.line)} ${scanned.rule}`] };

  let tree: Root;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, errors: [`${at(undefined)} nests deeper than a narrative needs`] };
    const reason = (error as { reason?: string }).reason ?? String(error);
    // The reason cites its place within the narrative; the message names the file line instead.
    const said = reason.split('\n')[0]!.replace(/ \(\d+:\d+(-\d+:\d+)?\)/g, '');
    return { ok: false, errors: [`${at(errorLine(error))} is not valid MDX (${said})`] };
  }
  if (nestsDeeperThan<Nodes>(tree, MAX_NARRATIVE_DEPTH, (node) => ('children' in node ? (node.children as Nodes[]) : []))) {
    return { ok: false, errors: [`${at(undefined)} nests deeper than a narrative needs (at most ${MAX_NARRATIVE_DEPTH} levels)`] };
  }

  const errors: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const line = node.position?.start.line;
    if (!ALLOWED.has(node.type)) {
      const what =
        'name' in node && typeof node.name === 'string' ? `has a <${node.name}> element` : (REFUSED[node.type] ?? `has ${node.type} markup`);
      errors.push(`${at(line)} ${what}, which trial files may not contain`);
      continue;
    }
    if (node.type === 'link' && !isSafeHref(node.url)) {
      errors.push(`${at(line)} has a link to "${node.url.slice(0, 60)}"; links must be https:// or #in-page`);
    }
    const hidden = hiddenCharacter(node);
    if (hidden) errors.push(`${at(line)} ${hidden}`);
    if (node.type === 'table') {
      const problem = tableProblem(node);
      if (problem) {
        errors.push(`${at(line)} ${problem}`);
        continue; // its cells are not walked: there may be millions
      }
    }
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tree };
}
