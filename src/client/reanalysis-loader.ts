/**
 * Loads the re-analysis panel's code only when the reader opens it, or when the address
 * already holds a re-analysis (a shared link), so a page that is only read pays nothing
 * for it.
 */
import { STATE_PARAMS } from '../lib/reanalysis/params.ts';

export function loadReanalysisOnOpen(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-reanalysis]')) {
    const load = () => {
      if (!details.open) return;
      details.removeEventListener('toggle', load);
      void import('./reanalysis-element.ts').then(({ defineReanalysis }) => defineReanalysis());
    };
    details.addEventListener('toggle', load);
    const params = new URLSearchParams(location.search);
    if (STATE_PARAMS.some((name) => params.has(name))) details.open = true;
  }
}
