import { perHundred } from '../../format/numbers.ts';
import type { BinaryOutcomeAnalysis } from './analyses.ts';
import type { BinaryOutcomeKey } from '../../vocabulary/outcomes.ts';
import type { TrialRiskOfBias } from '../model/trial-risk-of-bias.ts';
import type { CertaintyJudgements } from '../../schema/certainty.ts';
import { rateCertainty } from '../../certainty/rate.ts';
import { CERTAINTY_DOMAINS, type CertaintyDomain } from '../../vocabulary/codes.ts';
import { CERTAINTY_DOMAIN_LABELS } from '../../vocabulary/labels.ts';
import { certaintySymbols, countsInWords, plainLanguageStatement } from '../../certainty/statement.ts';
import type { CertaintyInput, OutcomeCertainty } from '../../certainty/certainty-types.ts';

/** One row of the summary-of-findings table: everything it prints, computed here. */
export interface SummaryOfFindings {
  key: BinaryOutcomeKey;
  slug: string;
  title: string;
  k: number;
  patients: number;
  events: number;
  proportion: number;
  ci: [number, number];
  /** "49 per 100 patients (95 % CI 32 to 66)" */
  absolute: string;
  /** "18 of 37 patients in 1 trial responded …" */
  counts: string;
  certainty: OutcomeCertainty;
  /** "⊕⊕◯◯" */
  symbols: string;
  /** Each domain that takes off a level, with its footnote letter (a, b, …) in GRADE's order. */
  downgrades: { marker: string; domain: CertaintyDomain; label: string; downgrade: number; reason: string }[];
  statement: string;
}

/** What the rules read from an analysis; each pooled study joined to its trial's risk of bias by NCT id. */
export function certaintyInput(analysis: BinaryOutcomeAnalysis, assessments: TrialRiskOfBias[]): CertaintyInput | null {
  const { estimate, studies, totals } = analysis;
  if (!estimate) return null;
  const risk = new Map(assessments.map((a) => [a.nct, a.overall]));
  return {
    k: totals.k,
    patients: totals.patients,
    events: totals.events,
    proportion: estimate.proportion,
    ci: estimate.ci,
    pi: estimate.pi,
    I2: estimate.fit?.heterogeneity.I2 ?? null,
    studies: studies.map((study) => {
      const overall = risk.get(study.nct);
      if (!overall) throw new Error(`${study.id}: no risk-of-bias record for ${study.nct}`);
      return { id: study.id, weight: study.result.weight ?? (100 * study.n) / totals.patients, ci: study.result.ci, risk: overall };
    }),
  };
}

/** The summary-of-findings row of one outcome; null when no trial reports it. */
export function summaryOfFindings(
  analysis: BinaryOutcomeAnalysis,
  assessments: TrialRiskOfBias[],
  judgements: CertaintyJudgements,
): SummaryOfFindings | null {
  const input = certaintyInput(analysis, assessments);
  if (!input) return null;
  const { key, slug, title } = analysis.outcome;
  const certainty = rateCertainty(input, key, judgements);
  return {
    key,
    slug,
    title,
    k: input.k,
    patients: input.patients,
    events: input.events,
    proportion: input.proportion,
    ci: input.ci,
    absolute: perHundred(input.proportion, input.ci),
    counts: countsInWords(key, input.events, input.patients, input.k),
    certainty,
    symbols: certaintySymbols(certainty.rating),
    downgrades: CERTAINTY_DOMAINS.filter((domain) => certainty.domains[domain].downgrade > 0).map((domain, i) => ({
      marker: String.fromCharCode(97 + i),
      domain,
      label: CERTAINTY_DOMAIN_LABELS[domain],
      ...certainty.domains[domain],
    })),
    statement: plainLanguageStatement(key, certainty.rating, input.proportion),
  };
}
