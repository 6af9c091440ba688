// An init container's image, and the sequence that starts the init containers one at a time
// [K8S 1.34 pkg/kubelet: kuberuntime/kuberuntime_manager.go computeInitContainerActions (the first
// init container not done, or the Pod's containers once all are), images/image_manager.go
// EnsureImageExists (Pulling, Pulled, ErrImageNeverPull, ErrImagePull then ImagePullBackOff with
// `Back-off pulling image "X"`, on the init container: STATUS Init:ErrImagePull,
// Init:ImagePullBackOff)]. Its steps are part of one sync (init-containers.ts syncOf); creating and
// starting the container is init-start.ts's. Bound late with init-containers.ts.
import type { Pod } from '../api/types';
import { pullBackOffMs } from './back-off';
import { CACHED_PULL_MS, checkImage, drawMs, parseImage, presentMessage, pulledMessage } from './images';
import type { InitSync } from './init-containers';
import { type InitRun, isDone } from './init-status';
import type { Any } from './lifecycle-deps';

/** The sequence's steps and the image pulls of one sync (`x`: its context). */
export function pullSteps(x: InitSync) {
  const { d, rt, st, after, write } = x;

  /** computeInitContainerActions: start the first init container not done, or the Pod's containers. */
  const next = (pod: Pod, base?: Any) => {
    const run = st.runs.find((r) => !isDone(r));
    if (!run) {
      if (!st.initialized) {
        pod = write(pod, base);
        st.initialized = true;
      }
      st.resume?.(pod, rt, 0, undefined);
      return;
    }
    st.waitingOn = run;
    // A sidecar that has run and exited is restarted by its own back-off; its next start resumes.
    if (run.sidecar && run.containerID !== '') {
      if (base) write(pod, base);
      return;
    }
    pull(pod, run, base);
  };

  /** The image is on the node and not pulled again (imagePullPolicy): Pulled says so, then start. */
  const launchPresent = (pod: Pod, run: InitRun, base?: Any) => {
    d.record(pod, 'Normal', 'Pulled', presentMessage(run.container.image), rt, run.path);
    x.launch(pod, run, base);
  };

  /** EnsureImageExists for one init container, then create and start it. */
  const pull = (pod: Pod, run: InitRun, base?: Any) => {
    const c = run.container;
    const ref = parseImage(c.image);
    const present = rt.node.images?.has(ref.fullName) ?? false;
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (present && policy !== 'Always') {
      launchPresent(pod, run, base);
      return;
    }
    if (!present && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      d.record(pod, 'Warning', 'ErrImageNeverPull', msg, rt, run.path);
      run.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      write(pod, base);
      return;
    }
    if (base) pod = write(pod, base);
    d.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, rt, run.path);
    const check = checkImage(c.image);
    // A sidecar's pulls are its own steps (a retry after CreateContainerConfigError can come after
    // the sequence is done); an init container's are the sequence's.
    const own = run.sidecar ? run : undefined;
    if (!check.ok) {
      after(drawMs(d.rng.pulls, [800, 1600]), (pod) => pullFailed(pod, run, check.message), own);
      return;
    }
    const ms = drawMs(d.rng.pulls, present ? CACHED_PULL_MS : check.spec.pullMs);
    after(
      ms,
      (pod) => {
        rt.node.images?.add(ref.fullName);
        d.record(pod, 'Normal', 'Pulled', pulledMessage(c.image, ms, check.spec.size), rt, run.path);
        x.launch(pod, run);
      },
      own,
    );
  };

  // As pod-worker.ts pullFailed and pull-waits.ts, on the init container (STATUS Init:ErrImagePull, then
  // Init:ImagePullBackOff).
  const pullFailed = (pod: Pod, run: InitRun, message: string) => {
    const image = run.container.image;
    d.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, rt, run.path);
    d.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', rt, run.path);
    run.state = { waiting: { reason: 'ErrImagePull', message } };
    write(pod);
    const backoff = pullBackOffMs(st.pullFailures);
    st.pullFailures++;
    const own = run.sidecar ? run : undefined;
    after(
      1000,
      (pod) => {
        d.formDns(pod, rt);
        d.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, rt, run.path);
        d.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', rt, run.path);
        run.state = {
          waiting: {
            reason: 'ImagePullBackOff',
            message: `Back-off pulling image "${image}": ErrImagePull: ${message}`,
          },
        };
        write(pod);
        after(
          backoff - 1000,
          (pod) => {
            d.formDns(pod, rt);
            pull(pod, run);
          },
          own,
        );
      },
      own,
    );
  };

  /** Pull (per imagePullPolicy) and start the init container's next instance. */
  const restart = (pod: Pod, run: InitRun) => {
    const c = run.container;
    if ((c.imagePullPolicy ?? 'IfNotPresent') !== 'Always') {
      launchPresent(pod, run);
      return;
    }
    d.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, rt, run.path);
    const ms = drawMs(d.rng.pulls, CACHED_PULL_MS);
    const check = checkImage(c.image);
    after(
      ms,
      (pod) => {
        const size = check.ok ? check.spec.size : 0;
        d.record(pod, 'Normal', 'Pulled', pulledMessage(c.image, ms, size), rt, run.path);
        x.launch(pod, run);
      },
      run.sidecar ? run : undefined,
    );
  };

  return { next, pull, restart };
}
