// The few things a board page does alone, between the server's events:
//  - counts down running clocks (athlete and break), on the server's time, with the warning
//    colours at their thresholds, stopping at 0:00;
//  - drops a held signal (the down arrow, a jury decision) when its time is up;
//  - marks the page when its event stream is lost, so a TV that keeps showing the last
//    state says so;
//  - closes its event stream when the page is left.
// Times in the page are server times (Unix ms): a clock says how much time was left at a
// server instant (data-remaining-ms at data-anchor-ms). The page estimates its own offset from
// the server from the X-Server-Time header of each fragment response, so a viewer whose clock
// is wrong, or a page (re)loaded mid-countdown, still shows the true time left.
(() => {
  'use strict';
  const root = document.documentElement;

  // offset = server time - Date.now(). Each fragment response is a sample, assumed taken
  // half-way through its round trip; the recent sample with the shortest trip wins.
  const samples = [];
  let offset = 0;
  const addSample = (server, t0, t1, rtt) => {
    if (!(server > 0)) return;
    samples.push({ offset: server - (t0 + t1) / 2, rtt });
    if (samples.length > 12) samples.shift();
    offset = samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  };
  // The page itself says when it was rendered: a rough first sample until a fragment arrives.
  const now0 = Date.now();
  addSample(Number(root.dataset.serverMs), now0, now0, 60000);

  document.addEventListener('htmx:beforeRequest', (e) => {
    e.detail.xhr.trackerSent = Date.now();
  });
  document.addEventListener('htmx:afterRequest', (e) => {
    const xhr = e.detail.xhr;
    const t1 = Date.now();
    const t0 = xhr.trackerSent || t1;
    addSample(Number(xhr.getResponseHeader('X-Server-Time')), t0, t1, t1 - t0);
  });

  const pad = (n) => (n < 10 ? '0' : '') + n;
  // The same format as the server's board.Clock: m:ss, h:mm:ss from an hour, rounded up.
  const format = (ms) => {
    const t = Math.ceil(Math.max(ms, 0) / 1000);
    const h = Math.floor(t / 3600);
    const m = Math.floor(t / 60);
    return h > 0 ? h + ':' + pad(m % 60) + ':' + pad(t % 60) : m + ':' + pad(t % 60);
  };

  const tick = () => {
    const now = Date.now() + offset;
    for (const el of document.querySelectorAll('.clock[data-running="true"]')) {
      const left = Number(el.dataset.remainingMs) - (now - Number(el.dataset.anchorMs));
      const text = format(left);
      if (el.textContent !== text) el.textContent = text;
      const fin = Number(el.dataset.finalMs || 0);
      const ini = Number(el.dataset.initialMs || 0);
      const final = fin > 0 && left <= fin;
      el.classList.toggle('warn-final', final);
      el.classList.toggle('warn-initial', !final && ini > 0 && left <= ini);
    }
    for (const el of document.querySelectorAll('.hold[data-until-ms]')) {
      if (now >= Number(el.dataset.untilMs)) {
        if (el.parentElement) el.parentElement.classList.remove('held');
        el.remove();
      }
    }
  };
  setInterval(tick, 100);
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
  window.trackerServerNow = () => Date.now() + offset; // for tests and the curious

  // The page's event streams (htmx-ext-sse opens them through htmx.createEventSource, which
  // this script is loaded in time to provide), closed when the page is left: a browser can
  // keep a page it leaves, connections included (back-forward cache), and allows six
  // connections per host, so a few visits to other boards would otherwise hang the next one.
  // A page brought back from that cache is reloaded, with a stream of its own.
  const streams = new Set();
  if (window.htmx) {
    window.htmx.createEventSource = (url) => {
      const es = new EventSource(url, { withCredentials: true });
      streams.add(es);
      return es;
    };
  }
  window.addEventListener('pagehide', () => {
    for (const es of streams) es.close();
    streams.clear();
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) window.location.reload();
  });

  // A stream that stays down for a few seconds (not a quick reconnection) marks the page.
  let lost = null;
  document.addEventListener('htmx:sseOpen', () => {
    clearTimeout(lost);
    lost = null;
    root.classList.remove('stream-lost');
  });
  const down = () => {
    if (lost === null && !root.classList.contains('stream-lost')) {
      lost = setTimeout(() => root.classList.add('stream-lost'), 4000);
    }
  };
  document.addEventListener('htmx:sseError', down);
})();
