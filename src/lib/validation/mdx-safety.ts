import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';

// Trial files arrive in strangers' pull requests and CI builds them, so their MDX
// may hold prose and markup only: code would run on the build machine.
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed']);

/**
 * Lines naming each piece of code in a trial's MDX narrative: import/export
 * statements, `{expressions}`, expression attributes and raw script-like elements.
 * `firstLine` is the file line the body starts on, so messages point into the file.
 */
export function findCodeInMdx(body: string, firstLine = 1): string[] {
  const at = (line: number | undefined) => `line ${(line ?? 1) + firstLine - 1}`;
  let tree;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return [`narrative ${at(place)} is not valid MDX (${reason})`];
  }
  const problems: string[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push(`narrative ${at(line)} has an import/export statement, which trial files may not contain`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push(`narrative ${at(line)} has a JavaScript expression {…}, which trial files may not contain`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name && FORBIDDEN_ELEMENTS.has(node.name.toLowerCase())) {
          problems.push(`narrative ${at(line)} has a <${node.name}> element, which trial files may not contain`);
        }
        if (node.attributes.some((attribute) => attribute.type === 'mdxJsxExpressionAttribute' || typeof attribute.value === 'object')) {
          problems.push(`narrative ${at(line)} has a JavaScript attribute expression, which trial files may not contain`);
        }
        break;
    }
  });
  return problems;
}
