/**
 * Which decision threshold (`content/thresholds.yaml`) a figure is read against: the entry for
 * its outcome and population, the most specific one that fits. A population narrowed by disease
 * or target takes that entry where one exists, else its malignancy group's; a figure across
 * malignancy groups has none, because no single comparator fits mixed populations.
 */
import type { DecisionThreshold } from '../../schema/thresholds.ts';
import type { Disease, MalignancyGroup } from '../../vocabulary/codes.ts';
import type { BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';

export interface Population {
  group: MalignancyGroup;
  /** The disease or target every study of the population shares, when it is narrowed by one. */
  disease?: Disease;
  target?: string;
}

export function thresholdFor(thresholds: DecisionThreshold[], outcome: BinaryOutcomeKey, population: Population): DecisionThreshold | null {
  const candidates = thresholds.filter((t) => t.outcome === outcome && t.population.group === population.group);
  const specific = candidates.find(
    (t) =>
      (t.population.disease !== undefined || t.population.target !== undefined) &&
      (t.population.disease === undefined || t.population.disease === population.disease) &&
      (t.population.target === undefined || t.population.target === population.target),
  );
  return specific ?? candidates.find((t) => t.population.disease === undefined && t.population.target === undefined) ?? null;
}
