// Deterministic trace ids: `<kind>-<simulated ms>-<n>`, counted per cluster.
import type { Cluster } from '../contract';
import { realCluster } from './state';

const counters = new WeakMap<Cluster, number>();

export function nextTraceId(cluster: Cluster, kind: string): string {
  const real = realCluster(cluster);
  const n = (counters.get(real) ?? 0) + 1;
  counters.set(real, n);
  return `${kind}-${cluster.now()}-${n}`;
}
