// default-scheduler: binds Pending Pods to the least-loaded schedulable node (ties by node order),
// respecting NoSchedule taints unless the Pod tolerates them. Load is tracked incrementally from
// watch events, so scheduling is O(nodes), not O(pods).
import type { Node, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { rfc3339 } from '../runtime/clock';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

/** The kubelet's default --max-pods, used when a Node does not state status.allocatable.pods. */
const DEFAULT_MAX_PODS = 110;

/** NodeResourcesFit counts Pods against the Node's status.allocatable.pods. */
function maxPods(n: Node): number {
  const v = Number((n.status as Any)?.allocatable?.pods);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_PODS;
}

// biome-ignore lint/suspicious/noExplicitAny: tolerations are loosely typed.
type Any = any;

function tolerates(pod: Pod, taint: { key: string; effect: string }): boolean {
  return (pod.spec.tolerations ?? []).some((t: Any) => {
    const keyOk = t.operator === 'Exists' && !t.key ? true : t.key === taint.key;
    const effectOk = !t.effect || t.effect === taint.effect;
    return keyOk && effectOk;
  });
}

export function createScheduler(api: ApiServer): Controller {
  const podNode = new Map<string, string>(); // pod uid → node
  const unschedulable = new Set<string>(); // pod keys waiting for room
  const load = new Map<string, number>();
  const bump = (node: string, d: number) => load.set(node, (load.get(node) ?? 0) + d);
  return {
    name: 'default-scheduler',
    watches: ['Pod'],
    keysFor(ev: WatchEvent): string[] {
      const p = ev.object as Pod;
      const uid = p.metadata.uid;
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      if (ev.type === 'DELETED') {
        unschedulable.delete(key);
        const n = podNode.get(uid);
        if (n) bump(n, -1);
        podNode.delete(uid);
        // Room freed on a node: retry a few waiting Pods (the scheduling queue's move on PodDelete).
        return n ? [...unschedulable].slice(0, 8) : [];
      }
      if (p.spec?.nodeName) {
        if (!podNode.has(uid)) {
          podNode.set(uid, p.spec.nodeName);
          bump(p.spec.nodeName, 1);
        }
        return [];
      }
      return ev.type === 'ADDED' ? [key] : [];
    },
    reconcile(key: string, ctx: ControllerContext) {
      const i = key.indexOf('/');
      const pod = api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
      if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
      const nodes = [...api.store.byNamespace('Node', '')] as Node[];
      let best: Node | undefined;
      let tainted = 0;
      let full = 0;
      for (const n of nodes) {
        if (n.spec.taints?.some((t) => t.effect === 'NoSchedule' && !tolerates(pod, t))) {
          tainted++;
          continue;
        }
        if ((load.get(n.metadata.name) ?? 0) >= maxPods(n)) {
          full++;
          continue;
        }
        if (!best || (load.get(n.metadata.name) ?? 0) < (load.get(best.metadata.name) ?? 0)) best = n;
      }
      if (!best) {
        unschedulable.add(key);
        const reasons = [
          ...(full ? [`${full} Too many pods`] : []),
          ...(tainted
            ? [`${tainted} node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`]
            : []),
        ].join(', ');
        const msg = `0/${nodes.length} nodes are available: ${reasons}. preemption: 0/${nodes.length} nodes are available: ${full ? `${full} No preemption victims found for incoming pod` : ''}${full && tainted ? ', ' : ''}${tainted ? `${tainted} Preemption is not helpful for scheduling` : ''}.`;
        ctx.events.record(pod, 'Warning', 'FailedScheduling', msg, { component: 'default-scheduler' });
        return;
      }
      unschedulable.delete(key);
      const nodeName = best.metadata.name;
      const now = rfc3339(ctx.clock.now());
      const status = {
        ...(pod.status ?? {}),
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }],
      };
      // Binding and the PodScheduled condition land in one write.
      const bound = api.bindPod(pod, nodeName, status);
      if (!bound.ok) return;
      ctx.events.record(
        bound.object,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
        { component: 'default-scheduler' },
      );
    },
  };
}
