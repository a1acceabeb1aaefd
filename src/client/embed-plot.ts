/**
 * Render a Vega-Lite spec with vega-embed in place of an element, loading Vega on first use.
 * Vega's expression interpreter replaces `eval`, so the site's Content-Security-Policy needs
 * no 'unsafe-eval'.
 * @returns the interactive plot, or null when rendering failed (the placeholder then stays)
 */
export async function embedInPlaceOf(placeholder: HTMLElement, spec: unknown, label: string): Promise<HTMLElement | null> {
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
  placeholder.after(target);
  try {
    await embed(target, spec as Parameters<typeof embed>[1], {
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
    svg?.setAttribute('aria-label', label);
    target.hidden = false;
    placeholder.remove();
    return target;
  } catch (error) {
    target.remove();
    console.warn('interactive plot failed; the static one stays', error);
    return null;
  }
}
