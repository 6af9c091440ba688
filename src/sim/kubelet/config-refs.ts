// A Pod that reads a ConfigMap or Secret that does not exist, as a 1.34 node runs it. The
// simulated API server serves neither kind, so the only objects there are the ones every cluster
// has: the `kube-root-ca.crt` ConfigMap (key ca.crt) in every namespace, which the ServiceAccount
// token volume of every Pod reads, and kube-system's `coredns` (and, on kubeadm distros,
// `kube-proxy`) ConfigMaps. No Secret exists.
//
// Volumes [K8S 1.34 pkg/volume/configmap, secret and projected SetUpAt; volumemanager reconciler;
// operationexecutor GenerateMountVolumeFunc; goroutinemap/exponentialbackoff]: a configMap or
// secret volume (or a projected source) whose object is missing and not `optional` fails SetUp
// with the manager's NotFound error (`configmap "x" not found`, `secret "x" not found`), or, for
// an `items` key the ConfigMap lacks, `configmap references non-existent config key: k`. Each
// failure is a Warning FailedMount Event `MountVolume.SetUp failed for volume "v" : <error>`, retried
// after 0.5 s, doubling to 2m2s. SyncPod waits in WaitForAttachAndMount, so the sandbox is never
// created: the Pod stays Pending, ContainerCreating, without an IP. The wait's own 2m3s timeout
// records nothing in 1.34 (wait.Interrupted), so no "Unable to attach or mount volumes" Event.
//
// Env [K8S 1.34 pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; kuberuntime_container.go
// startContainer]: envFrom (in order), then env valueFrom; a missing object (not optional) is the
// NotFound error, a missing key `couldn't find key k in ConfigMap ns/x` (`Secret`). The image is
// pulled first; then the container's config fails: Warning Failed `Error: <message>`, the
// container waits with reason CreateContainerConfigError and that message, and the pod worker
// syncs again (once at PLEG's report of the new sandbox, then after its back-off of 10 s jittered
// up to 15 s), pulling (or finding) the image again.
import type { Container, ContainerStatus, Pod } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { LifecycleDeps } from './lifecycle';
import { containerId, type PodRuntime } from './pod-runtime';
import { type CondSpec, condSpec, EMPTY_STATE, runningState, waitingStatus } from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed JSON here.
type Any = any;

type Distro = 'docker-desktop' | 'kind' | 'k3s';

const ROOT_CA: readonly string[] = Object.freeze(['ca.crt']);
const COREDNS: readonly string[] = Object.freeze(['Corefile']);
const COREDNS_K3S: readonly string[] = Object.freeze(['Corefile', 'NodeHosts']);
const KUBE_PROXY: readonly string[] = Object.freeze(['config.conf', 'kubeconfig.conf']);

/** The keys of the ConfigMap `name` in `namespace`, or undefined when there is none. */
export function configMapKeys(
  distro: Distro,
  namespace: string,
  name: string,
): readonly string[] | undefined {
  if (name === 'kube-root-ca.crt') return ROOT_CA;
  if (namespace !== 'kube-system') return undefined;
  // kubeadm's CoreDNS addon writes Corefile only; k3s's manifest adds NodeHosts.
  if (name === 'coredns') return distro === 'k3s' ? COREDNS_K3S : COREDNS;
  // kubeadm's kube-proxy addon (k3s runs kube-proxy inside its own binary, without one).
  if (name === 'kube-proxy' && distro !== 'k3s') return KUBE_PROXY;
  return undefined;
}

const cmNotFound = (name: string) => `configmap "${name}" not found`;
const secretNotFound = (name: string) => `secret "${name}" not found`;

