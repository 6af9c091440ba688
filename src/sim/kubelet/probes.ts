// The kubelet's probe workers for one container instance [K8S 1.34 pkg/kubelet/prober: worker.go
// run/doProbe, prober_manager.go, results]: one worker per probe, ticking every periodSeconds from
// the moment the kubelet added the Pod (AddPod at admission: the `anchor`, so a restarted
// container keeps the schedule); a run before initialDelaySeconds has passed since the
// container's start is skipped, as are readiness and liveness runs until the startup probe has
// succeeded. The readiness worker also runs at once when the container starts (UpdatePodStatus
// triggers it manually for a started container that is not ready yet). A result
// counts once it repeats successThreshold (success) or failureThreshold (failure) times in a row;
// readiness starts as Failure (not ready), liveness as Success, startup as Unknown (not started).
// Every failed run records Warning Unhealthy `<Kind> probe failed: <output>` (prober.go). A
// liveness or startup Failure puts its worker on hold and asks the owner to kill the container
// (kuberuntime computePodActions); the next instance gets new workers. After the startup probe
// succeeds the readiness worker runs at once (prober_manager UpdatePodStatus's manual trigger).
// Deterministic: every run is on the simulated clock's timers.
// containerProbes starts one instance's workers for the kubelet (an app container's, lifecycle.ts,
// or a sidecar's, init-start.ts), recording the Unhealthy Events on the container probed.
import type { Container, Pod, Probe } from '../api/types';
import type { Cluster } from '../contract';
import type { Timers } from '../runtime/interfaces';
import type { LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime } from './pod-runtime';

export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup';

export interface ProbeHooks {
  timers(): Timers;
  now(): number;
  /** The current Pod, or undefined when it is gone or no longer this instance's. */
  pod(): Pod | undefined;
  run(pod: Pod, probe: Probe): { ok: boolean; output: string };
  unhealthy(pod: Pod, kind: ProbeKind, output: string): void;
  /** Readiness or started changed: write the status. */
  changed(pod: Pod): void;
  /** Liveness or startup failed: kill the container. */
  kill(pod: Pod, kind: 'Liveness' | 'Startup'): void;
}

interface Worker {
  kind: ProbeKind;
  probe: Probe;
  lastOk: boolean | undefined;
  run: number;
  onHold: boolean;
  timer: number | undefined;
}

/** The probes of one container instance and the results the status shows. */
export interface ProbeSet {
  started: boolean;
  ready: boolean;
  stopped: boolean;
  workers: Worker[];
}

export function hasProbes(c: Container): boolean {
  return c.livenessProbe !== undefined || c.readinessProbe !== undefined || c.startupProbe !== undefined;
}

