import { landscapeFigures } from '../lib/plots/landscape-plots.ts';
import { outcomeFigures } from '../lib/plots/outcome-plots.ts';
import type { PlotFigure } from '../lib/plots/data-table.ts';
import { getReview } from './review.ts';

/** Every plot the site shows, for the SVG and PNG download endpoints. */
export async function getFigures(): Promise<PlotFigure[]> {
  const review = await getReview();
  const figures = [...review.outcomes.flatMap(outcomeFigures), ...landscapeFigures(review.trials)];
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
