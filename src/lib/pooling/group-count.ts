/**
 * Number of groups in a 0-based group index (the largest index + 1), as the subgroup
 * estimators take their `groups` argument.
 * @example groupCount(Int32Array.of(0, 1, 0)) // 2
 */
export function groupCount(groups: Int32Array): number {
  let max = -1;
  for (const g of groups) if (g > max) max = g;
  return max + 1;
}
