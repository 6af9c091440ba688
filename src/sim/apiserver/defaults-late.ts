// The API server's defaulting of the rarer PodSpec fields, bound late (src/sim/late) because only
// objects the student writes have them (the boot's system Pods and Deployments have no volumes but
// the ServiceAccount token's, which the admission plugin adds already defaulted, no env and no
// lifecycle hooks; defaults-late.test.ts checks they are fixed points of this file).
// [K8S 1.34 pkg/apis/core/v1/defaults.go and the defaulter-gen'd zz_generated.defaults.go, with
// the declarative `+default` markers of k8s.io/api v0.34 core/v1/types.go. The defaults.go read is
// the one with SetDefaults_Volume's ImageVolume gate and SetDefaults_Pod's unconditional host
// network port defaulting (the DefaultHostNetworkHostPortsInPodTemplates gate is gone), whose
// RBD/ISCSI/AzureDisk/ScaleIO defaults have moved to those markers: the 1.34 layout.]
//
// Every pod template and Pod (SetObjectDefaults_PodTemplate's part that apps/v1 runs on a
// Deployment's or ReplicaSet's template, and SetObjectDefaults_Pod):
//   SetDefaults_Volume: a volume with no source is an emptyDir; hostPath type "";
//   defaultMode 420 (0644) for secret, configMap, downwardAPI and projected volumes;
//   SetDefaults_ObjectFieldSelector (fieldRef apiVersion v1) in env and downward-API items;
//   a projected serviceAccountToken's expirationSeconds 3600; an ephemeral volume's claim
//   template volumeMode Filesystem (SetDefaults_PersistentVolumeClaimSpec); iscsi
//   iscsiInterface "default"; rbd pool/user/keyring; azureDisk cachingMode/fsType/readOnly/kind;
//   scaleIO storageMode/fsType; SetDefaults_HTTPGetAction on lifecycle handlers (path "/",
//   scheme HTTP); ephemeral containers as containers (SetDefaults_EphemeralContainer).
// Pods only (SetDefaults_Pod: "we only want this defaulting semantic to take place on a v1.Pod
// and not a v1.PodTemplate"): a container's or init container's requests default to its limits,
// and with hostNetwork every container port's hostPort defaults to its containerPort.
// Two more that are not defaulting but how the API server writes a zero Go value whose JSON tag
// cannot omit it: a resourceFieldRef's divisor (a resource.Quantity struct, written "0") and an
// iscsi volume's lun (int32 without omitempty, written 0).
// Not applied: the image volume's pullPolicy (ImageVolume is off by default in 1.34), the
// rounding of resource quantities to milli units (SetDefaults_ResourceList: we keep quantities as
// written), and PodLevelResources' pod-level requests and limits (see the README's known gaps).
import { copyOwn } from './copy';
import { defaultPodSpec } from './defaults';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks loosely typed decoded JSON.
type Any = any;

const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A Go pointer, map, slice or struct field that is nil or absent. */
const none = (x: unknown) => x === undefined || x === null;

/**
 * `o` with `d`'s values where `o` has none (`str`: an empty string is none too, as for a Go string
 * field); `o` itself when it has them all.
 */
function fill(o: Any, d: Record<string, unknown>, str = false): Any {
  let out: Any;
  for (const k in d) {
    const x = o[k];
    if (none(x) || (str && x === '')) {
      out ??= copyOwn(o);
      out[k] = d[k];
    }
  }
  return out ?? o;
}

/** `arr.map(f)`, or `arr` itself when `f` returned every element unchanged. */
function mapSame(arr: Any, f: (x: Any) => Any): Any {
  if (!Array.isArray(arr)) return arr;
  let out: Any[] | undefined;
  for (let i = 0; i < arr.length; i++) {
    const y = f(arr[i]);
    if (out) out[i] = y;
    else if (y !== arr[i]) {
      out = arr.slice();
      out[i] = y;
    }
  }
  return out ?? arr;
}

