import type { Heading, Root } from 'mdast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { defaultHandlers, toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

/**
 * HTML for a narrative from its checked syntax tree (src/lib/validation/narrative.ts).
 * The tree holds only allowlisted prose, and the HTML is sanitised again on top
 * (GitHub's rules, links https or in-page only), so no markup, attribute or address a
 * contributor writes can act on the page: raw HTML is dropped, never passed through.
 *
 * Ids are prefixed once, by the renderer (`user-content-fn-1`), which writes the footnote
 * links to match. The sanitiser's own prefix is off: it would prefix the ids a second time
 * but not the links, so every footnote link would point nowhere. No id comes from anywhere
 * else, since a narrative can hold no HTML.
 */
/** The trial page's own headings are h1 (the trial) and h2 (its sections, "Summary" among them). */
const PAGE_HEADING_LEVELS = 2;
const FOOTNOTE_LABEL_TAG = `h${PAGE_HEADING_LEVELS + 1}`;

const SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: ['https'] },
  // The footnotes' heading keeps the class GitHub's rules allow on it, at its new level.
  attributes: { ...defaultSchema.attributes, [FOOTNOTE_LABEL_TAG]: [['className', 'sr-only']] },
};

/** A narrative's `#` is a heading within the page's "Summary" section: h3, then down to h6 at most. */
const headingBelowPage: typeof defaultHandlers.heading = (state, node: Heading) =>
  defaultHandlers.heading(state, { ...node, depth: Math.min(6, node.depth + PAGE_HEADING_LEVELS) as Heading['depth'] });

export function narrativeHtml(tree: Root): string {
  const hast = toHast(tree, { allowDangerousHtml: false, handlers: { heading: headingBelowPage }, footnoteLabelTagName: FOOTNOTE_LABEL_TAG });
  return toHtml(sanitize(hast, SCHEMA));
}
