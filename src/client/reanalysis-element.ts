/**
 * `<carnk-reanalysis>`: a reader's own analysis of an outcome's studies, computed in the
 * browser by the same pooling module the build uses. Loaded only when the reader opens
 * the panel (reanalysis-loader.ts); the settings live in the URL so a re-analysis can be
 * shared and cited.
 */
import type { BayesSummary } from '../lib/pooling/bayes.ts';
import { MEASURES } from '../lib/pooling/types.ts';
import { MEASURE_LABELS, MODEL_LABELS } from '../lib/vocabulary/labels.ts';
import { fixed, percent, percentPoints, percentRange, percentWithInterval, pValue, statistic } from '../lib/format/numbers.ts';
import { basisOf, estimateInWords, modelInWords } from '../lib/format/estimate.ts';
import { studiesForest } from '../lib/plots/outcome-plots.ts';
import { reanalyse, robLevel, withinFilters, type Reanalysis, type ReanalysisStudy } from '../lib/reanalysis/reanalyse.ts';
import {
  addressProblems,
  isPrimary,
  knownExclusions,
  parseState,
  parseThreshold,
  PRIMARY,
  ROB_LEVELS,
  stateQuery,
  TAU_PRIORS,
  type ReanalysisState,
} from '../lib/reanalysis/state.ts';
import { MODELS, PUBLICATION_TYPES } from '../lib/vocabulary/codes.ts';

interface OutcomeFile {
  outcome: { title: string };
  studies: ReanalysisStudy[];
  /** Studies known only from sponsor reports (absent in files published before they were listed). */
  sponsorReports?: ReanalysisStudy[];
}

/** Words for codes, given by the page (`data-labels`) so this code carries no copy of the vocabulary. */
interface Labels {
  tiers: Record<string, string>;
  rob: Record<string, string>;
}