/** Start the workers of a container instance started at `startedMs` (now). */
export function startProbes(c: Container, startedMs: number, anchor: number, h: ProbeHooks): ProbeSet {
  const set: ProbeSet = {
    started: c.startupProbe === undefined,
    ready: false,
    stopped: false,
    workers: [],
  };
  // Without a readiness probe the container is ready once started.
  if (!c.readinessProbe) set.ready = set.started;
  const add = (kind: ProbeKind, probe: Probe | undefined) => {
    if (probe) set.workers.push({ kind, probe, lastOk: undefined, run: 0, onHold: false, timer: undefined });
  };
  add('Startup', c.startupProbe);
  add('Readiness', c.readinessProbe);
  add('Liveness', c.livenessProbe);

  const doProbe = (w: Worker, pod: Pod) => {
    if (w.kind !== 'Startup' && !set.started) return;
    if (w.onHold) return;
    if (h.now() - startedMs < (w.probe.initialDelaySeconds ?? 0) * 1000) return;
    const r = h.run(pod, w.probe);
    if (!r.ok) h.unhealthy(pod, w.kind, r.output);
    if (w.lastOk === r.ok) w.run++;
    else {
      w.lastOk = r.ok;
      w.run = 1;
    }
    const need = r.ok ? (w.probe.successThreshold ?? 1) : (w.probe.failureThreshold ?? 3);
    if (w.run < need) return;
    if (w.kind === 'Readiness') {
      if (set.ready !== r.ok) {
        set.ready = r.ok;
        h.changed(pod);
      }
      return;
    }
    if (w.kind === 'Startup' && r.ok) {
      // The startup worker stops on success; the others start counting.
      stopWorker(w);
      set.started = true;
      if (!c.readinessProbe) set.ready = true;
      // The status sync that reports it started triggers the readiness probe, so one write
      // carries both (started, and ready when that probe passes).
      const rw = set.workers.find((x) => x.kind === 'Readiness');
      const wasReady = set.ready;
      if (rw) doProbe(rw, pod);
      if (set.ready === wasReady) h.changed(pod);
      return;
    }
    if (!r.ok) {
      // Liveness/startup Failure: on hold until the container is replaced.
      w.onHold = true;
      w.run = 0;
      h.kill(pod, w.kind as 'Liveness' | 'Startup');
    }
  };
  const stopWorker = (w: Worker) => {
    if (w.timer !== undefined) h.timers().cancel(w.timer);
    w.timer = undefined;
    w.onHold = true;
  };
  const tick = (w: Worker) => {
    w.timer = undefined;
    if (set.stopped || (w.onHold && w.kind === 'Startup')) return;
    const pod = h.pod();
    if (!pod) return;
    w.timer = h.timers().after((w.probe.periodSeconds ?? 10) * 1000, () => tick(w));
    doProbe(w, pod);
  };
  for (const w of set.workers) {
    const period = (w.probe.periodSeconds ?? 10) * 1000;
    const since = Math.max(0, startedMs - anchor);
    const next = anchor + Math.ceil(since / period) * period - startedMs;
    // The manual trigger runs readiness at once; its ticker goes on from the anchor.
    if (w.kind === 'Readiness' && next > 0) {
      w.timer = h.timers().after(0, () => {
        w.timer = h.timers().after(next, () => tick(w));
        const pod = h.pod();
        if (pod && !set.stopped) doProbe(w, pod);
      });
    } else w.timer = h.timers().after(next, () => tick(w));
  }
  return set;
}

/** The container instance is gone (killed, exited, Pod deleted): its workers stop. */
export function stopProbes(set: ProbeSet | undefined, timers: Timers): void {
  if (!set) return;
  set.stopped = true;
  set.ready = false;
  for (const w of set.workers) {
    if (w.timer !== undefined) timers.cancel(w.timer);
    w.timer = undefined;
  }
}

/**
 * The probe workers of one container instance started at `startedMs`, an app container's
 * (lifecycle.ts) or a sidecar's (init-start.ts). The workers were added with the Pod (its
 * startTime); a restart keeps their schedule. A failure is prober.go's `%s probe failed: %s` with
 * the probe type's name, on the container probed (prober.recordContainerEvent → GenerateContainerRef).
 */
export function containerProbes(
  d: LifecycleDeps,
  rt: PodRuntime,
  c: Container,
  startedMs: number,
  h: Pick<ProbeHooks, 'pod' | 'changed' | 'kill'> & {
    /** Runs `probe` as the container sees the cluster (only called while the facade exists). */
    probe(facade: Cluster, pod: Pod, probe: Probe): { ok: boolean; output: string };
    /** The Event's fieldPath: the container probed. */
    path(pod: Pod): string | undefined;
  },
): ProbeSet {
  const added = Date.parse(d.get(rt)?.status?.startTime ?? '');
  return startProbes(c, startedMs, Number.isNaN(added) ? startedMs : added, {
    timers: () => d.timers(),
    now: () => d.clock.now(),
    pod: h.pod,
    run: (pod, probe) => {
      const facade = d.facade();
      return facade ? h.probe(facade, pod, probe) : { ok: true, output: '' };
    },
    unhealthy: (pod, kind, output) =>
      d.record(pod, 'Warning', 'Unhealthy', `${kind} probe failed: ${output}`, rt, h.path(pod)),
    changed: h.changed,
    kill: h.kill,
  });
}
