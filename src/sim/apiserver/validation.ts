// Validation with the API server's own messages (reference §C8). Field paths start at the object
// root. Returns the causes in the order the real validators produce them.
// [K8S pkg/apis/core/validation, pkg/apis/apps/validation; APIMACH util/validation]
import { isQualifiedName, matchesLabelSelector, qualifiedNameErrors } from '../api/labels';
import type { K8sObject } from '../api/types';
import { late, latePartsLoaded } from '../late';
import { isOwn } from '../runtime/own';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { admitPdb } from './pdb-api';
import type { ApiServer } from './server';
import { admitStorage } from './storage-api';
import { validateConfigKind } from './validation-config';
import { pushEnvErrors } from './validation-pod-env';
import {
  pushAffinityErrors,
  pushContainerSecurityContextErrors,
  pushGateErrors,
  pushHostAliasErrors,
  pushHostNetworkErrors,
  pushLifecycleErrors,
  pushPodNameFieldErrors,
  pushPodSecurityContextErrors,
  pushPodTailErrors,
  pushTolerationErrors,
  pushTopologySpreadErrors,
} from './validation-pod-fields';
import { pushContainerResourceErrors, pushPodResourceErrors } from './validation-pod-resources';
import { pushPodUpdateErrors } from './validation-pod-update';
import {
  pushEnvFromErrors,
  pushVolumeDeviceErrors,
  pushVolumeErrors,
  pushVolumeMountErrors,
} from './validation-pod-volumes';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

// RegexError builds these; note the double space before `or` (several examples joined by ", ").
export const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

type NameKind = 'dns1035' | 'label' | 'subdomain';

// The validators below run on every write (controllers' too), so the path that finds nothing
// allocates nothing: causes are pushed onto the caller's array, field paths are built only for a
// cause, the regexps and value lists are module constants.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PROTOCOLS_SORTED = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const RESTART_POLICIES_SORTED = ['Always', 'Never', 'OnFailure'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

/** Whether `name` is a valid name of `kind` (false also when unsure: pushNameErrors decides). */
export function nameOk(name: string, kind: NameKind): boolean {
  if (typeof name !== 'string') return false;
  if (kind === 'subdomain') return name.length <= 253 && isSubdomain(name);
  return name.length <= 63 && isDnsLabel(name, 0, name.length, kind === 'dns1035');
}

function isLowerAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** DNS1123_LABEL (or, `letterFirst`, DNS1035_LABEL) over s[from, to), by character. */
function isDnsLabel(s: string, from: number, to: number, letterFirst: boolean): boolean {
  if (to <= from) return false;
  const first = s.charCodeAt(from);
  if (letterFirst ? !(first >= 97 && first <= 122) : !isLowerAlnum(first)) return false;
  if (!isLowerAlnum(s.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isLowerAlnum(c) && c !== 45) return false; // -
  }
  return true;
}

/** DNS1123_SUBDOMAIN: DNS1123 labels joined by single dots. */
function isSubdomain(s: string): boolean {
  let from = 0;
  for (;;) {
    const dot = s.indexOf('.', from);
    const to = dot < 0 ? s.length : dot;
    if (!isDnsLabel(s, from, to, false)) return false;
    if (dot < 0) return true;
    from = dot + 1;
  }
}

/** Push `invalid(field, value, m)` for each way `name` is not a valid name of `kind`. */
export function pushNameErrors(
  out: FieldError[],
  name: string,
  kind: NameKind,
  field: string,
  value: unknown,
): void {
  if (kind === 'subdomain') {
    if (name.length > 253) out.push(invalid(field, value, 'must be no more than 253 characters'));
    if (!DNS1123_SUBDOMAIN.test(name)) out.push(invalid(field, value, DNS1123_SUBDOMAIN_MSG));
  } else {
    if (name.length > 63) out.push(invalid(field, value, 'must be no more than 63 characters'));
    const re = kind === 'dns1035' ? DNS1035_LABEL : DNS1123_LABEL;
    if (!re.test(name)) out.push(invalid(field, value, kind === 'dns1035' ? DNS1035_MSG : DNS1123_LABEL_MSG));
  }
}

