// The create half of `kubectl apply` for the usual new Deployment (a name, labels, a matchLabels
// selector and containers with a name, an image and container ports) and the usual new ClusterIP
// Service (a selector and ports): strict decoding, defaulting and validation in one pass over the
// parsed document, building the object the API server stores (a Service's cluster IP is then
// allocated by the server as for any other).
// The general path (apply.ts: decodeStrict, then the server's defaulting and validation) decodes
// the document into a copy, copies it again while defaulting every level, and validates the whole
// pod template field by field; a benchmark's 1,000 Deployments spend most of their apply there.
// Anything outside that shape, or anything the checks below do not pass, goes the general way
// (which also writes every error's text): this path only ever answers for a document the general
// path would store, and builds what it would store (the same keys in the same order, the same
// values), which apply-create.test.ts checks against it on generated documents.
// [K8S pkg/apis/apps/v1/defaults.go SetDefaults_Deployment, pkg/apis/core/v1/defaults.go
//  SetDefaults_PodSpec / SetDefaults_Container / SetDefaults_ContainerPort;
//  pkg/apis/apps/validation ValidateDeployment; pkg/apis/core/validation ValidatePodTemplateSpec]
import type { K8sObject } from '../api/types';
import { isOwn } from '../runtime/own';
import { defaultPullPolicy } from './defaults';
import type { FieldError } from './errors';
import { nameOk, pushLabelErrors } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import { pushSelectorErrors } from './validation-deployment';

// biome-ignore lint/suspicious/noExplicitAny: the document is decoded YAML.
type Any = any;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A plain object as a YAML or JSON parser makes it (its prototype Object.prototype). */
function plain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function plainArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;
}

/**
 * A copy of a map[string]string as the decoder makes it (the keys in for-in order), or undefined
 * when it is not one: a value that is not a string (null decodes to ''), or a `__proto__` key (the
 * decoder's assignment drops it).
 */
function stringMap(v: unknown): Record<string, string> | undefined {
  if (!plain(v)) return undefined;
  const out: Record<string, string> = {};
  for (const k in v) {
    if (!isOwn(v, k)) continue;
    const x = v[k];
    if (typeof x !== 'string' || k === '__proto__') return undefined;
    out[k] = x;
  }
  return out;
}

/** An int32 the decoder takes, in [min, max]. */
function int32In(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max && v < 2 ** 31;
}

/**
 * The object `api.create` would have after defaulting a new Deployment applied from `doc`
 * (`name`, `namespace`: resolved by apply; `lastApplied`: its annotation), known to pass
 * validation; undefined for any other input.
 */
export function usualDeployment(
  doc: Record<string, unknown>,
  name: string,
  namespace: string,
  lastApplied: string,
): K8sObject | undefined {
  let metaIn: unknown;
  let specIn: unknown;
  for (const k in doc) {
    if (!isOwn(doc, k)) continue;
    if (k === 'metadata') metaIn = doc[k];
    else if (k === 'spec') specIn = doc[k];
    else if (k !== 'apiVersion' && k !== 'kind') return undefined;
  }
  const errs: FieldError[] = [];
  const metadata = objectMeta(metaIn, name, 'subdomain', namespace, lastApplied, errs);
  const spec = metadata && deploymentSpec(specIn, errs);
  if (!spec || errs.length > 0) return undefined;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec, status: {} } as K8sObject;
}

/**
 * The object `api.create` would have after defaulting a new Service applied from `doc` (a
 * ClusterIP Service of a selector and ports), before its cluster IP is allocated, known to pass
 * validation with the IP allocated; undefined for any other input.
 */
export function usualService(
  doc: Record<string, unknown>,
  name: string,
  namespace: string,
  lastApplied: string,
): K8sObject | undefined {
  let metaIn: unknown;
  let specIn: unknown;
  for (const k in doc) {
    if (!isOwn(doc, k)) continue;
    if (k === 'metadata') metaIn = doc[k];
    else if (k === 'spec') specIn = doc[k];
    else if (k !== 'apiVersion' && k !== 'kind') return undefined;
  }
  const errs: FieldError[] = [];
  const metadata = objectMeta(metaIn, name, 'dns1035', namespace, lastApplied, errs);
  const spec = metadata && serviceSpec(specIn, errs);
  if (!spec || errs.length > 0) return undefined;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } } as K8sObject;
}

/**
 * The metadata as apply hands it to create: the document's name, namespace, labels and
 * annotations in its order, the namespace set, the last-applied annotation added (after the
 * others unless the document has it already); undefined for any other key, or a name, labels
 * or annotations validation refuses.
 */
