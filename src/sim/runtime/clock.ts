// The manual simulated clock. Only the cluster's `advance` moves it; nothing in sim/ reads real time.
import type { Clock } from './interfaces';

/**
 * The instant a fresh cluster "is" at. Fixed so transcripts are reproducible; boot objects are
 * stamped ~6d22h earlier so `kubectl get svc kubernetes` shows AGE `6d22h` as in the reference (§B6).
 */
export const CLUSTER_START_MS = Date.UTC(2026, 0, 8, 9, 30, 0);
export const BOOT_AGE_MS = ((6 * 24 + 22) * 60 + 17) * 60 * 1000;

export class ManualClock implements Clock {
  private t: number;
  constructor(startMs: number = CLUSTER_START_MS) {
    this.t = startMs;
  }
  now(): number {
    return this.t;
  }
  /** Move to an absolute instant (never backwards). */
  set(ms: number): void {
    if (ms < this.t) throw new Error(`clock cannot go backwards (${ms} < ${this.t})`);
    this.t = ms;
  }
}

/** RFC 3339 with second precision, as metav1.Time serialises: `2026-01-08T09:30:00Z`. */
let lastSecond = Number.NaN;
let lastText = '';
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = `${new Date(sec * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastText;
}

/** Epoch ms of an RFC 3339 timestamp. */
export function parseRfc3339(s: string): number {
  // Controllers re-read the same few second-precision condition timestamps on every sync, and
  // Date.parse is slow: remember recent ones (a pure function, so the cache cannot change results).
  let ms = parsed.get(s);
  if (ms === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    ms = Date.parse(s);
    parsed.set(s, ms);
  }
  return ms;
}
const parsed = new Map<string, number>();
