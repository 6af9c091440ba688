// kube-scheduler 1.34's default profile for the Pods created after boot (bound late: the boot's own
// Pods keep ./scheduler's least-loaded placement, see there). One scheduling cycle
// (pkg/scheduler/schedule_one.go): PreFilter, Filter on every node (./scheduler-filters), and with
// more than one feasible node Score + selectHost (./scheduler-scores); on failure the FitError
// message (framework/types.go FitError.Error) with DefaultPreemption's PostFilter verdict, and the
// Pod waits in the scheduling queue's unschedulable pool (backend/queue/scheduling_queue.go) until
//   - a cluster event one of its rejecting plugins registered for (EventsToRegister with the
//     QueueingHints on by default) moves it: it is retried at once, since with SchedulerPopFromBackoffQ
//     (beta, on since 1.33, kubernetes#130772) an idle scheduler pops the backoffQ without waiting
//     out the backoff (1 s doubling to 10 s);
//   - or flushUnschedulablePodsLeftover, every 30 s, finds it parked for 5 min
//     (podMaxInUnschedulablePodsDuration) and retries it.
// Every failed attempt records a FailedScheduling event, as the real one does.
import type { K8sObject, LabelSelector, Labels, Node, Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext, Rng, WatchEvent } from '../runtime/interfaces';
import { type Cycle, type Env, filterNode, preFilter, type Status } from './scheduler-filters';
import { requiredNodeAffinity, untoleratedTaint } from './scheduler-match';
import { allocatable } from './scheduler-resources';
import { scoreNodes, selectHost } from './scheduler-scores';
import { SchedState } from './scheduler-state';
import {
  BIND_TIMEOUT_MS,
  PREBIND_TIMEOUT_MESSAGE,
  podVolumesBound,
  REASON_VOLUME_NODE_CONFLICT,
  selectNode,
  volumeNodeConflict,
  volumePreFilter,
  waitOnClaims,
} from './scheduler-volumes';

// biome-ignore lint/suspicious/noExplicitAny: loosely typed decoded JSON.
type Any = any;

/** Binds a Pod and records Scheduled (./scheduler's, shared with the boot path). */
export interface Binder {
  bind(pod: Pod, node: string, ctx: ControllerContext): void;
}

export interface FullScheduler {
  /** The watch event's keys: the boot scheduler's, plus parked Pods the event may help. */
  keysFor(ev: WatchEvent, keys: string[]): string[];
  reconcile(key: string, ctx: ControllerContext): void;
}

const SOURCE = { component: 'default-scheduler' };
const NONE: readonly string[] = Object.freeze([]);
/** podMaxInUnschedulablePodsDuration and the flush period. */
const LEFTOVER_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

/** A parked Pod: when it was parked and which plugins rejected it (Diagnosis.UnschedulablePlugins). */
interface Parked {
  since: number;
  plugins: Set<string>;
  pod: Pod;
  attempts: number;
}

/**
 * FitError.Error plus DefaultPreemption's PostFilter message. `statuses` holds each evaluated
 * node's status; the other nodes carry `absent` (the PreFilterResult's nodes-left-out status).
 * All Pods here have the same priority, so a node preemption might help (status Unschedulable)
 * has no lower-priority victims (SelectVictimsOnNode); the others are not helped by it.
 */
export function fitErrorMessage(
  total: number,
  statuses: readonly Status[],
  absent: Status | undefined,
  preemptNever: boolean,
): string {
  const reasons = new Map<string, number>();
  const count = (r: string, n: number) => reasons.set(r, (reasons.get(r) ?? 0) + n);
  for (const s of statuses) for (const r of s.reasons) count(r, 1);
  const absentCount = total - statuses.length;
  if (absent && absentCount > 0) for (const r of absent.reasons) count(r, absentCount);
  const histogram = (m: Map<string, number>) =>
    [...m]
      .map(([r, n]) => `${n} ${r}`)
      .sort()
      .join(', ');
  let msg = `0/${total} nodes are available: ${histogram(reasons)}.`;
  // The PostFilter plugins' reasons, joined (RunPostFilterPlugins): DynamicResources (on by default
  // in 1.34) answers "no new claims to deallocate" for a Pod without claims, then DefaultPreemption
  // its "preemption: …" verdict. Events of 1.34 clusters read "… no new claims to deallocate,
  // preemption: 0/3 nodes are available: …".
  if (preemptNever)
    return `${msg} no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.`;
  const victims = statuses.filter((s) => s.code === 'U').length;
  const pre = new Map<string, number>();
  if (victims > 0) pre.set('No preemption victims found for incoming pod', victims);
  if (total - victims > 0) pre.set('Preemption is not helpful for scheduling', total - victims);
  msg += ` no new claims to deallocate, preemption: 0/${total} nodes are available: ${histogram(pre)}.`;
  return msg;
}

/** DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): Services', then the controller's. */
export function defaultSelector(api: ApiServer, pod: Pod): LabelSelector | undefined {
  const ns = pod.metadata.namespace as string;
  const labels: Labels = pod.metadata.labels ?? {};
  const set: Labels = {};
  for (const s of api.store.byNamespace('Service', ns)) {
    const sel = (s as Any).spec?.selector as Labels | undefined;
    if (!sel) continue;
    if (Object.keys(sel).every((k) => Object.hasOwn(labels, k) && labels[k] === sel[k]))
      Object.assign(set, sel);
  }
  let exprs: LabelSelector['matchExpressions'] = [];
  const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller);
  if (
    owner &&
    (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') &&
    owner.apiVersion === 'apps/v1'
  ) {
    const o = api.store.get(owner.kind, ns, owner.name) as Any;
    const sel: LabelSelector | undefined = o?.spec?.selector;
    if (sel) {
      Object.assign(set, sel.matchLabels ?? {});
      exprs = [...(sel.matchExpressions ?? [])];
    }
  }
  if (Object.keys(set).length === 0 && exprs.length === 0) return undefined;
  return { matchLabels: set, matchExpressions: exprs };
}

export function createFullScheduler(api: ApiServer, binder: Binder): FullScheduler {
  return new FullSchedulerImpl(api, binder);
}

/** The filters' and scores' view of the cluster: the scheduler's Node list (read again after a Node event). */
class SchedEnv implements Env {
  private nodeList: readonly Node[] | undefined = undefined;
  constructor(
    private readonly api: ApiServer,
    readonly state: SchedState,
  ) {}
  get nodes(): readonly Node[] {
    this.nodeList ??= [...this.api.store.byNamespace('Node', '')] as Node[];
    return this.nodeList;
  }
  /** A Node changed: the list is read again when next used. */
  forgetNodes(): void {
    this.nodeList = undefined;
  }
  nsLabels(ns: string): Labels | undefined {
    return (this.api.store.get('Namespace', undefined, ns) as Any)?.metadata?.labels ?? {};
  }
  namespaces(): { name: string; labels: Labels | undefined }[] {
    return [...this.api.store.byNamespace('Namespace', '')].map((n) => ({
      name: n.metadata.name as string,
      labels: n.metadata.labels,
    }));
  }
}

/**
 * A class rather than closures per cluster, so a fresh cluster runs the code (and feedback) the
 * earlier ones left (see kubelet.ts).
 */
class FullSchedulerImpl implements FullScheduler {
  private readonly state = new SchedState();
  private readonly parked = new Map<string, Parked>();
  /** Pods in VolumeBinding's PreBind: the node chosen and when (./scheduler-volumes). */
  private readonly prebinding = new Map<string, { node: string; since: number }>();
  /** Parked Pods an event moved: their next reconcile is a retry, not a stale flush timer. */
  private readonly movedKeys = new Set<string>();
  private rng: Rng | undefined = undefined;
  private readonly env: SchedEnv;

  constructor(
    private readonly api: ApiServer,
    private readonly binder: Binder,
  ) {
    for (const p of api.store.list('Pod') as Pod[]) this.state.observe(p, false);
    this.env = new SchedEnv(api, this.state);
  }

  /** Parked Pods whose rejecting plugins `wants` says this event may help (the QueueingHints). */
  private moved(wants: (p: Parked) => boolean): string[] {
    const out: string[] = [];
    for (const [key, p] of this.parked)
      if (wants(p)) {
        out.push(key);
        this.movedKeys.add(key);
      }
    return out;
  }

