/**
 * Invented trial files for benchmarks: valid against the schema, clearly fake
 * (NCT9xxxxxxx ids, "Synthetic" titles), never written into content/.
 */
import { ROB_DOMAINS } from '../../src/lib/schema/risk-of-bias.ts';
import { UNSPECIFIED_DISEASE } from '../../src/lib/vocabulary/codes.ts';

const SOURCES = ['cord-blood', 'peripheral-blood', 'nk-92', 'ipsc', 'undisclosed'] as const;
const TARGETS = ['CD19', 'BCMA', 'CD33', 'HER2', 'NKG2D ligands', 'CD70', 'TROP2'] as const;
const PHASES = ['1', '1/2', 'early-1'] as const;
const riskOfBias = `riskOfBias:
  judgements:
${ROB_DOMAINS.map(({ id }) => `    ${id}: { judgement: unclear, support: "Synthetic benchmark judgement.", source: { publication: report, location: Methods } }`).join('\n')}
`;

/** A population of a random group (u uniform in [0, 1)), whose invented disease is coded as the group's "not specified". */
function population(u: number): string {
  const group = u < 0.6 ? 'hematologic' : 'solid';
  return `  group: ${group}
  diseases: ["Synthetic disease"]
  diseaseCodes: [${UNSPECIFIED_DISEASE[group]}]`;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same set. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticTrialFiles(count: number, seed = 1): { name: string; text: string }[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const nct = `NCT9${String(i).padStart(7, '0')}`;
    const n = 5 + Math.floor(next() * 40);
    const count = (p: number) => Math.min(n, Math.floor(next() * p * n * 2));
    const hasResults = next() < 0.6;
    const year = 2018 + Math.floor(next() * 8);
    const outcome = (events: number) => `{ events: ${events}, n: ${n}, source: { publication: report, location: Table 2 } }`;
    const results = hasResults
      ? `publications:
  - { id: report, citation: "Synthetic A, et al. Benchmark Journal. ${year};1:1-9.", year: ${year}, type: article, doi: "10.9999/synthetic.${i}" }
cohorts:
  - id: all
    label: All treated patients
    pooled: [orr, cr, crsAny, crsGrade3, icansAny, gvhd, infections]
    outcomes:
      orr: ${outcome(count(0.5))}
      cr: ${outcome(count(0.3))}
      crsAny: ${outcome(count(0.15))}
      crsGrade3: ${outcome(count(0.02))}
      icansAny: ${outcome(count(0.03))}
      gvhd: ${outcome(0)}
      infections: ${outcome(count(0.2))}
`
      : '';
    const text = `---
nct: ${nct}
title: "Synthetic benchmark trial ${i + 1}"
registry:
  phase: "${pick(PHASES)}"
  status: ${hasResults ? 'completed' : 'recruiting'}
  enrollment: { count: ${n + Math.floor(next() * 20)}, type: planned }
  checked: { source: "Synthetic benchmark data", date: 2026-11-29 }
product:
  targets: ["${pick(TARGETS)}"]
  nkSource: ${pick(SOURCES)}
population:
${population(next())}
${hasResults ? riskOfBias : ''}inclusion:
  status: ${hasResults ? 'included' : 'awaiting-results'}
  reason: "Synthetic benchmark trial."
${results}extraction:
  extractedBy: Benchmark generator
  extractedOn: 2026-11-29
---

Synthetic benchmark trial ${i + 1}, invented to measure build cost.
It is not real data.
`;
    return { name: `${nct}.mdx`, text };
  });
}
