/**
 * Progressive enhancement for plots: the page already shows each plot as SVG rendered
 * at build time. When a reader first points at (or touches, or tabs into) a plot,
 * vega-embed re-renders it from its spec to add tooltips and export; pages that are
 * only read never download it.
 */
export function enhancePlots(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-plot]')) {
    const start = () => {
      for (const type of TRIGGERS) figure.removeEventListener(type, start);
      void enhance(figure);
    };
    for (const type of TRIGGERS) figure.addEventListener(type, start, { passive: true });
  }
}

const TRIGGERS = ['pointerenter', 'touchstart', 'focusin'] as const;

async function enhance(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLElement>('.plot-canvas');
  const specText = figure.querySelector('[data-plot-spec]')?.textContent;
  if (!canvas || !specText) return;
  const { embedInPlaceOf } = await import('./embed-plot.ts');
  await embedInPlaceOf(canvas, JSON.parse(specText), canvas.getAttribute('aria-label') ?? '');
}
