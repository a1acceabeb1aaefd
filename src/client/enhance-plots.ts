/**
 * Progressive enhancement for plots: the page already shows each plot as SVG rendered
 * at build time. Only when a reader presses a plot's "Interactive plot" button does
 * vega-embed (about 290 KB gzip) load and re-render it from its spec, with tooltips and
 * export; scrolling past, pointing at or touching a plot costs nothing.
 */
export function enhancePlots(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-plot]')) {
    const button = figure.querySelector<HTMLButtonElement>('[data-plot-interactive]');
    if (!button || button.dataset.ready) continue;
    button.dataset.ready = 'true';
    button.hidden = false;
    button.addEventListener(
      'click',
      () => {
        button.disabled = true;
        void enhance(figure).finally(() => button.remove());
      },
      { once: true },
    );
  }
}

async function enhance(figure: HTMLElement): Promise<void> {
  // The layout on screen (wide, or narrow on a phone) is the one made interactive, so it keeps its size.
  const narrow = figure.querySelector<HTMLElement>('.plot-narrow');
  const useNarrow = narrow !== null && narrow.offsetParent !== null;
  const canvas = useNarrow ? narrow : figure.querySelector<HTMLElement>('.plot-wide');
  const specText = figure.querySelector(useNarrow ? '[data-plot-spec-narrow]' : '[data-plot-spec]')?.textContent;
  if (!canvas || !specText) return;
  const { embedInPlaceOf } = await import('./embed-plot.ts');
  const plot = await embedInPlaceOf(canvas, JSON.parse(specText), canvas.getAttribute('aria-label') ?? '');
  // Both static layouts go: the interactive one replaces whichever was on screen.
  if (plot) for (const old of figure.querySelectorAll('.plot-wide, .plot-narrow')) old.remove();
}
