import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS } from '../schema/trial.ts';
import { BINARY_OUTCOMES, OUTCOME_KINDS, OUTCOME_LABELS, SURVIVAL_OUTCOMES } from './outcomes.ts';

describe('outcomes', () => {
  it('analyses every binary and survival field of the schema, each once', () => {
    const ofKind = (kind: string) => OUTCOME_KEYS.filter((key) => OUTCOME_KINDS[key].kind === kind);
    expect(BINARY_OUTCOMES.map((o) => o.key).toSorted()).toEqual(ofKind('binary').toSorted());
    expect(SURVIVAL_OUTCOMES.map((o) => o.key).toSorted()).toEqual(ofKind('survival').toSorted());
    const slugs = [...BINARY_OUTCOMES, ...SURVIVAL_OUTCOMES].map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('gives every schema field a short name', () => {
    expect(Object.keys(OUTCOME_LABELS).toSorted()).toEqual([...OUTCOME_KEYS].toSorted());
    expect(OUTCOME_LABELS.crsAny).toBe('CRS, any grade');
  });
});
