// Pieces of the Pod statuses and Events the kubelet writes that are the same for many Pods:
// conditions (per type, status, reason, message and lastTransitionTime), the waiting container
// statuses and Event messages of a container list, the running state of one instant. Stored
// objects are immutable snapshots, so one frozen copy can sit in every Pod that shows it; this
// keeps the per-Pod cost of a status write to the objects that really differ (the status itself,
// the condition list, a container's ID). Nothing here changes what a write contains.
import type { ContainerState, ContainerStatus, PodCondition } from '../api/types';
import { flat } from '../runtime/rng';
import { type ImageRef, imageId, parseImage, presentMessage } from './images';

/** One (type, status, reason, message) a condition can take; conditionAt adds the time. */
export interface CondSpec {
  readonly type: PodCondition['type'];
  readonly status: PodCondition['status'];
  readonly reason: string | undefined;
  readonly message: string | undefined;
  /** Conditions built lately, by lastTransitionTime (Pods changing state in one second share one). */
  readonly byTime: Map<string, PodCondition>;
  lastTime: string;
  last: PodCondition | undefined;
}

export function condSpec(
  type: PodCondition['type'],
  status: PodCondition['status'],
  reason?: string,
  message?: string,
): CondSpec {
  return { type, status, reason, message, byTime: new Map(), lastTime: '', last: undefined };
}

/** The frozen condition `spec` with lastTransitionTime `ltt` (key order as the kubelet writes it). */
export function conditionAt(spec: CondSpec, ltt: string): PodCondition {
  if (spec.last !== undefined && spec.lastTime === ltt) return spec.last;
  let c = spec.byTime.get(ltt);
  if (!c) {
    const fresh: PodCondition = {
      type: spec.type,
      status: spec.status,
      lastProbeTime: null,
      lastTransitionTime: ltt,
    };
    if (spec.reason) fresh.reason = spec.reason;
    if (spec.message) fresh.message = spec.message;
    c = Object.freeze(fresh);
    if (spec.byTime.size >= 256) spec.byTime.clear();
    spec.byTime.set(ltt, c);
  }
  spec.lastTime = ltt;
  spec.last = c;
  return c;
}

/** The last condition of `type` in `list` (a later duplicate wins, as a map keyed by type). */
export function conditionOf(
  list: readonly PodCondition[] | undefined,
  type: PodCondition['type'],
): PodCondition | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i] as PodCondition;
    if (c.type === type) return c;
  }
  return undefined;
}

/**
 * The last condition list one call site built: the next Pod whose list holds the very same
 * condition objects gets that frozen array instead of a new one.
 */
export interface ListSite {
  last: readonly PodCondition[] | undefined;
  /**
   * The call site's last answer (kubelet.ts conditionsAt) and what it was computed from: the
   * previous list, the second (rfc3339) and the specs. The same again gives the same list (a
   * function of them: conditions are frozen per spec and time, lists per site), so it is not
   * computed again. `out` undefined: nothing to reuse.
   */
  out: PodCondition[] | undefined;
  prev: readonly PodCondition[] | undefined;
  time: string;
  sandbox: CondSpec | undefined;
  initialized: CondSpec | undefined;
  ready: CondSpec | undefined;
  containersReady: CondSpec | undefined;
}

/** A call site's ListSite, nothing built yet. */
export function listSite(): ListSite {
  return {
    last: undefined,
    out: undefined,
    prev: undefined,
    time: '',
    sandbox: undefined,
    initialized: undefined,
    ready: undefined,
    containersReady: undefined,
  };
}

/**
 * The given conditions (undefined ones left out) as a frozen array: `site.last` when that holds
 * the very same objects, else a new one that becomes `site.last`.
 */
export function sharedList(
  site: { last: readonly PodCondition[] | undefined },
  a: PodCondition | undefined,
  b: PodCondition | undefined,
  c: PodCondition | undefined,
  d: PodCondition | undefined,
  e: PodCondition | undefined,
): PodCondition[] {
  const last = site.last;
  if (last) {
    let i = 0;
    let same = true;
    if (a) same = last[i++] === a;
    if (same && b) same = last[i++] === b;
    if (same && c) same = last[i++] === c;
    if (same && d) same = last[i++] === d;
    if (same && e) same = last[i++] === e;
    if (same && i === last.length) return last as PodCondition[];
  }
  const out: PodCondition[] = [];
  if (a) out.push(a);
  if (b) out.push(b);
  if (c) out.push(c);
  if (d) out.push(d);
  if (e) out.push(e);
  site.last = Object.freeze(out);
  return out;
}

/**
 * The Pod's conditions the kubelet sets, built at one call site (`site`): each given spec set, the
 * others as they were (kubelet.ts conditions).
 */
export type PodConditions = (
  prev: readonly PodCondition[] | undefined,
  site: ListSite,
  sandbox: CondSpec | undefined,
  initialized: CondSpec | undefined,
  ready: CondSpec | undefined,
  containersReady: CondSpec | undefined,
) => PodCondition[];

