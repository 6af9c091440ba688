// A Pod that reads a ConfigMap or Secret that does not exist (or lacks a key), as a 1.34 node runs
// it. The objects are the API server's (the kubelet's watch-based configmap/secret managers see a
// write at once); only kubeadm's kube-system/kube-proxy ConfigMap, which the simulated API server
// does not publish, is pretended here (keys config.conf and kubeconfig.conf, not k3s).
//
// Volumes [K8S 1.34 pkg/volume/configmap, secret and projected SetUpAt; volumemanager reconciler;
// operationexecutor GenerateMountVolumeFunc; goroutinemap/exponentialbackoff]: a configMap or
// secret volume (or a projected source) whose object is missing and not `optional` fails SetUp
// with the manager's NotFound error (`configmap "x" not found`, `secret "x" not found`), or, for
// an `items` key the object lacks, `configmap references non-existent config key: k` (a Secret's:
// `references non-existent secret key: k`). Each
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
// up to 15 s), pulling (or finding) the image again. Once the student creates the object or key,
// that next sync (or the next mount retry) starts the Pod. An init container's env fails the same
// way (init-start.ts launch: Init:CreateContainerConfigError). What the containers then read
// (env values, volume files) is the workloads layer's (src/sim/workloads/config-env.ts, volumes.ts).
import type { ConfigMap, Container, ContainerStatus, Pod } from '../api/types';
import { SA_TOKEN_PROJECTION } from '../apiserver/defaults';
import { Published } from '../apiserver/published';
import type { ApiServer } from '../apiserver/server';
import type { Cluster } from '../contract';
import { setAt } from '../runtime/arrays';
import { rfc3339 } from '../runtime/clock';
import { initStateOf, unreadySidecars } from './init-status';
import type { LifecycleDeps } from './lifecycle-deps';
import { containerId, type PodRuntime } from './pod-runtime';
import { notReady } from './run-status';
import { type ContainerTemplate, condSpec, EMPTY_STATE, runningState, waitingStatus } from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed JSON here.
type Any = any;

const ROOT_CA: readonly string[] = Object.freeze(['ca.crt']);
const KUBE_PROXY: readonly string[] = Object.freeze(['config.conf', 'kubeconfig.conf']);

/**
 * Where the kubelet reads ConfigMaps and Secrets: the API server's store (kubelet.ts), or the
 * cluster facade (init-start.ts, whose deps have no API server).
 */
export type ConfigSource = ApiServer | Cluster;

/** The keys of a stored object: `data` (and `binaryData` unless `dataOnly`), or undefined if none. */
function keysOf(
  src: ConfigSource,
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
  dataOnly = false,
): readonly string[] | undefined {
  let obj: ConfigMap | undefined;
  if ('store' in src) {
    const e = src.store.entry(kind, namespace, name);
    // A published kube-root-ca.crt not yet read is not built for its one key.
    if (e instanceof Published && name === 'kube-root-ca.crt') return ROOT_CA;
    obj = e?.object() as ConfigMap | undefined;
  } else obj = src.get(kind, namespace, name) as ConfigMap | undefined;
  if (!obj) {
    // kubeadm's kube-proxy addon (k3s runs kube-proxy inside its own binary, without one): not
    // published by the simulated API server.
    const k3s = ('store' in src ? src.profile.distro : src.profile) === 'k3s';
    return kind === 'ConfigMap' && namespace === 'kube-system' && name === 'kube-proxy' && !k3s
      ? KUBE_PROXY
      : undefined;
  }
  const data = Object.keys(obj.data ?? {});
  return dataOnly ? data : [...data, ...Object.keys(obj.binaryData ?? {})];
}

/** The keys of the ConfigMap `name` in `namespace` (data and binaryData), or undefined. */
export const configMapKeys = (src: ConfigSource, namespace: string, name: string) =>
  keysOf(src, 'ConfigMap', namespace, name);

/** The keys of the Secret `name` in `namespace`, or undefined when there is none. */
export const secretKeys = (src: ConfigSource, namespace: string, name: string) =>
  keysOf(src, 'Secret', namespace, name);

const cmNotFound = (name: string) => `configmap "${name}" not found`;
const secretNotFound = (name: string) => `secret "${name}" not found`;

