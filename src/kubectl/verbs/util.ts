// Helpers shared by the mutating / flow verbs: waiting on the simulated clock, label selectors,
// and kubectl's "attachable pod for object" (exec, port-forward, logs on deploy/, svc/, rs/).
import type { LabelSelector, Pod, Service } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { notFoundMessage, type ResourceType, resolveResourceType } from '../resources';
import type { JobHandle, KubectlContext, KubectlHost } from './registry';

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

// kubectl v0.34.9 pkg/util/podutils/podutils.go: the two pod orders GetFirstPod sorts by.
// Go's sort.Sort is an insertion sort below 13 elements, so equal Pods keep the list's name order;
// Array.prototype.sort is stable too.

const time = (t: string | undefined): number => (t ? Date.parse(t) : 0);
const readyTime = (p: Pod): number =>
  time(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
const restarts = (p: Pod): number =>
  Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
/** afterOrZero: t1 after t2, a zero time counting as after any other. */
const afterOrZero = (t1: number, t2: number): boolean => (t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2);

/** ActivePods.Less: the less active Pod first (a controller's choice of which to delete). */
function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const m: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = m[a.status?.phase ?? ''] ?? 0;
  const pb = m[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  const da = time(a.metadata.deletionTimestamp);
  const db = time(b.metadata.deletionTimestamp);
  if ((da !== 0) !== (db !== 0)) return da !== 0;
  if (da !== 0 && db !== 0 && da !== db) return da < db;
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(a), readyTime(b));
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  const ca = time(a.metadata.creationTimestamp);
  const cb = time(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** ByLogging.Less: the Pod whose logs are most worth showing first. */
function byLoggingLess(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const m: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = m[a.status?.phase ?? ''] ?? 0;
  const pb = m[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(b), readyTime(a));
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  const ca = time(a.metadata.creationTimestamp);
  const cb = time(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

const byLess = (less: (a: Pod, b: Pod) => boolean) => (a: Pod, b: Pod) =>
  less(a, b) ? -1 : less(b, a) ? 1 : 0;

/** sort.Reverse(podutils.ActivePods): the most active Pod first (exec, attach, port-forward). */
export function mostActiveFirst(pods: Pod[]): Pod[] {
  return [...pods].sort(byLess((a, b) => activePodsLess(b, a)));
}

/** podutils.ByLogging: the Pod `kubectl logs TYPE/NAME` reads first. */
export function byLogging(pods: Pod[]): Pod[] {
  return [...pods].sort(byLess(byLoggingLess));
}

export type PodLookup =
  /** `matched`: how many Pods the owner's selector matched (1 for a Pod named directly). */
  | { ok: true; pod: Pod; type: ResourceType; service?: Service; matched: number }
  | { ok: false; message: string };

/**
 * `POD`, `pod/NAME`, `deploy/NAME`, `rs/NAME`, `ds/NAME`, `svc/NAME` → one Pod, as kubectl's
 * AttachablePodForObject picks it (the most active Pod matching the owner's selector).
 */
export function podForObject(
  ctx: KubectlContext,
  arg: string,
  order: 'active' | 'logging' = 'active',
): PodLookup {
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
    return pod ? { ok: true, pod, type, matched: 1 } : { ok: false, message: notFoundMessage(type, name) };
  }
  // SelectorsForObject: a DaemonSet's, StatefulSet's or Job's selector as a Deployment's (kubectl polymorphichelpers).
  if (
    kind !== 'Deployment' &&
    kind !== 'ReplicaSet' &&
    kind !== 'DaemonSet' &&
    kind !== 'StatefulSet' &&
    kind !== 'Job' &&
    kind !== 'Service'
  ) {
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
  const pod = (order === 'logging' ? byLogging(pods) : mostActiveFirst(pods))[0];
  if (!pod) return { ok: false, message: 'error: no matching resources found' };
  const matched = pods.length;
  return kind === 'Service'
    ? { ok: true, pod, type, service: obj as Service, matched }
    : { ok: true, pod, type, matched };
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

/**
 * A `--watch` as a foreground job: Ctrl-C ends it with 130 (kubectl killed by SIGINT) and the
 * subscription `subscribe` returns is dropped whatever ends the job.
 */
export function startWatchJob(host: KubectlHost, subscribe: (job: JobHandle) => () => void): JobHandle {
  let stop: (() => void) | undefined;
  const job = host.startJob({
    onSignal(_signal, h) {
      h.finish(130);
    },
    onEnd() {
      stop?.();
    },
  });
  stop = subscribe(job);
  return job;
}

/** --pod-running-timeout's default (kubectl's defaultPodAttachTimeout). */
const POD_RUNNING_TIMEOUT_MS = 60_000;

/**
 * AttachablePodForObject for exec and attach: the Pod, waiting as GetFirstPod does
 * (--pod-running-timeout) while an owner's selector matches none yet; kubectl's error line is
 * printed and undefined returned when there is none.
 */
export function attachablePod(ctx: KubectlContext, target: string): Pod | undefined {
  let found = podForObject(ctx, target);
  if (!found.ok && found.message === 'error: no matching resources found') {
    waitUntil(
      ctx,
      () => {
        found = podForObject(ctx, target);
        return found.ok;
      },
      POD_RUNNING_TIMEOUT_MS,
    );
    if (!found.ok) {
      ctx.proc.err('error: timed out waiting for the condition\n');
      return undefined;
    }
  }
  if (!found.ok) {
    ctx.proc.err(`${found.message}\n`);
    return undefined;
  }
  return found.pod;
}
