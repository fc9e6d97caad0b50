// The team rankings page their tables themselves: a table longer than a page shows a page
// for data-pause-ms, then its rows sweep up to the next page in data-sweep-ms, and after the
// last page back to the first. Each table's page and the time it was reached are kept by the
// table's id, so a refresh of the fragment (every lift) neither restarts nor jumps the
// paging.
(() => {
  'use strict';
  const state = new Map(); // viewport id → { page, since }

  // offset is how far up the body table moves to show a page: the distance from its first
  // row to the page's first row, measured, so it holds at any font size.
  const offset = (body, page, size) => {
    const rows = body.rows;
    const first = rows[page * size];
    return first && rows[0] ? first.offsetTop - rows[0].offsetTop : 0;
  };

  const show = (vp, animate) => {
    const body = vp.querySelector('.tr-body');
    if (!body) return;
    const s = state.get(vp.id) || { page: 0 };
    const size = Number(vp.dataset.pageSize) || 1;
    // The viewport ends exactly under a page's last row (the stylesheet's height is the
    // estimate before this runs): no sliver of the next page shows.
    const last = body.rows[Math.min(size, body.rows.length) - 1];
    if (last) vp.style.height = last.offsetTop + last.offsetHeight + 'px';
    body.style.transition = animate ? 'transform ' + (Number(vp.dataset.sweepMs) || 0) + 'ms ease-in-out' : 'none';
    body.style.transform = 'translateY(' + -offset(body, s.page, size) + 'px)';
  };

  const tick = () => {
    const now = Date.now();
    for (const vp of document.querySelectorAll('.tr-viewport[id]')) {
      const pages = Number(vp.dataset.pages) || 1;
      let s = state.get(vp.id);
      if (!s) {
        s = { page: 0, since: now };
        state.set(vp.id, s);
        show(vp, false);
      }
      if (s.page >= pages) {
        s.page = 0;
        s.since = now;
        show(vp, false);
      }
      const pause = Number(vp.dataset.pauseMs) || 8000;
      const sweep = Number(vp.dataset.sweepMs) || 0;
      if (pages > 1 && now - s.since >= pause + sweep) {
        s.page = (s.page + 1) % pages;
        s.since = now;
        show(vp, true);
      }
    }
  };

  // A refreshed fragment starts at the top: put it back on its page at once, and again once
  // htmx has settled (settling rewrites the attributes of the elements with an id, the
  // viewport's style among them).
  const restore = () => {
    for (const vp of document.querySelectorAll('.tr-viewport[id]')) show(vp, false);
  };
  document.addEventListener('htmx:afterSwap', restore);
  document.addEventListener('htmx:afterSettle', restore);
  setInterval(tick, 250);
  tick();
})();
