// default-scheduler. The boot's own Pods (scheduled before CLUSTER_START_MS) are bound here to the
// least-loaded schedulable node (ties by node order), respecting NoSchedule taints unless the Pod
// tolerates them, hostPorts already held on the node (NodePorts) and DaemonSet-style matchFields
// node affinity: that placement never depends on whether the late parts have loaded. Every later
// Pod (a student's are created after the late parts load) goes through kube-scheduler 1.34's
// default profile in ./scheduler-full, bound late. Load is tracked incrementally from watch
// events, so scheduling is O(nodes), not O(pods).
import type { Node, Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { late, latePartsLoaded } from '../late';
import { CLUSTER_START_MS, rfc3339 } from '../runtime/clock';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';
import type { FullScheduler } from './scheduler-full';

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

/** TaintToleration filter: the first NoSchedule taint the Pod does not tolerate. */
function untolerated(pod: Pod, taints: readonly { key: string; effect: string }[]): Any {
  for (const t of taints) if (t.effect === 'NoSchedule' && !tolerates(pod, t)) return t;
}

/** `protocol/port` of every hostPort the Pod asks for (hostIP 0.0.0.0); undefined for none. */
function hostPorts(pod: Pod): Set<string> | undefined {
  let out: Set<string> | undefined;
  const containers = pod.spec.containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    const ports: Any[] = (containers[i] as Any).ports ?? [];
    for (let j = 0; j < ports.length; j++) {
      const p = ports[j];
      if (!p.hostPort) continue;
      out ??= new Set();
      out.add(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
    }
  }
  return out;
}

/** NodePorts filter: another live Pod on the node already holds one of these hostPorts. */
function portsTaken(api: ApiServer, node: string, pod: Pod, want: Set<string>): boolean {
  for (const o of api.store.list('Pod') as Pod[]) {
    if (o.spec.nodeName !== node || o.metadata.uid === pod.metadata.uid) continue;
    if (o.status?.phase === 'Succeeded' || o.status?.phase === 'Failed') continue;
    const held = hostPorts(o);
    if (held) for (const p of held) if (want.has(p)) return true;
  }
  return false;
}

/** NodeAffinity as DaemonSet Pods carry it: required matchFields metadata.name In [nodes]. */
function nodeNames(pod: Pod): string[] | undefined {
  const terms = (pod.spec as Any).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms as Any[] | undefined;
  if (!terms) return undefined;
  const out: string[] = [];
  for (const t of terms)
    for (const f of t.matchFields ?? [])
      if (f.key === 'metadata.name' && f.operator === 'In') out.push(...f.values);
  return out.length ? out : undefined;
}

const SOURCE = { component: 'default-scheduler' };
const NO_KEYS: readonly string[] = Object.freeze([]);

export function createScheduler(api: ApiServer): Controller {
  const podNode = new Map<string, string>(); // pod uid → node
  const unschedulable = new Set<string>(); // pod keys waiting for room
  const load = new Map<string, number>();
  const bump = (node: string, d: number) => load.set(node, (load.get(node) ?? 0) + d);
  // The Nodes in store order, read again after any Node event (the scheduler's Node informer).
  let nodes: readonly Node[] | undefined;
  // [PodScheduled True] of the last second a Pod was bound in: Pods bound in one second share
  // this frozen list (and the kubelet's condition lists that carry it on).
  let scheduledAt = '';
  let scheduled: readonly PodCondition[] = [];
  const scheduledList = (time: string): readonly PodCondition[] => {
    if (scheduledAt !== time || scheduled.length === 0) {
      const c: PodCondition = {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: time,
      };
      scheduled = Object.freeze([Object.freeze(c)]);
      scheduledAt = time;
    }
    return scheduled;
  };
  const bind = (pod: Pod, nodeName: string, ctx: ControllerContext) => {
    const status = {
      ...(pod.status ?? {}),
      phase: 'Pending',
      conditions: scheduledList(rfc3339(ctx.clock.now())),
    };
    // Binding and the PodScheduled condition land in one write.
    const bound = api.bindPod(pod, nodeName, status);
    if (bound.ok)
      ctx.events.record(
        bound.object,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
        SOURCE,
      );
  };
  let full: FullScheduler | undefined;
  const fullPath = () => {
    if (latePartsLoaded()) full ??= late().createFullScheduler(api, bind);
    return full;
  };
  const keysFor = (ev: WatchEvent): string[] => {
    if (ev.kind === 'Node') {
      nodes = undefined;
      return NO_KEYS as string[];
    }
    const p = ev.object as Pod;
    const uid = p.metadata.uid;
    if (ev.type === 'DELETED') {
      unschedulable.delete(`${p.metadata.namespace}/${p.metadata.name}`);
      const n = podNode.get(uid);
      if (n) bump(n, -1);
      podNode.delete(uid);
      // Room freed on a node: retry a few waiting Pods (the scheduling queue's move on PodDelete).
      return n ? [...unschedulable].slice(0, 8) : (NO_KEYS as string[]);
    }
    if (p.spec?.nodeName) {
      if (!podNode.has(uid)) {
        podNode.set(uid, p.spec.nodeName);
        bump(p.spec.nodeName, 1);
      }
      return NO_KEYS as string[];
    }
    return ev.type === 'ADDED' ? [`${p.metadata.namespace}/${p.metadata.name}`] : (NO_KEYS as string[]);
  };
  return {
    name: 'default-scheduler',
    watches: ['Pod', 'Node'],
    keysFor(ev: WatchEvent): string[] {
      const f = fullPath();
      return f ? f.keysFor(ev, keysFor(ev)) : keysFor(ev);
    },
    reconcile(key: string, ctx: ControllerContext) {
      const f = ctx.clock.now() >= CLUSTER_START_MS && fullPath();
      if (f) return f.reconcile(key, ctx);
      const i = key.indexOf('/');
      const pod = api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
      if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
      const wantPorts = hostPorts(pod);
      const only = nodeNames(pod);
      let best: Node | undefined;
      let bestLoad = 0;
      // The framework's FitError: per-reason node counts, sorted by message. [K8S framework/types.go]
      const why = new Map<string, number>();
      let victims = 0;
      const no = (m: string, victim?: boolean) => {
        why.set(m, (why.get(m) ?? 0) + 1);
        if (victim) victims++;
      };
      nodes ??= [...api.store.byNamespace('Node', '')] as Node[];
      for (const n of nodes) {
        const name = n.metadata.name;
        if (only && !only.includes(name)) {
          no("node(s) didn't match Pod's node affinity/selector");
          continue;
        }
        const t = n.spec.taints && untolerated(pod, n.spec.taints);
        if (t) {
          no(`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`);
          continue;
        }
        const onNode = load.get(name) ?? 0;
        if (onNode >= maxPods(n)) {
          no('Too many pods', true);
          continue;
        }
        if (wantPorts && portsTaken(api, name, pod, wantPorts)) {
          no("node(s) didn't have free ports for the requested pod ports", true);
          continue;
        }
        if (!best || onNode < bestLoad) {
          best = n;
          bestLoad = onNode;
        }
      }
      if (!best) {
        unschedulable.add(key);
        const all = nodes.length;
        const reasons = [...why]
          .map(([m, n]) => `${n} ${m}`)
          .sort()
          .join(', ');
        const preemption = [
          ...(victims ? [`${victims} No preemption victims found for incoming pod`] : []),
          ...(all > victims ? [`${all - victims} Preemption is not helpful for scheduling`] : []),
        ].join(', ');
        const msg = `0/${all} nodes are available: ${reasons}. preemption: 0/${all} nodes are available: ${preemption}.`;
        ctx.events.record(pod, 'Warning', 'FailedScheduling', msg, SOURCE);
        return;
      }
      unschedulable.delete(key);
      bind(pod, best.metadata.name, ctx);
    },
  };
}