/** makeEnvironmentVariables' error for one container, or undefined when its env resolves. */
export function envError(distro: Distro, namespace: string, c: Container): string | undefined {
  const x = c as Any;
  for (const from of (x.envFrom ?? []) as Any[]) {
    if (from?.configMapRef) {
      const name = String(from.configMapRef.name ?? '');
      if (!configMapKeys(distro, namespace, name) && from.configMapRef.optional !== true)
        return cmNotFound(name);
    } else if (from?.secretRef) {
      if (from.secretRef.optional !== true) return secretNotFound(String(from.secretRef.name ?? ''));
    }
  }
  for (const e of (x.env ?? []) as Any[]) {
    const cm = e?.valueFrom?.configMapKeyRef;
    const sk = e?.valueFrom?.secretKeyRef;
    if (cm) {
      const name = String(cm.name ?? '');
      const optional = cm.optional === true;
      const keys = configMapKeys(distro, namespace, name);
      if (!keys) {
        if (optional) continue;
        return cmNotFound(name);
      }
      if (!keys.includes(cm.key) && !optional)
        return `couldn't find key ${cm.key} in ConfigMap ${namespace}/${name}`;
    } else if (sk && sk.optional !== true) {
      return secretNotFound(String(sk.name ?? ''));
    }
  }
  return undefined;
}

/** Each container's env error (undefined: none), or undefined when every container's env resolves. */
export function envFailures(pod: Pod, distro: Distro): (string | undefined)[] | undefined {
  let out: (string | undefined)[] | undefined;
  const cs = pod.spec.containers;
  for (let i = 0; i < cs.length; i++) {
    const err = envError(distro, pod.metadata.namespace ?? 'default', cs[i] as Container);
    if (err === undefined) continue;
    out ??= cs.map(() => undefined);
    out[i] = err;
  }
  return out;
}

/** A configMap source's SetUp error (volume or projected source), or undefined. */
function configMapError(distro: Distro, namespace: string, src: Any): string | undefined {
  const name = String(src.name ?? '');
  const optional = src.optional === true;
  const keys = configMapKeys(distro, namespace, name);
  if (!keys) return optional ? undefined : cmNotFound(name);
  for (const item of (src.items ?? []) as Any[]) {
    if (!keys.includes(item?.key) && !optional)
      return `configmap references non-existent config key: ${item?.key}`;
  }
  return undefined;
}

/** The FailedMount messages of the Pod's volumes that cannot be set up, or undefined if none. */
export function mountFailures(pod: Pod, distro: Distro): string[] | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  let out: string[] | undefined;
  for (const v of ((pod.spec as Any).volumes ?? []) as Any[]) {
    let err: string | undefined;
    if (v?.configMap) err = configMapError(distro, namespace, v.configMap);
    else if (v?.secret) {
      if (v.secret.optional !== true) err = secretNotFound(String(v.secret.secretName ?? ''));
    } else if (v?.projected) {
      // collectData gathers every source's error into one aggregate (utilerrors.NewAggregate:
      // one message alone, several de-duplicated in brackets).
      const errs: string[] = [];
      for (const s of (v.projected.sources ?? []) as Any[]) {
        let e: string | undefined;
        if (s?.configMap) e = configMapError(distro, namespace, s.configMap);
        else if (s?.secret && s.secret.optional !== true) e = secretNotFound(String(s.secret.name ?? ''));
        if (e !== undefined && !errs.includes(e)) errs.push(e);
      }
      if (errs.length === 1) err = errs[0];
      else if (errs.length > 1) err = `[${errs.join(', ')}]`;
    }
    if (err === undefined) continue;
    out ??= [];
    out.push(`MountVolume.SetUp failed for volume "${v.name}" : ${err}`);
  }
  return out;
}

/** nestedpendingoperations' back-off: 500 ms after the first failure, doubling to 2m2s. */
export function mountBackoffMs(failures: number): number {
  return Math.min(500 * 2 ** Math.max(0, failures - 1), 122_000);
}

/** The volume reconciler's period: a retry runs at its first pass after the back-off ends. */
const RECONCILER_MS = 100;

const mountTries = new WeakMap<PodRuntime, number>();

/**
 * One mount attempt of the Pod's volumes: records a FailedMount Event per volume that fails and
 * returns the ms until the next attempt, or undefined when every volume is set up.
 */
