/**
 * `<carnk-reanalysis>`: a reader's own analysis of an outcome's studies, computed in the
 * browser by the same pooling module the build uses. Loaded only when the reader opens
 * the panel (reanalysis-loader.ts); the settings live in the URL so a re-analysis can be
 * shared and cited.
 */
import { MEASURES, POOLING_METHODS } from '../lib/pooling/types.ts';
import { MEASURE_LABELS, METHOD_LABELS } from '../lib/vocabulary/labels.ts';
import { percentPoints, percentRange, pValue, statistic } from '../lib/format/numbers.ts';
import { basisOf, estimateInWords, modelInWords } from '../lib/format/estimate.ts';
import { studiesForest } from '../lib/plots/outcome-plots.ts';
import { reanalyse, robLevel, withinFilters, type Reanalysis, type ReanalysisStudy } from '../lib/reanalysis/reanalyse.ts';
import {
  addressProblems,
  isPrimary,
  knownExclusions,
  parseState,
  PRIMARY,
  ROB_LEVELS,
  stateQuery,
  type ReanalysisState,
} from '../lib/reanalysis/state.ts';
import { PUBLICATION_TYPES } from '../lib/vocabulary/codes.ts';

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
  `${METHOD_LABELS[state.model]}, ${MEASURE_LABELS[state.measure]}, ${state.hakn ? 'Hartung–Knapp' : 'Wald-type'} confidence interval`;

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
    this.form.addEventListener('change', () => this.update(this.formState(), null));
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
        select('model', 'Model', POOLING_METHODS, METHOD_LABELS, state.model),
        select('measure', 'Transformation', MEASURES, MEASURE_LABELS, state.measure),
        checkbox('hakn', '1', state.hakn, 'Hartung–Knapp confidence interval'),
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

  private formState(): ReanalysisState {
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
    return {
      exclude: this.studies.filter((s) => unchecked.has(s.id)).map((s) => s.id),
      model: data.get('model') as ReanalysisState['model'],
      measure: data.get('measure') as ReanalysisState['measure'],
      hakn: data.get('hakn') === '1',
      tiers: chosen('tiers', PUBLICATION_TYPES, this.state.tiers),
      rob: chosen('rob', ROB_LEVELS, this.state.rob),
    };
  }

  private update(state: ReanalysisState, problems: string | null): void {
    this.state = state;
    for (const box of this.form!.querySelectorAll<HTMLInputElement>('input[name="include"]')) {
      const study = this.studies.find((s) => s.id === box.value);
      box.disabled = study !== undefined && !withinFilters(study, state);
    }
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
