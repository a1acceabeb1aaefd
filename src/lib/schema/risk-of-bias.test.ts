import { describe, expect, it } from 'vitest';
import { overallRisk, ROB_DOMAINS, type RiskOfBias, type RobJudgement } from './risk-of-bias.ts';

/** Every item low, then the given items changed. */
function record(changes: Partial<Record<string, RobJudgement>> = {}): RiskOfBias {
  const judgements = Object.fromEntries(
    ROB_DOMAINS.map(({ id }) => [id, { judgement: changes[id] ?? 'low', support: 'Test.', source: { publication: 'p', location: 'Abstract' } }]),
  );
  return { judgements } as RiskOfBias;
}

describe('overall risk of bias', () => {
  it('is low when every item is low', () => {
    expect(overallRisk(record())).toBe('low');
  });

  it('is the worst key item: unclear, then high', () => {
    expect(overallRisk(record({ consecutive: 'unclear' }))).toBe('unclear');
    expect(overallRisk(record({ consecutive: 'unclear', 'loss-to-follow-up': 'high' }))).toBe('high');
  });

  it('ignores items that are not key', () => {
    expect(overallRisk(record({ 'study-size': 'high', aim: 'unclear' }))).toBe('low');
  });

  it('has eight MINORS items with unique ids, numbered 1 to 8', () => {
    expect(ROB_DOMAINS.map((d) => d.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(ROB_DOMAINS.map((d) => d.id)).size).toBe(8);
  });
});