/**
 * makeEnvironmentVariables' error for one container, or undefined when its env resolves: envFrom
 * in order, then env valueFrom in order; the first error wins. The NotFound texts are the
 * watch-based managers' (GroupResource "configmap"/"secret"). 1.34 no longer skips envFrom keys
 * that are not C identifiers (nor records InvalidEnvironmentVariableNames): kubelet_pods.go takes
 * every key since RelaxedEnvironmentVariableValidation (kubernetes/kubernetes#123385, #130099).
 */
export function envError(api: ConfigSource, namespace: string, c: Container): string | undefined {
  const x = c as Any;
  // Most containers have neither list: nothing to walk (and no empty array made for it).
  if (x.envFrom == null && x.env == null) return undefined;
  for (const from of (x.envFrom ?? []) as Any[]) {
    const cm = from?.configMapRef;
    const sr = from?.secretRef;
    if (cm) {
      const name = String(cm.name ?? '');
      if (!configMapKeys(api, namespace, name) && cm.optional !== true) return cmNotFound(name);
    } else if (sr) {
      const name = String(sr.name ?? '');
      if (!secretKeys(api, namespace, name) && sr.optional !== true) return secretNotFound(name);
    }
  }
  for (const e of (x.env ?? []) as Any[]) {
    // A literal value wins over valueFrom (`runtimeVal != ""` is checked first).
    if (e?.value) continue;
    const cm = e?.valueFrom?.configMapKeyRef;
    const sk = e?.valueFrom?.secretKeyRef;
    const ref = cm ?? sk;
    if (!ref) continue;
    const name = String(ref.name ?? '');
    const optional = ref.optional === true;
    const keys = cm ? configMapKeys(api, namespace, name) : secretKeys(api, namespace, name);
    if (!keys) {
      if (optional) continue;
      return cm ? cmNotFound(name) : secretNotFound(name);
    }
    // env reads data only (configMap.Data[key]): a binaryData key is not found.
    const has = (cm ? keysOf(api, 'ConfigMap', namespace, name, true) : keys)?.includes(ref.key);
    if (!has && !optional)
      return `couldn't find key ${ref.key} in ${cm ? 'ConfigMap' : 'Secret'} ${namespace}/${name}`;
  }
  return undefined;
}

/** Each container's env error (undefined: none), or undefined when every container's env resolves. */
export function envFailures(
  pod: Pod,
  api: ConfigSource,
  cs: readonly Container[] = pod.spec.containers,
): (string | undefined)[] | undefined {
  let out: (string | undefined)[] | undefined;
  for (let i = 0; i < cs.length; i++) {
    const err = envError(api, pod.metadata.namespace ?? 'default', cs[i] as Container);
    if (err === undefined) continue;
    out ??= cs.map(() => undefined);
    out[i] = err;
  }
  return out;
}

/** A configMap source's SetUp error (volume or projected source), or undefined (MakePayload). */
function configMapError(api: ConfigSource, namespace: string, src: Any): string | undefined {
  const name = String(src.name ?? '');
  const optional = src.optional === true;
  const keys = configMapKeys(api, namespace, name);
  if (!keys) return optional ? undefined : cmNotFound(name);
  const items = src.items as Any[] | undefined;
  for (let i = 0; items && i < items.length; i++) {
    const item = items[i];
    if (!keys.includes(item?.key) && !optional)
      return `configmap references non-existent config key: ${item?.key}`;
  }
  return undefined;
}

/** A secret source's SetUp error (pkg/volume/secret MakePayload), or undefined. */
function secretError(api: ConfigSource, namespace: string, name: string, src: Any): string | undefined {
  const optional = src.optional === true;
  const keys = secretKeys(api, namespace, name);
  if (!keys) return optional ? undefined : secretNotFound(name);
  for (const item of (src.items ?? []) as Any[]) {
    if (!keys.includes(item?.key) && !optional) return `references non-existent secret key: ${item?.key}`;
  }
  return undefined;
}

/** Is the namespace's kube-root-ca.crt the published one not yet read (keysOf: ROOT_CA)? */
function publishedRootCa(src: ConfigSource, namespace: string): boolean {
  return 'store' in src && src.store.entry('ConfigMap', namespace, 'kube-root-ca.crt') instanceof Published;
}

