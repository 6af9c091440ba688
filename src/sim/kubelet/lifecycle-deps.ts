// What kubelet.ts hands the parts of the kubelet bound late (lifecycle.ts, init-containers.ts,
// pull-waits.ts, config-refs.ts: src/sim/late), and the state the kubelet keeps of one container
// run (kuberuntime's container status plus the flowcontrol.Backoff entry, pkg/kubelet/kuberuntime).
// Types only: kubelet.ts (boot) and the late parts both import it without loading either's code.
import type { ContainerState, Pod, PodCondition } from '../api/types';
import type { Cluster } from '../contract';
import type { Clock, Rng, Timers } from '../runtime/interfaces';
import type { PodRuntime } from './pod-runtime';
import type { ProbeSet } from './probes';
import type { Program } from './program';
import type { CondSpec, ContainerTemplate } from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
export type Any = any;

/** One container of a Pod with an ending process, as the kubelet tracks it. */
export interface ContainerRun {
  readonly index: number;
  readonly name: string;
  readonly program: Program;
  restartCount: number;
  containerID: string;
  /** ms of the current instance's start. */
  startedMs: number;
  state: ContainerState;
  lastState: ContainerState;
  timer: number | undefined;
  /** flowcontrol.Backoff entry: current back-off and when it was last moved (ms). */
  backoff: number;
  backoffUpdated: number | undefined;
  /** The current instance's probe workers (probes.ts); undefined: the container has none. */
  probes: ProbeSet | undefined;
}

export interface LifecycleDeps {
  clock: Clock;
  rng: { ids: Rng; pulls: Rng };
  timers(): Timers;
  facade(): Cluster | undefined;
  get(rt: PodRuntime): Pod | undefined;
  /** `fieldPath`: the container the Event is about (ContainerTemplate.fieldPaths). */
  record(
    pod: Pod,
    type: 'Normal' | 'Warning',
    reason: string,
    msg: string,
    rt: PodRuntime,
    fieldPath?: string,
  ): void;
  /** A pod sync forms the Pod's DNS config again (DNSConfigForming, kubelet.ts formDns). */
  formDns(pod: Pod, rt: PodRuntime): void;
  /**
   * updateStatus of `{ ...pod, status }`; the Pod's view after it. `rt`: the Pod's runtime, whose
   * slot then takes the write without a name lookup.
   */
  writeStatus(pod: Pod, status: Any, rt?: PodRuntime): Pod;
  /** The Pod's conditions in the kubelet's order (see kubelet.ts). */
  conditions(
    prev: readonly PodCondition[] | undefined,
    sandbox: CondSpec,
    initialized: CondSpec,
    ready: CondSpec,
    containersReady: CondSpec,
  ): PodCondition[];
  template(rt: PodRuntime, pod: Pod): ContainerTemplate;
}
