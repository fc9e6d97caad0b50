// The OBS monitor page: the window title is the platform's state (docs/automation.md), so that
// OBS's Advanced Scene Switcher can switch scenes on it. The feed sends the current state as
// soon as it is joined, and after every change; EventSource reconnects by itself.
(() => {
  'use strict';
  const main = document.querySelector('main[data-stream]');
  if (!main) return;
  const source = new EventSource(main.dataset.stream);
  source.addEventListener('state', (e) => {
    const s = JSON.parse(e.data);
    document.title = s.title;
    document.getElementById('monitor-word').textContent = s.word;
    document.getElementById('monitor-title').textContent = s.title;
  });
  window.addEventListener('pagehide', () => source.close());
})();
