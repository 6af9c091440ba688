// Defaulting as the API server does it after decoding. [K8S pkg/apis/core/v1/defaults.go,
// pkg/apis/apps/v1/defaults.go, plus the ServiceAccount/DefaultTolerationSeconds admission for Pods]
// Each function returns a new object; inputs are never mutated.
import type { K8sObject } from '../api/types';
import { late, latePartsLoaded } from '../late';
import { copyOwn, copyWith, keysAre } from './copy';
import { exactlyEqual } from './json';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks loosely typed decoded JSON.
type Any = any;

/** `:latest` or no tag → Always, else IfNotPresent (a digest counts as a tag). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

// On update, Deployment and ReplicaSet specs are defaulted copy-on-write (`cow`): each function
// returns its input itself when that input already carries every default (a controller's write
// of an object read from the store), else a copy with the missing fields added in the order
// below. The copy of a complete input would hold the same keys in the same order with the same
// values, so keeping the input is not observable; it spares the copies and keeps the template
// identical from one version of the object to the next (the pod-template-hash is memoised on the
// template object; the generation check's spec comparison short-circuits on it).
// Creates always copy: sharing a Deployment's template objects with its ReplicaSet's made the
// ReplicaSet controller's Pod creates measurably slower (V8 object shapes), and Pods from a
// structuredClone are kept compact by the copy.

/** `arr.map(f)`, or `arr` itself when `f` returned every element unchanged. */
function mapSame(arr: Any[], f: (x: Any) => Any): Any[] {
  let out: Any[] | undefined;
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    const y = f(x);
    if (out) out[i] = y;
    else if (y !== x) {
      // slice: an array of exactly this length (a pushed-to array keeps spare capacity, and
      // this one may be stored: 5,000 Pods' containers arrays).
      out = arr.slice();
      out[i] = y;
    }
  }
  return out ?? arr;
}

function copyPort(p: Any): Any {
  const q = copyOwn(p);
  q.protocol = p.protocol ?? 'TCP';
  return q;
}

function defaultPort(p: Any): Any {
  return p.protocol !== undefined && p.protocol !== null ? p : copyPort(p);
}

function copyContainer(c: Any): Any {
  return defaultContainer(c, false);
}

function cowContainer(c: Any): Any {
  return defaultContainer(c, true);
}

function defaultContainer(c: Any, cow: boolean): Any {
  let ports = c.ports;
  // Not ports.map: once inlined by the optimising compiler, map makes a holey array where the
  // builtin makes a packed one, so the Pods' ports arrays changed shape from one fresh cluster to
  // the next with the state of this code (mapSame slices: the elements kind of the input's array).
  if (Array.isArray(ports)) ports = cow ? mapSame(ports, defaultPort) : mapSame(ports, copyPort);
  // Probes are defaulted by code bound late (only the student's Pods have them).
  const probes = c.livenessProbe || c.readinessProbe || c.startupProbe;
  if (
    cow &&
    ports === c.ports &&
    (!probes || (latePartsLoaded() && late().probesDefaulted(c))) &&
    c.resources !== undefined &&
    c.terminationMessagePath !== undefined &&
    c.terminationMessagePolicy !== undefined &&
    (c.imagePullPolicy !== undefined || typeof c.image !== 'string')
  )
    return c;
  const out: Any = copyOwn(c);
  if (Array.isArray(c.ports)) out.ports = ports;
  if (out.resources === undefined) out.resources = {};
  if (out.terminationMessagePath === undefined) out.terminationMessagePath = '/dev/termination-log';
  if (out.terminationMessagePolicy === undefined) out.terminationMessagePolicy = 'File';
  if (out.imagePullPolicy === undefined && typeof c.image === 'string')
    out.imagePullPolicy = defaultPullPolicy(c.image);
  if (probes && latePartsLoaded()) late().defaultProbes(out);
  return out;
}

/**
 * The PodSpec defaults: a copy, or (`cow`) `spec` itself when it already has them all. `pod`:
 * with the ones only Pods get (SetDefaults_Pod). Env, lifecycle hooks, volumes, ephemeral
 * containers and the Pod-only requests and host ports are defaulted by code bound late (only the
 * student's objects have them; ./defaults-late).
 */
