// In-page instrumentation, injected before any page script (context.addInitScript), read back by the bench.
// Plain JavaScript on purpose: it runs as a string in the page, untouched by any compiler.
// Every time is performance.now()/event.timeStamp: milliseconds since navigation start, 0.1 ms resolution.
(() => {
  if (window.__bench) return;
  // esbuild (behind tsx) may wrap functions the bench passes to page.evaluate in __name(): make that a no-op here.
  if (!('__name' in window)) window.__name = (f) => f;
  const B = (window.__bench = {
    /** Readwrite transactions on 'talks' in the 'lectern' database: created, complete, durability. */
    tx: [],
    /** Keystrokes while `typing`: keydown time, time after the next frame. */
    keys: [],
    typing: false,
    /** Event Timing entries (≥ 16 ms, the API's floor) seen while typing. */
    slowEvents: [],
    /** Set by arm(): a selector to wait for, and when it appeared and was painted. */
    watch: null,
  });

  /** Calls back after the next frame is produced: rAF runs before paint, a message posted there runs after it. */
  const afterNextPaint = (cb) =>
    requestAnimationFrame(() => {
      const mc = new MessageChannel();
      mc.port1.onmessage = () => cb(performance.now());
      mc.port2.postMessage(null);
    });

  const origTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = origTransaction.apply(this, arguments);
    try {
      const names = typeof stores === 'string' ? [stores] : Array.from(stores);
      if (this.name === 'lectern' && mode === 'readwrite' && names.includes('talks')) {
        const rec = { created: performance.now(), complete: null, aborted: false, durability: tx.durability, tag: B.txTag || 'app' };
        B.tx.push(rec);
        tx.addEventListener('complete', () => (rec.complete = performance.now()));
        tx.addEventListener('abort', () => (rec.aborted = true));
      }
    } catch (e) {
      // Instrumentation must never break the app.
    }
    return tx;
  };

  addEventListener(
    'keydown',
    (e) => {
      if (!B.typing) return;
      const rec = { t: e.timeStamp, key: e.key, paint: null };
      B.keys.push(rec);
      afterNextPaint((t) => (rec.paint = t));
    },
    true,
  );

  try {
    new PerformanceObserver((list) => {
      if (!B.typing) return;
      for (const e of list.getEntries())
        B.slowEvents.push({ name: e.name, start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  } catch (e) {
    // Event Timing missing: the rAF measure still works.
  }

  /**
   * Waits for `selector` to be in the document, then for the next frame after that.
   * start: 'navigation' (0) or 'pointerdown' (the next pointerdown/touchstart's timeStamp).
   */
  B.arm = (selector, start) => {
    const w = { selector, start: start === 'pointerdown' ? null : 0, dom: null, paint: null, visible: false, done: null };
    B.watch = w;
    w.done = new Promise((resolve) => {
      if (start === 'pointerdown') {
        const onDown = (e) => {
          if (w.start === null) w.start = e.timeStamp;
        };
        addEventListener('pointerdown', onDown, { capture: true, once: true });
        addEventListener('touchstart', onDown, { capture: true, once: true, passive: true });
      }
      const found = () => {
        if (w.dom !== null) return true;
        const el = document.querySelector(selector);
        if (!el) return false;
        w.dom = performance.now();
        afterNextPaint((t) => {
          w.paint = t;
          const r = el.getBoundingClientRect();
          w.visible = el.isConnected && r.width > 0 && r.height > 0;
          resolve();
        });
        return true;
      };
      if (found()) return;
      const mo = new MutationObserver(() => {
        if (found()) mo.disconnect();
      });
      mo.observe(document, { childList: true, subtree: true });
    });
    return true;
  };

  /** The watch's result once painted, or an error after `timeout` ms. */
  B.result = (timeout) =>
    Promise.race([
      B.watch.done.then(() => ({ start: B.watch.start, dom: B.watch.dom, paint: B.watch.paint, visible: B.watch.visible })),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`"${B.watch.selector}" did not appear within ${timeout} ms`)), timeout)),
    ]);

  // Cold start: the conference list, measured from navigation start, on the app's home and the baseline page.
  if (location.pathname === '/' || location.pathname === '/__bench/index.html') B.arm('ul[aria-label="Conferences"] .card', 'navigation');
})();
