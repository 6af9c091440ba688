// Helpers shared by the mutating / flow verbs: waiting on the simulated clock, label selectors,
// and kubectl's "attachable pod for object" (exec, port-forward, logs on deploy/, svc/, rs/).
import type { LabelSelector, Pod, Service } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { notFoundMessage, type ResourceType, resolveResourceType } from '../resources';
import type { KubectlContext } from './registry';

/** Step by which kubectl's watches are approximated on the simulated clock. */
export const POLL_MS = 100;

/**
 * Let simulated time pass until `done()` holds or `timeoutMs` is spent. `timeoutMs` 0 checks
 * once. Returns whether the condition was met.
 */
export function waitUntil(ctx: KubectlContext, done: () => boolean, timeoutMs: number): boolean {
  if (done()) return true;
  let waited = 0;
  while (waited < timeoutMs) {
    const step = Math.min(POLL_MS, timeoutMs - waited);
    ctx.proc.sleep(step);
    waited += step;
    if (done()) return true;
  }
  return false;
}

/** A LabelSelector object as kubectl selector text (`app=x,tier in (a,b)`). */
export function selectorString(sel: LabelSelector | Record<string, string> | undefined): string {
  if (!sel) return '';
  const s = sel as LabelSelector;
  if (!('matchLabels' in s) && !('matchExpressions' in s)) {
    return Object.entries(sel as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const vals = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** podutils.ActivePods, most active first: on a node, Running, Ready; then name order. */
export function mostActiveFirst(pods: Pod[]): Pod[] {
  const rank = (p: Pod) => {
    const phase = p.status?.phase === 'Running' ? 2 : p.status?.phase === 'Unknown' ? 1 : 0;
    const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 1 : 0;
    const deleting = p.metadata.deletionTimestamp ? 0 : 1;
    return (p.spec.nodeName ? 100 : 0) + phase * 10 + ready * 2 + deleting;
  };
  return [...pods].sort((a, b) => rank(b) - rank(a));
}

export type PodLookup =
  | { ok: true; pod: Pod; type: ResourceType; service?: Service }
  | { ok: false; message: string };

/**
 * `POD`, `pod/NAME`, `deploy/NAME`, `rs/NAME`, `svc/NAME` → one Pod, as kubectl's
 * AttachablePodForObject picks it (the most active Pod matching the owner's selector).
 */
export function podForObject(ctx: KubectlContext, arg: string): PodLookup {
  const { cluster, namespace } = ctx;
  const slash = arg.indexOf('/');
  const typeName = slash < 0 ? 'pods' : arg.slice(0, slash);
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const type = resolveResourceType(typeName);
  if (!type) return { ok: false, message: `error: the server doesn't have a resource type "${typeName}"` };
  if (name === '')
    return {
      ok: false,
      message: 'error: arguments in resource/name form must have a single resource and name',
    };
  const kind = type.simulated;
  if (kind === 'Pod') {
    const pod = cluster.get('Pod', namespace, name) as Pod | undefined;
    return pod ? { ok: true, pod, type } : { ok: false, message: notFoundMessage(type, name) };
  }
  if (kind !== 'Deployment' && kind !== 'ReplicaSet' && kind !== 'Service') {
    if (!kind) return { ok: false, message: notFoundMessage(type, name) };
    return {
      ok: false,
      message: `error: cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented`,
    };
  }
  const obj = cluster.get(kind, namespace, name);
  if (!obj) return { ok: false, message: notFoundMessage(type, name) };
  const selector =
    kind === 'Service' ? selectorString(obj.spec?.selector) : selectorString(obj.spec?.selector);
  if (selector === '') {
    return { ok: false, message: `error: cannot attach to *v1.${type.kind}: invalid label selector` };
  }
  const pods = cluster.list('Pod', { namespace, labelSelector: selector }) as Pod[];
  const pod = mostActiveFirst(pods)[0];
  if (!pod) return { ok: false, message: 'error: no matching resources found' };
  return kind === 'Service' ? { ok: true, pod, type, service: obj as Service } : { ok: true, pod, type };
}

export function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The pod's status as `kubectl get` would show it (for `Current status=`). */
export function podPhase(p: Pod): string {
  return p.status?.phase ?? 'Pending';
}

export function clusterOf(ctx: KubectlContext): Cluster {
  return ctx.cluster;
}
