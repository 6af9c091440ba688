// Validation with the API server's own messages (reference §C8). Field paths start at the object
// root. Returns the causes in the order the real validators produce them.
// [K8S pkg/apis/core/validation, pkg/apis/apps/validation; APIMACH util/validation]
import { matchesLabelSelector } from '../api/labels';
import type { K8sObject } from '../api/types';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';

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
const QUALIFIED_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const IANA_SVC_NAME_MSG = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';

type NameKind = 'dns1035' | 'label' | 'subdomain';

function nameErrors(name: string, kind: NameKind): string[] {
  const out: string[] = [];
  if (kind === 'subdomain') {
    if (name.length > 253) out.push('must be no more than 253 characters');
    if (!DNS1123_SUBDOMAIN.test(name)) out.push(DNS1123_SUBDOMAIN_MSG);
  } else {
    if (name.length > 63) out.push('must be no more than 63 characters');
    const re = kind === 'dns1035' ? DNS1035_LABEL : DNS1123_LABEL;
    if (!re.test(name)) out.push(kind === 'dns1035' ? DNS1035_MSG : DNS1123_LABEL_MSG);
  }
  return out;
}

export function validateName(name: string, kind: NameKind, field = 'metadata.name'): FieldError[] {
  return nameErrors(name, kind).map((m) => invalid(field, name, m));
}

function validateLabels(labels: Any, field: string): FieldError[] {
  const out: FieldError[] = [];
  if (!labels) return out;
  for (const [k, v] of Object.entries(labels as Record<string, string>)) {
    const slash = k.lastIndexOf('/');
    const namePart = slash >= 0 ? k.slice(slash + 1) : k;
    if (
      namePart.length === 0 ||
      namePart.length > 63 ||
      !/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(namePart)
    ) {
      out.push(invalid(field, k, QUALIFIED_NAME_MSG));
    }
    if (v.length > 63) out.push(invalid(field, v, 'must be no more than 63 characters'));
    if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v))
      out.push(invalid(field, v, LABEL_VALUE_MSG));
  }
  return out;
}

function validateMeta(obj: K8sObject, kind: NameKind): FieldError[] {
  const name = obj.metadata?.name ?? '';
  const out: FieldError[] = [];
  if (name === '')
    out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
  else out.push(...validateName(name, kind));
  out.push(...validateLabels(obj.metadata?.labels, 'metadata.labels'));
  return out;
}

export function isValidIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

function validPort(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

function validatePortNumOrName(v: unknown, field: string): FieldError[] {
  if (typeof v === 'number') return validPort(v) ? [] : [invalid(field, v, PORT_RANGE)];
  if (typeof v === 'string') {
    const errs: string[] = [];
    if (v.length > 15) errs.push('must be no more than 15 characters');
    if (!/^[-a-z0-9]+$/.test(v)) errs.push(IANA_SVC_NAME_MSG);
    else if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)');
    if (v.includes('--')) errs.push('must not contain consecutive hyphens');
    if (v.startsWith('-') || v.endsWith('-')) errs.push('must not begin or end with a hyphen');
    return errs.map((m) => invalid(field, v, m));
  }
  return [];
}

