import type { Trial } from '../../schema/trial.ts';
import { binaryOutcomeData, type OutcomeData, type StudyRow } from '../model/outcome-data.ts';
import { BINARY_OUTCOMES, type BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';
import { DERIVED_GRADES, NOTES, type RuleNote } from './rules.ts';

/**
 * The derived-grade rule: a study with no event of any grade has none of grade >= 3. Where a
 * trial reports the any-grade outcome as 0 and nothing of grade >= 3, its row is added to the
 * grade >= 3 outcome marked `derivedFrom`, and the trial leaves the "not reported" list. The
 * trial files are not touched: the derivation happens here, on every build.
 */
export function withDerivedGrades(
  trials: Trial[],
  key: BinaryOutcomeKey,
  data: OutcomeData<StudyRow>,
): OutcomeData<StudyRow> & { derivedNote: RuleNote | null } {
  const rule = DERIVED_GRADES.find(({ to }) => to === key);
  if (!rule) return { ...data, derivedNote: null };
  const reporting = new Set(data.rows.map((row) => row.nct));
  const derived: StudyRow[] = binaryOutcomeData(trials, rule.from)
    .rows.filter((row) => row.events === 0 && !reporting.has(row.nct))
    .map((row) => ({ ...row, derivedFrom: rule.from, note: [row.note, 'Grade ≥ 3 derived: no event of any grade.'].filter(Boolean).join(' ') }));
  if (derived.length === 0) return { ...data, derivedNote: null };
  const derivedTrials = new Set(derived.map((row) => row.nct));
  const from = BINARY_OUTCOMES.find((outcome) => outcome.key === rule.from)!;
  return {
    rows: [...data.rows, ...derived],
    notReported: data.notReported.filter((item) => !derivedTrials.has(item.nct)),
    derivedNote: NOTES.derived(derived.length, from.title.replace(/, any grade$/, '')),
  };
}