export function defaultPodSpec(spec: Any, cow = false, pod = false): Any {
  const f = cow ? cowContainer : copyContainer;
  const containers = Array.isArray(spec?.containers) ? mapSame(spec.containers, f) : undefined;
  const init = Array.isArray(spec?.initContainers) ? mapSame(spec.initContainers, f) : undefined;
  if (
    cow &&
    spec !== undefined &&
    spec !== null &&
    (containers === undefined || containers === spec.containers) &&
    (init === undefined || init === spec.initContainers) &&
    spec.restartPolicy !== undefined &&
    spec.terminationGracePeriodSeconds !== undefined &&
    spec.dnsPolicy !== undefined &&
    spec.securityContext !== undefined &&
    spec.schedulerName !== undefined &&
    (!latePartsLoaded() || late().defaultRest(spec) === spec)
  )
    return spec;
  let out: Any = copyOwn(spec);
  if (containers !== undefined) out.containers = containers;
  if (init !== undefined) out.initContainers = init;
  if (out.restartPolicy === undefined) out.restartPolicy = 'Always';
  if (out.terminationGracePeriodSeconds === undefined) out.terminationGracePeriodSeconds = 30;
  if (out.dnsPolicy === undefined) out.dnsPolicy = 'ClusterFirst';
  if (out.securityContext === undefined) out.securityContext = {};
  if (out.schedulerName === undefined) out.schedulerName = 'default-scheduler';
  if (latePartsLoaded()) out = late().defaultRest(out, pod); // the same or another copy
  return out;
}

/**
 * DefaultTolerationSeconds admission: the not-ready and unreachable NoExecute tolerations for 300 s,
 * each appended unless a toleration already covers it (its key or an empty key, effect NoExecute or
 * empty) [plugin/pkg/admission/defaulttolerationseconds/admission.go]. A Pod that states none
 * shares this one frozen array (stored objects are immutable snapshots).
 */
const DEFAULT_TOLERATIONS = deepFreeze(
  ['not-ready', 'unreachable'].map((t) => ({
    effect: 'NoExecute',
    key: `node.kubernetes.io/${t}`,
    operator: 'Exists',
    tolerationSeconds: 300,
  })),
);

/** Fields only real Pods get (SetDefaults_Pod, ServiceAccount and DefaultTolerationSeconds admission). */
const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function defaultPodOnlySpec(spec: Any, mirror: boolean): Any {
  const out: Any = defaultPodSpec(spec, false, true); // a copy, ours to fill in
  if (out.enableServiceLinks === undefined) out.enableServiceLinks = true;
  if (out.preemptionPolicy === undefined) out.preemptionPolicy = 'PreemptLowerPriority';
  // Priority admission resolves the built-in PriorityClasses (scheduling/types.go).
  if (out.priority === undefined) out.priority = SYSTEM_PRIORITIES[out.priorityClassName] ?? 0;
  // The ServiceAccount plugin leaves mirror Pods (static manifests) without an account.
  if (!mirror) {
    if (out.serviceAccountName === undefined) out.serviceAccountName = 'default';
    // The deprecated alias conversion writes back (a student's spec has both made consistent by
    // defaults-late's serviceAccountAlias before this).
    if (out.serviceAccount === undefined) out.serviceAccount = out.serviceAccountName;
  }
  const ts: Any[] = out.tolerations ?? [];
  const add = DEFAULT_TOLERATIONS.filter(
    (d) => !ts.some((t) => (!t.key || t.key === d.key) && (!t.effect || t.effect === 'NoExecute')),
  );
  if (add.length) out.tolerations = ts.length ? [...ts, ...add] : DEFAULT_TOLERATIONS;
  return out;
}

// The *Into functions default a top-level object the caller has just copied and owns: they assign
// its spec/status/metadata (replacing, never mutating, the values found there).

/**
 * status.qosClass at create (podStrategy.PrepareForCreate; ./qos has the rules and compares
 * quantities by value). Before the late parts are in, only the boot's own Pods are created, whose
 * quantities are spelt alike (no zeros, no pod-level resources): compared as text they give the
 * same class.
 */
function podQOS(spec: Any): string {
  if (latePartsLoaded()) return late().computePodQOS(spec);
  let any = false;
  let all = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])])
    for (const k of ['cpu', 'memory']) {
      const l = c.resources?.limits?.[k];
      const r = c.resources?.requests?.[k] ?? l;
      if (r) any = true;
      if (!l || r !== l) all = false;
    }
  return any ? (all ? 'Guaranteed' : 'Burstable') : 'BestEffort';
}

