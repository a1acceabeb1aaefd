/**
 * `<trial-filter>`: filters and sorts the server-rendered trials table. Without
 * JavaScript the table is complete and the (hidden) filter form never shows.
 */
export class TrialFilter extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const tbody = this.querySelector('tbody');
    if (!form || !tbody) return;
    form.hidden = false;
    form.addEventListener('change', () => this.applyFilters(form, tbody));
    form.addEventListener('submit', (event) => event.preventDefault());
    this.makeSortable(tbody);
    this.applyFilters(form, tbody);
  }

  private applyFilters(form: HTMLFormElement, tbody: HTMLTableSectionElement): void {
    const chosen = [...new FormData(form)].filter(([, value]) => value !== '') as [string, string][];
    let shown = 0;
    for (const row of tbody.rows) {
      const matches = chosen.every(([name, value]) => (row.dataset[name] ?? '').split('|').includes(value));
      row.hidden = !matches;
      if (matches) shown += 1;
    }
    const count = form.querySelector('[data-filter-count]');
    if (count) count.textContent = `${shown} of ${tbody.rows.length} trials shown`;
  }

  private makeSortable(tbody: HTMLTableSectionElement): void {
    const headers = [...this.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
    headers.forEach((header, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = header.textContent;
      header.textContent = '';
      header.append(button);
      header.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        headers.forEach((other) => other.setAttribute('aria-sort', 'none'));
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[column];
          return header.dataset.sort === 'number' ? Number(cell?.dataset.value ?? 0) : (cell?.textContent ?? '').trim();
        };
        const rows = [...tbody.rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        tbody.append(...rows);
      });
    });
  }
}
