// Timers on the simulated clock: a binary min-heap keyed by (due, seq), so timers due at the same
// instant fire in the order they were scheduled.
import type { Clock, Timers } from './interfaces';

interface Entry {
  due: number;
  seq: number;
  fn: () => void;
}

export class TimerHeap implements Timers {
  private heap: Entry[] = [];
  private seq = 0;
  private readonly cancelled = new Set<number>();
  constructor(private readonly clock: Clock) {}

  at(dueMs: number, fn: () => void): number {
    const e: Entry = { due: dueMs, seq: ++this.seq, fn };
    this.heap.push(e);
    this.up(this.heap.length - 1);
    return e.seq;
  }
  after(delayMs: number, fn: () => void): number {
    return this.at(this.clock.now() + Math.max(0, delayMs), fn);
  }
  cancel(id: number): void {
    this.cancelled.add(id);
  }
  /** Due time of the earliest live timer, or undefined. */
  peekDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }
  /** Remove and return the earliest live timer if it is due at or before `t`. */
  popDue(t: number): (() => void) | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.due > t) return undefined;
    this.pop();
    return top.fn;
  }
  get size(): number {
    return this.heap.length;
  }
  private dropCancelled(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0] as Entry;
      if (!this.cancelled.has(top.seq)) return;
      this.cancelled.delete(top.seq);
      this.pop();
    }
  }
  private less(i: number, j: number): boolean {
    const a = this.heap[i] as Entry;
    const b = this.heap[j] as Entry;
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }
  private swap(i: number, j: number): void {
    const t = this.heap[i] as Entry;
    this.heap[i] = this.heap[j] as Entry;
    this.heap[j] = t;
  }
  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) return;
      this.swap(i, p);
      i = p;
    }
  }
  private pop(): void {
    const last = this.heap.pop() as Entry;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