function defaultPodInto(o: Any): void {
  o.spec = defaultPodOnlySpec(o.spec, !!o.metadata?.annotations?.['kubernetes.io/config.mirror']);
  // An update brings the stored status (the class never changes); a create has none.
  o.status = o.status ?? { phase: 'Pending', qosClass: podQOS(o.spec) };
}

/**
 * A Pod template's spec as defaulted for the Pods created from it. The defaulted spec is a
 * deterministic function of the template's spec (and of whether the late parts are in, and of the
 * mirror annotation), and a template read from a stored object never changes (stored objects are
 * immutable snapshots): a controller creating Pods from one template defaults it once, and each
 * Pod gets its own copy of the result (the top level and each container, which admission fills
 * in) with the same keys in the same order and the same values as defaulting it again would give.
 * `clean`: a Pod from it, given the ServiceAccount token volume in the usual way (see server.ts),
 * validated with no cause.
 */
export interface PodTemplateDefaults {
  readonly late: boolean;
  readonly mirror: boolean;
  /** The defaulted spec, never handed out (copied by copyPodSpec). */
  readonly spec: Any;
  readonly qos: string;
  /** Whether no volume, mount or device name of the spec starts with kube-api-access-. */
  readonly noTokenNames: boolean;
  /** The template spec it was computed from (a stored object's: never changes). */
  readonly source: Any;
  clean: boolean;
  /** podStamp's answer, once asked (null: the spec does not take the token the usual way). */
  stamp?: PodStamp | null;
}

/**
 * What a Pod's spec is built from when admission gives it the ServiceAccount token the usual way
 * (withServiceAccountToken on a fresh copy of the defaulted spec: each container gains the mount,
 * the spec the volume). `spec` and `containers` are copies of the defaulted spec and containers
 * with the keys the result has, in its order, the added ones as placeholders: overriding them in
 * a spread (`{ ...spec, containers, volumes }`) or by copyWith (each container's volumeMounts)
 * makes each Pod's objects with the same keys in the same order as the general path's copies.
 * Containers are not spread: a spread's copy takes a map that depends on the state of V8's
 * feedback at its site (copy.ts), so one fresh cluster's containers had maps the last one's had
 * not, and the kubelet's optimized code that reads them (admit, pull, template, programsOf)
 * deoptimized in every new cluster up to the third.
 */
export interface PodStamp {
  readonly spec: Any;
  readonly containers: readonly Any[];
  /**
   * `spec` has the usual keys (STAMP_SPEC_KEYS) and every container the usual ones
   * (STAMP_CONTAINER_KEYS), in order: each Pod's spec and containers are then written as literals
   * (no copy of the shapes, the same keys in the same order and the same values).
   */
  readonly literal: boolean;
  /**
   * The (labels, annotations, generateName) of the last stamped Pod whose metadata validated with
   * no cause: a generated name's 5 random characters are all lowercase letters and digits, so
   * every name made from one generateName validates alike.
   */
  validLabels?: unknown;
  validAnnotations?: unknown;
  validGenerateName?: string;
}

/**
 * The PodStamp of a template's defaults, or null when its Pods do not take the token the usual
 * way: a volume, mount or device named kube-api-access-… already, no containers, init containers,
 * a container mounting something at the token's path, or automountServiceAccountToken false in
 * the spec (the ServiceAccount's own setting is the caller's to check, per Pod).
 */
export function podStamp(e: PodTemplateDefaults): PodStamp | null {
  if (e.stamp !== undefined) return e.stamp;
  const d = e.spec;
  const cs = d.containers;
  let stamp: PodStamp | null = null;
  if (
    e.noTokenNames &&
    d.automountServiceAccountToken !== false &&
    Array.isArray(cs) &&
    cs.length > 0 &&
    !(Array.isArray(d.initContainers) && d.initContainers.length > 0) &&
    (d.volumes === undefined || Array.isArray(d.volumes)) &&
    cs.every(
      (c: Any) =>
        typeof c === 'object' &&
        c !== null &&
        !Array.isArray(c) &&
        (c.volumeMounts === undefined || Array.isArray(c.volumeMounts)) &&
        !(c.volumeMounts ?? []).some((m: Any) => m?.mountPath === SA_TOKEN_MOUNT_PATH),
    )
  ) {
    const containers = cs.map((c: Any) => copyWith(c, 'volumeMounts', null));
    const spec = copyOwn(d);
    spec.volumes = null;
    const literal =
      keysAre(spec, STAMP_SPEC_KEYS) && containers.every((c: Any) => keysAre(c, STAMP_CONTAINER_KEYS));
    stamp = { spec: { ...spec }, containers, literal };
  }
  e.stamp = stamp;
  return stamp;
}

