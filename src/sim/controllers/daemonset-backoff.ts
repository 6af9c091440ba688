// The daemon controller's failedPodsBackoff (pkg/controller/daemon/daemon_controller.go:
// flowcontrol.NewBackOff(1s, 15min), keyed failedPodsBackoffKey = "<ds uid>/<observedGeneration>/
// <node>"), as client-go's util/flowcontrol/backoff.go keeps it without jitter: the first failed
// Pod on a node is deleted at once and starts a 1 s back-off; each later one found while the
// back-off runs is left for the requeue after it, the next deletion doubling it (up to 15 min). An
// entry untouched for twice the maximum has expired and starts again at 1 s (hasExpired; the
// controller's periodic GC drops such entries, which changes nothing observable).

const INITIAL = 1000;
const MAX = 15 * 60 * 1000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/** Per cluster (its API server): the back-off entries by key. */
const perCluster = new WeakMap<object, Map<string, Entry>>();

export class FailedPodsBackoff {
  private readonly items: Map<string, Entry>;
  constructor(cluster: object) {
    let m = perCluster.get(cluster);
    if (!m) {
      m = new Map();
      perCluster.set(cluster, m);
    }
    this.items = m;
  }

  /** failedPodsBackoffKey. */
  static key(
    ds: { metadata: { uid: string }; status?: { observedGeneration?: number } },
    node: string,
  ): string {
    return `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node}`;
  }

  private live(id: string, now: number): Entry | undefined {
    const e = this.items.get(id);
    return e && now - e.lastUpdate <= MAX * 2 ? e : undefined;
  }

  /** IsInBackOffSinceUpdate. */
  inBackoff(id: string, now: number): boolean {
    const e = this.live(id, now);
    return e !== undefined && now - e.lastUpdate < e.backoff;
  }

  /** Get: the current delay (0 without an entry). */
  get(id: string): number {
    return this.items.get(id)?.backoff ?? 0;
  }

  /** Next: start at 1 s, or double up to 15 min. */
  next(id: string, now: number): void {
    const e = this.live(id, now);
    this.items.set(id, { backoff: e ? Math.min(e.backoff * 2, MAX) : INITIAL, lastUpdate: now });
  }
}