function validateContainers(containers: Any, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (!Array.isArray(containers) || containers.length === 0) return [required(path)];
  const seen = new Set<string>();
  containers.forEach((c: Any, i: number) => {
    const p = `${path}[${i}]`;
    if (!c.name) out.push(required(`${p}.name`));
    else {
      out.push(...validateName(c.name, 'label', `${p}.name`));
      if (seen.has(c.name)) out.push(duplicate(`${p}.name`, c.name));
      seen.add(c.name);
    }
    if (!c.image || String(c.image).trim() === '') out.push(required(`${p}.image`));
    (Array.isArray(c.ports) ? c.ports : []).forEach((port: Any, j: number) => {
      const pp = `${p}.ports[${j}]`;
      if (!port.containerPort) out.push(required(`${pp}.containerPort`));
      else if (!validPort(port.containerPort))
        out.push(invalid(`${pp}.containerPort`, port.containerPort, PORT_RANGE));
      if (port.protocol && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
        out.push(unsupported(`${pp}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
      }
    });
    if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
      out.push(unsupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
    }
  });
  return out;
}

export function validatePodSpec(spec: Any, path: string): FieldError[] {
  const out = validateContainers(spec?.containers, `${path}.containers`);
  if (spec?.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    out.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'Never', 'OnFailure']));
  }
  if (
    spec?.dnsPolicy &&
    !['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'].includes(spec.dnsPolicy)
  ) {
    out.push(
      unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, [
        'ClusterFirst',
        'ClusterFirstWithHostNet',
        'Default',
        'None',
      ]),
    );
  }
  return out;
}

function isEmptySelector(sel: Any): boolean {
  return (
    !sel || ((!sel.matchLabels || Object.keys(sel.matchLabels).length === 0) && !sel.matchExpressions?.length)
  );
}

/** Deployment and ReplicaSet share the selector/template rules. */
function validateWorkloadSpec(obj: K8sObject, kindWord: string): FieldError[] {
  const s: Any = obj.spec ?? {};
  const out: FieldError[] = [];
  if (typeof s.replicas === 'number' && s.replicas < 0) {
    out.push(invalid('spec.replicas', s.replicas, 'must be greater than or equal to 0'));
  }
  if (s.selector === undefined) out.push(required('spec.selector'));
  else if (isEmptySelector(s.selector)) {
    out.push(invalid('spec.selector', s.selector, `empty selector is invalid for ${kindWord}`));
  }
  const labels = s.template?.metadata?.labels;
  out.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  // A nil selector selects nothing, so it never matches the template (two causes in §C8).
  if (
    s.selector === undefined ||
    isEmptySelector(s.selector) ||
    !matchesLabelSelector(s.selector, labels ?? {})
  ) {
    out.push(
      invalid('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`'),
    );
  }
  out.push(...validatePodSpec(s.template?.spec, 'spec.template.spec'));
  const rp = s.template?.spec?.restartPolicy;
  if (rp && rp !== 'Always') out.push(unsupported('spec.template.spec.restartPolicy', rp, ['Always']));
  return out;
}

function percentOrInt(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Number(v.slice(0, -1));
  return Number.NaN;
}

function validateDeployment(obj: K8sObject): FieldError[] {
  const out = validateMeta(obj, 'subdomain');
  out.push(...validateWorkloadSpec(obj, 'deployment'));
  const st: Any = obj.spec?.strategy;
  if (st?.type && !['Recreate', 'RollingUpdate'].includes(st.type)) {
    out.push(unsupported('spec.strategy.type', st.type, ['Recreate', 'RollingUpdate']));
  }
  if (st?.type === 'RollingUpdate' && st.rollingUpdate) {
    const surge = percentOrInt(st.rollingUpdate.maxSurge);
    const unavail = percentOrInt(st.rollingUpdate.maxUnavailable);
    if (Number.isNaN(surge)) {
      out.push(
        invalid(
          'spec.strategy.rollingUpdate.maxSurge',
          st.rollingUpdate.maxSurge,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        ),
      );
    } else if (Number.isNaN(unavail)) {
      out.push(
        invalid(
          'spec.strategy.rollingUpdate.maxUnavailable',
          st.rollingUpdate.maxUnavailable,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        ),
      );
    } else if (surge === 0 && unavail === 0) {
      out.push(
        invalid(
          'spec.strategy.rollingUpdate.maxUnavailable',
          st.rollingUpdate.maxUnavailable,
          'may not be 0 when `maxSurge` is 0',
        ),
      );
    }
  }
  return out;
}

function validateService(obj: K8sObject): FieldError[] {
  const out = validateMeta(obj, 'dns1035');
  const s: Any = obj.spec ?? {};
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (!types.includes(s.type)) {
    out.push(unsupported('spec.type', s.type, types));
    return out;
  }
  const ports: Any[] = Array.isArray(s.ports) ? s.ports : [];
  if (s.type !== 'ExternalName' && ports.length === 0 && s.clusterIP !== 'None')
    out.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p: Any, i: number) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) out.push(required(`${path}.name`));
    else if (p.name) {
      out.push(...validateName(p.name, 'label', `${path}.name`));
      if (names.has(p.name)) out.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!validPort(p.port)) out.push(invalid(`${path}.port`, p.port ?? 0, PORT_RANGE));
    if (!['TCP', 'UDP', 'SCTP'].includes(p.protocol))
      out.push(unsupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    out.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`));
    if (p.nodePort !== undefined && p.nodePort !== 0 && s.type === 'ClusterIP') {
      out.push(forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
  });
  if (s.type === 'ExternalName') {
    if (!s.externalName) out.push(required('spec.externalName'));
    else {
      const n = String(s.externalName).replace(/\.$/, '');
      for (const m of nameErrors(n, 'subdomain')) out.push(invalid('spec.externalName', s.externalName, m));
    }
  }
  if (!['None', 'ClientIP'].includes(s.sessionAffinity)) {
    out.push(unsupported('spec.sessionAffinity', s.sessionAffinity, ['ClientIP', 'None']));
  }
  const ips: string[] =
    s.clusterIPs ?? (s.clusterIP !== undefined && s.clusterIP !== '' ? [s.clusterIP] : []);
  ips.forEach((ip, i) => {
    if (ip !== 'None' && !isValidIPv4(ip)) out.push(invalid(`spec.clusterIPs[${i}]`, ip, IP_MSG));
  });
  if (s.clusterIP === 'None' && (s.type === 'NodePort' || s.type === 'LoadBalancer')) {
    out.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${s.type} services`));
  }
  for (const [k, v] of [
    ['externalTrafficPolicy', s.externalTrafficPolicy],
    ['internalTrafficPolicy', s.internalTrafficPolicy],
  ]) {
    if (v !== undefined && !['Cluster', 'Local'].includes(v))
      out.push(unsupported(`spec.${k}`, v, ['Cluster', 'Local']));
  }
  return out;
}

function validateEndpoints(obj: K8sObject): FieldError[] {
  const out = validateMeta(obj, 'subdomain');
  const subsets: Any[] = Array.isArray((obj as Any).subsets) ? (obj as Any).subsets : [];
  subsets.forEach((ss: Any, i: number) => {
    const p = `subsets[${i}]`;
    for (const which of ['addresses', 'notReadyAddresses']) {
      (Array.isArray(ss[which]) ? ss[which] : []).forEach((a: Any, j: number) => {
        if (!a.ip || !isValidIPv4(a.ip)) out.push(invalid(`${p}.${which}[${j}].ip`, a.ip ?? '', IP_MSG));
      });
    }
    const ports: Any[] = Array.isArray(ss.ports) ? ss.ports : [];
    ports.forEach((port: Any, j: number) => {
      const pp = `${p}.ports[${j}]`;
      if (ports.length > 1 && !port.name) out.push(required(`${pp}.name`));
      if (!validPort(port.port)) out.push(invalid(`${pp}.port`, port.port ?? 0, PORT_RANGE));
    });
  });
  return out;
}

/** Validation on create (and, with `old`, on update). */
export function validate(obj: K8sObject, old?: K8sObject): FieldError[] {
  switch (obj.kind) {
    case 'Deployment': {
      const out = validateDeployment(obj);
      if (old && JSON.stringify(old.spec?.selector) !== JSON.stringify(obj.spec?.selector)) {
        out.push(invalid('spec.selector', obj.spec?.selector ?? null, 'field is immutable'));
      }
      return out;
    }
    case 'ReplicaSet': {
      const out = validateMeta(obj, 'subdomain');
      out.push(...validateWorkloadSpec(obj, 'replicaset'));
      return out;
    }
    case 'Pod': {
      const out = validateMeta(obj, 'subdomain');
      out.push(...validatePodSpec(obj.spec, 'spec'));
      return out;
    }
    case 'Service':
      return validateService(obj);
    case 'Endpoints':
      return validateEndpoints(obj);
    case 'Namespace':
      return validateMeta(obj, 'label');
    default:
      return validateMeta(obj, 'subdomain');
  }
}
