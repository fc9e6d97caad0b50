// Headings that do not fit their column are set smaller rather than cut. The columns are sized
// for the numbers under them; the words over them depend on the viewer's language ("Rank",
// "Arrancada", "Startnr.") and on the font, which only the browser can measure. A heading is
// scaled down to fit, to 70 % at the least and never under 12 px; one still too long then wraps
// onto a second line.
(() => {
  'use strict';
  const MIN = 0.7;
  const fit = (root) => {
    // px: no heading under the board's --legible size (12 px on a TV or a laptop, none on a
    // screen too narrow for the board, which shrinks as a whole).
    const legible = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--legible')) || 0;
    for (const th of root.querySelectorAll('th')) {
      th.style.fontSize = '';
      th.classList.remove('fit-wrap');
      if (th.scrollWidth <= th.clientWidth + 1 || th.clientWidth === 0) continue;
      // In pixels of the heading's own size (a percentage would be of the row's), and never
      // under legible: a heading that would need smaller wraps instead.
      const px = parseFloat(getComputedStyle(th).fontSize);
      const scale = Math.max(MIN, (th.clientWidth - 2) / th.scrollWidth);
      th.style.fontSize = Math.max(legible, Math.floor(px * scale * 10) / 10) + 'px';
      if (th.scrollWidth > th.clientWidth + 1) th.classList.add('fit-wrap');
    }
  };
  document.addEventListener('htmx:afterSettle', (e) => fit(e.target));
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => fit(document));
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => fit(document));
  } else {
    fit(document);
  }
})();
