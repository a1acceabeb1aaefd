/**
 * Progressive enhancement for plots: the page already shows each plot as SVG rendered
 * at build time. When a reader first points at (or touches, or tabs into) a plot,
 * vega-embed re-renders it from its spec to add tooltips and export; pages that are
 * only read never download it. Vega's expression interpreter replaces `eval`, so the
 * site's Content-Security-Policy needs no 'unsafe-eval'.
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
    canvas.remove();
  } catch (error) {
    target.remove();
    console.warn('plot enhancement failed; the static plot stays', error);
  }
}
