/**
 * What is wrong with a study's counts, or null: counts must be integers, total at least 1,
 * events between 0 and total. Shared by `analyse` and the CLI so both word problems alike.
 * @example studyProblem(12, 10) // 'events (12) exceeds total (10)'
 */
export function studyProblem(events: number, total: number): string | null {
  if (!Number.isInteger(events) || events < 0) return `events (${events}) is not a non-negative integer`;
  if (!Number.isInteger(total) || total < 1) return `total (${total}) is not a positive integer`;
  if (events > total) return `events (${events}) exceeds total (${total})`;
  return null;
}