/** The FailedMount messages of the Pod's volumes that cannot be set up, or undefined if none. */
export function mountFailures(pod: Pod, api: ConfigSource): string[] | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  let out: string[] | undefined;
  // Every Pod the kubelet starts comes here (nearly all with only the token's projected volume,
  // which sets up): indexed loops, and no list made until something fails.
  const volumes = (pod.spec as Any).volumes as Any[] | undefined;
  for (let vi = 0; volumes && vi < volumes.length; vi++) {
    const v = volumes[vi];
    let err: string | undefined;
    if (v?.configMap) err = configMapError(api, namespace, v.configMap);
    else if (v?.secret) err = secretError(api, namespace, String(v.secret.secretName ?? ''), v.secret);
    else if (v?.projected === SA_TOKEN_PROJECTION && publishedRootCa(api, namespace)) {
      // The usual token volume (admission's, one frozen projection) over the namespace's published
      // kube-root-ca.crt: its one configMap source (ca.crt of kube-root-ca.crt) sets up, its other
      // sources (the token, the namespace) are neither configMap nor secret. No error.
    } else if (v?.projected) {
      // collectData gathers every source's error into one aggregate (utilerrors.NewAggregate:
      // one message alone, several de-duplicated in brackets).
      let errs: string[] | undefined;
      const sources = v.projected.sources as Any[] | undefined;
      for (let i = 0; sources && i < sources.length; i++) {
        const s = sources[i];
        let e: string | undefined;
        if (s?.configMap) e = configMapError(api, namespace, s.configMap);
        else if (s?.secret) e = secretError(api, namespace, String(s.secret.name ?? ''), s.secret);
        if (e === undefined) continue;
        errs ??= [];
        if (!errs.includes(e)) errs.push(e);
      }
      if (errs?.length === 1) err = errs[0];
      else if (errs !== undefined && errs.length > 1) err = `[${errs.join(', ')}]`;
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
  api: ApiServer,
): number | undefined {
  const failed = mountFailures(pod, api);
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

const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');

/** Container `i` started by this sync at `at` (a new container ID, running, ready). */
export function startedStatus(
  deps: LifecycleDeps,
  tpl: ContainerTemplate,
  c: Container,
  i: number,
  at: string,
): ContainerStatus {
  return {
    name: c.name,
    image: tpl.refs[i]?.fullName ?? c.image,
    imageID: tpl.imageIds[i] as string,
    containerID: containerId(deps.rng.ids),
    ready: true,
    started: true,
    restartCount: 0,
    state: runningState(at),
    lastState: EMPTY_STATE,
  };
}

/**
 * A sync that left the `unready` containers waiting (on their config here, on their image in
 * pull-waits.ts): Pending, the sandbox ready and initialized, Ready/ContainersReady False naming them.
 */
export function writeWaiting(
  deps: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  status: Any | undefined,
  statuses: ContainerStatus[],
  unready: string[],
): void {
  // A sidecar not ready is named first (GenerateContainersReadyCondition).
  const [ready, containersReady] = notReady(unreadySidecars(initStateOf(rt), unready));
  deps.writeStatus(pod, {
    ...status,
    phase: 'Pending',
    conditions: deps.conditions(status?.conditions, SANDBOX_READY, INITIALIZED, ready, containersReady),
    containerStatuses: statuses,
  });
}

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
    // Running: the next sync does not start it again (pod-worker.ts pull skips it).
    rt.at = setAt(rt.at, i, startedAt);
    statuses.push(startedStatus(deps, tpl, c, i, startedAt));
  });
  writeWaiting(deps, pod, rt, status, statuses, unready);
  return configRetryMs(deps, rt);
}

/** The ms until the pod worker syncs again after a sync that failed a container's config. */
export function configRetryMs(deps: LifecycleDeps, rt: PodRuntime): number {
  const syncs = (configSyncs.get(rt) ?? 0) + 1;
  configSyncs.set(rt, syncs);
  if (syncs === 1) return PLEG_MS[0] + deps.rng.pulls.int(PLEG_MS[1] - PLEG_MS[0]);
  return SYNC_BACKOFF_MS + deps.rng.pulls.int(SYNC_BACKOFF_MS / 2);
}
