// In-page probe for scripts/bench-ui.mjs, installed with `context.addInitScript` so it runs before the
// app. It answers one question precisely: "when was the DOM, as it is now, painted?"
//
// A rendering update runs every requestAnimationFrame callback, then style, layout and paint, and no
// task runs in between. This probe keeps one rAF loop: its callback marks "inside a frame" and posts a
// MessageChannel message; the first task after that frame's paint clears the mark. So a DOM change seen
// while inside a frame (xterm and React Flow write the DOM from rAF callbacks) is painted when that
// task runs; a change made by an ordinary task is painted after the NEXT frame.
// The message is not always that first task: after a discrete input event Chrome holds ordinary tasks
// (postMessage, timers, even scheduler.postTask 'user-blocking') until its next frame
// (DeferRendererTasksAfterInput, on by default; --disable-features=DeferRendererTasksAfterInput lifts
// it). Playwright's keyboard.press sends keyup right after keydown is handled, so a keyup dispatched
// just after the frame that painted the output held the message back a whole frame (seen in Chrome
// traces: Paint and Commit done at ~11 ms, keyup at ~11 ms, message at ~19 ms, after the next, empty
// frame). Input events are never held, and a trusted one dispatched while the mark is set is a task (or
// the start of a later frame) after the marked frame, so it clears the mark too.
// Times are performance.now() (navigation start = 0).
(() => {
  if (window.__bench) return;
  let inFrame = false;
  let frames = 0;
  /** Callbacks to run after the current frame's paint. */
  let afterThisFrame = [];
  /** Callbacks to run after the next frame's paint. */
  let afterNextFrame = [];
  /** The first task after the marked frame: its DOM changes are painted now. */
  const painted = () => {
    if (!inFrame) return;
    inFrame = false;
    const due = afterThisFrame;
    afterThisFrame = [];
    const t = performance.now();
    for (const cb of due) cb(t);
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = painted;
  // trusted events only: a script can dispatch a synthetic one from a rAF callback, before the paint
  const onInput = (e) => {
    if (e.isTrusted) painted();
  };
  for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'])
    window.addEventListener(type, onInput, true);
  /** [frame number, cb]: cb(t) at the start of that frame's rAF callback. */
  let frameWaiters = [];
  const loop = () => {
    frames++;
    const now = performance.now();
    const due = frameWaiters.filter(([f]) => f <= frames);
    frameWaiters = frameWaiters.filter(([f]) => f > frames);
    for (const [, cb] of due) cb(now);
    inFrame = true;
    afterThisFrame.push(...afterNextFrame);
    afterNextFrame = [];
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  /** Call `cb(t)` once the DOM as it is at this moment has been painted. */
  const afterPaint = (cb) => {
    if (inFrame) afterThisFrame.push(cb);
    else afterNextFrame.push(cb);
  };

  /**
   * Call `cb(t)` when the frame after the one that paints the DOM as it is now begins (its rAF
   * callback): frames follow one another on the main thread, so by then that paint is done. An upper
   * bound for the paint when afterPaint's message is held back (after a click, Chrome defers it past
   * the next frame: the message then reports that frame's paint, a frame late).
   */
  const afterNextFrameBegins = (cb) => {
    frameWaiters.push([(inFrame ? frames : frames + 1) + 1, cb]);
  };

  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask not supported: the report says 0 */
  }

  const shown = (el) => {
    if (!el) return false;
    if (getComputedStyle(el).visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const node = (id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const rowsText = () => {
    const rows = document.querySelector('[data-testid="terminal"] .xterm-rows');
    return rows ? [...rows.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ')) : [];
  };

  /** Named conditions on what the page shows. */
  const checks = {
    /** The chapter graph of the boot cluster: a cluster-node group and the kube-dns Service drawn. */
    bootGraph() {
      const group = [...document.querySelectorAll('.react-flow__node[data-id^="Node/"]')].some(shown);
      return group && shown(node('Service/kube-system/kube-dns'));
    },
    /** At least `n` drawn React Flow nodes for each prefix. */
    nodesDrawn(prefixes, n) {
      return prefixes.every((p) => {
        let count = 0;
        for (const el of document.querySelectorAll(`.react-flow__node[data-id^="${CSS.escape(p)}"]`))
          if (shown(el)) count++;
        return count >= n;
      });
    },
    /** The terminal shows a row with `text` and, below it, the next prompt (the output is complete). */
    terminalDone(text, prompt) {
      const rows = rowsText();
      const at = rows.findIndex((r) => r.includes(text));
      return at >= 0 && rows.slice(at + 1).some((r) => r.startsWith(prompt));
    },
  };

  /**
   * Resolve with { tDom, tPaint, tNextFrame } when `checks[name](...args)` first holds (checked on every DOM
   * mutation), tPaint being when that DOM was painted. Rejects after `timeoutMs`.
   */
  const waitFor = (name, args, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => checks[name](...args);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        mo.disconnect();
        clearTimeout(timer);
        const tDom = performance.now();
        let tNextFrame = null;
        afterNextFrameBegins((t) => {
          tNextFrame = t;
        });
        afterPaint((tPaint) => resolve({ tDom, tPaint, tNextFrame }));
      };
      const mo = new MutationObserver(() => {
        if (check()) finish();
      });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        mo.disconnect();
        reject(new Error(`timed out waiting for ${name}(${JSON.stringify(args)})`));
      }, timeoutMs);
      const start = () => {
        mo.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        if (check()) finish();
      };
      if (document.documentElement) start();
      else document.addEventListener('readystatechange', start, { once: true });
    });

  /**
   * Arm a measurement: on the next trusted `type` event (keydown with `key`, or click inside an element
   * matching `selector`), start the clock at the event's timeStamp and wait for the named check.
   * The result promise is `window.__bench.pending` → { t0, tHandled, tDom, tPaint, tNextFrame }
   * (tNextFrame: see afterNextFrameBegins; null when the paint was seen first).
   * tHandled: when the app's own handlers for that event had run, i.e. the end of its dispatch, or null
   * when it cannot be told. It is taken by listeners added, from this capture listener on window, to
   * every node on the event's path, for the capture and the bubble phase: a node's listeners run in
   * the order they were added, so each of ours runs after the app's on that node in that phase (and
   * after the microtasks they queued, React's render of a discrete event included), and the last of
   * ours to run marks the dispatch's end, also when a handler stopped propagation (xterm's keydown
   * listener, a capture one on its textarea, does for the keys it handles: that also skips the
   * target's bubble listeners). Work the app defers to a later task, a timer or a frame is not in
   * it: that is in tDom and tPaint. (It used to be a setTimeout(0) queued here: after input, Chrome
   * holds such tasks until after its next frame, so it measured that frame, and read 0, printed as a
   * large negative time, when the paint was seen before it ran.)
   */
  const arm = ({ type, key, selector }, name, args, timeoutMs) => {
    window.__bench.pending = new Promise((resolve, reject) => {
      const onEvent = (e) => {
        if (!e.isTrusted) return;
        if (type === 'keydown' && e.key !== key) return;
        if (selector && !(e.target instanceof Element && e.target.closest(selector))) return;
        window.removeEventListener(type, onEvent, true);
        const t0 = e.timeStamp;
        let tHandled = null;
        const mark = () => {
          tHandled = performance.now();
        };
        const path = e.composedPath();
        for (const node of path)
          for (const capture of [true, false]) node.addEventListener(type, mark, { capture, once: true });
        const unmark = () => {
          for (const node of path)
            for (const capture of [true, false]) node.removeEventListener(type, mark, { capture });
        };
        waitFor(name, args, timeoutMs).then(
          ({ tDom, tPaint, tNextFrame }) => {
            unmark();
            resolve({ t0, tHandled, tDom, tPaint, tNextFrame });
          },
          (err) => {
            unmark();
            reject(err);
          },
        );
      };
      window.addEventListener(type, onEvent, true);
    });
  };

  /** Count frames and main-thread long tasks over `ms`. */
  const sampleFrames = (ms) =>
    new Promise((resolve) => {
      const f0 = frames;
      const lt0 = longTasks.length;
      const t0 = performance.now();
      setTimeout(() => {
        const t1 = performance.now();
        const lts = longTasks.slice(lt0);
        resolve({
          frames: frames - f0,
          ms: t1 - t0,
          longTasks: lts.length,
          longTaskMs: lts.reduce((a, b) => a + b.ms, 0),
          worstTaskMs: lts.reduce((a, b) => Math.max(a, b.ms), 0),
        });
      }, ms);
    });

  window.__bench = { afterPaint, waitFor, arm, sampleFrames, longTasks, pending: null, checks };
})();
