// Only what changed travels (docs/performance.md, "Rows alone" and "One request per change").
// A fragment's element keeps the version of the fragment it shows, as the server named it
// (ETag or X-Fragment-Version), and says it on its next request (X-Fragment-Have): the server
// then answers nothing when that is still current, only the changed rows (htmx out-of-band
// swaps) when nothing else changed, or the whole fragment. A fragment that carries another
// (data-carries, the attempt bar) names the version of that one too (X-Fragment-Carried-Have),
// and its answer brings that one's changes as well. Without this script the server always
// sends both whole.
(() => {
  'use strict';
  const carriedElt = (elt) => elt.dataset.carries && document.getElementById(elt.dataset.carries);
  document.addEventListener('htmx:configRequest', (e) => {
    const elt = e.detail.elt;
    const have = elt.dataset.fragmentVersion;
    if (have) e.detail.headers['X-Fragment-Have'] = have;
    const carried = carriedElt(elt);
    if (carried && carried.dataset.fragmentVersion) {
      e.detail.headers['X-Fragment-Carried-Have'] = carried.dataset.fragmentVersion;
    }
  });
  document.addEventListener('htmx:afterRequest', (e) => {
    const xhr = e.detail.xhr;
    if (!e.detail.successful || !xhr) return;
    // A rows answer or a 204 names the version; a whole fragment is its ETag.
    const v = xhr.getResponseHeader('X-Fragment-Version') || xhr.getResponseHeader('ETag');
    if (v) e.detail.elt.dataset.fragmentVersion = v;
    const carried = carriedElt(e.detail.elt);
    const cv = xhr.getResponseHeader('X-Fragment-Carried-Version');
    if (carried && cv) carried.dataset.fragmentVersion = cv;
  });
})();