export function validateName(name: string, kind: NameKind, field = 'metadata.name'): FieldError[] {
  const out: FieldError[] = [];
  pushNameErrors(out, name, kind, field, name);
  return out;
}

/** ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9] over s[from, to), to > from. */
function isLabelName(s: string, from: number, to: number): boolean {
  if (!isAlnum(s.charCodeAt(from)) || !isAlnum(s.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 45 && c !== 95 && c !== 46) return false; // - _ .
  }
  return true;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ValidateLabels: each key a qualified name, each value a label value (causes at `field`). */
export function pushLabelErrors(out: FieldError[], labels: Any, field: string): void {
  if (!labels) return;
  // Object.entries order: own enumerable string keys. The character scans answer for the usual
  // case; the regexps (and their exact causes) decide the rest.
  for (const k in labels) {
    if (!isOwn(labels, k)) continue;
    const v = labels[k];
    // ValidateLabelName: one cause per IsQualifiedName message (the prefix part, a key of more
    // than two parts, an empty or long name part). A plain key that scans clean needs no more.
    if (!isQualifiedName(k)) for (const m of qualifiedNameErrors(k)) out.push(invalid(field, k, m));
    if (typeof v === 'string' && v.length <= 63 && (v.length === 0 || isLabelName(v, 0, v.length))) continue;
    if (v.length > 63) out.push(invalid(field, v, 'must be no more than 63 characters'));
    if (!LABEL_VALUE.test(v)) out.push(invalid(field, v, LABEL_VALUE_MSG));
  }
}

/**
 * ValidateObjectMeta's name, labels and annotations. `old`: the stored object an update replaces,
 * which passed these same checks when it was written; a name, labels map or annotations map it
 * shares (the same string, the same object: stored objects are immutable snapshots) has no cause
 * now either, so a controller's update that keeps them pays nothing for them.
 */
function validateMeta(obj: K8sObject, kind: NameKind, old?: K8sObject): FieldError[] {
  const m = obj.metadata;
  const om = old?.metadata;
  const name = m?.name ?? '';
  const out: FieldError[] = [];
  if (name === '')
    out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
  else if (name !== om?.name && !nameOk(name, kind)) pushNameErrors(out, name, kind, 'metadata.name', name);
  const labels = m?.labels;
  if (labels !== om?.labels || om === undefined) pushLabelErrors(out, labels, 'metadata.labels');
  // Annotations by code bound late: writes before the kubectl chunk loads are the cluster's own.
  const annotations = m?.annotations;
  if (annotations && (annotations !== om?.annotations || om === undefined) && latePartsLoaded())
    late().pushAnnotationErrors(out, annotations);
  return out;
}

function octet(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 3) return false;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    v = v * 10 + (c - 48);
  }
  // No leading zero except "0" itself; at most 255.
  return v <= 255 && (n === 1 || s.charCodeAt(from) !== 48);
}

/** Four dotted decimal octets, 0-255, without leading zeros (what the regex-based check accepted). */
export function isValidIPv4(s: string): boolean {
  if (typeof s !== 'string') return isValidIPv4Slow(s);
  let from = 0;
  for (let part = 0; part < 3; part++) {
    const dot = s.indexOf('.', from);
    if (dot < 0 || !octet(s, from, dot)) return false;
    from = dot + 1;
  }
  return octet(s, from, s.length);
}

