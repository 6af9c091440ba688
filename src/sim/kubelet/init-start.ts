// Creating and starting one init container's instance, its exit and its restart with back-off
// [K8S 1.34 pkg/kubelet: kuberuntime/kuberuntime_container.go startContainer (generateContainerConfig:
// CreateContainerConfigError; Created, Started, or StartError with `Error: …`),
// kuberuntime_manager.go computeInitContainerActions and doBackOff (a failed init container is
// restarted with the crash-loop back-off unless the Pod's restartPolicy is Never, which fails the
// Pod; a sidecar always), killContainer for a sidecar's failed liveness or startup probe]. The
// process an instance runs is the workloads' (program.ts), seen through initView. Its steps are
// part of one sync (init-containers.ts syncOf); the image is init-pull.ts's. Bound late.
import type { Container, Pod } from '../api/types';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import { rfc3339 } from '../runtime/clock';
import { registerClusterView } from '../workloads/state';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, crashLoop, RELIST_MS, SYNC_MS } from './back-off';
import { configRetryMs, envError } from './config-refs';
import { checkImage, drawMs } from './images';
import type { InitSync } from './init-containers';
import { type InitRun, isDone, sidecarStarted } from './init-status';
import type { Any } from './lifecycle-deps';
import { pid1Stop } from './pid1';
import { containerId } from './pod-runtime';
import { containerProbes, hasProbes, type ProbeKind, type ProbeSet, stopProbes } from './probes';
import { SERVER } from './program';
import { initKillPod, initPodEnded } from './sidecar-stop';
import { runningState } from './status-parts';
import { exitedState, sigtermExit } from './terminate';

