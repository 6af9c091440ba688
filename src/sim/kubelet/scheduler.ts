// default-scheduler. The boot's own Pods (scheduled before CLUSTER_START_MS) are bound here to the
// least-loaded schedulable node (ties by node order), respecting NoSchedule taints unless the Pod
// tolerates them, the node's max pods and DaemonSet-style matchFields node affinity: that placement
// never depends on whether the late parts have loaded. (No two boot Pods ask for one host port —
// k3s's svclb-traefik is the only boot Pod with any — so NodePorts is left to the full profile.) Every later
// Pod (a student's are created after the late parts load) goes through kube-scheduler 1.34's
// default profile in ./scheduler-full, bound late. Load is tracked incrementally from watch
// events, so scheduling is O(nodes), not O(pods).
import type { KindName, Node, Pod, PodCondition } from '../api/types';
import { copyOwn, keysAre } from '../apiserver/copy';
import type { ApiServer } from '../apiserver/server';
import { late, latePartsLoaded } from '../late';
import { CLUSTER_START_MS, rfc3339 } from '../runtime/clock';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';
import type { Binder, FullScheduler } from './scheduler-full';

// biome-ignore lint/suspicious/noExplicitAny: tolerations are loosely typed.
type Any = any;

function tolerates(pod: Pod, taint: { key: string; effect: string }): boolean {
  return (pod.spec.tolerations ?? []).some(
    (t: Any) =>
      ((t.operator === 'Exists' && !t.key) || t.key === taint.key) &&
      (!t.effect || t.effect === taint.effect),
  );
}

