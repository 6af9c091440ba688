// Timers on the simulated clock, fired in (due, seq) order, so timers due at the same instant fire
// in the order they were scheduled. The simulated clock makes many timers share an instant (a
// build of the benchmark at N = 200 schedules ~2,200 timers at ~330 instants, ~1,000 pending at a
// time), so they are kept in one FIFO bucket per instant and only the buckets sit in a binary
// min-heap: a pop is an array read instead of a sift through a thousand entries.

import { refArray } from './arrays';
import type { Clock, Timers } from './interfaces';

/** The timers due at one instant, in schedule order (their seqs ascend); `head` is the next. */
interface Bucket {
  due: number;
  fns: ((() => void) | undefined)[];
  seqs: number[];
  head: number;
}

export class TimerHeap implements Timers {
  /** Min-heap of buckets by due (no two buckets share a due). */
  private readonly heap: Bucket[] = refArray();
  private readonly byDue = new Map<number, Bucket>();
  /**
   * The bucket the last timer went to (undefined once that bucket is done): over half the timers
   * are due at the same instant as the one scheduled just before, and find it here.
   */
  private last: Bucket | undefined = undefined;
  private seq = 0;
  private count = 0;
  private readonly cancelled = new Set<number>();
  constructor(private readonly clock: Clock) {}

  at(dueMs: number, fn: () => void): number {
    const seq = ++this.seq;
    this.count++;
    let b = this.last;
    if (b === undefined || b.due !== dueMs) b = this.byDue.get(dueMs);
    if (b !== undefined) {
      b.fns.push(fn);
      b.seqs.push(seq);
      this.last = b;
      return seq;
    }
    const nb: Bucket = { due: dueMs, fns: [fn], seqs: [seq], head: 0 };
    this.byDue.set(dueMs, nb);
    this.heap.push(nb);
    this.up(this.heap.length - 1);
    this.last = nb;
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
    const top = this.heap[0];
    return top === undefined ? undefined : top.due;
  }
  /** Remove and return the earliest live timer if it is due at or before `t`. */
  popDue(t: number): (() => void) | undefined {
    if (this.cancelled.size > 0) this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined || top.due > t) return undefined;
    return this.take(top);
  }
  /** Timers scheduled and not yet fired or dropped (cancelled ones count until dropped). */
  get size(): number {
    return this.count;
  }
  /** The top bucket's next timer, removing the bucket once it is empty. */
  private take(top: Bucket): () => void {
    const i = top.head++;
    const fns = top.fns;
    const fn = fns[i] as () => void;
    fns[i] = undefined; // the closure may be collected once it has run
    this.count--;
    if (top.head === fns.length) {
      this.byDue.delete(top.due);
      if (this.last === top) this.last = undefined;
      this.pop();
    }
    return fn;
  }
  private dropCancelled(): void {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined) return;
      const seq = top.seqs[top.head] as number;
      if (!this.cancelled.has(seq)) return;
      this.cancelled.delete(seq);
      this.take(top);
    }
  }
  /** Sift the bucket at `i` up to its place. */
  private up(i: number): void {
    const h = this.heap;
    const b = h[i] as Bucket;
    const due = b.due;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pb = h[p] as Bucket;
      if (pb.due <= due) break;
      h[i] = pb;
      i = p;
    }
    h[i] = b;
  }
  /** Remove the top bucket: the last one takes its place and sifts down. */
  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Bucket;
    const n = h.length;
    if (n === 0) return;
    const due = last.due;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let mb = h[l] as Bucket;
      if (r < n) {
        const rb = h[r] as Bucket;
        if (rb.due < mb.due) {
          m = r;
          mb = rb;
        }
      }
      if (mb.due >= due) break;
      h[i] = mb;
      i = m;
    }
    h[i] = last;
  }
}
