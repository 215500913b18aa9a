/**
 * The only script an essay page loads up front (a few hundred bytes): when a chart comes within reach of the
 * viewport, load the live renderer (Plot, the renderer, the chart's module) and hand it the figure.
 */
export function observeCharts(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');
  if (figures.length === 0 || !('IntersectionObserver' in window)) return;
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        import('./live.ts')
          .then((m) => m.hydrate(e.target as HTMLElement))
          .catch((err) => console.warn('chart stayed static:', err));
      }
    },
    { rootMargin: '200px 0px' },
  );
  figures.forEach((f) => io.observe(f));
}
