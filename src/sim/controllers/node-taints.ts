// The node lifecycle controller's NoSchedule tainting pass (TaintNodesByCondition, always on since
// 1.17) [kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go
// doNoScheduleTaintingPass, nodeConditionToTaintKeyStatusMap; pkg/controller/util/node/
// controller_utils.go SwapNodeControllerTaint; pkg/controller/controller_utils.go
// AddOrUpdateTaintOnNode, RemoveTaintOffNode]. On every Node change it computes the NoSchedule
// taints the Node's conditions and spec.unschedulable call for, compares them with the Node's
// NoSchedule taints of those keys, and adds the missing ones (appended, with timeAdded = now) and
// removes the extra ones: `kubectl cordon` gains `node.kubernetes.io/unschedulable:NoSchedule`,
// `uncordon` loses it.
//
// Bound late, riding on the publishers controller (./publishers watches Node; ../late-impl routes
// `Node/…` keys here, and the longer ones go on to ./taint-eviction): only a user's action changes
// a Node (the boot's Nodes are Ready with no pressure and schedulable, so they need no taint).
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import { taintEvictionKeys, taintEvictionSync } from './taint-eviction';

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

interface NodeSpec {
  unschedulable?: boolean;
  taints?: Taint[] | null;
}

export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** nodeConditionToTaintKeyStatusMap. */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: 'node.kubernetes.io/not-ready', Unknown: 'node.kubernetes.io/unreachable' },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** taintKeyToNodeConditionMap's keys, plus the unschedulable taint: the keys this pass owns. */
const OWNED = new Set([
  TAINT_NODE_UNSCHEDULABLE,
  ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)),
]);

const NO_SCHEDULE = 'NoSchedule';

/** The work keys of a Node event: this pass's, and the taint eviction controller's (./taint-eviction). */
export function nodeTaintKeys(ev: WatchEvent): string[] {
  return ev.object.kind === 'Node' ? [`Node/${ev.object.metadata.name}`, ...taintEvictionKeys(ev)] : [];
}

/** Per cluster (its store): the kubelet's lastNodeUnschedulable of each Node (false at start). */
const lastUnschedulable = new WeakMap<object, Map<string, boolean>>();

/**
 * The kubelet's recordNodeSchedulableEvent [kubernetes pkg/kubelet/kubelet_node_status.go]: when
 * spec.unschedulable differs from what it last saw, `Node <name> status is now:
 * NodeNotSchedulable` (or NodeSchedulable), Normal, from the kubelet. The kubelet notices it at
 * its next node status update (every 10 s); here at once.
 */
function recordSchedulableEvent(node: K8sObject, unschedulable: boolean, ctx: ControllerContext): void {
  let seen = lastUnschedulable.get(ctx.store);
  if (!seen) {
    seen = new Map();
    lastUnschedulable.set(ctx.store, seen);
  }
  const name = node.metadata.name;
  if ((seen.get(name) ?? false) === unschedulable) return;
  seen.set(name, unschedulable);
  const reason = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
  ctx.events.record(node, 'Normal', reason, `Node ${name} status is now: ${reason}`, {
    component: 'kubelet',
    host: name,
  });
}

/** doNoScheduleTaintingPass for one Node (`Node/<name>`), and the kubelet's schedulable event. */
export function nodeTaintSync(key: string, ctx: ControllerContext): void {
  if (key.indexOf('/', 5) >= 0) {
    taintEvictionSync(key, ctx);
    return;
  }
  const node = ctx.store.get('Node', undefined, key.slice('Node/'.length));
  if (!node) return;
  const nodeSpec = (node.spec ?? {}) as NodeSpec;
  recordSchedulableEvent(node, nodeSpec.unschedulable === true, ctx);
  const conditions = ((node.status as { conditions?: { type: string; status: string }[] } | undefined)
    ?.conditions ?? []) as { type: string; status: string }[];
  const want: string[] = [];
  for (const c of conditions) {
    const k = CONDITION_TAINTS[c.type]?.[c.status];
    if (k) want.push(k);
  }
  if (nodeSpec.unschedulable) want.push(TAINT_NODE_UNSCHEDULABLE);
  const taints: Taint[] = nodeSpec.taints ?? [];
  const have = taints.filter((t) => t.effect === NO_SCHEDULE && OWNED.has(t.key)).map((t) => t.key);
  // TaintSetDiff: by key and effect (all NoSchedule here).
  const add = want.filter((k) => !have.includes(k));
  const del = have.filter((k) => !want.includes(k));
  if (add.length === 0 && del.length === 0) return;
  const now = rfc3339(ctx.clock.now());
  // AddOrUpdateTaintOnNode appends a taint no existing one matches; RemoveTaintOffNode drops the
  // matching ones; an empty list is omitted (omitempty).
  const next = taints.filter((t) => !(t.effect === NO_SCHEDULE && del.includes(t.key)));
  for (const k of add) next.push({ key: k, effect: NO_SCHEDULE, timeAdded: now });
  const spec: Record<string, unknown> = { ...nodeSpec };
  if (next.length > 0) spec.taints = next;
  else delete spec.taints;
  ctx.api.update({ ...node, spec } as K8sObject);
}