  private nodeEvent(ev: WatchEvent): string[] {
    this.env.forgetNodes();
    if (this.parked.size === 0) return NONE as string[];
    if (ev.type === 'DELETED') return NONE as string[];
    const n = ev.object as Node;
    const o = ev.old as Node | undefined;
    if (ev.type === 'ADDED' || !o) return this.moved(() => true);
    const labels = JSON.stringify(n.metadata.labels ?? {}) !== JSON.stringify(o.metadata.labels ?? {});
    const taints =
      JSON.stringify((n.spec as Any)?.taints ?? []) !== JSON.stringify((o.spec as Any)?.taints ?? []);
    const unsched = !!(n.spec as Any)?.unschedulable !== !!(o.spec as Any)?.unschedulable;
    const alloc = JSON.stringify(n.status?.allocatable ?? {}) !== JSON.stringify(o.status?.allocatable ?? {});
    if (!labels && !taints && !unsched && !alloc) return NONE as string[];
    return this.moved(({ plugins: pl, pod }) => {
      const tol: Any[] = (pod.spec as Any).tolerations ?? [];
      if (
        pl.has('NodeAffinity') &&
        labels &&
        requiredNodeAffinity(pod.spec, n) &&
        !requiredNodeAffinity(pod.spec, o)
      )
        return true;
      if (pl.has('TaintToleration') && taints && untoleratedTaint(o, tol) && !untoleratedTaint(n, tol))
        return true;
      if (pl.has('NodeUnschedulable') && unsched && !(n.spec as Any)?.unschedulable) return true;
      if (pl.has('NodeResourcesFit') && alloc) return true;
      if ((pl.has('PodTopologySpread') || pl.has('InterPodAffinity')) && (labels || taints)) return true;
      return false;
    });
  }

  private podEvent(ev: WatchEvent): string[] {
    const p = ev.view as Pod;
    const state = this.state;
    const parked = this.parked;
    const before = state.byUid.get(p.metadata.uid as string);
    const after = state.observe(p, ev.type === 'DELETED', before);
    // The last scheduling gate removed: the Pod enters the active queue.
    if (
      ev.type === 'MODIFIED' &&
      !p.spec.nodeName &&
      (ev.oldView as Any)?.spec?.schedulingGates?.length &&
      !(p.spec as Any).schedulingGates?.length
    )
      return [`${p.metadata.namespace}/${p.metadata.name}`];
    if (parked.size === 0) return NONE as string[];
    const key = `${p.metadata.namespace}/${p.metadata.name}`;
    const own = parked.get(key);
    if (own) {
      if (ev.type === 'DELETED') parked.delete(key);
      // The parked Pod itself updated (a toleration added, labels changed): retried.
      else if (own.pod.spec !== p.spec || own.pod.metadata.labels !== p.metadata.labels) {
        this.movedKeys.add(key);
        return [key];
      }
      return NONE as string[];
    }
    if (before && !after)
      // AssignedPodDelete (or a Pod that ended, which the scheduler's informer sees as deleted).
      return this.moved(
        ({ plugins: pl }) =>
          pl.has('NodeResourcesFit') ||
          (pl.has('NodePorts') && before.ports !== undefined) ||
          pl.has('InterPodAffinity') ||
          pl.has('PodTopologySpread'),
      );
    if (after && (!before || before.labels !== after.labels))
      // AssignedPodAdd / UpdatePodLabel.
      return this.moved(({ plugins: pl }) => pl.has('InterPodAffinity') || pl.has('PodTopologySpread'));
    return NONE as string[];
  }

