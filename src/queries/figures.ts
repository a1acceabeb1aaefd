/**
 * Every plot of the site, built once per build: pages draw them and the download endpoints
 * (`/plots/<id>.svg|png`, `/versions/<date>/plots/<id>.svg|png`) render the same specs, with
 * the figure's credit (outcome, model, version, licence) added to the image.
 */
import { landscapeFigures } from '../lib/plots/landscape-plots.ts';
import { figureList, outcomeFigures, type OutcomeFigures } from '../lib/plots/outcome-plots.ts';
import { riskOfBiasSummary, trafficLight } from '../lib/plots/risk-of-bias-plots.ts';
import { creditOf, withCredit, type FigureEdition } from '../lib/plots/figure-credit.ts';
import { renderPng, renderSvg } from '../lib/plots/render.ts';
import type { PlotFigure } from '../lib/plots/data-table.ts';
import { frozenOutcome } from '../lib/review/history/frozen-outcome.ts';
import type { Release } from '../lib/schema/release.ts';
import { getBuildInfo } from './build-info.ts';
import { getReleases } from './releases.ts';
import { getReview } from './review.ts';

export interface LiveFigures {
  /** Each binary outcome's plots, by outcome slug. */
  outcomes: Map<string, OutcomeFigures>;
  /** Risk of bias of each outcome's analysis, by share of its weight; by outcome slug, where any trial is judged. */
  outcomeRiskOfBias: Map<string, PlotFigure>;
  /** Methods: every included trial's judgements, and their summary by patients. */
  riskOfBias: PlotFigure;
  riskOfBiasSummary: PlotFigure;
  /** Each judged trial's own traffic-light plot, by NCT id. */
  trialRiskOfBias: Map<string, PlotFigure>;
  landscape: PlotFigure[];
}

let live: Promise<LiveFigures> | undefined;

/** The live site's plots, with the ids the pages draw them with. */
export function getLiveFigures(): Promise<LiveFigures> {
  live ??= (async () => {
    const review = await getReview();
    const outcomeRiskOfBias = review.exports.outcomes.flatMap(({ outcome }) => {
      const rob = review.riskOfBiasByWeight.get(outcome.key);
      return rob
        ? [[outcome.slug, { ...riskOfBiasSummary(rob.shares, rob.weighting, `${outcome.slug}-risk-of-bias`), outcome: outcome.title }] as const]
        : [];
    });
    return {
      outcomes: new Map(review.exports.outcomes.map((exported) => [exported.outcome.slug, outcomeFigures(exported)])),
      outcomeRiskOfBias: new Map(outcomeRiskOfBias),
      riskOfBias: trafficLight(review.riskOfBias, 'risk-of-bias'),
      riskOfBiasSummary: riskOfBiasSummary(review.riskOfBiasByPatients, 'patients', 'risk-of-bias-summary'),
      trialRiskOfBias: new Map(review.riskOfBias.map((assessment) => [assessment.nct, trafficLight([assessment], `risk-of-bias-${assessment.nct}`)])),
      landscape: landscapeFigures(review.trials),
    };
  })();
  return live;
}

/** One figure set's plots by id; two plots may not share a download name. */
function byId(figures: PlotFigure[]): Map<string, PlotFigure> {
  const ids = new Map<string, PlotFigure>();
  for (const figure of figures) {
    if (ids.has(figure.id)) throw new Error(`two plots share the download name ${figure.id}`);
    ids.set(figure.id, figure);
  }
  return ids;
}

/** Every live plot, for the download endpoints. */
async function liveFigureList(): Promise<PlotFigure[]> {
  const figures = await getLiveFigures();
  return [
    ...[...figures.outcomes.values()].flatMap(figureList),
    ...figures.outcomeRiskOfBias.values(),
    figures.riskOfBias,
    figures.riskOfBiasSummary,
    ...figures.trialRiskOfBias.values(),
    ...figures.landscape,
  ];
}

const versions = new Map<string, Map<string, OutcomeFigures>>();

/** A frozen version's outcome plots, by outcome slug, drawn from its snapshot alone. */
export function getVersionFigures(release: Release): Map<string, OutcomeFigures> {
  let figures = versions.get(release.version);
  if (!figures) {
    figures = new Map(release.outcomes.map((outcome) => [outcome.outcome.slug, outcomeFigures(frozenOutcome(outcome, release.trials))]));
    versions.set(release.version, figures);
  }
  return figures;
}

/**
 * The plots a frozen outcome page draws: its forest, leave-one-out and cumulative plots. A
 * version's subgroup forests and funnel are not drawn (their tables and tests are).
 */
export function frozenFigureList({ forest, leaveOneOut, cumulative }: OutcomeFigures): PlotFigure[] {
  return [forest, leaveOneOut, cumulative].filter((figure) => figure !== undefined);
}

/** Static paths of `/plots/<id>.svg|png`: one per live plot. */
export async function liveFigurePaths() {
  const { date } = getBuildInfo();
  const edition: FigureEdition = { live: date };
  return [...byId(await liveFigureList()).values()].map((figure) => ({ params: { id: figure.id }, props: { figure, edition } }));
}

/** Static paths of `/versions/<date>/plots/<id>.svg|png`: one per plot of each frozen version's pages. */
export function versionFigurePaths() {
  return getReleases().flatMap((release) => {
    const edition: FigureEdition = { frozen: release.version };
    const figures = byId([...getVersionFigures(release).values()].flatMap(frozenFigureList));
    return [...figures.values()].map((figure) => ({ params: { date: release.version, id: figure.id }, props: { figure, edition } }));
  });
}

export interface FigureFileProps {
  figure: PlotFigure;
  edition: FigureEdition;
}

/** The page a figure's credit names: the live site, or the frozen version's page. */
function editionUrl(edition: FigureEdition, site: URL | undefined, base: string): string {
  return new URL('frozen' in edition ? `${base}versions/${edition.frozen}/` : base, site).href;
}

/** A plot's download: its drawing with its credit above it, as SVG or as PNG at twice its size. */
export async function figureFile(
  { figure, edition }: FigureFileProps,
  format: 'svg' | 'png',
  site: URL | undefined,
  base: string,
): Promise<Response> {
  const svg = withCredit(await renderSvg(figure.spec), creditOf(figure, edition, editionUrl(edition, site, base)));
  return format === 'svg'
    ? new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
    : new Response(Buffer.from(renderPng(svg)), { headers: { 'Content-Type': 'image/png' } });
}