/**
 * The spec withServiceAccountToken(copyPodSpec(e.spec), …, true) gives with the token volume
 * `name`, for a template whose podStamp is `stamp`.
 */
export function stampPodSpec(e: PodTemplateDefaults, stamp: PodStamp, name: string): Any {
  const d = e.spec;
  const volume = { name, projected: SA_TOKEN_PROJECTION };
  const mount = { mountPath: SA_TOKEN_MOUNT_PATH, name, readOnly: true };
  const shapes = stamp.containers;
  const cs: Any[] = d.containers;
  const containers: Any[] = new Array(cs.length);
  if (!stamp.literal) {
    for (let i = 0; i < cs.length; i++)
      containers[i] = copyWith(shapes[i], 'volumeMounts', appended((cs[i] as Any).volumeMounts, mount));
    return { ...stamp.spec, containers, volumes: appended(d.volumes, volume) };
  }
  for (let i = 0; i < cs.length; i++) {
    const c: Any = shapes[i];
    containers[i] = {
      name: c.name,
      image: c.image,
      ports: c.ports,
      resources: c.resources,
      terminationMessagePath: c.terminationMessagePath,
      terminationMessagePolicy: c.terminationMessagePolicy,
      imagePullPolicy: c.imagePullPolicy,
      volumeMounts: appended((cs[i] as Any).volumeMounts, mount),
    };
  }
  const t = stamp.spec;
  return {
    containers,
    restartPolicy: t.restartPolicy,
    terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
    dnsPolicy: t.dnsPolicy,
    securityContext: t.securityContext,
    schedulerName: t.schedulerName,
    enableServiceLinks: t.enableServiceLinks,
    preemptionPolicy: t.preemptionPolicy,
    priority: t.priority,
    serviceAccountName: t.serviceAccountName,
    serviceAccount: t.serviceAccount,
    tolerations: t.tolerations,
    volumes: appended(d.volumes, volume),
  };
}

/**
 * A stamp's usual spec keys, in order (the volumes a placeholder: see PodStamp); also a stamped
 * Pod's spec keys (stampPod: its template's defaulted spec with the token volume), which the
 * API server's bindPod checks.
 */
export const STAMP_SPEC_KEYS: readonly string[] = [
  'containers',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'dnsPolicy',
  'securityContext',
  'schedulerName',
  'enableServiceLinks',
  'preemptionPolicy',
  'priority',
  'serviceAccountName',
  'serviceAccount',
  'tolerations',
  'volumes',
];
/** A stamp's usual container keys, in order (the mounts a placeholder). */
const STAMP_CONTAINER_KEYS: readonly string[] = [
  'name',
  'image',
  'ports',
  'resources',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'volumeMounts',
];

const POD_TEMPLATES = new WeakMap<object, PodTemplateDefaults>();

/**
 * Template defaults by content, for one cluster (the ApiServer holds one): templates written
 * alike (several Deployments of one image, a Deployment's new ReplicaSet after a rollback) share
 * one PodTemplateDefaults, found by the first container's image and confirmed by exactlyEqual
 * (the same keys in the same order with the same values: what defaulting and validating them
 * gives is then the same). Bounded: a few hundred templates, then it starts over.
 */
export class PodTemplateIndex {
  private readonly byImage = new Map<unknown, PodTemplateDefaults[]>();
  private size = 0;

  find(tpl: Any, late: boolean, mirror: boolean): PodTemplateDefaults | undefined {
    const list = this.byImage.get(firstImage(tpl));
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i] as PodTemplateDefaults;
      if (e.late === late && e.mirror === mirror && exactlyEqual(tpl, e.source)) return e;
    }
    return undefined;
  }

  add(e: PodTemplateDefaults): void {
    if (this.size >= MAX_INDEXED_TEMPLATES) {
      this.byImage.clear();
      this.size = 0;
    }
    const key = firstImage(e.source);
    const list = this.byImage.get(key);
    if (list === undefined) this.byImage.set(key, [e]);
    else if (list.length < MAX_TEMPLATES_PER_IMAGE) list.push(e);
    else return;
    this.size++;
  }
}

