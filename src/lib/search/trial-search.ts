import MiniSearch, { type Options } from 'minisearch';
import { GROUP_LABELS, NK_SOURCE_LABELS } from '../vocabulary/labels.ts';
import type { Trial } from '../schema/trial.ts';

/** What a search result shows, stored in the index itself. */
export interface SearchHit {
  id: string;
  title: string;
  summary: string;
}

// The same options build the index at build time and load it in the browser.
export const SEARCH_OPTIONS: Options = {
  fields: ['id', 'title', 'shortName', 'targets', 'diseases', 'product', 'sponsor', 'publications', 'narrative'],
  storeFields: ['title', 'summary'],
  searchOptions: { boost: { id: 4, shortName: 3, targets: 2, title: 2 }, prefix: true, fuzzy: 0.15 },
};

/** Markdown to plain words for indexing: links keep their text, syntax goes. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A serialized full-text index over every trial's facts, publications and narrative. */
export function buildTrialIndex(trials: { trial: Trial; body: string }[]): string {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(
    trials.map(({ trial, body }) => ({
      id: trial.nct,
      title: trial.title,
      shortName: trial.shortName ?? '',
      targets: trial.product.targets.join(' '),
      diseases: trial.population.diseases.join(' '),
      product: [trial.product.name, NK_SOURCE_LABELS[trial.product.nkSource], GROUP_LABELS[trial.population.group]].filter(Boolean).join(' '),
      sponsor: trial.registry.sponsor ?? '',
      publications: trial.publications.map((p) => p.citation).join(' '),
      narrative: plainText(body),
      summary: `${trial.product.targets.join(', ')} · ${NK_SOURCE_LABELS[trial.product.nkSource]} · ${trial.population.diseases.join(', ')}`,
    })),
  );
  return JSON.stringify(index);
}

/** Search a serialized index; results best first. */
export function searchTrials(serialized: string, query: string): SearchHit[] {
  const index = MiniSearch.loadJSON(serialized, SEARCH_OPTIONS);
  return index.search(query).map((result) => ({ id: String(result.id), title: String(result.title), summary: String(result.summary) }));
}