export function failMounts(
  deps: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  distro: Distro,
): number | undefined {
  const failed = mountFailures(pod, distro);
  if (!failed) return undefined;
  // On the Pod, no fieldPath: operation_generator.go records FailedMount on volumeToMount.Pod.
  for (const msg of failed) deps.record(pod, 'Warning', 'FailedMount', msg, rt);
  const n = (mountTries.get(rt) ?? 0) + 1;
  mountTries.set(rt, n);
  return mountBackoffMs(n) + deps.rng.pulls.int(RECONCILER_MS);
}

/** The pod worker's back-off after a failed sync: backOffPeriod 10 s, jitter factor 0.5. */
const SYNC_BACKOFF_MS = 10_000;
/**
 * The first failing sync also created the sandbox: PLEG's next relist (every second) reports it,
 * and that event syncs the Pod again at once, before the back-off (hence the usual `Failed (x3
 * over 16s)`: two syncs a second or two apart, then one every 10-15 s).
 */
const PLEG_MS: [number, number] = [1000, 2000];
const configSyncs = new WeakMap<PodRuntime, number>();

const NOT_READY = new Map<string, [CondSpec, CondSpec]>();
const unreadySpecs = (names: string[]): [CondSpec, CondSpec] => {
  const msg = `containers with unready status: [${names.join(' ')}]`;
  let s = NOT_READY.get(msg);
  if (!s) {
    s = [
      condSpec('Ready', 'False', 'ContainersNotReady', msg),
      condSpec('ContainersReady', 'False', 'ContainersNotReady', msg),
    ];
    if (NOT_READY.size >= 256) NOT_READY.clear();
    NOT_READY.set(msg, s);
  }
  return s;
};
const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');

/**
 * SyncPod's container starts when some container's config cannot be made: those wait with
 * CreateContainerConfigError (Warning Failed `Error: …`), the others start (kept running when they
 * already are). Writes the status (with `pending`, the sandbox status not yet written) and returns
 * the ms until the pod worker syncs again.
 */
export function startWithConfigErrors(
  deps: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  pending: Any | undefined,
  errors: readonly (string | undefined)[],
): number {
  const tpl = deps.template(rt, pod);
  const status = pending ?? pod.status;
  const prev: readonly ContainerStatus[] = status?.containerStatuses ?? [];
  const startedAt = rfc3339(deps.clock.now());
  const statuses: ContainerStatus[] = [];
  const unready: string[] = [];
  pod.spec.containers.forEach((c, i) => {
    const err = errors[i];
    // startContainer's Events are on the container (recordContainerEvent → GenerateContainerRef).
    const path = tpl.fieldPaths[i];
    if (err !== undefined) {
      deps.record(pod, 'Warning', 'Failed', `Error: ${err}`, rt, path);
      unready.push(c.name);
      statuses.push(waitingStatus(c, 'CreateContainerConfigError', err));
      return;
    }
    const old = prev.find((s) => s.name === c.name);
    if (old?.state?.running) {
      statuses.push(old);
      return;
    }
    deps.record(pod, 'Normal', 'Created', tpl.createdMsg[i] as string, rt, path);
    deps.record(pod, 'Normal', 'Started', tpl.startedMsg[i] as string, rt, path);
    // Running: the next sync does not start it again (kubelet.ts pull skips it).
    rt.at ??= [];
    rt.at[i] = startedAt;
    statuses.push({
      name: c.name,
      image: tpl.refs[i]?.fullName ?? c.image,
      imageID: tpl.imageIds[i] as string,
      containerID: containerId(deps.rng.ids),
      ready: true,
      started: true,
      restartCount: 0,
      state: runningState(startedAt),
      lastState: EMPTY_STATE,
    });
  });
  const [ready, containersReady] = unreadySpecs(unready);
  deps.writeStatus(pod, {
    ...status,
    phase: 'Pending',
    conditions: deps.conditions(status?.conditions, SANDBOX_READY, INITIALIZED, ready, containersReady),
    containerStatuses: statuses,
  });
  const syncs = (configSyncs.get(rt) ?? 0) + 1;
  configSyncs.set(rt, syncs);
  if (syncs === 1) return PLEG_MS[0] + deps.rng.pulls.int(PLEG_MS[1] - PLEG_MS[0]);
  return SYNC_BACKOFF_MS + deps.rng.pulls.int(SYNC_BACKOFF_MS / 2);
}
