import { describe, expect, it } from 'vitest';
import { decisionThresholdsSchema, type DecisionThreshold } from '../../schema/thresholds.ts';
import { thresholdFor } from './decision-thresholds.ts';

const source = { citation: 'Author A. Title. Journal. 2020.', year: 2020, doi: '10.1000/x', location: 'Abstract', read: 'PubMed abstract' };
const entry = (over: Partial<DecisionThreshold>): DecisionThreshold => ({
  outcome: 'orr',
  population: { group: 'hematologic' },
  value: 0.26,
  comparator: 'salvage therapy',
  reason: 'why',
  source,
  ...over,
});

describe('thresholdFor', () => {
  const group = entry({});
  const lymphoma = entry({ population: { group: 'hematologic', disease: 'lbcl' }, value: 0.3 });
  const cd19 = entry({ population: { group: 'hematologic', target: 'CD19' }, value: 0.4 });
  const all = [group, lymphoma, cd19];

  it("takes the malignancy group's entry for a group", () => {
    expect(thresholdFor(all, 'orr', { group: 'hematologic' })).toBe(group);
  });

  it('prefers the entry for the disease or target the population is narrowed to', () => {
    expect(thresholdFor(all, 'orr', { group: 'hematologic', disease: 'lbcl' })).toBe(lymphoma);
    expect(thresholdFor(all, 'orr', { group: 'hematologic', target: 'CD19' })).toBe(cd19);
    expect(thresholdFor(all, 'orr', { group: 'hematologic', disease: 'aml' })).toBe(group);
  });

  it('has none for another outcome or another group', () => {
    expect(thresholdFor(all, 'cr', { group: 'hematologic' })).toBeNull();
    expect(thresholdFor(all, 'orr', { group: 'solid' })).toBeNull();
  });
});

describe('the thresholds schema', () => {
  it('refuses a rate outside (0, 1), a source with neither DOI nor PMID, and a repeated outcome and population', () => {
    const bad = decisionThresholdsSchema.safeParse({
      thresholds: [
        { ...entry({}), value: 1.2 },
        { ...entry({ outcome: 'cr' }), source: { ...source, doi: undefined } },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(['thresholds.0.value: must be below 1', 'thresholds.1.source: needs a doi or pmid']);
    const twice = decisionThresholdsSchema.safeParse({ thresholds: [entry({}), entry({ value: 0.3 })] });
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual(['repeats an outcome and population listed above']);
  });

  it('takes a disease only as a code of the vocabulary, in its own malignancy group', () => {
    const issues = (disease: string) =>
      decisionThresholdsSchema
        .safeParse({ thresholds: [{ ...entry({}), population: { group: 'solid', disease } }] })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues('ovarian')).toBeUndefined();
    expect(issues('aml')).toEqual(['thresholds.0.population.disease: names a disease of the other malignancy group']);
    expect(issues('ovarian cancer')?.[0]).toMatch(/^thresholds\.0\.population\.disease: /);
  });
});