  /**
   * handleSchedulingFailure's updatePod: PodScheduled False, reason Unschedulable, the FitError
   * message (podutil.UpdatePodCondition: written only when it changed; the transition time kept
   * while the status stays False).
   */
  private unschedulableCondition(pod: Pod, message: string, now: number): void {
    const conds: PodCondition[] = pod.status?.conditions ?? [];
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    const old = conds[i];
    if (old && old.status === 'False' && old.reason === 'Unschedulable' && old.message === message) return;
    const next: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : rfc3339(now),
      reason: 'Unschedulable',
      message,
    };
    const conditions = i < 0 ? [...conds, next] : conds.map((c, j) => (j === i ? next : c));
    this.api.updateStatus({ ...pod, status: { ...pod.status, conditions } } as unknown as K8sObject);
  }

  /**
   * The one node of a one-node cluster when the cycle below would certainly choose it, found
   * without the cycle: a node that is schedulable and has no taints, no Pod with required
   * anti-affinity bound anywhere, and a Pod that names no node and has no node selector, no
   * affinity, no topology spread, no host port, no request or overhead, no init container and no
   * claim, so that every PreFilter is a no-op (no node names, no spread or affinity state, no
   * volumes) and every Filter passes but NodeResourcesFit's pod count, checked here; the only
   * feasible node is then chosen with no score and no random draw. Undefined otherwise (the cycle
   * decides, as always), and for SimClusterOptions.generalPaths.
   */
  private onlyNodeFits(pod: Pod, env: SchedEnv): Node | undefined {
    const all = env.nodes;
    if (all.length !== 1 || env.state.withRequiredAnti.size !== 0 || this.api.general) return undefined;
    const node = all[0] as Node;
    const ns: Any = node.spec;
    if (ns?.unschedulable || ns?.taints?.length) return undefined;
    const spec: Any = pod.spec;
    if (
      spec.nodeName ||
      spec.nodeSelector ||
      spec.affinity ||
      spec.topologySpreadConstraints ||
      spec.initContainers ||
      spec.resources ||
      spec.overhead
    )
      return undefined;
    const cs: Any[] | undefined = spec.containers;
    for (let i = 0; cs && i < cs.length; i++) {
      const c = cs[i];
      if (c?.resources?.requests) return undefined;
      const ports: Any[] | undefined = c?.ports;
      for (let j = 0; ports && j < ports.length; j++) if (ports[j]?.hostPort) return undefined;
    }
    const vols: Any[] | undefined = spec.volumes;
    for (let i = 0; vols && i < vols.length; i++) if (vols[i]?.persistentVolumeClaim) return undefined;
    const agg = env.state.nodes.get(node.metadata.name);
    return (agg?.pods ?? 0) + 1 > allocatable(node).pods ? undefined : node;
  }

  /** `key`: the Pod's, `namespace/name` (the reconcile's). */
  private schedule(pod: Pod, key: string, ctx: ControllerContext): void {
    const api = this.api;
    const env = this.env;
    const only = this.onlyNodeFits(pod, env);
    if (only !== undefined) {
      this.parked.delete(key);
      this.binder.bind(pod, only.metadata.name, ctx);
      return;
    }
    const all = env.nodes;
    const cy: Cycle = preFilter(pod, env);
    if (cy.nodeNames?.size === 0) {
      // NodeAffinity's PreFilter: every term names nodes by metadata.name and they exclude each other.
      this.fail(
        pod,
        key,
        ctx,
        `0/${all.length} nodes are available: pod affinity terms conflict. no new claims to deallocate, preemption: 0/${all.length} nodes are available: ${all.length} Preemption is not helpful for scheduling.`,
        new Set(['NodeAffinity']),
      );
      return;
    }
    // VolumeBinding's PreFilter and Filter (./scheduler-volumes; a Pod without claims skips it).
    const vol = volumePreFilter(api, pod);
    if (vol?.message) {
      this.fail(
        pod,
        key,
        ctx,
        `0/${all.length} nodes are available: ${vol.message}. no new claims to deallocate, preemption: 0/${all.length} nodes are available: ${all.length} Preemption is not helpful for scheduling.`,
        new Set(['VolumeBinding']),
      );
      waitOnClaims(api, pod, key, () => {
        this.movedKeys.add(key);
        ctx.requeueAfter(key, 0);
      });
      return;
    }
    const feasible: Node[] = [];
    const statuses: Status[] = [];
    for (const n of all) {
      if (cy.nodeNames && !cy.nodeNames.has(n.metadata.name)) continue;
      const s =
        filterNode(cy, n, env) ??
        (volumeNodeConflict(vol, n)
          ? { plugin: 'VolumeBinding', code: 'UU' as const, reasons: [REASON_VOLUME_NODE_CONFLICT] }
          : undefined);
      if (s) statuses.push(s);
      else feasible.push(n);
    }
    if (feasible.length > 0) {
      let chosen = feasible[0] as Node;
      if (feasible.length > 1) {
        this.rng ??= ctx.rng.fork('select-host');
        chosen = feasible[
          selectHost(scoreNodes(cy, feasible, env, defaultSelector(api, pod)), this.rng)
        ] as Node;
      }
      this.parked.delete(key);
      // VolumeBinding's PreBind: WaitForFirstConsumer claims are provisioned on the chosen node first.
      if (vol?.delayed.length) {
        selectNode(api, vol.delayed, chosen.metadata.name);
        this.prebinding.set(key, { node: chosen.metadata.name, since: ctx.clock.now() });
        waitOnClaims(api, pod, key, () => ctx.requeueAfter(key, 0));
        ctx.requeueAfter(key, BIND_TIMEOUT_MS);
        return;
      }
      this.binder.bind(pod, chosen.metadata.name, ctx);
      return;
    }
    const absent: Status | undefined = cy.nodeNames
      ? { plugin: 'NodeAffinity', code: 'UU', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] }
      : undefined;
    const msg = fitErrorMessage(all.length, statuses, absent, (pod.spec as Any).preemptionPolicy === 'Never');
    const plugins = new Set(statuses.map((s) => s.plugin));
    if (absent) plugins.add('NodeAffinity');
    this.fail(pod, key, ctx, msg, plugins);
  }

  private fail(pod: Pod, key: string, ctx: ControllerContext, msg: string, plugins: Set<string>): void {
    const now = ctx.clock.now();
    this.parked.set(key, { since: now, plugins, pod, attempts: (this.parked.get(key)?.attempts ?? 0) + 1 });
    ctx.events.record(pod, 'Warning', 'FailedScheduling', msg, SOURCE);
    this.unschedulableCondition(pod, msg, now);
    // The first 30 s flush tick (the ticker runs from the boot instant, a whole number of 30 s
    // periods since the epoch) at which the Pod has been parked for more than 5 minutes.
    const due = now + LEFTOVER_MS;
    ctx.requeueAfter(key, (Math.floor(due / FLUSH_PERIOD_MS) + 1) * FLUSH_PERIOD_MS - now);
  }

  keysFor(ev: WatchEvent, keys: string[]): string[] {
    const extra = ev.kind === 'Node' ? this.nodeEvent(ev) : ev.kind === 'Pod' ? this.podEvent(ev) : [];
    return extra.length === 0 ? keys : [...keys, ...extra];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const api = this.api;
    const i = key.indexOf('/');
    const pod = api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.parked.delete(key);
      this.movedKeys.delete(key);
      this.prebinding.delete(key);
      return;
    }
    const pb = this.prebinding.get(key);
    if (pb) {
      if (podVolumesBound(api, pod)) {
        this.prebinding.delete(key);
        this.binder.bind(pod, pb.node, ctx);
      } else if (ctx.clock.now() - pb.since >= BIND_TIMEOUT_MS) {
        this.prebinding.delete(key);
        this.fail(pod, key, ctx, PREBIND_TIMEOUT_MESSAGE, new Set(['VolumeBinding']));
      } else waitOnClaims(api, pod, key, () => ctx.requeueAfter(key, 0));
      return;
    }
    // Another scheduler's Pod (the profile answers only spec.schedulerName default-scheduler), or one
    // the SchedulingGates PreEnqueue plugin holds back until its gates are removed: not attempted.
    const sn = (pod.spec as Any).schedulerName;
    if ((sn && sn !== 'default-scheduler') || (pod.spec as Any).schedulingGates?.length) return;
    const p = this.parked.get(key);
    // A leftover-flush timer of an earlier parking: the Pod was retried (and parked) since.
    if (p && ctx.clock.now() - p.since <= LEFTOVER_MS && !this.movedKeys.delete(key)) return;
    this.schedule(pod, key, ctx);
  }
}
