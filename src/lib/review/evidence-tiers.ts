/**
 * Evidence tiers in the analyses: which publication types the primary analysis pools, and the
 * sensitivity analysis that adds sponsor reports. Kept apart from rules.ts because it reads the
 * schema's vocabulary, which the browser's re-analysis code must not load.
 */
import { PUBLICATION_TYPE_LABELS } from '../format/labels.ts';
import { PRIMARY_PUBLICATION_TYPES } from '../schema/trial.ts';
import type { Rule, RuleNote } from './rules.ts';

const SPONSOR_REPORT = PUBLICATION_TYPE_LABELS['sponsor-report'].toLowerCase();

/** The sensitivity row that adds sponsor reports to the primary studies. */
export const ADDING_SPONSOR_REPORTS = `Adding ${SPONSOR_REPORT}s`;

const primaryTiers = PRIMARY_PUBLICATION_TYPES.map((type) => PUBLICATION_TYPE_LABELS[type].toLowerCase());

export const EVIDENCE_TIER_RULE: Rule = {
  id: 'evidence-tiers',
  title: 'Evidence tiers',
  statement: `Every result carries the type of its source, its evidence tier. The primary analysis pools results whose source is a ${primaryTiers.slice(0, -1).join(', ')} or ${primaryTiers.at(-1)}. A ${SPONSOR_REPORT} (a press release or investor presentation by the sponsor itself) is extracted only where it is the only account of a trial's numbers, and never enters the primary analysis, its certainty rating or its counts of trials and patients: a sensitivity analysis ("${ADDING_SPONSOR_REPORTS}") pools those counts with the primary studies, by the same model and the same rules, and the outcome page lists them with their source. News items and reviews are never sources.`,
};

/** The note beside a primary analysis that leaves sponsor reports out. */
export function sponsorReportsNote(k: number, patients: number): RuleNote {
  return {
    rule: 'evidence-tiers',
    text: `Not in this estimate: ${k === 1 ? '1 study' : `${k} studies`} (${patients} patients) known only from a ${SPONSOR_REPORT}; the sensitivity analysis "${ADDING_SPONSOR_REPORTS}" adds ${k === 1 ? 'it' : 'them'}.`,
  };
}
