// Long boards page themselves. A pager (.pager with an id) holds a table (.pager-body) taller
// than the screen: it shows a page for data-pause-ms, then the rows sweep up to the next page
// in data-sweep-ms, and after the last page back to the first. A page is data-page-size rows
// when the board says so (the team rankings), else as many rows as the pager's height holds
// at the board's font, a team not cut when it fits a page of its own (the rows of a
// tbody.team start a page together). The element [data-pager-for=<id>] shows "page/pages".
// Each pager's page and the time it was reached are kept by its id, so a refresh of the
// fragment (every lift) neither restarts nor jumps the paging.
(() => {
  'use strict';
  const state = new Map(); // pager id → { page, since }

  // clipOf is the element whose height is one page: the pager itself with a fixed page size
  // (its height is its rows'), else its .pager-clip inside the space the board leaves it.
  const clipOf = (vp) => vp.querySelector('.pager-clip') || vp;

  // starts are the first rows of the pages.
  const starts = (vp, body) => {
    const rows = Array.from(body.rows);
    const size = Number(vp.dataset.pageSize) || 0;
    const out = [0];
    if (rows.length === 0) return out;
    if (size > 0) {
      for (let i = size; i < rows.length; i += size) out.push(i);
      return out;
    }
    const room = vp.clientHeight;
    if (room <= 0) return out;
    const top = (i) => rows[i].offsetTop;
    const bottom = (i) => rows[i].offsetTop + rows[i].offsetHeight;
    let start = 0;
    for (let i = 1; i < rows.length; i++) {
      if (bottom(i) - top(start) <= room) continue;
      // Row i does not fit: the page ends before it, or before its group's first row when the
      // group would fit a page of its own.
      let cut = i;
      const group = rows[i].parentElement;
      if (group && group.classList.contains('team')) {
        const first = Array.prototype.indexOf.call(rows, group.rows[0]);
        const last = first + group.rows.length - 1;
        if (first > start && bottom(last) - top(first) <= room) cut = first;
      }
      out.push(cut);
      start = cut;
    }
    return out;
  };

  const show = (vp, animate) => {
    const body = vp.querySelector('.pager-body');
    if (!body) return;
    const s = state.get(vp.id) || { page: 0 };
    const pages = starts(vp, body);
    vp.dataset.pages = String(pages.length);
    if (s.page >= pages.length) s.page = 0;
    const rows = body.rows;
    const first = rows[pages[s.page]];
    const end = s.page + 1 < pages.length ? pages[s.page + 1] : rows.length;
    const last = rows[end - 1];
    const offset = first && rows[0] ? first.offsetTop - rows[0].offsetTop : 0;
    // The clip ends exactly under the page's last row (the stylesheet's height is the
    // estimate before this runs): no sliver of the next page shows.
    if (last && first) clipOf(vp).style.height = last.offsetTop + last.offsetHeight - first.offsetTop + 'px';
    body.style.transition = animate ? 'transform ' + (Number(vp.dataset.sweepMs) || 0) + 'ms ease-in-out' : 'none';
    body.style.transform = 'translateY(' + -offset + 'px)';
    for (const c of document.querySelectorAll('[data-pager-for="' + vp.id + '"]')) {
      c.textContent = pages.length > 1 ? s.page + 1 + '/' + pages.length : '';
      c.hidden = pages.length <= 1;
    }
  };

  const tick = () => {
    const now = Date.now();
    for (const vp of document.querySelectorAll('.pager[id]')) {
      let s = state.get(vp.id);
      if (!s) {
        s = { page: 0, since: now };
        state.set(vp.id, s);
        show(vp, false);
      }
      const pages = Number(vp.dataset.pages) || 1;
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
  // pager's style among them). A resized screen has pages of another height.
  const restore = () => {
    for (const vp of document.querySelectorAll('.pager[id]')) show(vp, false);
  };
  document.addEventListener('htmx:afterSwap', restore);
  document.addEventListener('htmx:afterSettle', restore);
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(restore);
  });
  setInterval(tick, 250);
  tick();
})();
