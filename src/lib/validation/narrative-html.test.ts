import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../validation/narrative.ts';
import { narrativeHtml } from './narrative-html.ts';

const html = (markdown: string): string => {
  const result = parseNarrative(markdown);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return narrativeHtml(result.tree);
};
const attributes = (text: string, name: string) => [...text.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((match) => match[1]);

describe('narrative HTML', () => {
  it('links every footnote reference to its definition and back', () => {
    const text = html('Response[^orr] and safety[^2].\n\n[^orr]: By Lugano 2014.\n\n[^2]: CTCAE v5.\n');
    const ids = attributes(text, 'id');
    const targets = attributes(text, 'href').map((href) => href?.slice(1));
    expect(targets).toHaveLength(4);
    for (const target of targets) expect(ids).toContain(target);
    for (const described of attributes(text, 'aria-describedby')) expect(ids).toContain(described);
    // One prefix, so no id of the page's own can be taken by a footnote.
    expect(ids).toContain('user-content-fn-orr');
    expect(ids.some((id) => id?.startsWith('user-content-user-content-'))).toBe(false);
  });

  it('starts headings below the page: # is an h3 in the Summary section, and none is deeper than h6', () => {
    const text = html('# One\n\n## Two\n\n#### Four\n\nText[^1].\n\n[^1]: A note.\n');
    expect(text).toContain('<h3>One</h3>');
    expect(text).toContain('<h4>Two</h4>');
    expect(text).toContain('<h6>Four</h6>');
    expect(text).not.toMatch(/<h[12][ >]/);
    expect(text).toMatch(/<h3 class="sr-only" id="footnote-label">Footnotes<\/h3>/);
  });
});
