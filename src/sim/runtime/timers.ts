// Timers on the simulated clock: a binary min-heap keyed by (due, seq), so timers due at the same
// instant fire in the order they were scheduled.

import { doubleArray, refArray } from './arrays';
import type { Clock, Timers } from './interfaces';

export class TimerHeap implements Timers {
  // The heap as three parallel arrays (due, seq, callback) rather than one object per timer: a
  // comparison reads two numbers from packed arrays instead of two objects, and scheduling a
  // timer allocates nothing but its callback (and, now and then, the arrays' growth).
  private readonly dues: number[] = doubleArray();
  private readonly seqs: number[] = [];
  private readonly fns: (() => void)[] = refArray();
  private seq = 0;
  private readonly cancelled = new Set<number>();
  constructor(private readonly clock: Clock) {}

  at(dueMs: number, fn: () => void): number {
    const seq = ++this.seq;
    this.dues.push(dueMs);
    this.seqs.push(seq);
    this.fns.push(fn);
    this.up(this.dues.length - 1, dueMs, seq, fn);
    return seq;
  }
  after(delayMs: number, fn: () => void): number {
    return this.at(this.clock.now() + Math.max(0, delayMs), fn);
  }
  cancel(id: number): void {
    this.cancelled.add(id);
  }
  /** Due time of the earliest live timer, or undefined. */
  peekDue(): number | undefined {
    if (this.cancelled.size > 0) this.dropCancelled();
    return this.dues.length > 0 ? this.dues[0] : undefined;
  }
  /** Remove and return the earliest live timer if it is due at or before `t`. */
  popDue(t: number): (() => void) | undefined {
    if (this.cancelled.size > 0) this.dropCancelled();
    if (this.dues.length === 0 || (this.dues[0] as number) > t) return undefined;
    const fn = this.fns[0] as () => void;
    this.pop();
    return fn;
  }
  get size(): number {
    return this.dues.length;
  }
  private dropCancelled(): void {
    while (this.seqs.length > 0) {
      const top = this.seqs[0] as number;
      if (!this.cancelled.has(top)) return;
      this.cancelled.delete(top);
      this.pop();
    }
  }
  /** Sift the entry (due, seq, fn), now at `i`, up to its place. */
  private up(i: number, due: number, seq: number, fn: () => void): void {
    const dues = this.dues;
    const seqs = this.seqs;
    const fns = this.fns;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pd = dues[p] as number;
      if (!(due < pd || (due === pd && seq < (seqs[p] as number)))) break;
      dues[i] = pd;
      seqs[i] = seqs[p] as number;
      fns[i] = fns[p] as () => void;
      i = p;
    }
    dues[i] = due;
    seqs[i] = seq;
    fns[i] = fn;
  }
  /** Remove the top entry: the last one takes its place and sifts down. */
  private pop(): void {
    const dues = this.dues;
    const seqs = this.seqs;
    const fns = this.fns;
    const due = dues.pop() as number;
    const seq = seqs.pop() as number;
    const fn = fns.pop() as () => void;
    const n = dues.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      // The smaller child, then whether it comes before the moving entry.
      let m = l;
      let md = dues[l] as number;
      let ms = seqs[l] as number;
      const r = l + 1;
      if (r < n) {
        const rd = dues[r] as number;
        const rs = seqs[r] as number;
        if (rd < md || (rd === md && rs < ms)) {
          m = r;
          md = rd;
          ms = rs;
        }
      }
      if (!(md < due || (md === due && ms < seq))) break;
      dues[i] = md;
      seqs[i] = ms;
      fns[i] = fns[m] as () => void;
      i = m;
    }
    dues[i] = due;
    seqs[i] = seq;
    fns[i] = fn;
  }
}
