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

export interface PodRuntime {
  timer: number | undefined;
  killing: boolean;
  pullFailures: number;
  /** The stage the pending timer runs, and the one callback every timer of this Pod uses. */
  next: Stage | undefined;
  readonly fire: () => void;
  /** keysFor's answer for this Pod, one array for all its watch events (`quiet`: needing no sync). */
  readonly keys: readonly string[];
  readonly quiet: QuietKeys;
  readonly namespace: string;
  readonly name: string;
  /** The template of the containers list it was built for. */
  tplOf: readonly Container[] | undefined;
  tpl: ContainerTemplate | undefined;
  // The pull in flight (or that failed): its template and container, duration and error.
  pullTpl: ContainerTemplate | undefined;
  pullIndex: number;
  pullMs: number;
  pullSize: number;
  pullFullName: string;
  failedImage: string;
  failedMessage: string;
  backoff: number;
  /**
   * This SyncPod's start of each container (pod-worker.ts pull → made): when it was started (its
   * image ready, created, started), or why it waits (its image: ErrImagePull, ErrImageNeverPull…);
   * `env`: the containers' CreateContainerConfigError messages, when any (config-refs.ts).
   */
  at: (string | undefined)[] | undefined;
  waits: ({ reason: string; message: string } | undefined)[] | undefined;
  env: readonly (string | undefined)[] | undefined;
  /** A Pod with init containers: their part of the status pod-worker.ts writes (init-containers.ts). */
  initPart: ((pod: Pod, status: object) => object) | undefined;
  /** The slot of the Pod under `key` (Store.slot), read and written through while it is live. */
  slot: Slot | undefined;
  /** Containers of a Pod with an ending process (lifecycle.ts); undefined for all-server Pods. */
  runs: ContainerRun[] | undefined;
  readonly key: string;
  readonly uid: string;
  readonly node: NodeState;
  /** The pod worker that runs its stages (none: its timer does nothing, for tests of the bookkeeping). */
  readonly worker: PodWorker | undefined;
}

/**
 * A new PodRuntime. `pod`: the Pod stored under `key` now, whose namespace and name strings the
 * runtime keeps (the ones every other holder of the Pod shares) instead of two cut from the key.
 * An object literal, not a class instance: a runtime lives as long as its Pod (5,000 in the
 * benchmark), and V8 allocates a literal's objects straight in the old generation once its
 * allocation site has seen them survive (pretenuring), where a class's instances are always made
 * young and copied by the next scavenges.
 */
export function podRuntime(
  key: string,
  uid: string,
  node: NodeState,
  pod?: Pod,
  worker?: PodWorker,
  /**
   * `pod` was read from the store's slot under `key`'s namespace and name (kubelet.ts reconcile),
   * so its metadata spells them: kept without comparing them with the key again.
   */
  fromSlot = false,
): PodRuntime {
  const keys = heldKeys(key);
  const m = pod?.metadata;
  const ns = m?.namespace;
  const name = m?.name;
  const i = fromSlot ? -1 : key.indexOf('/');
  const rt: PodRuntime = {
    timer: undefined,
    killing: false,
    pullFailures: 0,
    next: undefined,
    fire: worker === undefined ? noop : () => worker.fire(rt),
    keys,
    quiet: quietKeys(key, keys),
    namespace:
      fromSlot || (ns !== undefined && ns.length === i && key.startsWith(ns))
        ? (ns as string)
        : key.slice(0, i),
    name:
      fromSlot || (name !== undefined && name.length === key.length - i - 1 && key.endsWith(name))
        ? (name as string)
        : key.slice(i + 1),
    tplOf: undefined,
    tpl: undefined,
    pullTpl: undefined,
    pullIndex: 0,
    pullMs: 0,
    pullSize: 0,
    pullFullName: '',
    failedImage: '',
    failedMessage: '',
    backoff: 0,
    at: undefined,
    waits: undefined,
    env: undefined,
    initPart: undefined,
    slot: undefined,
    runs: undefined,
    key,
    uid,
    node,
    worker,
  };
  return rt;
}

const noop = () => {};
