// "After the first paint": the graph is what a student sees first, so the heavy parts (kubectl and the
// shell, Monaco, xterm, the inspector) start loading only once the graph's first frame is on screen
// and the main thread is idle (or after a short timeout on a busy machine). React Flow draws its nodes
// hidden until it has measured them, a frame or two after React's first commit; fetching and running
// the lazy chunks in those frames delayed the graph, so this waits for a visible node.
import { useEffect, useState } from 'react';

let idle: Promise<void> | undefined;

/** Longest wait for the graph (a hidden graph panel, a very slow machine) before loading the rest. */
const GRAPH_WAIT_MS = 2000;

/** True once the graph shows a measured (visible) node, or when there is no graph on the page. */
function graphDrawn(): boolean {
  // Not rendered yet (main.tsx asks before React's first commit).
  if (!document.querySelector('.app')) return false;
  const flow = document.querySelector('.react-flow');
  if (!flow) return document.querySelector('[data-testid="panel-graph"]') === null;
  const node = flow.querySelector('.react-flow__node');
  return node !== null && getComputedStyle(node).visibility !== 'hidden';
}

export function afterFirstPaint(): Promise<void> {
  idle ??= new Promise<void>((resolve) => {
    const start = performance.now();
    const whenIdle = () => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 800 });
      else setTimeout(resolve, 50);
    };
    // Checked once per frame; once drawn, one more frame so that frame is painted before we ask for
    // idle time.
    const frame = () => {
      if (graphDrawn() || performance.now() - start > GRAPH_WAIT_MS) requestAnimationFrame(whenIdle);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return idle;
}

/** False until after the first paint; panels use it to defer their heavy lazy chunks. */
export function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => {
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return done;
}
