// Headings that do not fit their column are set smaller rather than cut. The columns are sized
// for the numbers under them; the words over them depend on the viewer's language ("Rank",
// "Arrancada", "Startnr.") and on the font, which only the browser can measure. A heading is
// scaled down to fit, to 70 % at the least and never under 12 px; one still too long then wraps
// between its words; a word still longer than its column is set smaller still, and broken
// inside only when it cannot fit even at 12 px.
//
// A board whose name and team columns give way (.fit.flex, see board.css) is told how wide
// its longest name is (--name-need, in em of the table's font): the team column then leaves
// the name that much when it can, and is the one ellipsized; cut to a stub, it shows the flags
// alone.
(() => {
  'use strict';
  const MIN = 0.7;
  const needs = (root) => {
    const boxes = root.matches && root.matches('.fit.flex') ? [root] : root.querySelectorAll('.fit.flex');
    for (const box of boxes) {
      const px = parseFloat(getComputedStyle(box).fontSize) || 1;
      let need = 0;
      for (const td of box.querySelectorAll('td.name')) {
        // The text's own width (not the cell's: a cell wider than its name would keep
        // asking for its width), with the cell's padding.
        const range = document.createRange();
        range.selectNodeContents(td);
        const cs = getComputedStyle(td);
        const w = range.getBoundingClientRect().width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
        need = Math.max(need, w / px);
      }
      if (need > 0) {
        need = Math.ceil(need * 10) / 10 + 0.2;
        box.style.setProperty('--name-need', need.toFixed(1));
        // The stylesheet gives the team what the other columns leave, as the server estimated
        // them in em (spacing and gaps included): what the name column still has beyond its
        // need, measured, goes to the team too.
        const col = box.querySelector('col.c-name');
        const slack = col ? col.getBoundingClientRect().width / px - need : 0;
        if (slack > 0.1) box.style.setProperty('--name-need', (need - slack).toFixed(1));
      }
      // A team column left too narrow for its names shows the flags alone: "I…" names no team.
      box.classList.remove('team-flags');
      const stub = (e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth < 3 * parseFloat(getComputedStyle(e).fontSize);
      if (Array.from(box.querySelectorAll('td.team .team-name')).some(stub)) box.classList.add('team-flags');
    }
  };
  // The attempt bar's name shows whole: the stylesheet gives the team's room, then the
  // attempt label's, to a long name. Each shows whole or not at all (a team cut to "I…" or a
  // label cut to "Snatch …" says nothing): the team is left out first if cut, then the label
  // if it still is, with the space around them. A name that still pushes the weight or the
  // clock off the line is set smaller, down to the legible size (then ellipsized).
  const bars = (root, legible) => {
    const mains = root.matches && root.matches('.bar-main') ? [root] : root.querySelectorAll('.bar-main');
    for (const main of mains) {
      const name = main.querySelector('.bar-name');
      if (!name) continue;
      name.style.fontSize = '';
      name.classList.remove('bar-cut');
      const parts = main.querySelectorAll('.bar-team, .bar-attempt');
      for (const e of parts) e.classList.remove('bar-gone');
      // One at a time, in order: the team leaving gives the label its room back.
      for (const e of parts) {
        const cut = (x) => x.scrollWidth > x.clientWidth + 1;
        if (cut(e) || Array.from(e.children).some(cut)) e.classList.add('bar-gone');
      }
      const cs = getComputedStyle(main);
      const end = main.getBoundingClientRect().right - parseFloat(cs.paddingRight);
      for (let i = 0; i < 3; i++) {
        let right = 0;
        for (const c of main.children) right = Math.max(right, c.getBoundingClientRect().right);
        const over = right - end;
        const w = name.getBoundingClientRect().width;
        if (over <= 0.5 || w <= 0) break;
        const px = parseFloat(getComputedStyle(name).fontSize);
        const next = Math.floor(px * Math.max(0, w - over - 1) / w * 10) / 10;
        if (next <= legible) {
          name.style.fontSize = legible + 'px';
          name.classList.add('bar-cut');
          break;
        }
        name.style.fontSize = next + 'px';
      }
    }
  };
  const legibleSize = () => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--legible')) || 0;
  const fit = (root) => {
    needs(root);
    // px: no heading under the board's --legible size (12 px on a TV or a laptop, none on a
    // screen too narrow for the board, which shrinks as a whole).
    const legible = legibleSize();
    bars(root, legible);
    const over = (th) => th.scrollWidth > th.clientWidth + 1;
    // In pixels of the heading's own size (a percentage would be of the row's), and never
    // under legible.
    const shrink = (th, least) => {
      const px = parseFloat(getComputedStyle(th).fontSize);
      const scale = Math.max(least, (th.clientWidth - 2) / th.scrollWidth);
      th.style.fontSize = Math.max(legible, Math.floor(px * scale * 10) / 10) + 'px';
    };
    for (const th of root.querySelectorAll('th')) {
      th.style.fontSize = '';
      th.classList.remove('fit-wrap', 'fit-break');
      if (!over(th) || th.clientWidth === 0) continue;
      shrink(th, MIN);
      if (!over(th)) continue;
      // Still too long: it wraps between its words. A word longer than the column
      // ("CLEAN&JERK" at size=1.5) is set smaller still, and broken only if it cannot fit
      // even at the legible size.
      th.classList.add('fit-wrap');
      if (!over(th)) continue;
      shrink(th, 0);
      if (over(th)) th.classList.add('fit-break');
    }
  };
  // A fragment is fitted as soon as it is swapped in, before it is drawn (it refreshes with
  // every lift, the bar with every clock and decision event, and would flash its headings or
  // its name cut until settled), and again once settled.
  document.addEventListener('htmx:afterSwap', (e) => {
    if (e.target instanceof Element) fit(e.target);
  });
  // A carried fragment (the attempt bar, board.Fragment.Carries) arrives as an out-of-band
  // swap in another fragment's answer: fitted as it is swapped in, and again once the answer
  // has settled.
  const carried = new Set();
  document.addEventListener('htmx:oobAfterSwap', (e) => {
    const t = e.detail.target;
    if (!(t instanceof Element) || !t.isConnected || t.tagName === 'TR') return; // rows settle with their table
    fit(t);
    carried.add(t);
  });
  document.addEventListener('htmx:afterSettle', (e) => {
    fit(e.target);
    for (const t of carried) if (t.isConnected) fit(t);
    carried.clear();
  });
  // A flag takes its width only once loaded: the bar it is in is fitted again then (load
  // events do not bubble; they are caught on the way down).
  document.addEventListener('load', (e) => {
    const main = e.target instanceof HTMLImageElement && e.target.closest('.bar-main');
    if (main) bars(main, legibleSize());
  }, true);
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
  // Measured again once the fonts are ready and the page (its flags) loaded: a first fit in
  // a fallback font, or with no flag yet, can leave out a team that fits.
  if (document.fonts) document.fonts.ready.then(() => fit(document));
  window.addEventListener('load', () => fit(document));
})();
