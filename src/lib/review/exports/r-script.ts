/**
 * `/data/outcomes/<slug>.R`: an outcome's analyses as metafor calls, so a statistician can
 * re-run the page's numbers outside the site. Run in a folder holding `<slug>.csv` and the
 * script: `Rscript <slug>.R` prints the sensitivity rows, then, as its last line, the primary
 * estimate as JSON `{"proportion": p, "ci": [lo, hi]}`.
 */
import type { OutcomeExport } from '../../schema/exports.ts';
import { ADDING_SPONSOR_REPORTS } from '../analyses/rules.ts';

// metafor's back-transformation of each measure to a proportion; PFT needs the studies' harmonic mean n.
const BACK: Record<string, string> = {
  PLO: 'transf = transf.ilogit',
  PFT: 'transf = transf.ipft.hm, targs = list(ni = d$total)',
  PAS: 'transf = transf.iarcsin',
  PR: 'transf = identity',
};

const rString = (text: string) => JSON.stringify(text);

/** The R script that reproduces one outcome's analyses from its CSV; `site` names the version it reproduces. */
export function rScript(outcome: OutcomeExport, site: string): string {
  const { slug, title } = outcome.outcome;
  // The sponsor-report row pools studies the CSV does not hold; rows the rules left unpooled have no model to re-run.
  const rows = outcome.sensitivity.filter((row) => row.label !== ADDING_SPONSOR_REPORTS && row.basis === 'pooled' && BACK[row.measure]);
  const lines = [
    `# ${title}: the analyses of ${site} as published on ${outcome.version.date}, reproduced with metafor.`,
    `# Run in a folder holding ${slug}.csv and this file:  Rscript ${slug}.R`,
    '# It prints each sensitivity analysis (estimate and 95 % CI on the proportion scale; the page cuts intervals to 0-1),',
    '# then, as its last line, the primary estimate as JSON.',
    'suppressPackageStartupMessages(library(metafor))',
    `d <- read.csv(${rString(`${slug}.csv`)})`,
    '',
    'row <- function(label, measure, method, hakn) {',
    '  fit <- rma(measure = measure, xi = events, ni = total, data = d, method = method, test = if (hakn) "knha" else "z")',
    '  p <- switch(measure,',
    ...Object.entries(BACK).map(([measure, back], i, all) => `    ${measure} = predict(fit, ${back})${i < all.length - 1 ? ',' : ''}`),
    '  )',
    '  cat(sprintf("%s: %.4f [%.4f, %.4f]\\n", label, p$pred, p$ci.lb, p$ci.ub))',
    '}',
    '',
  ];
  if (rows.length > 0) {
    lines.push('# Sensitivity analyses');
    for (const row of rows) lines.push(`row(${rString(row.label)}, ${rString(row.measure)}, ${rString(row.method)}, ${row.hakn ? 'TRUE' : 'FALSE'})`);
    if (outcome.sponsorReports.length > 0) {
      lines.push(`# Not reproduced here: the analysis adding sponsor reports (their counts are in ${slug}.json, "sponsorReports").`);
    }
    lines.push('');
  }
  lines.push(...primaryLines(outcome));
  return `${lines.join('\n')}\n`;
}

const json = 'cat(sprintf(\'{"proportion": %.10g, "ci": [%.10g, %.10g]}\\n\', p, lo, hi))';

/** The primary estimate as the page gives it: the pooled model, or the exact interval where the rules pool nothing. */
function primaryLines(outcome: OutcomeExport): string[] {
  const result = outcome.result;
  const { measure, method, hakn } = outcome.settings;
  if (!result) return ['# No study reports this outcome.', 'cat("null\\n")'];
  if (result.basis === 'pooled') {
    const fit =
      method === 'GLMM'
        ? `fit <- rma.glmm(measure = "PLO", xi = events, ni = total, data = d, method = "ML", test = ${hakn ? '"t"' : '"z"'})`
        : `fit <- rma(measure = ${rString(measure)}, xi = events, ni = total, data = d, method = ${rString(method)}, test = ${hakn ? '"knha"' : '"z"'})`;
    return [
      `# Primary analysis: ${result.model}, ${measure}${hakn ? ', Hartung-Knapp' : ''}`,
      fit,
      `pr <- predict(fit, ${BACK[measure]})`,
      // The page cuts an interval reaching outside 0-1 to that range.
      'p <- pr$pred; lo <- max(0, pr$ci.lb); hi <- min(1, pr$ci.ub)',
      json,
    ];
  }
  if (result.basis === 'not-fitted') return [`# The ${result.model} model gave no estimate on these data; nothing is pooled.`, 'cat("null\\n")'];
  // One study, or no events anywhere: the total with its exact (Clopper-Pearson) 95 % interval.
  return [
    result.basis === 'no-events'
      ? '# No events in any study: no model is fitted; the total with its exact 95 % CI.'
      : '# One study: its own proportion with its exact 95 % CI.',
    'x <- sum(d$events); n <- sum(d$total)',
    'ci <- binom.test(x, n)$conf.int',
    'p <- x / n; lo <- ci[1]; hi <- ci[2]',
    json,
  ];
}
