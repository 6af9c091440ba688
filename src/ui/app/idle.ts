// "After the first paint": the graph is what a student sees first, so the heavy parts (kubectl and the
// shell, Monaco, xterm) start loading only once the first frames are on screen and the main thread is
// idle (or after a short timeout on a busy machine).
import { useEffect, useState } from 'react';

let idle: Promise<void> | undefined;

export function afterFirstPaint(): Promise<void> {
  idle ??= new Promise<void>((resolve) => {
    // Two frames: the first commit is painted before we ask for idle time.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 800 });
        else setTimeout(resolve, 50);
      }),
    );
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