/** `o` with `o[k]` replaced by `f(o[k])` when `o[k]` is an object; `o` itself when unchanged. */
function at(o: Any, k: string, f: (x: Any) => Any): Any {
  const x = o[k];
  if (!isObj(x)) return o;
  const y = f(x);
  if (y === x) return o;
  const out = copyOwn(o);
  out[k] = y;
  return out;
}

/** Like `at` for a list: `o[k]` mapped element-wise. */
function atList(o: Any, k: string, f: (x: Any) => Any): Any {
  const x = o[k];
  const y = mapSame(x, f);
  if (y === x) return o;
  const out = copyOwn(o);
  out[k] = y;
  return out;
}

const fieldRef = (r: Any) => fill(r, { apiVersion: 'v1' }, true);
const resourceFieldRef = (r: Any) => fill(r, { divisor: '0' });

/** A downward-API item (volume file or projection item) or an env var's valueFrom. */
function downwardRefs(x: Any): Any {
  if (!isObj(x)) return x;
  return at(at(x, 'fieldRef', fieldRef), 'resourceFieldRef', resourceFieldRef);
}

const withMode = (s: Any) => fill(s, { defaultMode: 420 });

function projection(p: Any): Any {
  if (!isObj(p)) return p;
  const q = at(p, 'downwardAPI', (d) => atList(d, 'items', downwardRefs));
  return at(q, 'serviceAccountToken', (t) => fill(t, { expirationSeconds: 3600 }));
}

