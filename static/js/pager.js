// Long boards page themselves. A pager (.pager with an id) holds a table taller than the
// space it has: it shows a page for data-pause-ms, then the next, and after the last page the
// first again. Two kinds:
//   - a body table (.pager-body) under a header table of its own (the team boards): its rows
//     sweep up to the next page in data-sweep-ms;
//   - whole tables, header included (the standard grid, whose rows travel alone between
//     versions, see static/js/rows.js; the top-score board's table per gender): the rows off
//     the page are hidden, the header stays. A pager of several tables has each in a
//     .pager-part with its title: a page shows, of each part it reaches, the title, the
//     header and its rows; a part without rows on the page is hidden.
// A page is data-page-size rows when the board says so (the team rankings), else as many rows
// as the pager's height holds at the board's font, a team not cut when it fits a page of its
// own (the rows of a tbody.team start a page together), no page starting with a spacer. The
// elements [data-pager-for=<id>] show "page/pages". Each pager's page and the time it was
// reached are kept by its id, so a refresh of the fragment (every lift) neither restarts nor
// jumps the paging.
(() => {
  'use strict';
  const state = new Map(); // pager id → { page, since }

  // starts are the first rows of the pages of rows, within room pixels (0: one page); span(a,
  // b) is the height a page of rows a to b takes, by default from the top of a to the bottom
  // of b.
  const starts = (rows, size, room, span) => {
    const out = [0];
    if (rows.length === 0) return out;
    if (size > 0) {
      for (let i = size; i < rows.length; i += size) out.push(i);
      return out;
    }
    if (room <= 0) return out;
    span = span || ((a, b) => rows[b].offsetTop + rows[b].offsetHeight - rows[a].offsetTop);
    let start = 0;
    for (let i = 1; i < rows.length; i++) {
      if (span(start, i) <= room) continue;
      // Row i does not fit: the page ends before it, or before its group's first row when the
      // group would fit a page of its own.
      let cut = i;
      const group = rows[i].parentElement;
      if (group && group.classList.contains('team')) {
        const first = rows.indexOf(group.rows[0]);
        const last = first + group.rows.length - 1;
        if (first > start && span(first, last) <= room) cut = first;
      }
      while (cut < rows.length - 1 && rows[cut].classList.contains('spacer')) cut++;
      out.push(cut);
      start = cut;
    }
    return out;
  };

  const count = (vp, page, pages) => {
    for (const c of document.querySelectorAll('[data-pager-for="' + vp.id + '"]')) {
      c.textContent = pages > 1 ? page + 1 + '/' + pages : '';
      c.hidden = pages <= 1;
    }
  };

  // sweep shows the page of a body table by moving it up inside the pager's clip.
  const sweep = (vp, body, s, animate) => {
    const rows = Array.from(body.rows);
    const clip = vp.querySelector('.pager-clip') || vp;
    const pages = starts(rows, Number(vp.dataset.pageSize) || 0, vp.clientHeight);
    if (s.page >= pages.length) s.page = 0;
    const first = rows[pages[s.page]];
    const end = s.page + 1 < pages.length ? pages[s.page + 1] : rows.length;
    const last = rows[end - 1];
    const offset = first && rows[0] ? first.offsetTop - rows[0].offsetTop : 0;
    // The clip ends exactly under the page's last row (the stylesheet's height is the
    // estimate before this runs): no sliver of the next page shows.
    if (last && first) clip.style.height = last.offsetTop + last.offsetHeight - first.offsetTop + 'px';
    body.style.transition = animate ? 'transform ' + (Number(vp.dataset.sweepMs) || 0) + 'ms ease-in-out' : 'none';
    body.style.transform = 'translateY(' + -offset + 'px)';
    return pages.length;
  };

  // hide shows the page of whole tables by hiding their other rows (and the parts left
  // without any), measured all shown.
  const hide = (vp, parts, s) => {
    const rows = [];
    const partOf = [];
    for (const p of parts) {
      p.hidden = false;
      const table = p.matches('table') ? p : p.querySelector('table');
      for (const b of table ? table.tBodies : []) {
        for (const r of b.rows) {
          r.hidden = false;
          rows.push(r);
          partOf.push(p);
        }
      }
    }
    if (rows.length === 0) return 1;
    const rect = (e) => e.getBoundingClientRect();
    const box = rows.map(rect);
    const partBox = parts.map(rect);
    // What a part takes besides its rows: above them its title and header, under them the
    // space to the next part (or its own end).
    const extra = new Map();
    parts.forEach((p, k) => {
      const first = partOf.indexOf(p);
      if (first < 0) return;
      const last = partOf.lastIndexOf(p);
      const end = k + 1 < parts.length ? partBox[k + 1].top : partBox[k].bottom;
      extra.set(p, box[first].top - partBox[k].top + end - box[last].bottom);
    });
    const span = (a, b) => {
      let h = 0;
      for (let i = a; i <= b; ) {
        let j = i;
        while (j < b && partOf[j + 1] === partOf[i]) j++;
        h += extra.get(partOf[i]) + box[j].bottom - box[i].top;
        i = j + 1;
      }
      return h;
    };
    const counter = vp.querySelector('.pager-count');
    const reserve = counter ? counter.offsetHeight || parseFloat(getComputedStyle(counter).fontSize) * 1.4 : 0;
    // Pages only when the whole does not fit: then the counter's line is kept free.
    const fits = partBox[partBox.length - 1].bottom - rect(vp).top <= vp.clientHeight;
    const pages = fits ? [0] : starts(rows, Number(vp.dataset.pageSize) || 0, vp.clientHeight - reserve - 4, span);
    if (s.page >= pages.length) s.page = 0;
    const from = pages[s.page];
    const to = s.page + 1 < pages.length ? pages[s.page + 1] : rows.length;
    rows.forEach((r, i) => {
      r.hidden = i < from || i >= to;
    });
    for (const p of parts) {
      if (p.matches('.pager-part')) p.hidden = !rows.some((r, i) => partOf[i] === p && !r.hidden);
    }
    return pages.length;
  };

  // On a phone held upright (the layout of static/css/phone.css) the page scrolls: a board
  // is one page there, everything shown.
  const phone = matchMedia('(max-width: 699px), (orientation: portrait) and (max-width: 1023px)');
  const whole = (vp, body, parts) => {
    if (body) {
      const clip = vp.querySelector('.pager-clip');
      if (clip) clip.style.height = '';
      body.style.transition = 'none';
      body.style.transform = '';
    }
    for (const p of parts) {
      p.hidden = false;
      for (const r of p.querySelectorAll('tr')) r.hidden = false;
    }
    return 1;
  };

  const show = (vp, animate) => {
    const s = state.get(vp.id) || { page: 0 };
    const body = vp.querySelector('.pager-body');
    let parts = body ? [] : Array.from(vp.querySelectorAll('.pager-part'));
    if (!body && parts.length === 0) {
      const table = vp.querySelector('table');
      if (table) parts = [table];
    }
    if (!body && parts.length === 0) return;
    if (phone.matches) s.page = 0;
    const pages = phone.matches ? whole(vp, body, parts) : body ? sweep(vp, body, s, animate) : hide(vp, parts, s);
    vp.dataset.pages = String(pages);
    count(vp, s.page, pages);
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
      const sweepMs = Number(vp.dataset.sweepMs) || 0;
      if (pages > 1 && now - s.since >= pause + sweepMs) {
        s.page = (s.page + 1) % pages;
        s.since = now;
        show(vp, true);
      }
    }
  };

  // A refreshed fragment starts at the top: put it back on its page at once, and again once
  // htmx has settled (settling rewrites the attributes of the elements with an id, the
  // pager's style among them); a row that travelled alone comes shown. A resized screen has
  // pages of another height.
  const restore = () => {
    for (const vp of document.querySelectorAll('.pager[id]')) show(vp, false);
  };
  document.addEventListener('htmx:afterSwap', restore);
  document.addEventListener('htmx:afterSettle', restore);
  document.addEventListener('htmx:oobAfterSwap', restore);
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(restore);
  });
  setInterval(tick, 250);
  tick();
})();