const MAX_INDEXED_TEMPLATES = 512;
const MAX_TEMPLATES_PER_IMAGE = 16;

function firstImage(spec: Any): unknown {
  const cs = spec?.containers;
  return Array.isArray(cs) ? cs[0]?.image : undefined;
}

/**
 * defaultPodInto for a Pod being created whose spec is a stored object's pod template spec (the
 * caller checked): the template's defaults, computed once (or found in `index` for a template
 * written alike), copied into `o`.
 */
export function defaultPodFromTemplate(o: Any, index?: PodTemplateIndex): PodTemplateDefaults {
  const e = templateDefaults(o.spec, !!o.metadata?.annotations?.['kubernetes.io/config.mirror'], index);
  o.spec = copyPodSpec(e.spec);
  o.status = { phase: 'Pending', qosClass: e.qos };
  return e;
}

/** The defaults of the pod template spec `tpl` (a stored object's), computed once or found in `index`. */
export function templateDefaults(tpl: Any, mirror: boolean, index?: PodTemplateIndex): PodTemplateDefaults {
  const late = latePartsLoaded();
  let e = POD_TEMPLATES.get(tpl);
  if (e === undefined || e.late !== late || e.mirror !== mirror) {
    e = index?.find(tpl, late, mirror);
    if (e === undefined) {
      const spec = defaultPodOnlySpec(tpl, mirror);
      e = {
        late,
        mirror,
        spec,
        qos: podQOS(spec),
        noTokenNames: noTokenNames(spec),
        source: tpl,
        clean: false,
      };
      index?.add(e);
    }
    POD_TEMPLATES.set(tpl, e);
  }
  return e;
}

/** What defaultPodOnlySpec returns, again: the top level and each (init) container copied. */
function copyPodSpec(d: Any): Any {
  const s: Any = copyOwn(d);
  if (Array.isArray(d.containers)) s.containers = copyEach(d.containers);
  if (Array.isArray(d.initContainers)) s.initContainers = copyEach(d.initContainers);
  return s;
}

function copyEach(arr: Any[]): Any[] {
  const out: Any[] = new Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const c = arr[i];
    out[i] = typeof c === 'object' && c !== null && !Array.isArray(c) ? copyOwn(c) : c;
  }
  return out;
}

const TOKEN_PREFIX = 'kube-api-access-';

function noTokenNames(spec: Any): boolean {
  const named = (list: unknown) =>
    Array.isArray(list) && list.some((x) => typeof x?.name !== 'string' || x.name.startsWith(TOKEN_PREFIX));
  if (named(spec.volumes)) return false;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers'])
    for (const c of Array.isArray(spec[key]) ? spec[key] : [])
      if (named(c?.volumeMounts) || named(c?.volumeDevices)) return false;
  return true;
}

function defaultTemplate(t: Any, cow: boolean): Any {
  const spec = defaultPodSpec(t?.spec, cow);
  if (
    cow &&
    t !== undefined &&
    t !== null &&
    t.metadata !== undefined &&
    t.metadata !== null &&
    spec === t.spec
  )
    return t;
  const out: Any = copyOwn(t);
  out.metadata = t?.metadata ?? {};
  out.spec = spec;
  return out;
}

function defaultStrategy(st: Any, cow: boolean): Any {
  if (cow && st !== undefined && st !== null && st.type !== undefined) {
    if (st.type !== 'RollingUpdate') return st;
    const ru = st.rollingUpdate;
    if (ru !== undefined && ru !== null && ru.maxUnavailable !== undefined && ru.maxSurge !== undefined)
      return st;
  }
  const strategy: Any = copyOwn(st);
  if (strategy.type === undefined) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru: Any = copyOwn(strategy.rollingUpdate);
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined) ru.maxSurge = '25%';
    strategy.rollingUpdate = ru;
  }
  return strategy;
}