/** Per volume source (its JSON key): the defaulting of that source. */
const SOURCE_DEFAULTS: Record<string, (s: Any) => Any> = {
  hostPath: (s) => fill(s, { type: '' }),
  secret: withMode,
  configMap: withMode,
  downwardAPI: (s) => atList(withMode(s), 'items', downwardRefs),
  projected: (s) => atList(withMode(s), 'sources', projection),
  iscsi: (s) => fill(fill(s, { iscsiInterface: 'default' }, true), { lun: 0 }),
  rbd: (s) => fill(s, { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' }, true),
  azureDisk: (s) => fill(s, { cachingMode: 'ReadWrite', fsType: 'ext4', readOnly: false, kind: 'Shared' }),
  scaleIO: (s) => fill(s, { storageMode: 'ThinProvisioned', fsType: 'xfs' }, true),
  // The claim template's spec is a struct (not a pointer): defaulted even when not written.
  ephemeral: (s) => {
    const t = s.volumeClaimTemplate;
    if (!isObj(t)) return s;
    const spec = isObj(t.spec) ? t.spec : {};
    const d = fill(spec, { volumeMode: 'Filesystem' });
    return d === t.spec ? s : { ...copyOwn(s), volumeClaimTemplate: { ...copyOwn(t), spec: d } };
  },
};

/** Every VolumeSource member (k8s.io/api v0.34 core/v1 VolumeSource's JSON names). */
const SOURCES = new Set([
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
]);

function defaultVolume(v: Any): Any {
  if (!isObj(v)) return v;
  // The volume's own keys (a name and a source, usually): every Pod has a volume (the
  // ServiceAccount token's), and every write of a Pod passes here.
  let out = v;
  let source = false;
  for (const k in v) {
    if (!SOURCES.has(k) || none(v[k])) continue;
    source = true;
    const f = SOURCE_DEFAULTS[k];
    if (f) out = at(out, k, f);
  }
  if (source) return out;
  // SetDefaults_Volume: every source pointer nil → an emptyDir.
  out = copyOwn(v);
  out.emptyDir = {};
  return out;
}

const valueFrom = (e: Any) => (isObj(e) ? at(e, 'valueFrom', downwardRefs) : e);

const httpGet = (g: Any) => fill(g, { path: '/', scheme: 'HTTP' }, true);
const handler = (h: Any) => at(h, 'httpGet', httpGet);

const lifecycle = (l: Any) => at(at(l, 'postStart', handler), 'preStop', handler);

/** A container's env and lifecycle hooks, defaulted: a copy, or `c` itself when complete. */
export function containerRest(c: Any): Any {
  return at(atList(c, 'env', valueFrom), 'lifecycle', lifecycle);
}

/**
 * A PodSpec's volumes and ephemeral containers, defaulted: a copy, or `spec` itself when complete.
 * Ephemeral containers get every container default (SetDefaults_EphemeralContainer is
 * SetDefaults_Container, and the generated defaulter walks their ports, env, probes and hooks as
 * a container's): the boot module's container defaulting, through defaultPodSpec's
 * copy-on-write path, which keeps a complete container as it is.
 */
export function podSpecRest(spec: Any): Any {
  let out = serviceAccountAlias(atList(spec, 'volumes', defaultVolume));
  const e = spec.ephemeralContainers;
  if (Array.isArray(e) && e.every(isObj)) {
    const d = defaultPodSpec({ containers: e }, true).containers;
    if (d !== e) {
      if (out === spec) out = copyOwn(spec);
      out.ephemeralContainers = d;
    }
  }
  return out;
}

/**
 * The deprecated `serviceAccount` alias, as every PodSpec (a Pod's or a template's) makes the round
 * trip through the internal type on a write: Convert_v1_PodSpec_To_core_PodSpec takes
 * `serviceAccount` when `serviceAccountName` is empty, and Convert_core_PodSpec_To_v1_PodSpec writes
 * `serviceAccount` back as `serviceAccountName` (both omitempty) [pkg/apis/core/v1/conversion.go].
 * So a template naming an account stores both, and its pod-template-hash covers both.
 */
function serviceAccountAlias(spec: Any): Any {
  const name = spec.serviceAccountName;
  const alias = spec.serviceAccount;
  if (
    !(name === undefined || typeof name === 'string') ||
    !(alias === undefined || typeof alias === 'string')
  )
    return spec; // the decoder refuses these
  const n = name || alias || undefined;
  if (name === n && alias === n) return spec;
  const out = copyOwn(spec);
  if (n === undefined) {
    delete out.serviceAccountName;
    delete out.serviceAccount;
  } else {
    out.serviceAccountName = n;
    out.serviceAccount = n;
  }
  return out;
}

/** SetDefaults_Pod: requests default to limits, key by key. */
function requestsFromLimits(c: Any): Any {
  if (!isObj(c)) return c;
  return at(c, 'resources', (r) => {
    const limits = r.limits;
    if (!isObj(limits)) return r;
    const requests = isObj(r.requests) ? r.requests : undefined;
    let req: Any;
    for (const k in limits)
      if (requests === undefined || !Object.hasOwn(requests, k)) {
        req ??= copyOwn(requests);
        req[k] = limits[k];
      }
    if (req === undefined) return r;
    const out = copyOwn(r);
    out.requests = req;
    return out;
  });
}

/** defaultHostNetworkPorts: a port without a hostPort gets its containerPort. */
function hostPort(p: Any): Any {
  if (!isObj(p) || !(none(p.hostPort) || p.hostPort === 0) || none(p.containerPort)) return p;
  const q = copyOwn(p);
  q.hostPort = p.containerPort;
  return q;
}

/**
 * A Pod's spec with its Pod-only defaults (SetDefaults_Pod): its containers and init containers
 * get their requests from their limits and, on the host network, their ports' hostPorts.
 * Ephemeral containers get neither. A copy, or `spec` itself when complete.
 */
export function podOnlyRest(spec: Any): Any {
  const net = spec.hostNetwork === true;
  const f = (c: Any) => {
    const d = requestsFromLimits(c);
    return net && isObj(d) ? atList(d, 'ports', hostPort) : d;
  };
  return atList(atList(spec, 'containers', f), 'initContainers', f);
}

const containerRestOf = (c: Any) => (isObj(c) ? containerRest(c) : c);

/**
 * What the boot module's defaultPodSpec (./defaults) calls on a PodSpec: `spec` itself when it has
 * these defaults, else a copy with them. Its containers' and init containers' env and lifecycle
 * hooks, its volumes and ephemeral containers and, for a Pod (`pod`), the SetDefaults_Pod part.
 */
export function defaultRest(spec: Any, pod = false): Any {
  const out = podSpecRest(
    atList(atList(spec, 'containers', containerRestOf), 'initContainers', containerRestOf),
  );
  return pod ? podOnlyRest(out) : out;
}