/** The regex form, for values that are not strings (matched as String(v)). */
function isValidIPv4Slow(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

function validPort(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/**
 * validateContainerCommon: the name, the image, the ports, env, envFrom, the volume mounts and devices
 * (against `volumes`, the pod's volumes that validated), the pull policy and the security context.
 */
function pushContainerCommon(out: FieldError[], c: Any, volumes: string[], spec: Any, path: string): void {
  if (!c.name) out.push(required(`${path}.name`));
  else if (!nameOk(c.name, 'label')) pushNameErrors(out, c.name, 'label', `${path}.name`, c.name);
  // Only an empty image is missing: a blank one is kept for templates (the source's TODO), and a
  // Pod's is refused by validateContainersOnlyForPod (pushPodOnlyErrors).
  if (!c.image) out.push(required(`${path}.image`));
  if (Array.isArray(c.ports)) {
    const ports: Any[] = c.ports;
    for (let j = 0; j < ports.length; j++) {
      const port: Any = ports[j];
      // validateContainerPorts: the name (an IANA service name, unique in the container) by code
      // bound late, the container port, the host port, the protocol.
      if (port.name && latePartsLoaded())
        late().pushContainerPortNameErrors(out, ports, j, `${path}.ports[${j}].name`);
      if (!port.containerPort) out.push(required(`${path}.ports[${j}].containerPort`));
      else if (!validPort(port.containerPort))
        out.push(invalid(`${path}.ports[${j}].containerPort`, port.containerPort, PORT_RANGE));
      if (port.hostPort && !validPort(port.hostPort))
        out.push(invalid(`${path}.ports[${j}].hostPort`, port.hostPort, PORT_RANGE));
      if (port.protocol && !PROTOCOLS.includes(port.protocol)) {
        out.push(unsupported(`${path}.ports[${j}].protocol`, port.protocol, PROTOCOLS_SORTED));
      }
    }
  }
  if (c.env) pushEnvErrors(out, c.env, path);
  if (c.envFrom) pushEnvFromErrors(out, c.envFrom, path);
  if (c.volumeMounts || c.volumeDevices) {
    pushVolumeMountErrors(out, c, volumes, path);
    pushVolumeDeviceErrors(out, c, volumes, spec?.volumes, path);
  }
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    out.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  if (c.resources) pushContainerResourceErrors(out, c, spec, path);
  if (c.securityContext) pushContainerSecurityContextErrors(out, c, spec?.hostUsers !== false, path);
}

/** Whether an earlier item of `items` (index < i) has the name `name` (Go's set of names). */
function nameSeenBefore(items: Any[], i: number, name: unknown): boolean {
  for (let j = 0; j < i; j++) if ((items[j]?.name ?? '') === (name ?? '')) return true;
  return false;
}

/** validateContainers: each container's common checks, a repeated name, then its probes. */
function pushContainerErrors(out: FieldError[], spec: Any, volumes: string[], path: string): void {
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    out.push(required(path));
    return;
  }
  for (let i = 0; i < containers.length; i++) {
    const c: Any = containers[i] ?? {};
    pushContainerCommon(out, c, volumes, spec, `${path}[${i}]`);
    if (nameSeenBefore(containers, i, c.name)) out.push(duplicate(`${path}[${i}].name`, c.name ?? ''));
    if (c.lifecycle) pushLifecycleErrors(out, c, spec.terminationGracePeriodSeconds, `${path}[${i}]`);
    // Probes, last (validateContainers), by code bound late: only the student's Pods have them.
    if ((c.livenessProbe || c.readinessProbe || c.startupProbe) && latePartsLoaded())
      late().pushProbeErrors(out, c, `${path}[${i}]`);
    if (c.restartPolicy != null)
      out.push(forbidden(`${path}[${i}].restartPolicy`, 'may not be set for non-init containers'));
  }
}

const NOT_RESTARTABLE = 'may not be set for init containers without restartPolicy=Always';

/**
 * validateInitContainers: the common checks, restartPolicy (only Always: a sidecar), a name
 * repeated among the containers and the init containers before it, and the probes only for a
 * sidecar (forbidden otherwise, as is a lifecycle).
 */
function pushInitContainerErrors(out: FieldError[], spec: Any, volumes: string[], path: string): void {
  const inits = spec?.initContainers;
  if (!Array.isArray(inits)) return;
  const regular: Any[] = Array.isArray(spec.containers) ? spec.containers : [];
  for (let i = 0; i < inits.length; i++) {
    const c: Any = inits[i] ?? {};
    const at = `${path}[${i}]`;
    pushContainerCommon(out, c, volumes, spec, at);
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy != null && !sidecar)
      out.push(unsupported(`${at}.restartPolicy`, c.restartPolicy, ['Always']));
    const name = c.name ?? '';
    if (nameSeenBefore(regular, regular.length, name) || (name !== '' && nameSeenBefore(inits, i, name)))
      out.push(duplicate(`${at}.name`, name));
    if (sidecar) {
      if (c.lifecycle) pushLifecycleErrors(out, c, spec.terminationGracePeriodSeconds, at);
      if ((c.livenessProbe || c.readinessProbe || c.startupProbe) && latePartsLoaded())
        late().pushProbeErrors(out, c, at);
    } else
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'])
        if (c[k] != null) out.push(forbidden(`${at}.${k}`, NOT_RESTARTABLE));
  }
}

