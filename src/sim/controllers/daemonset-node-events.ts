// The daemon controller's Node handlers (pkg/controller/daemon/daemon_controller.go addNode,
// updateNode, shouldIgnoreNodeUpdate; 1.34), bound late with ./daemonset-sync: a Node added
// queues every DaemonSet that should run a Pod on it; a Node updated queues nothing unless its
// labels or taints changed (apiequality.Semantic.DeepEqual, for which a nil and an empty map or list
// are equal), and then every DaemonSet whose NodeShouldRunDaemonPod answer for it (shouldRun or
// shouldContinueRunning) differs between the old and the new Node. There is no deleteNode: the
// Pods of a deleted Node are the Pod GC's. The boot DaemonSets tolerate every taint and select no
// node, so only an added Node queues them (k3s's svclb tolerates only its few taints).
import type { Node } from '../api/types';
import { stableStringify } from '../apiserver/json';
import type { ApiServer } from '../apiserver/server';
import type { WatchEvent } from '../runtime/interfaces';
import { nodeShouldRun } from './daemonset-nodes';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

/** Labels and taints, with nil and empty alike (Semantic.DeepEqual). */
function placementFields(n: Node): string {
  const labels = n.metadata.labels ?? {};
  const taints: Any[] = (n.spec as Any)?.taints ?? [];
  return stableStringify([Object.keys(labels).length ? labels : {}, taints.length ? taints : []]);
}

/** shouldIgnoreNodeUpdate: labels and taints unchanged. */
export function shouldIgnoreNodeUpdate(old: Node, cur: Node): boolean {
  return placementFields(old) === placementFields(cur);
}

/** The DaemonSet keys a Node event queues. */
export function daemonSetNodeKeys(api: ApiServer, ev: WatchEvent): string[] {
  if (ev.type === 'DELETED') return [];
  const cur = ev.object as Node;
  const old = ev.type === 'MODIFIED' ? (ev.old as Node | undefined) : undefined;
  if (ev.type === 'MODIFIED' && (!old || shouldIgnoreNodeUpdate(old, cur))) return [];
  const keys: string[] = [];
  for (const ds of api.store.list('DaemonSet') as Any[]) {
    const [run, keep] = nodeShouldRun(ds, cur);
    if (old) {
      const [wasRun, wasKeep] = nodeShouldRun(ds, old);
      if (run === wasRun && keep === wasKeep) continue;
    } else if (!run) continue;
    keys.push(`DaemonSet/${ds.metadata.namespace}/${ds.metadata.name}`);
  }
  return keys;
}