function objectMeta(
  m: unknown,
  name: string,
  nameKind: 'subdomain' | 'dns1035',
  namespace: string,
  lastApplied: string,
  errs: FieldError[],
): Any {
  if (!plain(m) || !nameOk(name, nameKind)) return undefined;
  const out: Any = {};
  for (const k in m) {
    if (!isOwn(m, k)) continue;
    const v = m[k];
    if (k === 'name') {
      if (v !== name) return undefined;
      out.name = name;
    } else if (k === 'namespace') {
      if (typeof v !== 'string') return undefined;
      out.namespace = namespace;
    } else if (k === 'labels') {
      const labels = stringMap(v);
      if (!labels) return undefined;
      pushLabelErrors(errs, labels, 'metadata.labels');
      out.labels = labels;
    } else if (k === 'annotations') {
      const annotations = stringMap(v);
      if (!annotations) return undefined;
      // A Service's own annotations (topology, load-balancer source ranges) have checks of their
      // own: those documents go the general way.
      if (nameKind === 'dns1035') for (const a in annotations) if (a.startsWith('service.')) return undefined;
      annotations[LAST_APPLIED] = lastApplied;
      out.annotations = annotations;
    } else return undefined;
  }
  if (out.namespace === undefined) out.namespace = namespace;
  if (out.annotations === undefined) out.annotations = { [LAST_APPLIED]: lastApplied };
  pushAnnotationErrors(errs, out.annotations);
  return errs.length === 0 ? out : undefined;
}

/** SetDefaults_Deployment on a spec of replicas, a matchLabels selector and a template. */
function deploymentSpec(s: unknown, errs: FieldError[]): Any {
  if (!plain(s)) return undefined;
  const out: Any = {};
  let selector: Any;
  for (const k in s) {
    if (!isOwn(s, k)) continue;
    const v = s[k];
    if (k === 'replicas') {
      // A negative count is refused by validation, one of 2^31 or more by the decoder.
      if (!int32In(v, 0, 2 ** 31 - 1)) return undefined;
      out.replicas = v;
    } else if (k === 'selector') {
      selector = labelSelector(v, errs);
      if (!selector) return undefined;
      out.selector = selector;
    } else if (k === 'template') {
      const template = podTemplate(v, errs);
      if (!template) return undefined;
      out.template = template;
    } else return undefined;
  }
  if (!selector || !out.template) return undefined;
  // ValidatePodTemplateSpecForReplicaSet: the selector must select the template's labels.
  const labels = out.template.metadata.labels;
  for (const k in selector.matchLabels) if (labels?.[k] !== selector.matchLabels[k]) return undefined;
  if (out.replicas === undefined) out.replicas = 1;
  out.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } };
  out.revisionHistoryLimit = 10;
  out.progressDeadlineSeconds = 600;
  return out;
}

/** A selector of matchLabels only (not empty: validation refuses that). */
function labelSelector(v: unknown, errs: FieldError[]): Any {
  if (!plain(v)) return undefined;
  let matchLabels: Record<string, string> | undefined;
  for (const k in v) {
    if (!isOwn(v, k)) continue;
    if (k !== 'matchLabels') return undefined;
    matchLabels = stringMap(v[k]);
  }
  if (!matchLabels || Object.keys(matchLabels).length === 0) return undefined;
  const sel = { matchLabels };
  pushSelectorErrors(errs, sel);
  return sel;
}

/** A template of labels and a pod spec of containers (its metadata `{}` when it has none). */
function podTemplate(t: unknown, errs: FieldError[]): Any {
  if (!plain(t)) return undefined;
  const out: Any = {};
  for (const k in t) {
    if (!isOwn(t, k)) continue;
    const v = t[k];
    if (k === 'metadata') {
      if (!plain(v)) return undefined;
      const meta: Any = {};
      for (const mk in v) {
        if (!isOwn(v, mk)) continue;
        if (mk !== 'labels') return undefined;
        const labels = stringMap(v[mk]);
        if (!labels) return undefined;
        pushLabelErrors(errs, labels, 'spec.template.labels');
        meta.labels = labels;
      }
      out.metadata = meta;
    } else if (k === 'spec') {
      const spec = podSpec(v);
      if (!spec) return undefined;
      out.spec = spec;
    } else return undefined;
  }
  if (!out.spec) return undefined;
  if (out.metadata === undefined) out.metadata = {};
  return out;
}

