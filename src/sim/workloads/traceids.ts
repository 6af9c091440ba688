// Deterministic trace ids: `<kind>-<simulated ms>-<n>`, counted per cluster.
import type { Cluster } from '../contract';

const counters = new WeakMap<Cluster, number>();

export function nextTraceId(cluster: Cluster, kind: string): string {
  const n = (counters.get(cluster) ?? 0) + 1;
  counters.set(cluster, n);
  return `${kind}-${cluster.now()}-${n}`;
}
