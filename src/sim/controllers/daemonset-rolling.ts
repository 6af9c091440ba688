// The RollingUpdate strategy of a user's DaemonSet, as pkg/controller/daemon/update.go rollingUpdate
// does it in 1.34 (bound late with ./daemonset-sync). Node by node, in the node list's order (the
// real controller walks a Go map, in no fixed order):
// - maxSurge 0: an old Pod that is not available is deleted at once; available old Pods are
//   deleted while fewer than maxUnavailable nodes are unavailable (a node with no Pod, a Pod still
//   terminating, both an old and a new Pod, or a new Pod not yet available counts as unavailable);
//   the manage loop then creates the new Pod once the old one is gone;
// - maxSurge > 0: a new Pod is created beside an old one (at once where the old one is not
//   available, else while fewer than maxSurge nodes are surging), and the old Pod is deleted once
//   the new one is available.
// maxUnavailable and maxSurge are scaled on desiredNumberScheduled rounding up
// (util.UnavailableCount, SurgeCount); both 0 counts as maxUnavailable 1.
import type { Node, Pod } from '../api/types';
import { nodeShouldRun, podAvailable } from './daemonset-nodes';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

/** IsPodUpdated: the current revision's hash, or the DaemonSet's template generation. */
export function podUpdated(p: Pod, hash: string, generation: string | undefined): boolean {
  const l = p.metadata.labels ?? {};
  return (
    (generation !== undefined && l['pod-template-generation'] === generation) ||
    l['controller-revision-hash'] === hash
  );
}

/** GetScaledValueFromIntOrPercent(v, total, roundUp true). */
export function scaled(v: unknown, total: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Math.ceil((Number(v.slice(0, -1)) * total) / 100);
  return 0;
}

/** findUpdatedPodsOnNode: at most one live new and one live old Pod, else not ok (undefined). */
function split(pods: Pod[], hash: string, gen: string | undefined): { nu?: Pod; old?: Pod } | undefined {
  const out: { nu?: Pod; old?: Pod } = {};
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (podUpdated(p, hash, gen)) {
      if (out.nu) return undefined;
      out.nu = p;
    } else {
      if (out.old) return undefined;
      out.old = p;
    }
  }
  return out;
}

export interface RollingPlan {
  /** Pods to delete, by name. */
  remove: string[];
  /** Nodes to create a new Pod on. */
  create: string[];
}

/**
 * What rollingUpdate asks syncNodes to do. `byNode`: the DaemonSet's Pods by node (terminal
 * deleted ones left out); `nodes`: the node list.
 */
export function rollingPlan(
  ds: Any,
  nodes: Node[],
  byNode: Map<string, Pod[]>,
  hash: string,
  gen: string | undefined,
  now: number,
): RollingPlan {
  const mrs = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => podAvailable(p, mrs, now);
  // updatedDesiredNodeCounts: every node that wants a Pod is considered, with or without one.
  const entries = new Map<string, Pod[]>();
  let desired = 0;
  const nodeByName = new Map<string, Node>();
  for (const n of nodes) {
    nodeByName.set(n.metadata.name, n);
    const pods = byNode.get(n.metadata.name);
    if (nodeShouldRun(ds, n)[0]) {
      desired++;
      entries.set(n.metadata.name, pods ?? []);
    } else if (pods) entries.set(n.metadata.name, pods);
  }
  for (const [name, pods] of byNode) if (!entries.has(name)) entries.set(name, pods);
  const ru = ds.spec.updateStrategy?.rollingUpdate ?? {};
  let maxUnavailable = scaled(ru.maxUnavailable, desired);
  const maxSurge = scaled(ru.maxSurge, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  if (maxSurge === 0) {
    let unavailable = 0;
    const replace: string[] = [];
    const candidates: string[] = [];
    for (const pods of entries.values()) {
      const s = split(pods, hash, gen);
      if (!s) {
        unavailable++;
        continue;
      }
      if ((!s.old && !s.nu) || (s.old && s.nu)) unavailable++;
      else if (s.nu) {
        if (!available(s.nu)) unavailable++;
      } else if (s.old) {
        if (!available(s.old)) {
          replace.push(s.old.metadata.name);
          unavailable++;
        } else if (unavailable < maxUnavailable) candidates.push(s.old.metadata.name);
      }
    }
    const room = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
    return { remove: [...replace, ...candidates.slice(0, room)], create: [] };
  }
  const remove: string[] = [];
  const shouldNotRun: string[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let surge = 0;
  let availableN = 0;
  for (const [name, pods] of entries) {
    const s = split(pods, hash, gen);
    if (!s) {
      surge++;
      continue;
    }
    if (s.old) {
      if (available(s.old)) availableN++;
    } else if (s.nu && available(s.nu)) availableN++;
    if (!s.old) continue;
    const node = nodeByName.get(name);
    const runs = node !== undefined && nodeShouldRun(ds, node)[0];
    if (!s.nu) {
      if (!available(s.old)) {
        if (!runs) remove.push(s.old.metadata.name);
        else allowed.push(name);
      } else if (!runs) shouldNotRun.push(s.old.metadata.name);
      else if (surge < maxSurge) candidates.push(name);
    } else if (!available(s.nu)) surge++;
    else remove.push(s.old.metadata.name);
  }
  const deletable = Math.min(availableN - desired, shouldNotRun.length);
  if (deletable > 0) remove.push(...shouldNotRun.slice(0, deletable));
  const room = Math.min(Math.max(maxSurge - surge, 0), candidates.length);
  return { remove, create: [...allowed, ...candidates.slice(0, room)] };
}