/** ValidatePodSpec, in its order, for the fields this simulation validates. */
function pushPodSpecErrors(out: FieldError[], spec: Any, path: string): void {
  const volumes = pushVolumeErrors(out, spec?.volumes, `${path}.volumes`);
  pushContainerErrors(out, spec, volumes, `${path}.containers`);
  pushInitContainerErrors(out, spec, volumes, `${path}.initContainers`);
  // validatePodResources (PodLevelResources, Beta and on by default in 1.34).
  if (spec?.resources) pushPodResourceErrors(out, spec, path);
  if (spec?.hostNetwork) pushHostNetworkErrors(out, spec, path, path === 'spec');
  if (spec?.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    out.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES_SORTED));
  }
  if (spec?.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    out.push(unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (spec?.nodeSelector) pushLabelErrors(out, spec.nodeSelector, `${path}.nodeSelector`);
  pushPodSecurityContextErrors(out, spec, path);
  if (spec?.affinity) pushAffinityErrors(out, spec.affinity, path);
  // validatePodDNSConfig, bound late: only the student's Pods have a dnsConfig.
  if ((spec?.dnsConfig || spec?.dnsPolicy === 'None') && latePartsLoaded())
    late().pushPodDnsErrors(out, spec, path);
  if (spec?.readinessGates || spec?.schedulingGates) pushGateErrors(out, spec, path);
  if (spec?.topologySpreadConstraints) pushTopologySpreadErrors(out, spec.topologySpreadConstraints, path);
  pushPodNameFieldErrors(out, spec, path);
  if (spec?.tolerations) pushTolerationErrors(out, spec.tolerations, path);
  if (spec?.hostAliases) pushHostAliasErrors(out, spec.hostAliases, path);
  pushPodTailErrors(out, spec, path);
}

/**
 * What validatePodMetadataAndSpec adds for a Pod (validateContainersOnlyForPod: an image with
 * leading or trailing whitespace) and, on create, ValidatePodCreate (no ephemeral containers, no
 * nodeName while scheduling gates remain).
 */
function pushPodOnlyErrors(out: FieldError[], spec: Any, create: boolean): void {
  for (const list of ['containers', 'initContainers']) {
    const cs: Any[] = Array.isArray(spec?.[list]) ? spec[list] : [];
    for (let i = 0; i < cs.length; i++) {
      const image = cs[i]?.image;
      if (typeof image === 'string' && image.trim() !== image)
        out.push(invalid(`spec.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    }
  }
  if (!create) return;
  if (Array.isArray(spec?.ephemeralContainers) && spec.ephemeralContainers.length > 0)
    out.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (spec?.nodeName && Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0)
    out.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
}

/** ValidatePodTemplateSpec's last check: ephemeral containers are a Pod's, never a template's. */
function pushTemplateEphemeralErrors(out: FieldError[], spec: Any, path: string): void {
  if (Array.isArray(spec?.ephemeralContainers) && spec.ephemeralContainers.length > 0)
    out.push(forbidden(`${path}.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
}

/** A pod template's spec (DaemonSet, Job, CronJob): ValidatePodSpec, then the template's own check. */
export function validatePodSpec(spec: Any, path: string): FieldError[] {
  const out: FieldError[] = [];
  pushPodSpecErrors(out, spec, path);
  pushTemplateEphemeralErrors(out, spec, path);
  return out;
}

function isEmptySelector(sel: Any): boolean {
  if (!sel) return true;
  const ml = sel.matchLabels;
  if (ml) for (const k in ml) if (isOwn(ml, k)) return false;
  return !sel.matchExpressions?.length;
}

/**
 * Deployment and ReplicaSet share the selector/template rules (ValidateDeploymentSpec's order:
 * replicas, the selector, then ValidatePodTemplateSpecForReplicaSet: the selector against the
 * template labels, the template's labels, its pod spec, restartPolicy Always).
 */
function pushWorkloadSpecErrors(out: FieldError[], obj: K8sObject, old?: K8sObject): void {
  const s: Any = obj.spec ?? {};
  if (typeof s.replicas === 'number' && s.replicas < 0) {
    out.push(invalid('spec.replicas', s.replicas, 'must be greater than or equal to 0'));
  }
  const sel = s.selector;
  // An update that keeps the stored selector and template (the same objects: stored objects are
  // immutable snapshots) keeps what passed these checks when it was written: a controller's scale
  // or annotation write. Every check below reads only these two.
  const os: Any = old?.spec;
  if (os && sel !== undefined && sel === os.selector && s.template === os.template) return;
  if (sel === undefined) out.push(required('spec.selector'));
  // The selector's own checks are bound late (the cluster's own selectors are valid); one that
  // does not parse leaves the template unchecked.
  else if (latePartsLoaded() && !late().pushSelectorErrors(out, sel)) return;
  const labels = s.template?.metadata?.labels;
  // A nil selector selects nothing, so it never matches the template (two causes in §C8); an
  // empty one selects everything and is not compared. Labels left out print as Go's nil map.
  if (sel === undefined || (!isEmptySelector(sel) && !matchesLabelSelector(sel, labels ?? {}))) {
    out.push(
      invalid('spec.template.metadata.labels', labels ?? null, '`selector` does not match template `labels`'),
    );
  }
  // ValidatePodTemplateSpec checks the template's ObjectMeta at the template's own path
  // (`spec.template.labels`), unlike the selector comparison above.
  pushLabelErrors(out, labels, 'spec.template.labels');
  pushPodSpecErrors(out, s.template?.spec, 'spec.template.spec');
  pushTemplateEphemeralErrors(out, s.template?.spec, 'spec.template.spec');
  const rp = s.template?.spec?.restartPolicy;
  if (rp && rp !== 'Always') out.push(unsupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds != null)
    out.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    );
}

function validateDeployment(obj: K8sObject, old: K8sObject | undefined): FieldError[] {
  const out = validateMeta(obj, 'subdomain', old);
  pushWorkloadSpecErrors(out, obj, old);
  // Strategy, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds and, on update, the
  // selector's immutability (bound late: the cluster's own writes keep their selectors). Only the
  // spec is read: an update keeping the stored spec object passed them already.
  if (latePartsLoaded() && !(old !== undefined && obj.spec === old.spec))
    late().pushDeploymentTailErrors(out, obj.spec, old?.spec);
  return out;
}

function pushAddressErrors(out: FieldError[], list: unknown, i: number, which: string): void {
  if (!Array.isArray(list)) return;
  for (let j = 0; j < list.length; j++) {
    const a: Any = list[j];
    const field = `subsets[${i}].${which}[${j}].ip`;
    if (!a.ip || !isValidIPv4(a.ip)) out.push(invalid(field, a.ip ?? '', IP_MSG));
  }
}

function validateEndpoints(obj: K8sObject, old: K8sObject | undefined): FieldError[] {
  const out = validateMeta(obj, 'subdomain', old);
  // validateEndpointSubsets in full is bound late (validation-endpoints.ts); before it loads only
  // the controllers write Endpoints (Pod IPs, valid ports), and this short form checks them.
  if (latePartsLoaded()) {
    late().pushEndpointSubsetErrors(out, (obj as Any).subsets, (old as Any)?.subsets);
    return out;
  }
  const subsets: Any[] = Array.isArray((obj as Any).subsets) ? (obj as Any).subsets : [];
  for (let i = 0; i < subsets.length; i++) {
    const ss: Any = subsets[i];
    pushAddressErrors(out, ss.addresses, i, 'addresses');
    pushAddressErrors(out, ss.notReadyAddresses, i, 'notReadyAddresses');
    const ports: Any[] = Array.isArray(ss.ports) ? ss.ports : [];
    for (let j = 0; j < ports.length; j++) {
      const port: Any = ports[j];
      if (ports.length > 1 && !port.name) out.push(required(`subsets[${i}].ports[${j}].name`));
      if (!validPort(port.port))
        out.push(invalid(`subsets[${i}].ports[${j}].port`, port.port ?? 0, PORT_RANGE));
    }
  }
  return out;
}

/**
 * Validation on create (and, with `old`, on update; `podUpdate`: a user's update of a Pod, which
 * ValidatePodUpdate's rules apply to; the cluster's own Pod writes stand for subresources).
 */
export function validate(
  obj: K8sObject,
  old?: K8sObject,
  api?: ApiServer,
  podUpdate?: boolean,
  /**
   * A created Pod whose spec is known to pass pushPodSpecErrors and pushPodOnlyErrors with no
   * cause (server.ts: one from a template whose Pods validated clean): only its metadata is checked.
   */
  podSpecValid?: boolean,
): FieldError[] {
  switch (obj.kind) {
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
    case 'StorageClass':
      return admitStorage(obj, old, api);
    case 'PodDisruptionBudget':
      return admitPdb(obj, old);
    case 'Deployment':
      return validateDeployment(obj, old);
    case 'ReplicaSet': {
      const out = validateMeta(obj, 'subdomain', old);
      pushWorkloadSpecErrors(out, obj, old);
      return out;
    }
    case 'Pod': {
      // ValidatePodUpdate of a user's update: ValidateObjectMetaUpdate's labels and annotations,
      // validatePodMetadataAndSpec (as on create), then the update rules (validation-pod-update).
      const update = podUpdate === true && old !== undefined;
      const out: FieldError[] = [];
      if (update) {
        pushLabelErrors(out, obj.metadata?.labels, 'metadata.labels');
        const annotations = obj.metadata?.annotations;
        if (annotations && latePartsLoaded()) late().pushAnnotationErrors(out, annotations);
      }
      if (podSpecValid === true && old === undefined) return validateMeta(obj, 'subdomain');
      for (const e of validateMeta(obj, 'subdomain', old)) out.push(e);
      pushPodSpecErrors(out, obj.spec, 'spec');
      pushPodOnlyErrors(out, obj.spec, old === undefined);
      if (update) pushPodUpdateErrors(out, obj.spec, old.spec);
      return out;
    }
    case 'Service': {
      // ValidateService is bound late: Services written before the kubectl chunk loads are the
      // cluster's own, and valid.
      const meta = validateMeta(obj, 'dns1035', old);
      return latePartsLoaded() ? late().validateService(obj, old, meta) : meta;
    }
    case 'Endpoints':
      return validateEndpoints(obj, old);
    case 'Namespace':
      return validateMeta(obj, 'label', old);
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
      return validateConfigKind(obj, old, validateMeta(obj, 'subdomain', old));
    default:
      return validateMeta(obj, 'subdomain', old);
  }
}
