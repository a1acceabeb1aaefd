import { describe, expect, it } from 'vitest';
import { judgementShares, type TrialRiskOfBias } from '../review/model/trial-risk-of-bias.ts';
import { ROB_DOMAINS, type RobJudgement } from '../schema/risk-of-bias.ts';
import { renderSvg } from './render.ts';
import { riskOfBiasSummary, trafficLight } from './risk-of-bias-plots.ts';

const publication = { id: 'p', citation: 'Alpha A. Journal. 2020.', year: 2020, type: 'article' as const };
function assessment(nct: string, label: string, judgement: RobJudgement, overall: RobJudgement): TrialRiskOfBias {
  return {
    nct,
    label,
    overall,
    judgements: ROB_DOMAINS.map((d) => ({ domain: d.id, judgement, support: 'Test.', citation: { publication, location: 'Abstract' } })),
  };
}
const assessments = [assessment('NCT00000001', 'Alpha', 'low', 'low'), assessment('NCT00000002', 'Beta', 'unclear', 'unclear')];

describe('risk-of-bias plots', () => {
  it('draw a traffic light of trials by items, with its table, without warnings', async () => {
    const figure = trafficLight(assessments, 'risk-of-bias');
    const svg = await renderSvg(figure.spec);
    expect(svg.match(/<path[^>]*fill="#1a7f37"/g)?.length).toBeGreaterThanOrEqual(9);
    expect(figure.table.columns).toEqual([
      'Trial',
      '1. Aim',
      '2. Consecutive',
      '3. Prospective',
      '4. Endpoints',
      '5. Assessment',
      '6. Follow-up',
      '7. Loss < 5%',
      '8. Study size',
      'Overall',
    ]);
    expect(figure.table.rows[1]).toEqual(['Beta', ...Array<string>(9).fill('Unclear risk')]);
  });

  it('share weight per judgement per item: 30 and 70 patients', async () => {
    const shares = judgementShares(
      [
        { nct: 'NCT00000001', weight: 30 },
        { nct: 'NCT00000002', weight: 70 },
      ],
      assessments,
    );
    const figure = riskOfBiasSummary(shares, 'patients', 'risk-of-bias-summary');
    await expect(renderSvg(figure.spec)).resolves.toContain('Share of patients');
    expect(figure.table.rows.at(-1)).toEqual(['Overall', '30 %', '70 %', '0 %']);
  });
});