function defaultDeploymentInto(o: Any, cow: boolean): void {
  const spec = o.spec;
  const strategy = defaultStrategy(spec?.strategy, cow);
  const template = defaultTemplate(spec?.template, cow);
  if (
    !(
      cow &&
      spec !== undefined &&
      spec !== null &&
      spec.replicas !== undefined &&
      strategy === spec.strategy &&
      spec.revisionHistoryLimit !== undefined &&
      spec.progressDeadlineSeconds !== undefined &&
      template === spec.template
    )
  ) {
    const s: Any = copyOwn(spec);
    if (s.replicas === undefined) s.replicas = 1;
    s.strategy = strategy;
    if (s.revisionHistoryLimit === undefined) s.revisionHistoryLimit = 10;
    if (s.progressDeadlineSeconds === undefined) s.progressDeadlineSeconds = 600;
    s.template = template;
    o.spec = s;
  } else o.spec = spec;
  o.status = o.status ?? {};
}

function defaultReplicaSetInto(o: Any, cow: boolean): void {
  const spec = o.spec;
  const template = defaultTemplate(spec?.template, cow);
  if (
    !(cow && spec !== undefined && spec !== null && spec.replicas !== undefined && template === spec.template)
  ) {
    const s: Any = copyOwn(spec);
    if (s.replicas === undefined) s.replicas = 1;
    s.template = template;
    o.spec = s;
  } else o.spec = spec;
  o.status = o.status ?? { replicas: 0 };
}

/**
 * SetDefaults_Service (1.34 pkg/apis/core/v1/defaults.go): affinity None drops any
 * sessionAffinityConfig, ClientIP without a timeout gets the whole config as 10800 seconds; the
 * external traffic policy for externally reachable Services (NodePort, LoadBalancer, ClusterIP with
 * externalIPs), the internal one for the three types that have cluster IPs (not ExternalName, not a
 * misspelt type). The IP families are the registry's (services.ts initFamilies).
 */
function defaultServiceInto(o: Any): void {
  const s: Any = copyOwn(o.spec);
  if (!s.sessionAffinity) s.sessionAffinity = 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  else if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds == null)
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  if (!s.type) s.type = 'ClusterIP';
  if (Array.isArray(s.ports)) {
    s.ports = s.ports.map((p: Any) => {
      const q: Any = copyOwn(p);
      if (!q.protocol) q.protocol = 'TCP';
      // targetPort defaults to port (0 when port was omitted, hence the second validation cause).
      if (q.targetPort == null || q.targetPort === 0 || q.targetPort === '') q.targetPort = q.port ?? 0;
      return q;
    });
  }
  const t = s.type;
  if (
    !s.externalTrafficPolicy &&
    (t === 'NodePort' || t === 'LoadBalancer' || (t === 'ClusterIP' && s.externalIPs?.length))
  )
    s.externalTrafficPolicy = 'Cluster';
  if (s.internalTrafficPolicy == null && (t === 'ClusterIP' || t === 'NodePort' || t === 'LoadBalancer'))
    s.internalTrafficPolicy = 'Cluster';
  if (t === 'LoadBalancer' && s.allocateLoadBalancerNodePorts == null) s.allocateLoadBalancerNodePorts = true;
  o.spec = s;
  o.status = o.status ?? { loadBalancer: {} };
}

function defaultSubset(ss: Any): Any {
  const ports = Array.isArray(ss.ports) ? mapSame(ss.ports, defaultPort) : undefined;
  if (ports === ss.ports || ports === undefined)
    return typeof ss === 'object' && !Array.isArray(ss) ? ss : copyOwn(ss);
  const out: Any = copyOwn(ss);
  out.ports = ports;
  return out;
}

function defaultEndpointsInto(o: Any): void {
  // The same array when every subset came back unchanged (a copy would hold the same values).
  if (Array.isArray(o.subsets)) o.subsets = mapSame(o.subsets, defaultSubset);
}

function defaultNamespaceInto(o: Any): void {
  // The NamespaceDefaultLabelName admission: every namespace carries its own name as a label.
  // Built by assignment (copyWith), not as spreads given a new key: those made each Namespace a
  // shape of its own, and the API server's create, optimized on the last cluster's Namespaces,
  // deoptimized on every fresh cluster's.
  const labels = copyWith(o.metadata.labels, 'kubernetes.io/metadata.name', o.metadata.name);
  o.metadata = copyWith(o.metadata, 'labels', labels);
  // namespaceStrategy.PrepareForCreate: the `kubernetes` finalizer is required, added to any the
  // object brings (kubectl create namespace sends `spec: {}`); updates keep the stored list, which
  // holds it already.
  const fin: unknown = o.spec?.finalizers;
  if (!Array.isArray(fin) || !fin.includes('kubernetes'))
    o.spec = copyWith(o.spec, 'finalizers', Array.isArray(fin) ? [...fin, 'kubernetes'] : ['kubernetes']);
  o.status = o.status ?? { phase: 'Active' };
}

