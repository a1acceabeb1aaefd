/**
 * Whether a tree nests deeper than `limit`. Walked with an explicit stack and stopped
 * at the limit, so no input, however deep, can exhaust the call stack or the clock here.
 */
export function nestsDeeperThan<T>(root: T, limit: number, children: (node: T) => Iterable<T>): boolean {
  const stack: [T, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  return false;
}
