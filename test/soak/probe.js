// In-page instrumentation for the crash soak, injected before any page script (context.addInitScript).
// It tells the soak, through the function the soak exposes as __soakReport, every note text IndexedDB has
// committed (a readwrite transaction on 'talks' fired `complete`) and every text the editor showed as
// "Saved on this device". Plain JavaScript: it runs as a string in the page.
(() => {
  if (window.__soakProbe) return;
  window.__soakProbe = true;
  // esbuild (behind tsx) may wrap functions the soak passes to page.evaluate in __name(): make that a no-op here.
  if (!('__name' in window)) window.__name = (f) => f;
  const report = (kind, body, durability) => {
    try {
      window.__soakReport?.({ kind, body, durability, at: Date.now() });
    } catch (e) {
      // A report lost to the kill is fine: the soak only checks what it heard.
    }
  };

  const texts = new WeakMap();
  const origPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value) {
    try {
      if (this.name === 'talks' && value && typeof value.body === 'string') {
        const tx = this.transaction;
        if (!texts.has(tx)) tx.addEventListener('complete', () => report('stored', texts.get(tx), tx.durability));
        texts.set(tx, value.body);
      }
    } catch (e) {
      // Instrumentation must never break the app.
    }
    return origPut.apply(this, arguments);
  };

  const watchStatus = () => {
    const status = document.getElementById('note-status');
    const note = document.getElementById('note-body');
    if (!status || !note) return false;
    new MutationObserver(() => {
      if (status.textContent === 'Saved on this device') report('shown', note.value, '');
    }).observe(status, { childList: true, characterData: true, subtree: true });
    return true;
  };
  const waitForEditor = new MutationObserver(() => {
    if (watchStatus()) waitForEditor.disconnect();
  });
  addEventListener('DOMContentLoaded', () => {
    if (!watchStatus()) waitForEditor.observe(document.body, { childList: true, subtree: true });
  });
})();
