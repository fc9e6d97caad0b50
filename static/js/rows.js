// Only the rows that changed travel (docs/performance.md, "Rows alone"). A fragment's element
// keeps the version of the fragment it shows, as the server named it (X-Fragment-Version),
// and says it on its next request (X-Fragment-Have): the server then answers nothing when
// that is still current, only the changed rows (htmx out-of-band swaps) when nothing else
// changed, or the whole fragment. Without this script the server always sends it whole.
(() => {
  'use strict';
  document.addEventListener('htmx:configRequest', (e) => {
    const have = e.detail.elt.dataset.fragmentVersion;
    if (have) e.detail.headers['X-Fragment-Have'] = have;
  });
  document.addEventListener('htmx:afterRequest', (e) => {
    const xhr = e.detail.xhr;
    if (!e.detail.successful || !xhr) return;
    const v = xhr.getResponseHeader('X-Fragment-Version');
    if (v) e.detail.elt.dataset.fragmentVersion = v;
  });
})();
