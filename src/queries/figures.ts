import { landscapeFigures } from '../lib/plots/landscape-plots.ts';
import { outcomeFigures } from '../lib/plots/outcome-plots.ts';
import { outcomeExportOf } from '../lib/review/model/build-review.ts';
import { riskOfBiasSummary, trafficLight } from '../lib/plots/risk-of-bias-plots.ts';
import type { PlotFigure } from '../lib/plots/data-table.ts';
import { getReview } from './review.ts';

/** Every plot the site shows, for the SVG and PNG download endpoints. */
export async function getFigures(): Promise<PlotFigure[]> {
  const review = await getReview();
  // The risk-of-bias plots with the ids and arguments the pages draw them with (methods, trial and outcome pages).
  const riskOfBias = [
    trafficLight(review.riskOfBias, 'risk-of-bias'),
    riskOfBiasSummary(review.riskOfBiasByPatients, 'patients', 'risk-of-bias-summary'),
    ...review.riskOfBias.map((assessment) => trafficLight([assessment], `risk-of-bias-${assessment.nct}`)),
    ...review.outcomes.flatMap(({ outcome }) => {
      const rob = review.riskOfBiasByWeight.get(outcome.key);
      return rob ? [riskOfBiasSummary(rob.shares, rob.weighting, `${outcome.slug}-risk-of-bias`)] : [];
    }),
  ];
  const figures = [
    ...review.outcomes.flatMap((analysis) => outcomeFigures(analysis, outcomeExportOf(review, analysis.outcome.key))),
    ...landscapeFigures(review.trials),
    ...riskOfBias,
  ];
  const ids = new Set<string>();
  for (const { id } of figures) {
    if (ids.has(id)) throw new Error(`two plots share the download name ${id}`);
    ids.add(id);
  }
  return figures;
}

/** Static paths of the download endpoints: one per plot, named by its id. */
export async function figurePaths() {
  return (await getFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }));
}
