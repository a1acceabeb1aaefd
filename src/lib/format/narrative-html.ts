import type { Root } from 'mdast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

/**
 * HTML for a narrative from its checked syntax tree (src/lib/validation/narrative.ts).
 * The tree holds only allowlisted prose, and the HTML is sanitised again on top
 * (GitHub's rules, links https or in-page only), so no markup, attribute or address a
 * contributor writes can act on the page: raw HTML is dropped, never passed through.
 */
const SCHEMA: Schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ['https'] } };

export function narrativeHtml(tree: Root): string {
  return toHtml(sanitize(toHast(tree, { allowDangerousHtml: false }), SCHEMA));
}
