import { searchTrials } from '../lib/search/trial-search.ts';

/** `<trial-search>`: loads the prebuilt index on first use and lists matches as the reader types. */
export class TrialSearch extends HTMLElement {
  private index: Promise<string> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    if (!form || !input) return;
    form.hidden = false;
    this.querySelector('[data-no-script]')?.remove();
    form.addEventListener('submit', (event) => event.preventDefault());
    input.addEventListener('input', () => void this.show(input.value));
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      void this.show(initial);
    }
  }

  private async show(query: string): Promise<void> {
    const status = this.querySelector('[data-search-status]');
    const list = this.querySelector('[data-search-results]');
    if (!status || !list) return;
    if (query.trim().length < 2) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    this.index ??= fetch(this.dataset.index ?? '/search-index.json').then((response) => response.text());
    const hits = searchTrials(await this.index, query);
    status.textContent = `${hits.length} ${hits.length === 1 ? 'trial matches' : 'trials match'} “${query}”`;
    list.replaceChildren(
      ...hits.map((hit) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `${this.dataset.base ?? '/'}trials/${hit.id}/`;
        link.textContent = `${hit.id}: ${hit.title}`;
        const summary = document.createElement('div');
        summary.textContent = hit.summary;
        item.append(link, summary);
        return item;
      }),
    );
  }
}
