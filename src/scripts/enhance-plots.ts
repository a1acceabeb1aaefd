/**
 * Progressive enhancement for plots: the page already shows each plot as SVG rendered
 * at build time. Only when a reader presses a plot's "Interactive plot" button does
 * vega-embed (about 290 KB gzip) load and re-render it from its spec, with tooltips and
 * export; scrolling past, pointing at or touching a plot costs nothing. Vega's expression
 * interpreter replaces `eval`, so the site's Content-Security-Policy needs no 'unsafe-eval'.
 */
export function enhancePlots(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-plot]')) {
    const button = figure.querySelector<HTMLButtonElement>('[data-plot-interactive]');
    if (!button || button.dataset.ready) continue;
    button.dataset.ready = 'true';
    button.hidden = false;
    button.addEventListener('click', () => {
      button.disabled = true;
      void enhance(figure).finally(() => button.remove());
    }, { once: true });
  }
}

async function enhance(figure: HTMLElement): Promise<void> {
  // The layout on screen (wide, or narrow on a phone) is the one made interactive, so it keeps its size.
  const narrow = figure.querySelector<HTMLElement>('.plot-narrow');
  const useNarrow = narrow !== null && narrow.offsetParent !== null;
  const canvas = useNarrow ? narrow : figure.querySelector<HTMLElement>('.plot-wide');
  const specText = figure.querySelector(useNarrow ? '[data-plot-spec-narrow]' : '[data-plot-spec]')?.textContent;
  if (!canvas || !specText) return;
  const [{ default: embed }, { expressionInterpreter }, { useTextWidthTable }] = await Promise.all([
    import('vega-embed'),
    import('vega-interpreter'),
    import('../lib/plots/vega-setup.ts'),
  ]);
  useTextWidthTable();
  // vega-embed empties its container before it can fail: render off-screen, swap only on success.
  const target = document.createElement('div');
  target.className = 'plot-canvas plot-interactive';
  target.hidden = true;
  canvas.after(target);
  try {
    await embed(target, JSON.parse(specText), {
      renderer: 'svg',
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      actions: { export: true, source: false, compiled: false, editor: false },
    });
    // The text alternative goes on the chart itself: the container also holds vega-embed's export menu.
    const svg = target.querySelector('svg');
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', canvas.getAttribute('aria-label') ?? '');
    target.hidden = false;
    // Both static layouts go: the interactive one replaces whichever was on screen.
    for (const old of figure.querySelectorAll('.plot-wide, .plot-narrow')) old.remove();
  } catch (error) {
    target.remove();
    console.warn('plot enhancement failed; the static plot stays', error);
  }
}