/** What the kubelet writes and says for one list of containers (by name and image). */
export interface ContainerTemplate {
  readonly names: readonly string[];
  readonly images: readonly string[];
  readonly refs: readonly ImageRef[];
  readonly imageIds: readonly string[];
  /** Ready and ContainersReady while any container is not ready. */
  readonly notReady: CondSpec;
  readonly containersNotReady: CondSpec;
  /** containerStatuses while the sandbox is being created. */
  readonly creating: readonly ContainerStatus[];
  readonly presentMsg: readonly string[];
  readonly pullingMsg: readonly string[];
  readonly createdMsg: readonly string[];
  readonly startedMsg: readonly string[];
  /** Per container: the involvedObject.fieldPath of its Events (containerFieldPath). */
  readonly fieldPaths: readonly string[];
  /** Per container: pull duration (ms) → the Pulled message for it. */
  readonly pulledMsg: readonly Map<number, string>[];
}

interface ContainerLike {
  name: string;
  image: string;
}

const templates = new Map<string, ContainerTemplate>();
/** The template templateOf returned last: the next Pod's is usually the same (its ReplicaSet's). */
let lastTemplate: ContainerTemplate | undefined;

/** The template for `containers`, shared by every Pod whose containers have these names and images. */
export function templateOf(containers: readonly ContainerLike[]): ContainerTemplate {
  // The last one, compared name by name and image by image, before a key is spelled and looked up.
  if (lastTemplate !== undefined && matches(lastTemplate, containers)) return lastTemplate;
  let key = '';
  for (const c of containers) key += `${c.name}\u0000${c.image}\u0000`;
  let t = templates.get(key);
  if (t === undefined || !matches(t, containers)) {
    t = buildTemplate(containers);
    if (templates.size >= 256) templates.clear();
    templates.set(key, t);
  }
  lastTemplate = t;
  return t;
}

/** Whether `t` was built from containers with exactly these names and images. */
export function matches(t: ContainerTemplate, containers: readonly ContainerLike[]): boolean {
  if (t.names.length !== containers.length) return false;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i] as ContainerLike;
    if (c.name !== t.names[i] || c.image !== t.images[i]) return false;
  }
  return true;
}

export const EMPTY_STATE: ContainerState = Object.freeze({}) as ContainerState;

/** A container not started: Waiting with `reason` (and `message`, when the kubelet gives one). */
export function waitingStatus(c: ContainerLike, reason: string, message?: string): ContainerStatus {
  return {
    name: c.name,
    image: c.image,
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: message ? { reason, message } : { reason } },
    lastState: {},
  };
}

function buildTemplate(containers: readonly ContainerLike[]): ContainerTemplate {
  const names = containers.map((c) => c.name);
  const images = containers.map((c) => c.image);
  const refs = images.map((i) => parseImage(i));
  const unready = flat(`containers with unready status: [${names.join(' ')}]`);
  const creating = containers.map((c) =>
    Object.freeze({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) }),
      lastState: EMPTY_STATE,
    }),
  );
  return {
    names,
    images,
    refs,
    imageIds: refs.map((r) => imageId(r.repository)),
    notReady: condSpec('Ready', 'False', 'ContainersNotReady', unready),
    containersNotReady: condSpec('ContainersReady', 'False', 'ContainersNotReady', unready),
    creating: Object.freeze(creating),
    presentMsg: images.map((i) => flat(presentMessage(i))),
    pullingMsg: images.map((i) => flat(`Pulling image "${i}"`)),
    createdMsg: names.map((n) => flat(`Created container: ${n}`)),
    startedMsg: names.map((n) => flat(`Started container ${n}`)),
    fieldPaths: names.map((n, i) => containerFieldPath('containers', n, i)),
    pulledMsg: images.map(() => new Map()),
  };
}

/**
 * The fieldPath of the kubelet's Events about one container (GenerateContainerRef →
 * fieldPath, pkg/kubelet/container/ref.go): `spec.<list>{<name>}`, or `spec.<list>[<index>]`
 * for a container without a name. Pod-level Events (FailedMount, DNSConfigForming,
 * FailedCreatePodSandBox, SandboxChanged) are recorded on the Pod itself and have none.
 */
export function containerFieldPath(
  list: 'containers' | 'initContainers' | 'ephemeralContainers',
  name: string,
  index: number,
): string {
  return flat(name === '' ? `spec.${list}[${index}]` : `spec.${list}{${name}}`);
}

let runningAt = '';
let running: ContainerState | undefined;

/** `{ running: { startedAt } }`, one frozen object per instant. */
export function runningState(startedAt: string): ContainerState {
  if (running === undefined || runningAt !== startedAt) {
    running = Object.freeze({ running: Object.freeze({ startedAt }) });
    runningAt = startedAt;
  }
  return running;
}