/** An init container's instances and their exits in one sync (`x`: its context). */
export function startSteps(x: InitSync) {
  const { d, rt, st, now, live, after, write } = x;

  /** The process of `run`'s new instance: how long it runs (undefined: until stopped), its exit. */
  const runProcess = (pod: Pod, run: InitRun, at: number) => {
    const p = run.program;
    if (p.kind === 'sleep') return { ms: p.ms as number | undefined, code: 0, startError: undefined };
    const facade = d.facade();
    if (p === SERVER || p.kind === 'server' || !facade || !latePartsLoaded())
      return { ms: undefined, code: 0, startError: undefined };
    const key = `Pod/${rt.namespace}/${rt.name}`;
    const r = late().runContainerProcess(
      initView(facade, pod, run.container),
      key,
      run.name,
      p.argv,
      at,
      run.containerID,
    );
    return { ms: r.durationMs, code: r.exitCode, startError: r.startError };
  };

  /** The probe workers of a sidecar's instance started at `startedMs` (probes.ts containerProbes). */
  const probesFor = (run: InitRun, startedMs: number): ProbeSet => {
    const id = run.containerID;
    const c = run.container;
    return containerProbes(d, rt, c, startedMs, {
      pod: () => {
        const pod = d.get(rt);
        return live(pod) && run.containerID === id && run.state.running !== undefined ? pod : undefined;
      },
      probe: (facade, pod, probe) => {
        const as: Pod = { ...pod, spec: { ...pod.spec, containers: [c] } };
        return late().runProbe(initView(facade, pod, c), as, c, probe, d.clock.now());
      },
      path: () => run.path,
      changed: (pod) => {
        pod = write(pod);
        // Started now, per its startup probe: the sequence waiting on it goes on in this sync
        // (computeInitContainerActions waits for the startup probe's Success). Readiness gates
        // nothing: without a startup probe the sync after its start goes on (launch).
        if (c.startupProbe && !st.initialized && st.waitingOn === run && isDone(run)) x.next(pod);
      },
      kill: (pod, kind) => killForProbe(pod, run, kind),
    });
  };

  /**
   * A sidecar's liveness or startup probe failed (computePodActions/killContainer): Killing, and
   * after the image's stop time (SIGKILL at the grace period) it is terminated and restarted like
   * any exited sidecar (back-off included), whatever the Pod's restartPolicy.
   */
  const killForProbe = (pod: Pod, run: InitRun, kind: Exclude<ProbeKind, 'Readiness'>) => {
    const c = run.container;
    const what = kind === 'Liveness' ? 'liveness' : 'startup';
    d.record(
      pod,
      'Normal',
      'Killing',
      `Container ${run.name} failed ${what} probe, will be restarted`,
      rt,
      run.path,
    );
    const probe = kind === 'Liveness' ? c.livenessProbe : c.startupProbe;
    const grace =
      (probe?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const check = checkImage(c.image);
    x.stopStream ??= d.rng.pulls.fork(`init-probe-kill-stop/${rt.uid}`);
    const stop = check.ok ? drawMs(x.stopStream, pid1Stop(c)?.stopMs ?? check.spec.stopMs) : grace;
    const killed = stop > grace;
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    run.timer = undefined;
    stopProbes(run.probes, d.timers());
    write(pod);
    after(
      Math.min(stop, grace),
      (pod) => {
        run.state = exitedState(run, killed ? 137 : sigtermExit(c), now());
        write(pod);
        afterExit(pod, run);
      },
      run,
    );
  };

  /** Create and start one instance of `run` now. */
  const launch = (pod: Pod, run: InitRun, base?: Any) => {
    // startContainer's generateContainerConfig (makeEnvironmentVariables) fails before the
    // container is created: Warning Failed `Error: …` on it, Init:CreateContainerConfigError, and
    // the pod worker's next sync pulls and tries again (config-refs.ts).
    const facade = d.facade();
    const envErr = facade ? envError(facade, rt.namespace, run.container) : undefined;
    if (envErr !== undefined) {
      d.record(pod, 'Warning', 'Failed', `Error: ${envErr}`, rt, run.path);
      run.state = { waiting: { reason: 'CreateContainerConfigError', message: envErr } };
      write(pod, base);
      after(
        configRetryMs(d, rt),
        (pod) => {
          d.formDns(pod, rt);
          x.pull(pod, run);
        },
        run.sidecar ? run : undefined,
      );
      return;
    }
    const at = now();
    const shownId = run.containerID;
    const shown = run.state;
    if (run.state.terminated) run.lastState = run.state;
    if (run.containerID !== '') run.restartCount++;
    run.containerID = containerId(d.rng.ids);
    run.startedMs = at;
    d.record(pod, 'Normal', 'Created', `Created container: ${run.name}`, rt, run.path);
    const r = runProcess(pod, run, at);
    const own = run.sidecar ? run : undefined;
    if (r.startError !== undefined) {
      d.record(pod, 'Warning', 'Failed', `Error: ${r.startError}`, rt, run.path);
      run.state = {
        terminated: {
          exitCode: r.code,
          reason: 'StartError',
          message: r.startError,
          startedAt: '1970-01-01T00:00:00Z',
          finishedAt: rfc3339(at),
          containerID: run.containerID,
        },
      };
      write(pod, base);
      afterExit(pod, run);
      return;
    }
    d.record(pod, 'Normal', 'Started', `Started container ${run.name}`, rt, run.path);
    run.state = runningState(rfc3339(at));
    run.probes =
      run.sidecar && hasProbes(run.container) && latePartsLoaded() ? probesFor(run, at) : undefined;
    if (r.ms !== undefined && r.ms < RELIST_MS) {
      // Ended before the relist: never reported Running; its exit is the next status written.
      if (base) {
        const id = run.containerID;
        const state = run.state;
        run.containerID = shownId;
        run.state = shown;
        write(pod, base);
        run.containerID = id;
        run.state = state;
      }
    } else write(pod, base);
    const code = r.code;
    if (r.ms !== undefined) after(r.ms, (pod) => exited(pod, run, code), own);
    // A sidecar the sequence waits on: the next sync finds it started and goes on (with a startup
    // probe, once it passes: probesFor's changed).
    // The sequence may have moved on by then (an earlier sync), or the sidecar exited: that sync
    // finds nothing to start.
    if (run.sidecar && st.waitingOn === run && !st.initialized && sidecarStarted(run))
      after(SYNC_MS, (pod) => {
        if (st.waitingOn === run && !st.initialized && sidecarStarted(run)) x.next(pod);
      });
  };

  const exited = (pod: Pod, run: InitRun, exitCode: number) => {
    stopProbes(run.probes, d.timers());
    run.state = exitedState(run, exitCode, now());
    write(pod);
    afterExit(pod, run);
  };

  /** computeInitContainerActions + doBackOff for an exited init container. */
  const afterExit = (pod: Pod, run: InitRun) => {
    const term = run.state.terminated;
    if (!term) return;
    const own = run.sidecar ? run : undefined;
    if (!run.sidecar && term.exitCode === 0) {
      after(SYNC_MS, (pod) => {
        d.formDns(pod, rt);
        x.next(pod);
      });
      return;
    }
    // A failed init container under restartPolicy Never fails the Pod (written with the exit); the
    // next sync kills it, the sidecars started before it included (sidecar-stop.ts).
    if (!run.sidecar && (pod.spec.restartPolicy ?? 'Always') === 'Never') {
      initPodEnded(d, rt);
      d.timers().after(SYNC_MS, () => {
        const pod = d.get(rt);
        if (live(pod)) initKillPod(d, pod, rt);
      });
      return;
    }
    const finished = now();
    const expired = run.backoffUpdated === undefined || finished - run.backoffUpdated > 2 * BACKOFF_MAX_MS;
    if (expired) {
      after(
        SYNC_MS,
        (pod) => {
          run.backoff = BACKOFF_INITIAL_MS;
          run.backoffUpdated = now();
          d.formDns(pod, rt);
          x.restart(pod, run);
        },
        own,
      );
      return;
    }
    after(
      SYNC_MS,
      (pod) => {
        crashLoop(d, pod, rt, run, run.path);
        write(pod);
        after(
          finished + run.backoff - now(),
          (pod) => {
            run.backoff = Math.min(run.backoff * 2, BACKOFF_MAX_MS);
            run.backoffUpdated = now();
            d.formDns(pod, rt);
            x.restart(pod, run);
          },
          own,
        );
      },
      own,
    );
  };

  return { launch };
}

/**
 * The cluster as the init container's process sees it: the workloads' command table finds the
 * container it runs in among the Pod's containers, so this view shows the Pod with the init
 * container in their place (the logs kept are the real cluster's: registerClusterView).
 */
function initView(facade: Cluster, pod: Pod, c: Container): Cluster {
  const as: Pod = { ...pod, spec: { ...pod.spec, containers: [c] } };
  const view = Object.create(facade) as Cluster;
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name;
  Object.defineProperty(view, 'get', {
    value: (kind: Parameters<Cluster['get']>[0], namespace: string | undefined, n: string) =>
      kind === 'Pod' && namespace === ns && n === name ? as : facade.get(kind, namespace, n),
  });
  registerClusterView(view, facade);
  return view;
}
