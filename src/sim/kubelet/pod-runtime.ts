// The kubelet's bookkeeping: what it knows per node and per Pod it runs, so that each stage of a
// Pod's start (pod-worker.ts) finds its node, key, container template and pull in progress without
// looking them up or building them again.
import type { Container, Pod } from '../api/types';
import type { Slot } from '../apiserver/store';
import { heldKeys, type QuietKeys, quietKeys, type Rng } from '../runtime/interfaces';
import { hexCodes } from '../runtime/rng';
import type { NodeIpam } from './ipam';
import type { ContainerRun } from './lifecycle-deps';
import type { PodWorker } from './pod-worker';
import type { ContainerTemplate } from './status-parts';

/** `containerd://` and 64 hex digits, as character codes (the digits rewritten per container). */
const ID_PREFIX = 'containerd://';
const ID_CODES = Array.from(`${ID_PREFIX}${'0'.repeat(64)}`, (ch) => ch.charCodeAt(0));

/** A container ID, `containerd://` and 64 hex digits: one draw of `rng.int(16)` per digit. */
export function containerId(rng: Rng): string {
  const u = ID_CODES;
  hexCodes(rng, u, ID_PREFIX.length, 64);
  return String.fromCharCode.apply(null, u);
}

/**
 * What the kubelet knows about one node: its address, IPAM, images and in-flight fetches. A class,
 * not an object literal: a literal made once per node per cluster gets V8's boilerplate on its
 * second run (the second fresh cluster), which forgets what its fields hold and throws away the
 * optimised code that relied on it (every Event's `source`, every pull's images).
 */
export class NodeState {
  readonly hostIPs: readonly { ip: string }[];
  /** Image → when the fetch in flight on this node lands. */
  readonly fetching = new Map<string, number>();
  /** The source of this node's Events (one object, shared by them all). */
  readonly source: { component: string; host: string };
  constructor(
    readonly name: string,
    readonly ip: string,
    readonly ipam: NodeIpam | undefined,
    /** Images present (undefined for a node outside the profile: nothing is ever cached there). */
    readonly images: Set<string> | undefined,
  ) {
    this.hostIPs = Object.freeze([Object.freeze({ ip })]);
    this.source = { component: 'kubelet', host: name };
  }
}

/** A stage the Pod's next timer runs, on the Pod as it is then. */
export type Stage = (pod: Pod, rt: PodRuntime) => void;

export class PodRuntime {
  timer: number | undefined = undefined;
  killing = false;
  pullFailures = 0;
  /** The stage the pending timer runs, and the one callback every timer of this Pod uses. */
  next: Stage | undefined = undefined;
  readonly fire: () => void;
  /** keysFor's answer for this Pod, one array for all its watch events (`quiet`: needing no sync). */
  readonly keys: readonly string[];
  readonly quiet: QuietKeys;
  readonly namespace: string;
  readonly name: string;
  /** The template of the containers list it was built for. */
  tplOf: readonly Container[] | undefined = undefined;
  tpl: ContainerTemplate | undefined = undefined;
  // The pull in flight (or that failed): its template and container, duration and error.
  pullTpl: ContainerTemplate | undefined = undefined;
  pullIndex = 0;
  pullMs = 0;
  pullSize = 0;
  pullFullName = '';
  failedImage = '';
  failedMessage = '';
  backoff = 0;
  /**
   * This SyncPod's start of each container (pod-worker.ts pull → made): when it was started (its
   * image ready, created, started), or why it waits (its image: ErrImagePull, ErrImageNeverPull…);
   * `env`: the containers' CreateContainerConfigError messages, when any (config-refs.ts).
   */
  at: (string | undefined)[] | undefined = undefined;
  waits: ({ reason: string; message: string } | undefined)[] | undefined = undefined;
  env: readonly (string | undefined)[] | undefined = undefined;
  /** A Pod with init containers: their part of the status pod-worker.ts writes (init-containers.ts). */
  initPart: ((pod: Pod, status: object) => object) | undefined = undefined;
  /** The slot of the Pod under `key` (Store.slot), read and written through while it is live. */
  slot: Slot | undefined = undefined;
  /** Containers of a Pod with an ending process (lifecycle.ts); undefined for all-server Pods. */
  runs: ContainerRun[] | undefined = undefined;
  /**
   * `pod`: the Pod stored under `key` now, whose namespace and name strings the runtime keeps (the
   * ones every other holder of the Pod shares) instead of two cut from the key. `worker`: the pod
   * worker that runs its stages (none: its timer does nothing, for tests of the bookkeeping).
   */
  constructor(
    readonly key: string,
    readonly uid: string,
    readonly node: NodeState,
    pod?: Pod,
    readonly worker?: PodWorker,
  ) {
    this.fire = worker === undefined ? noop : () => worker.fire(this);
    const keys = heldKeys(key);
    this.keys = keys;
    this.quiet = quietKeys(key, keys);
    const i = key.indexOf('/');
    const m = pod?.metadata;
    const ns = m?.namespace;
    this.namespace = ns !== undefined && ns.length === i && key.startsWith(ns) ? ns : key.slice(0, i);
    const name = m?.name;
    this.name =
      name !== undefined && name.length === key.length - i - 1 && key.endsWith(name)
        ? name
        : key.slice(i + 1);
  }
}

const noop = () => {};
