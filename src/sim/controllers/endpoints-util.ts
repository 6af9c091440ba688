// Helpers shared by the Endpoints, EndpointSlice and mirroring controllers (their reads of Pod
// fields are in ./endpoints-pod).
import type {
  EndpointSliceEndpoint,
  EndpointSubset,
  K8sObject,
  Labels,
  Pod,
  Service,
  ServicePort,
} from '../api/types';
import { copyOwn, copyWith } from '../apiserver/copy';
import type { StoreReader } from '../runtime/interfaces';
import { isOwn } from '../runtime/own';
import type { PodLabelIndex, ServiceSelectorIndex } from './endpoints-index';
import { podLabels, podNamespace, sameLabelSet } from './endpoints-pod';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const MIRROR_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/** The controllers act only on Services with a (non-empty) selector that are not ExternalName. */
export function hasSelector(svc: Service): svc is Service & { spec: { selector: Labels } } {
  if (svc.spec.type === 'ExternalName') return false;
  const selector = svc.spec.selector;
  // isOwn, not Object.hasOwn: the key of a for-in over the same object (see runtime/own).
  for (const k in selector) if (isOwn(selector, k)) return true;
  return false;
}

export function selectorMatches(selector: Labels, labels: Labels | undefined): boolean {
  for (const k in selector) {
    if (isOwn(selector, k) && labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** Whether every port's targetPort is a number (then FindPort gives the same answer for every Pod). */
export function numericTargetPorts(svc: Service): boolean {
  const ports = svc.spec.ports ?? [];
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i] as ServicePort;
    const tp = sp.targetPort ?? sp.port;
    if (typeof tp !== 'number' && !/^\d+$/.test(tp)) return false;
  }
  return true;
}

/** FindPort for a numeric targetPort (the same for every Pod); undefined for a named one. */
export function findNumericPort(sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  return /^\d+$/.test(tp) ? Number(tp) : undefined;
}

/**
 * Pods of the Service's namespace that its selector matches (through the label index when given),
 * written over `out` (a caller's scratch array, reused: saves one array per reconcile).
 */
export function selectedPods(
  store: StoreReader,
  svc: Service & { spec: { selector: Labels } },
  index?: PodLabelIndex,
  out: Pod[] = [],
): Pod[] {
  const ns = svc.metadata.namespace ?? 'default';
  let n = 0;
  if (index) {
    const names = index.selectedNames(ns, svc.spec.selector, store);
    for (let i = 0; i < names.length; i++) {
      const o = store.view('Pod', ns, names[i] as string);
      if (o) out[n++] = o as Pod;
    }
  } else {
    for (const o of store.byNamespace('Pod', ns)) {
      if (selectorMatches(svc.spec.selector, podLabels(o as Pod))) out[n++] = o as Pod;
    }
  }
  return truncated(out, n);
}

/**
 * `arr` cut to its first `n` items. A reused scratch array is not emptied with `length = 0`:
 * V8 then drops its storage, and the next write allocates new storage (seen in allocation
 * profiles, once per reconcile); a shorter non-zero length keeps it.
 */
export function truncated<T>(arr: T[], n: number): T[] {
  if (arr.length !== n) arr.length = n;
  return arr;
}

/**
 * Keys (`ns/name`) of the Services in the Pod's namespace whose selector matches its old or new
 * labels, in the store's order (through the selector index when given).
 */
export function serviceKeysForPod(
  store: StoreReader,
  pod: Pod,
  old?: Pod,
  index?: ServiceSelectorIndex,
): string[] {
  const ns = podNamespace(pod);
  if (index) {
    const labels = podLabels(pod);
    const oldLabels = old && podLabels(old);
    const both = oldLabels !== undefined && !sameLabelSet(oldLabels, labels ?? {});
    return [...index.keysMatching(ns, labels, both ? oldLabels : undefined)];
  }
  const keys: string[] = [];
  for (const o of store.byNamespace('Service', ns)) {
    const svc = o as Service;
    if (!hasSelector(svc)) continue;
    if (
      selectorMatches(svc.spec.selector, podLabels(pod)) ||
      (old !== undefined && selectorMatches(svc.spec.selector, podLabels(old)))
    ) {
      keys.push(`${ns}/${svc.metadata.name}`);
    }
  }
  return keys;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/**
 * `{ ...annotations, [TRIGGER_TIME]: time }`: the stored annotations themselves when they already
 * say that time (the spread would have the same keys, in the same order, with the same values).
 */
export function withTriggerTime(
  annotations: Record<string, string> | undefined,
  time: string,
): Record<string, string> {
  if (annotations?.[TRIGGER_TIME] === time && Object.hasOwn(annotations, TRIGGER_TIME)) return annotations;
  // Annotations that hold the trigger time alone (the controllers' own, from their creates): one
  // object per time, shared by every version written at that time (stored objects are never
  // modified), instead of a copy per version.
  if (annotations === undefined || onlyTriggerTime(annotations)) return triggerTimeOnly(time);
  // By assignment (copyWith), not a spread with a computed key: see withLabelsAndAnnotations.
  return copyWith(annotations, TRIGGER_TIME, time);
}

/** Whether `annotations` has exactly one own key, the trigger time. */
function onlyTriggerTime(annotations: Record<string, string>): boolean {
  let n = 0;
  for (const k in annotations) if (k !== TRIGGER_TIME || !isOwn(annotations, k) || ++n > 1) return false;
  return n === 1;
}

/** `{ [TRIGGER_TIME]: time }`, the same object while the time is the same (a pure memo). */
function triggerTimeOnly(time: string): Record<string, string> {
  let only = lastTriggerOnly;
  if (time !== lastTriggerTime || only === undefined) {
    only = copyWith(undefined, TRIGGER_TIME, time) as Record<string, string>;
    lastTriggerOnly = only;
    lastTriggerTime = time;
  }
  return only;
}
let lastTriggerTime = '';
let lastTriggerOnly: Record<string, string> | undefined;

/**
 * `{ ...metadata, labels, annotations }`, the metadata of a controller's next Endpoints or slice
 * version, built by assignment (copyOwn, then the two keys: the same keys in the same order).
 * As spread literals these two sites went through V8's generic clone and define-own-property
 * handlers on every write (~5,000 instructions per write at the benchmark's size, callgrind
 * with a perf map: they see the metadata of created and of updated versions, whose maps differ).
 */
export function withLabelsAndAnnotations(
  metadata: K8sObject['metadata'],
  labels: Labels,
  annotations: Record<string, string>,
): K8sObject['metadata'] {
  // The metadata the controllers' own creates give (see their creates and ApiServer.writeOwn: the
  // server adds uid, resourceVersion and creationTimestamp), in that key order, is written out as
  // a literal (as copyTop does for top levels): the same keys, order and values as copyOwn's copy,
  // without Object.assign's generic copy (~3K instructions per write, callgrind with a perf map).
  let n = 0;
  let ep = true;
  let slice = true;
  for (const k in metadata) {
    if (!isOwn(metadata, k)) {
      ep = slice = false;
      break;
    }
    if (k !== ENDPOINTS_META_KEYS[n]) ep = false;
    if (k !== SLICE_META_KEYS[n]) slice = false;
    n++;
  }
  if (ep && n === ENDPOINTS_META_KEYS.length)
    return {
      name: metadata.name,
      namespace: metadata.namespace,
      labels,
      annotations,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      creationTimestamp: metadata.creationTimestamp,
    } as K8sObject['metadata'];
  if (slice && n === SLICE_META_KEYS.length)
    return {
      name: metadata.name,
      generateName: metadata.generateName,
      namespace: metadata.namespace,
      labels,
      annotations,
      ownerReferences: metadata.ownerReferences,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      creationTimestamp: metadata.creationTimestamp,
    } as K8sObject['metadata'];
  const m = copyOwn(metadata);
  m.labels = labels;
  m.annotations = annotations;
  return m;
}

/** The metadata keys of the controllers' own Endpoints and slices, in their order (see above). */
const ENDPOINTS_META_KEYS = [
  'name',
  'namespace',
  'labels',
  'annotations',
  'uid',
  'resourceVersion',
  'creationTimestamp',
];
const SLICE_META_KEYS = [
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'ownerReferences',
  'uid',
  'resourceVersion',
  'creationTimestamp',
];

/** RFC 3339 with second precision, as the API server prints metav1.Time. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = `${new Date(sec * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastText;
}
let lastSecond = Number.NaN;
let lastText = '';

/** JSON with sorted keys, to compare desired and stored objects regardless of key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : val,
  );
}

const jsonPrim = (v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

/**
 * `canonical(a) === canonical(b)` without serialising: same JSON value regardless of key order
 * (properties holding undefined count as absent, undefined array items as null, as JSON.stringify
 * treats them). The controllers compare desired and stored objects on every reconcile.
 */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return jsonPrim(a) === jsonPrim(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!sameJSON(a[i] === undefined ? null : a[i], b[i] === undefined ? null : b[i])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (!isOwn(ra, k) || ra[k] === undefined) continue;
    n++;
    if (!Object.hasOwn(rb, k) || rb[k] === undefined || !sameJSON(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (isOwn(rb, k) && rb[k] !== undefined) n--;
  return n === 0;
}

/**
 * Whether a stored subsets list (`stored`: any value) certainly has JSON other than `built`'s, a
 * list the Endpoints controller built (its subsets' keys are own and hold no undefined): told
 * from what differs between a Service's consecutive versions, a list's length or a list
 * present in one only. True only where sameJSON(stored, built) is false; false says nothing.
 * (A key `built` holds that `stored` lacks as its own, or holds as a list of another length,
 * makes the two differ: read through a prototype, `stored`'s value is not its own.)
 */
export function subsetsDiffer(stored: unknown, built: readonly EndpointSubset[]): boolean {
  if (!Array.isArray(stored)) return false;
  if (stored.length !== built.length) return true;
  for (let i = 0; i < built.length; i++) {
    const a: unknown = stored[i];
    const b = built[i] as EndpointSubset;
    if (a === b) continue;
    if (typeof a !== 'object' || a === null) return false;
    const s = a as EndpointSubset;
    return listDiffers(s.addresses, b.addresses) || listDiffers(s.notReadyAddresses, b.notReadyAddresses);
  }
  return false;
}

/** subsetsDiffer for one key: `built` (own, or absent) against `stored`'s value. */
function listDiffers(stored: unknown, built: readonly unknown[] | undefined): boolean {
  if (built === undefined) return false;
  return stored === undefined || (Array.isArray(stored) && stored.length !== built.length);
}

/**
 * Whether stored slice endpoints (`stored`: any value) certainly have JSON other than `built`'s,
 * the endpoints the EndpointSlice controller built (own keys, conditions of three booleans): a
 * list of another length, or at the first endpoint that is not the same object, a readiness
 * that differs. True only where sameJSON(stored, built) is false; false says nothing.
 */
export function sliceEndpointsDiffer(
  stored: unknown,
  built: readonly EndpointSliceEndpoint[] | null,
): boolean {
  if (built === null || !Array.isArray(stored)) return false;
  if (stored.length !== built.length) return true;
  for (let i = 0; i < built.length; i++) {
    const a: unknown = stored[i];
    const b = built[i] as EndpointSliceEndpoint;
    if (a === b) continue;
    if (typeof a !== 'object' || a === null) return false;
    const c: unknown = (a as EndpointSliceEndpoint).conditions;
    if (c === undefined) return true;
    if (typeof c !== 'object' || c === null) return false;
    const ready: unknown = (c as EndpointSliceEndpoint['conditions']).ready;
    return typeof ready === 'boolean' && ready !== b.conditions.ready;
  }
  return false;
}

/** Labels copied from the Service plus the controller's own (the real controllers copy service labels). */
export function derivedLabels(svc: Service, own: Labels): Labels {
  // By assignment, not spread plus new keys (see copyWith).
  const labels: Labels = copyOwn(svc.metadata.labels);
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  const keys = Object.keys(own);
  for (let i = 0; i < keys.length; i++) labels[keys[i] as string] = own[keys[i] as string] as string;
  return labels;
}

/**
 * `arr.sort(cmp)` for arrays of fewer than 64 elements without the engine's temporary arrays:
 * V8's TimSort (builtins/array-sort.tq) on such an array makes one run (CountAndMakeRun: the
 * longest ascending or strictly descending prefix, a descending one reversed) and extends it
 * with a binary insertion sort. This is that algorithm, comparison for comparison, so it gives
 * the same order even for a comparator that is not consistent (our IP orders answer 1 for two
 * equal IPs either way round); the property test in endpoints-index.test.ts checks it against
 * Array.prototype.sort. Longer arrays go to Array.prototype.sort.
 */
export function sortSmall<T>(arr: T[], cmp: (a: T, b: T) => number): T[] {
  const n = arr.length;
  if (n < 2) return arr;
  if (n >= 64) return arr.sort(cmp);
  // CountAndMakeRun(0, n)
  let run = 2;
  const descending = cmp(arr[1] as T, arr[0] as T) < 0;
  let previous = arr[1] as T;
  for (let i = 2; i < n; i++) {
    const current = arr[i] as T;
    const order = cmp(current, previous);
    if (descending ? order >= 0 : order < 0) break;
    previous = current;
    run++;
  }
  if (descending) {
    for (let lo = 0, hi = run - 1; lo < hi; lo++, hi--) {
      const t = arr[lo] as T;
      arr[lo] = arr[hi] as T;
      arr[hi] = t;
    }
  }
  // BinaryInsertionSort(0, run, n)
  for (let start = run; start < n; start++) {
    const pivot = arr[start] as T;
    let left = 0;
    let right = start;
    while (left < right) {
      const mid = left + ((right - left) >> 1);
      if (cmp(pivot, arr[mid] as T) < 0) right = mid;
      else left = mid + 1;
    }
    for (let p = start; p > left; p--) arr[p] = arr[p - 1] as T;
    arr[left] = pivot;
  }
  return arr;
}
