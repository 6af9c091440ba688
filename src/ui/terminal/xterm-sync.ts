// Two things the terminal does outside xterm's and React's usual frame-by-frame path, so that the
// frame after a key press is left with little more than paint (bench:ui terminal_get_pods_ms).
import type { Terminal } from '@xterm/xterm';

// xterm draws what it parsed in animation-frame callbacks, so the frame after a key press had to
// build the rows' DOM (twice when the output scrolled: every scroll also queues the selection
// layer's redraw, which renders every row again) and lay them out before it could paint. A key
// press's output is drawn and laid out at once instead, in the key's own task, which usually ends
// well before the next frame starts: that frame is left with paint. xterm has no public synchronous
// render, so this runs the two queued callbacks early, in the order they were queued, and cancels
// their frames (@xterm/xterm 6: SelectionService `_refreshAnimationFrame`/`_refresh`, then
// RenderDebouncer `_animationFrame`/`_innerRefresh`, which renders the dirty rows and runs the
// viewport's refresh callbacks). Without those fields (another xterm) nothing changes.
type XtermCore = {
  _selectionService?: { _refreshAnimationFrame?: number; _refresh?: () => void };
  _renderService?: { _renderDebouncer?: { _animationFrame?: number; _innerRefresh?: () => void } };
};

/** Render what `term` has parsed now, and lay `el` (its host) out, instead of in the next frame. */
export function renderNow(term: Terminal, el: HTMLElement): void {
  const core = (term as unknown as { _core?: XtermCore })._core;
  const rows = core?._renderService?._renderDebouncer;
  if (rows?._animationFrame === undefined || typeof rows._innerRefresh !== 'function') return;
  const selection = core?._selectionService;
  if (selection?._refreshAnimationFrame !== undefined && typeof selection._refresh === 'function') {
    cancelAnimationFrame(selection._refreshAnimationFrame);
    selection._refresh();
  }
  cancelAnimationFrame(rows._animationFrame);
  rows._innerRefresh();
  el.getBoundingClientRect(); // lay the new rows out now, not in the frame
}

/**
 * The live region's text is a second copy of the output (a whole table for `get pods`): as React
 * state it re-rendered the terminal and laid the text out between the key press and the frame that
 * paints the output. A polite announcement can wait: the latest text is written after that frame
 * (rAF, then a task), and a command that prints again before then replaces it, as React's batching
 * did. `dispose` cancels what is pending.
 */
export function liveAnnouncer(region: () => HTMLElement | null): {
  announce: (text: string) => void;
  dispose: () => void;
} {
  let liveText: string | null = null;
  let liveFrame: number | undefined;
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    announce(text) {
      liveText = text;
      if (liveFrame !== undefined || liveTimer !== undefined) return;
      liveFrame = requestAnimationFrame(() => {
        liveFrame = undefined;
        liveTimer = setTimeout(() => {
          liveTimer = undefined;
          const el = region();
          // the same text again is not a change (React skipped it too): nothing to announce twice
          if (el && liveText !== null && el.textContent !== liveText) el.textContent = liveText;
          liveText = null;
        });
      });
    },
    dispose() {
      if (liveFrame !== undefined) cancelAnimationFrame(liveFrame);
      clearTimeout(liveTimer);
    },
  };
}
