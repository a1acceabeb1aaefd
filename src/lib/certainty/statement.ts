import { outOf100 } from '../format/numbers.ts';
import type { BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { CERTAINTY_DOMAINS, CERTAINTY_LEVELS, type CertaintyDomain, type CertaintyLevel } from '../vocabulary/codes.ts';
import { CERTAINTY_DOMAIN_LABELS } from '../vocabulary/labels.ts';
import type { DomainRating } from './certainty-types.ts';

/** What a patient with the outcome did, in present and past tense, for sentences. */
export const OUTCOME_PHRASES: Record<BinaryOutcomeKey, { present: string; past: string }> = {
  orr: { present: 'respond (complete or partial response)', past: 'responded (complete or partial response)' },
  cr: { present: 'have a complete response', past: 'had a complete response' },
  crsAny: { present: 'have cytokine release syndrome', past: 'had cytokine release syndrome' },
  crsGrade3: { present: 'have grade 3 or higher cytokine release syndrome', past: 'had grade 3 or higher cytokine release syndrome' },
  icansAny: { present: 'have neurotoxicity (ICANS)', past: 'had neurotoxicity (ICANS)' },
  icansGrade3: { present: 'have grade 3 or higher neurotoxicity (ICANS)', past: 'had grade 3 or higher neurotoxicity (ICANS)' },
  gvhd: { present: 'have graft-versus-host disease', past: 'had graft-versus-host disease' },
  infections: { present: 'have an infection', past: 'had an infection' },
  cytopenias: { present: 'have grade 3 or higher cytopenias', past: 'had grade 3 or higher cytopenias' },
};

// GRADE's informative statements (Santesso et al., J Clin Epidemiol 2020;119:126-135): the verb carries the certainty.
const HEDGE: Record<Exclude<CertaintyLevel, 'very low'>, string> = { high: '', moderate: 'probably ', low: 'may ' };

/**
 * GRADE's plain-language statement for a single-arm proportion.
 * @example plainLanguageStatement('cr', 'low', 0.5) // 'About 50 in 100 patients treated with CAR-NK cells may have a complete response.'
 */
export function plainLanguageStatement(key: BinaryOutcomeKey, rating: CertaintyLevel, proportion: number): string {
  const { present } = OUTCOME_PHRASES[key];
  if (rating === 'very low') return `The evidence is very uncertain about how many patients treated with CAR-NK cells ${present}.`;
  return `About ${outOf100(proportion)} in 100 patients treated with CAR-NK cells ${HEDGE[rating]}${present}.`;
}

/**
 * The counts behind an estimate, in words.
 * @example countsInWords('crsAny', 0, 54, 3) // '0 of 54 patients in 3 trials had cytokine release syndrome'
 */
export function countsInWords(key: BinaryOutcomeKey, events: number, patients: number, k: number): string {
  return `${events} of ${patients} patients in ${k} ${k === 1 ? 'trial' : 'trials'} ${OUTCOME_PHRASES[key].past}`;
}

/**
 * GRADE's symbols: one filled circle per level of certainty.
 * @example certaintySymbols('low') // '⊕⊕◯◯'
 */
export function certaintySymbols(level: CertaintyLevel): string {
  const filled = CERTAINTY_LEVELS.length - CERTAINTY_LEVELS.indexOf(level);
  return '⊕'.repeat(filled) + '◯'.repeat(CERTAINTY_LEVELS.length - filled);
}

/** GRADE's word for a domain's concern: not serious, serious (−1), very serious (−2). */
export function seriousness(downgrade: number): string {
  return ['not serious', 'serious (−1)', 'very serious (−2)'][downgrade] ?? 'very serious (−2)';
}

/** What a domain's judgement did to the rating, in words: "downgraded one level (serious)". */
export function downgradeWords(downgrade: number): string {
  if (downgrade === 0) return 'not downgraded';
  return downgrade === 2 ? 'downgraded two levels (very serious)' : 'downgraded one level (serious)';
}

/** Every domain of a rating in GRADE's order, in a sentence each: "Imprecision: downgraded one level (serious). <reason>" */
export function domainSentences(
  domains: Record<CertaintyDomain, Pick<DomainRating, 'downgrade' | 'reason'>>,
): { domain: CertaintyDomain; downgrade: number; text: string }[] {
  return CERTAINTY_DOMAINS.map((domain) => {
    const { downgrade, reason } = domains[domain];
    return { domain, downgrade, text: `${CERTAINTY_DOMAIN_LABELS[domain]}: ${downgradeWords(downgrade)}. ${reason}` };
  });
}