/** Whether applyDefaults changes objects of this kind at all. */
function hasDefaults(kind: string): boolean {
  return (
    kind === 'Pod' ||
    kind === 'Deployment' ||
    kind === 'ReplicaSet' ||
    kind === 'Service' ||
    kind === 'Endpoints' ||
    kind === 'Namespace'
  );
}

/**
 * Default `o` in place: `o` is a top-level copy the caller has just made and owns (the API
 * server's write path); only its own fields are reassigned. `cow`: keep the Deployment or
 * ReplicaSet spec (or its template, strategy) the input brought when it is already complete.
 */
export function applyDefaultsInto(o: K8sObject, cow = false): void {
  switch (o.kind) {
    case 'Pod':
      defaultPodInto(o);
      break;
    case 'Deployment':
      defaultDeploymentInto(o, cow);
      break;
    case 'ReplicaSet':
      defaultReplicaSetInto(o, cow);
      break;
    case 'Service':
      defaultServiceInto(o);
      break;
    case 'Endpoints':
      defaultEndpointsInto(o);
      break;
    case 'Namespace':
      defaultNamespaceInto(o);
      break;
  }
}

/** The defaulted object (a new top-level object; `obj` itself for kinds without defaults). */
export function applyDefaults(obj: K8sObject): K8sObject {
  if (!hasDefaults(obj.kind)) return obj;
  const o = copyOwn(obj);
  applyDefaultsInto(o);
  return o;
}

/** Where the ServiceAccount admission plugin mounts the token in every container. */
export const SA_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The token volume's sources, the same for every Pod. Stored objects are immutable snapshots, so
 * every Pod shares this one (frozen) object instead of carrying its own copy (5,000 Pods: ~3 MB).
 */
export const SA_TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
      },
    },
  ],
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount): a projected volume
 * `kube-api-access-<5>` (token, the kube-root-ca.crt ConfigMap, the namespace) mounted read-only
 * at /var/run/secrets/kubernetes.io/serviceaccount in every container, unless the Pod opts out
 * (automountServiceAccountToken: false) or a container already mounts something there. The
 * common case of ./sa-admission (which has the ServiceAccount lookup and init containers).
 */
export function withServiceAccountToken(spec: Any, suffix: () => string, owned = false): Any {
  if (spec?.automountServiceAccountToken === false) return spec;
  const containers: Any[] = spec?.containers ?? [];
  const mountsThere = (c: Any) =>
    (c.volumeMounts ?? []).some((m: Any) => m.mountPath === SA_TOKEN_MOUNT_PATH);
  if (containers.length === 0 || containers.some(mountsThere)) return spec;
  const name = `kube-api-access-${suffix()}`;
  const volume = { name, projected: SA_TOKEN_PROJECTION };
  const mount = { mountPath: SA_TOKEN_MOUNT_PATH, name, readOnly: true };
  // `owned`: the spec, its containers array and each container are copies the caller has just
  // made (the API server's defaulting of a new Pod), so they are filled in where they are.
  // Otherwise built with copyOwn (keys are added). The spec is returned as a spread copy (compact;
  // copy.ts), the containers as they are: see PodStamp on container maps.
  const out: Any = owned ? spec : copyOwn(spec);
  if (owned) {
    for (let i = 0; i < containers.length; i++) {
      const c = containers[i];
      c.volumeMounts = appended(c.volumeMounts, mount);
    }
  } else {
    out.containers = containers.map((c) => copyWith(c, 'volumeMounts', appended(c.volumeMounts, mount)));
  }
  out.volumes = appended(spec.volumes, volume);
  return { ...out };
}

/**
 * `[...(arr ?? []), x]` at exactly its length: an array built by spreading or pushing keeps spare
 * capacity (~130 bytes here), and these are stored with every Pod.
 */
function appended(arr: Any[] | undefined, x: Any): Any[] {
  if (arr === undefined || arr === null) return [x];
  if (!Array.isArray(arr)) return [...arr, x];
  const n = arr.length;
  if (n === 0) return [x];
  const out: Any[] = new Array(n + 1);
  for (let i = 0; i < n; i++) out[i] = arr[i];
  out[n] = x;
  return out;
}
