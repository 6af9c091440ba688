// The one requestAnimationFrame loop of the app: it drives the simulated clock with real elapsed time
// × speed while playing. Pausing stops calling `advance`. Long gaps (a hidden tab) are capped so the
// cluster does not jump minutes ahead in one frame.
import { useEffect } from 'react';
import { useStore } from '../../state/store';

const MAX_FRAME_MS = 250;

export function useFrameLoop(): void {
  useEffect(() => {
    let last = performance.now();
    let id = requestAnimationFrame(function frame(now) {
      const dt = Math.min(now - last, MAX_FRAME_MS);
      last = now;
      const s = useStore.getState();
      if (s.playing && dt > 0) s.advanceClock(Math.round(dt * s.speed));
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, []);
}
