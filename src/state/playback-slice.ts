// The simulated clock's transport: the UI frame loop calls `advanceClock(dt × speed)` while playing.
import type { Slice } from './types';

export interface PlaybackSlice {
  playing: boolean;
  /** Simulated seconds per real second. */
  speed: number;
  setPlaying(on: boolean): void;
  togglePlaying(): void;
  setSpeed(speed: number): void;
  /** Advance the paused clock by one step (1 simulated second). */
  stepClock(): void;
}

export const SPEEDS = [0.5, 1, 2, 5, 10] as const;
export const STEP_MS = 1000;

export const createPlaybackSlice: Slice<PlaybackSlice> = (set, get) => ({
  playing: true,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  togglePlaying: () => set((s) => ({ playing: !s.playing })),
  setSpeed: (speed) => set({ speed }),
  stepClock: () => get().advanceClock(STEP_MS),
});
