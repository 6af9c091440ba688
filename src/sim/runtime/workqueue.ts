// A stingy FIFO workqueue (client-go workqueue semantics without concurrency): a key added while
// it is already waiting is not added again, so a key queued five times before it runs, runs once.

export class WorkQueue<T = string> {
  private items: T[] = [];
  private head = 0;
  private readonly queued = new Set<T>();

  add(item: T): void {
    if (this.queued.has(item)) return;
    this.queued.add(item);
    this.items.push(item);
  }
  /** Next item in FIFO order; it may be added again from then on. */
  get(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head] as T;
    this.head++;
    // Compact now and then so a long-lived queue does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.queued.delete(item);
    return item;
  }
  get length(): number {
    return this.items.length - this.head;
  }
}