/** SetDefaults_PodSpec on a spec of containers; undefined when validation would refuse it. */
function podSpec(s: unknown): Any {
  if (!plain(s)) return undefined;
  let containers: Any[] | undefined;
  for (const k in s) {
    if (!isOwn(s, k)) continue;
    if (k !== 'containers') return undefined;
    const v = s[k];
    if (!plainArray(v) || v.length === 0) return undefined;
    containers = [];
    for (let i = 0; i < v.length; i++) {
      const c = container(v[i]);
      // Container names are unique within the pod.
      if (!c || containers.some((d) => d.name === c.name)) return undefined;
      containers.push(c);
    }
  }
  if (!containers) return undefined;
  return {
    containers,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  };
}

/** SetDefaults_Container on a name, an image and container ports. */
function container(c: unknown): Any {
  if (!plain(c)) return undefined;
  const out: Any = {};
  for (const k in c) {
    if (!isOwn(c, k)) continue;
    const v = c[k];
    if (k === 'name') {
      if (typeof v !== 'string' || !nameOk(v, 'label')) return undefined;
      out.name = v;
    } else if (k === 'image') {
      // Only an empty image is refused in a template.
      if (typeof v !== 'string' || v === '') return undefined;
      out.image = v;
    } else if (k === 'ports') {
      if (!plainArray(v)) return undefined;
      const ports: Any[] = [];
      for (let i = 0; i < v.length; i++) {
        const p = containerPort(v[i]);
        if (!p) return undefined;
        ports.push(p);
      }
      out.ports = ports;
    } else return undefined;
  }
  if (out.name === undefined || out.image === undefined) return undefined;
  out.resources = {};
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  out.imagePullPolicy = defaultPullPolicy(out.image);
  return out;
}

/** A container port of a number and a protocol (TCP by default). */
function containerPort(p: unknown): Any {
  if (!plain(p)) return undefined;
  const out: Any = {};
  for (const k in p) {
    if (!isOwn(p, k)) continue;
    const v = p[k];
    if (k === 'containerPort') {
      if (!int32In(v, 1, 65535)) return undefined;
      out.containerPort = v;
    } else if (k === 'protocol') {
      if (v !== 'TCP' && v !== 'UDP' && v !== 'SCTP') return undefined;
      out.protocol = v;
    } else return undefined;
  }
  if (out.containerPort === undefined) return undefined;
  if (out.protocol === undefined) out.protocol = 'TCP';
  return out;
}

/**
 * SetDefaults_Service on a ClusterIP spec of a selector and ports; undefined when validation would
 * refuse it (no ports, a port or target port out of range, a missing, invalid or repeated port
 * name where there are several ports, the same port and protocol twice).
 */
function serviceSpec(s: unknown, errs: FieldError[]): Any {
  if (!plain(s)) return undefined;
  const out: Any = {};
  for (const k in s) {
    if (!isOwn(s, k)) continue;
    const v = s[k];
    if (k === 'selector') {
      const selector = stringMap(v);
      if (!selector) return undefined;
      pushLabelErrors(errs, selector, 'spec.selector');
      out.selector = selector;
    } else if (k === 'ports') {
      if (!plainArray(v) || v.length === 0) return undefined;
      const ports: Any[] = [];
      for (let i = 0; i < v.length; i++) {
        const p = servicePort(v[i], v.length > 1);
        if (!p) return undefined;
        for (const q of ports)
          if ((p.name !== undefined && q.name === p.name) || (q.port === p.port && q.protocol === p.protocol))
            return undefined;
        ports.push(p);
      }
      out.ports = ports;
    } else if (k === 'type') {
      if (v !== 'ClusterIP') return undefined;
      out.type = v;
    } else return undefined;
  }
  if (!out.ports) return undefined;
  out.sessionAffinity = 'None';
  if (out.type === undefined) out.type = 'ClusterIP';
  out.internalTrafficPolicy = 'Cluster';
  return out;
}

/** A service port of a number, a target port number, a protocol and a name (`named`: required). */
function servicePort(p: unknown, named: boolean): Any {
  if (!plain(p)) return undefined;
  const out: Any = {};
  for (const k in p) {
    if (!isOwn(p, k)) continue;
    const v = p[k];
    if (k === 'name') {
      if (typeof v !== 'string' || !nameOk(v, 'label')) return undefined;
      out.name = v;
    } else if (k === 'port' || k === 'targetPort') {
      if (!int32In(v, 1, 65535)) return undefined;
      out[k] = v;
    } else if (k === 'protocol') {
      if (v !== 'TCP' && v !== 'UDP' && v !== 'SCTP') return undefined;
      out.protocol = v;
    } else return undefined;
  }
  if (out.port === undefined || (named && out.name === undefined)) return undefined;
  if (out.protocol === undefined) out.protocol = 'TCP';
  if (out.targetPort === undefined) out.targetPort = out.port;
  return out;
}