/** TaintToleration filter: the first NoSchedule taint the Pod does not tolerate. */
function untolerated(pod: Pod, taints: readonly { key: string; effect: string }[]): Any {
  for (const t of taints) if (t.effect === 'NoSchedule' && !tolerates(pod, t)) return t;
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
const CREATED_STATUS: readonly string[] = ['phase', 'qosClass'];

export function createScheduler(api: ApiServer): Controller {
  return new BootScheduler(api);
}

/**
 * A class rather than closures per cluster, so a fresh cluster runs the code (and feedback) the
 * earlier ones left (see kubelet.ts). It binds for the full profile too (Binder).
 */
class BootScheduler implements Controller, Binder {
  readonly name = 'default-scheduler';
  readonly watches: readonly KindName[] = ['Pod', 'Node'];
  // A status-only write keeps the Pod's metadata, spec and nodeName, all this path and the full
  // one (scheduler-full podEvent, scheduler-state observe) read but the phase: one that ends the
  // Pod (Succeeded, Failed) takes it out of its node's aggregates. The others queue nothing and
  // change nothing read later (an entry's Pod is read for its metadata and spec only).
  readonly statusWrites = 'phase';
  private readonly podNode = new Map<string, string>(); // pod uid → node
  private readonly unschedulable = new Set<string>(); // pod keys waiting for room
  private readonly load = new Map<string, number>();
  // The Nodes in store order, read again after any Node event (the scheduler's Node informer).
  private nodes: readonly Node[] | undefined = undefined;
  // [PodScheduled True] of the last second a Pod was bound in: Pods bound in one second share
  // this frozen list (and the kubelet's condition lists that carry it on).
  private scheduledAt = '';
  private scheduled: readonly PodCondition[] = [];
  private full: FullScheduler | undefined = undefined;
  // Set once the full profile schedules (the clock is past CLUSTER_START and the late parts are
  // in, both for good): this path's load and placement are never read again, and `unschedulable`
  // only shrinks. Once it is empty, a Pod event's keys are only a new unbound Pod's own.
  private bootDone = false;

  constructor(private readonly api: ApiServer) {}

  private bump(node: string, d: number): void {
    this.load.set(node, (this.load.get(node) ?? 0) + d);
  }

  private scheduledList(time: string): readonly PodCondition[] {
    if (this.scheduledAt !== time || this.scheduled.length === 0) {
      const c: PodCondition = {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: time,
      };
      this.scheduled = Object.freeze([Object.freeze(c)]);
      this.scheduledAt = time;
    }
    return this.scheduled;
  }

  bind(pod: Pod, nodeName: string, ctx: ControllerContext): void {
    // `{ ...pod.status, phase, conditions }` by assignment: a new Pod's status gains conditions
    // (copy.ts: a spread that gains keys takes V8's slow path).
    // A new Pod's status as the API server wrote it (phase, qosClass) as a literal in that key
    // order, kept by every later version of the bound object (copy.ts keysAre).
    const old: Any = pod.status;
    const conditions = this.scheduledList(rfc3339(ctx.clock.now()));
    let status: Any;
    if (old != null && keysAre(old, CREATED_STATUS))
      status = { phase: 'Pending', qosClass: old.qosClass, conditions };
    else {
      status = copyOwn(old);
      status.phase = 'Pending';
      status.conditions = conditions;
    }
    // Binding and the PodScheduled condition land in one write.
    const bound = this.api.bindPod(pod, nodeName, status);
    if (bound.ok)
      ctx.events.record(
        bound.object,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
        SOURCE,
      );
  }

  private fullPath(): FullScheduler | undefined {
    if (latePartsLoaded()) this.full ??= late().createFullScheduler(this.api, this);
    return this.full;
  }

  private bootKeys(ev: WatchEvent): string[] {
    if (ev.kind === 'Node') {
      this.nodes = undefined;
      return NO_KEYS as string[];
    }
    const p = ev.view as Pod;
    if (this.bootDone && this.unschedulable.size === 0)
      return ev.type === 'ADDED' && !p.spec?.nodeName
        ? [`${ev.namespace}/${ev.name}`]
        : (NO_KEYS as string[]);
    const uid = p.metadata.uid;
    if (ev.type === 'DELETED') {
      this.unschedulable.delete(`${p.metadata.namespace}/${p.metadata.name}`);
      const n = this.podNode.get(uid);
      if (n) this.bump(n, -1);
      this.podNode.delete(uid);
      // Room freed on a node: retry a few waiting Pods (the scheduling queue's move on PodDelete).
      return n ? [...this.unschedulable].slice(0, 8) : (NO_KEYS as string[]);
    }
    if (p.spec?.nodeName) {
      if (!this.podNode.has(uid)) {
        this.podNode.set(uid, p.spec.nodeName);
        this.bump(p.spec.nodeName, 1);
      }
      return NO_KEYS as string[];
    }
    return ev.type === 'ADDED' ? [`${p.metadata.namespace}/${p.metadata.name}`] : (NO_KEYS as string[]);
  }

  keysFor(ev: WatchEvent): string[] {
    const keys = this.bootKeys(ev);
    return this.fullPath()?.keysFor(ev, keys) ?? keys;
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const f = ctx.clock.now() >= CLUSTER_START_MS && this.fullPath();
    if (f) {
      this.bootDone = true;
      f.reconcile(key, ctx);
      return;
    }
    const api = this.api;
    const i = key.indexOf('/');
    const pod = api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
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
    this.nodes ??= [...api.store.byNamespace('Node', '')] as Node[];
    const nodes = this.nodes;
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
      const onNode = this.load.get(name) ?? 0;
      // NodeResourcesFit against status.allocatable.pods (the kubelet's --max-pods; every boot Node states it).
      if (onNode >= +(n.status.allocatable?.pods as string)) {
        no('Too many pods', true);
        continue;
      }
      if (!best || onNode < bestLoad) {
        best = n;
        bestLoad = onNode;
      }
    }
    if (!best) {
      this.unschedulable.add(key);
      const all = `0/${nodes.length} nodes are available: `;
      const reasons = [...why]
        .map(([m, n]) => `${n} ${m}`)
        .sort()
        .join(', ');
      const preemption = [
        victims && `${victims} No preemption victims found for incoming pod`,
        nodes.length > victims && `${nodes.length - victims} Preemption is not helpful for scheduling`,
      ]
        .filter(Boolean)
        .join(', ');
      const msg = `${all}${reasons}. no new claims to deallocate, preemption: ${all}${preemption}.`;
      ctx.events.record(pod, 'Warning', 'FailedScheduling', msg, SOURCE);
      return;
    }
    this.unschedulable.delete(key);
    this.bind(pod, best.metadata.name, ctx);
  }
}