/** `tag('p', { class: 'note' }, 'text', child)`: DOM without innerHTML, so study names can never become markup. */
function tag<K extends keyof HTMLElementTagNameMap>(
  name: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

function select(name: string, label: string, options: readonly string[], labels: Record<string, string>, value: string): HTMLElement {
  const control = tag('select', { name, id: `reanalysis-${name}` });
  control.append(...options.map((option) => tag('option', { value: option }, `${labels[option]} (${option})`)));
  control.value = value;
  return tag('p', {}, tag('label', { for: control.id }, label), ' ', control);
}

function checkbox(name: string, value: string, checked: boolean, ...label: (Node | string)[]): HTMLElement {
  const input = tag('input', { type: 'checkbox', name, value });
  input.checked = checked;
  return tag('label', { class: 'reanalysis-check' }, input, ' ', ...label);
}

const settingsText = (state: ReanalysisState) =>
  state.model === 'BAYES'
    ? `the ${MODEL_LABELS.BAYES} with τ ~ Half-Normal(${state.tauPrior})`
    : `${MODEL_LABELS[state.model]}, ${MEASURE_LABELS[state.measure]}, ${state.hakn ? 'Hartung–Knapp' : 'Wald-type'} confidence interval`;

const TAU_PRIOR_LABELS: Record<string, string> = {
  [String(PRIMARY.tauPrior)]: 'the review’s',
  [String(TAU_PRIORS[1])]: 'sensitivity',
};
const THRESHOLD_PROBLEM = 'The threshold must be a rate strictly between 0 and 1, such as 0.3; none is used.';

/**
 * The Bayesian model's answer: the pooled rate's posterior median and 95 % credible interval,
 * a new trial's predictive interval, tau, P(rate > threshold), the prior, and why the prior
 * decides when it does. Numbers also in data attributes, unrounded, for checking.
 */
function bayesOutput(bayes: BayesSummary, basis: string): HTMLElement[] {
  const headline = tag(
    'p',
    {
      class: 'headline',
      'data-reanalysis-estimate': '',
      'data-basis': 'bayes',
      'data-value': String(bayes.proportion.median),
      'data-ci': bayes.proportion.cri.join(','),
      'data-pi': bayes.predictive.cri.join(','),
      'data-p-above': bayes.pAbove === null ? '' : String(bayes.pAbove),
    },
    tag('strong', {}, percentWithInterval(bayes.proportion.median, bayes.proportion.cri)),
    ` (${basis}; posterior median and 95 % credible interval, ${MODEL_LABELS.BAYES}).`,
  );
  const facts = tag('dl', { class: 'facts', 'data-reanalysis-bayes': '', 'data-tau': String(bayes.tau.median) });
  facts.append(
    tag('dt', {}, 'New trial'),
    tag(
      'dd',
      {},
      `${percentRange(bayes.predictive.cri)}: 95 % predictive interval of a new trial’s rate (median ${percent(bayes.predictive.median)})`,
    ),
    tag('dt', {}, 'τ'),
    tag(
      'dd',
      {},
      `${statistic(bayes.tau.median)} (95 % credible interval ${statistic(bayes.tau.cri[0])} to ${statistic(bayes.tau.cri[1])}): between-trial standard deviation of the logits`,
    ),
  );
  if (bayes.threshold !== null && bayes.pAbove !== null)
    facts.append(
      tag('dt', {}, `Above ${percent(bayes.threshold)}`),
      tag('dd', {}, `${fixed(bayes.pAbove, 3)}: probability that the pooled rate is above ${percent(bayes.threshold)}`),
    );
  const { mu, tau } = bayes.prior;
  facts.append(
    tag('dt', {}, 'Prior'),
    tag('dd', {}, `logit of the pooled rate μ ~ Normal(${mu.mean}, ${mu.sd}²); τ ~ Half-Normal(${tau.halfNormalScale})`),
  );
  const prior =
    bayes.priorDriven.length === 0
      ? []
      : [
          tag('p', { class: 'note', 'data-reanalysis-prior-driven': '' }, 'This answer is driven by the prior rather than the data:'),
          tag('ul', {}, ...bayes.priorDriven.map((reason) => tag('li', {}, reason))),
        ];
  return [headline, facts, ...prior];
}

export class ReanalysisElement extends HTMLElement {
  private studies: ReanalysisStudy[] = [];
  private primaryCount = 0;
  private labels: Labels = { tiers: {}, rob: {} };
  /** The state shown; tiers and levels without a box here (no study has them) keep their value. */
  private state: ReanalysisState = PRIMARY;
  private outcomeTitle = '';
  private form: HTMLFormElement | undefined;
  private output: HTMLElement | undefined;
  /** Plots render asynchronously; only the latest one may replace the current plot. */
  private renders = 0;

  connectedCallback(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const status = tag('p', { 'data-reanalysis-status': '' }, 'Loading the studies…');
    this.replaceChildren(status);
    try {
      const response = await fetch(this.dataset.src!);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const file = (await response.json()) as OutcomeFile;
      this.studies = [...file.studies, ...(file.sponsorReports ?? [])];
      this.primaryCount = file.studies.length;
      this.outcomeTitle = file.outcome.title;
      this.labels = JSON.parse(this.dataset.labels ?? '') as Labels;
    } catch (error) {
      status.textContent = `The studies could not be loaded (${error instanceof Error ? error.message : String(error)}); the analysis above is unaffected.`;
      return;
    }
    const parsed = parseState(location.search);
    const { state, unknown } = knownExclusions(parsed.state, new Set(this.studies.map((s) => s.id)));
    this.form = this.controls(state);
    this.output = tag('div', { 'data-reanalysis-output': '', 'aria-live': 'polite' });
    this.replaceChildren(this.form, this.output);
    this.form.addEventListener('change', () => {
      const { state, badThreshold } = this.formState();
      this.update(state, badThreshold ? THRESHOLD_PROBLEM : null);
    });
    this.update(state, addressProblems(parsed.ignored, unknown));
  }

  private tierLabel = (study: ReanalysisStudy) => this.labels.tiers[study.source.type] ?? study.source.type;
  private robLabel = (study: ReanalysisStudy) => this.labels.rob[robLevel(study)] ?? robLevel(study);

  private controls(state: ReanalysisState): HTMLFormElement {
    const form = tag('form', { class: 'reanalysis-controls' });
    form.addEventListener('submit', (event) => event.preventDefault());
    const excluded = new Set(state.exclude);
    const tiers = PUBLICATION_TYPES.filter((tier) => this.studies.some((s) => s.source.type === tier));
    const levels = ROB_LEVELS.filter((level) => this.studies.some((s) => robLevel(s) === level));
    // Filters by risk of bias only where some study has a judgement.
    const judged = this.studies.some((s) => s.riskOfBias !== null);
    form.append(
      tag(
        'fieldset',
        {},
        tag('legend', {}, 'Model'),
        select('model', 'Model', MODELS, MODEL_LABELS, state.model),
        select('measure', 'Transformation', MEASURES, MEASURE_LABELS, state.measure),
        checkbox('hakn', '1', state.hakn, 'Hartung–Knapp confidence interval'),
        select('tauPrior', 'Bayesian model: prior scale of τ', TAU_PRIORS.map(String), TAU_PRIOR_LABELS, String(state.tauPrior)),
        tag(
          'p',
          {},
          tag('label', { for: 'reanalysis-threshold' }, 'Bayesian model: threshold rate (0 to 1)'),
          ' ',
          tag('input', {
            name: 'threshold',
            id: 'reanalysis-threshold',
            inputmode: 'decimal',
            size: '6',
            placeholder: 'none',
            value: state.threshold === null ? '' : String(state.threshold),
          }),
        ),
      ),
      tag(
        'fieldset',
        {},
        tag('legend', {}, 'Evidence tiers included'),
        ...tiers.map((tier) => checkbox('tiers', tier, state.tiers.includes(tier), this.labels.tiers[tier] ?? tier)),
      ),
      ...(judged
        ? [
            tag(
              'fieldset',
              {},
              tag('legend', {}, 'Overall risk of bias included'),
              ...levels.map((level) => checkbox('rob', level, state.rob.includes(level), this.labels.rob[level] ?? level)),
            ),
          ]
        : []),
      tag(
        'fieldset',
        {},
        tag('legend', {}, 'Studies included'),
        ...this.studies.map((s) =>
          checkbox('include', s.id, !excluded.has(s.id), `${s.study} (${s.nct}), ${s.events}/${s.n}; ${this.tierLabel(s)}; ${this.robLabel(s)}`),
        ),
      ),
    );
    return form;
  }

  /** The form's choices; a threshold that is not a rate in (0, 1) is none, and `badThreshold` says so. */
  private formState(): { state: ReanalysisState; badThreshold: boolean } {
    const data = new FormData(this.form);
    const boxes = (name: string) => [...this.form!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
    // A study's own box keeps its choice while a filter leaves it out (disabled boxes are not in FormData).
    const unchecked = new Set(
      boxes('include')
        .filter((box) => !box.checked)
        .map((box) => box.value),
    );
    const chosen = <T extends string>(name: string, values: readonly T[], current: T[]): T[] => {
      const shown = new Map(boxes(name).map((box) => [box.value, box.checked]));
      return values.filter((value) => shown.get(value) ?? current.includes(value));
    };
    const model = data.get('model') as ReanalysisState['model'];
    // The Bayesian controls are disabled (absent from FormData) under the other models: they keep their value.
    const bayes = model === 'BAYES' && data.has('threshold');
    const entered = data.get('threshold');
    const rawThreshold = typeof entered === 'string' ? entered.trim() : '';
    const threshold = bayes ? (rawThreshold === '' ? null : (parseThreshold(rawThreshold) ?? null)) : this.state.threshold;
    return {
      state: {
        exclude: this.studies.filter((s) => unchecked.has(s.id)).map((s) => s.id),
        model,
        measure: data.get('measure') as ReanalysisState['measure'],
        hakn: data.get('hakn') === '1',
        tiers: chosen('tiers', PUBLICATION_TYPES, this.state.tiers),
        rob: chosen('rob', ROB_LEVELS, this.state.rob),
        tauPrior: bayes ? Number(data.get('tauPrior')) : this.state.tauPrior,
        threshold,
      },
      badThreshold: bayes && rawThreshold !== '' && threshold === null,
    };
  }

  private update(state: ReanalysisState, problems: string | null): void {
    this.state = state;
    for (const box of this.form!.querySelectorAll<HTMLInputElement>('input[name="include"]')) {
      const study = this.studies.find((s) => s.id === box.value);
      box.disabled = study !== undefined && !withinFilters(study, state);
    }
    for (const name of ['tauPrior', 'threshold']) this.form!.querySelector<HTMLInputElement>(`[name="${name}"]`)!.disabled = state.model !== 'BAYES';
    const query = stateQuery(state);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    let analysis: Reanalysis;
    try {
      analysis = reanalyse(this.studies, state);
    } catch (error) {
      this.output!.replaceChildren(
        tag('p', { class: 'note' }, `This re-analysis cannot be computed: ${error instanceof Error ? error.message : String(error)}.`),
      );
      return;
    }
    const primary = this.dataset.primaryHref ?? location.pathname;
    const notes: HTMLElement[] = [];
    if (problems) notes.push(tag('p', { class: 'note', 'data-reanalysis-address': '' }, problems));
    notes.push(
      isPrimary(state)
        ? tag(
            'p',
            { class: 'note', 'data-reanalysis-label': 'primary' },
            'These are the settings of the review’s primary analysis; change any of them above.',
          )
        : tag(
            'p',
            { class: 'note reanalysis-differs', 'data-reanalysis-label': 'differs' },
            tag('strong', {}, 'Your re-analysis, not the review’s primary analysis. '),
            `It uses ${settingsText(state)}, ${analysis.included.length} of ${this.studies.length} studies; the review uses ${settingsText(PRIMARY)}, ${this.primaryCount === 1 ? 'the one study' : `the ${this.primaryCount} studies`} of its primary analysis${this.studies.length > this.primaryCount ? ' (sponsor reports left out)' : ''}. `,
            tag('a', { href: `${primary}#pooled` }, 'Back to the primary analysis'),
            '. ',
            tag('a', { href: `${location.pathname}${query}#reanalyse`, 'data-reanalysis-link': '' }, 'Link to this re-analysis'),
            '.',
          ),
    );
    if (analysis.bayes) {
      const patients = analysis.included.reduce((sum, s) => sum + s.n, 0);
      this.output!.replaceChildren(...notes, ...bayesOutput(analysis.bayes, basisOf({ k: analysis.included.length, patients })));
      return;
    }
    const figure = analysis.estimate;
    if (!figure) {
      this.output!.replaceChildren(...notes, tag('p', { 'data-reanalysis-estimate': '' }, 'Every study is excluded: there is nothing to pool.'));
      return;
    }
    const estimate = tag(
      'p',
      {
        class: 'headline',
        'data-reanalysis-estimate': '',
        'data-basis': figure.basis,
        'data-value': String(figure.proportion),
        'data-ci': figure.ci.join(','),
        'data-pi': figure.pi?.join(',') ?? '',
      },
      tag('strong', {}, estimateInWords(figure)),
      ` (${basisOf(figure)}; ${modelInWords(figure)}${figure.pi ? `; 95% prediction interval ${percentRange(figure.pi)}` : ''}).`,
    );
    const rules = tag('ul', { 'data-reanalysis-rules': '' }, ...figure.notes.map((note) => tag('li', {}, note.text)));
    const result = figure.fit;
    if (!result) {
      this.output!.replaceChildren(...notes, estimate, rules);
      return;
    }
    const h = result.heterogeneity;
    const facts = tag('dl', { class: 'facts', 'data-reanalysis-heterogeneity': '', 'data-tau2': String(h.tau2), 'data-i2': String(h.I2) });
    facts.append(
      tag('dt', {}, result.heterogeneityTest === 'likelihood ratio' ? 'Likelihood-ratio test' : 'Q'),
      tag('dd', {}, `${statistic(h.Q)} on ${h.df} df, p = ${pValue(h.pQ)}`),
      tag('dt', {}, 'τ²'),
      tag('dd', {}, `${statistic(h.tau2)} (${state.model})`),
      tag('dt', {}, 'I²'),
      tag('dd', {}, percentPoints(h.I2)),
      tag('dt', {}, 'H²'),
      tag('dd', {}, statistic(h.H2)),
    );
    const forest = studiesForest(
      this.outcomeTitle,
      result,
      analysis.included.map((s) => ({ label: s.study, nct: s.nct, tier: s.source.type, result: s.result! })),
    );
    const description = (forest.spec as { description?: string }).description ?? '';
    const placeholder = tag('div', { class: 'plot-canvas', 'data-reanalysis-plot': 'loading' }, 'Drawing the forest plot…');
    this.output!.replaceChildren(
      ...notes,
      estimate,
      rules,
      facts,
      tag('figure', { class: 'plot' }, placeholder, tag('figcaption', {}, 'Forest plot of this re-analysis.')),
    );
    const render = ++this.renders;
    void import('./embed-plot.ts').then(async ({ embedInPlaceOf }) => {
      if (render !== this.renders) return;
      const plot = await embedInPlaceOf(placeholder, forest.spec, description);
      plot?.setAttribute('data-reanalysis-plot', 'ready');
      if (!plot) placeholder.textContent = 'The forest plot could not be drawn; the numbers above are complete.';
    });
  }
}

export function defineReanalysis(): void {
  if (!customElements.get('carnk-reanalysis')) customElements.define('carnk-reanalysis', ReanalysisElement);
}
