// ValidateService / ValidateServiceUpdate as Kubernetes 1.34 runs them, bound late (../late): the
// cluster's own Services, written before the kubectl chunk loads, are valid, and only a user's
// write needs the checks (and their texts) below. Errors are listed in the order the real
// validators produce them; kubectl prints them in that order.
// [K8S pkg/apis/core/validation/validation.go ValidateService, validateServicePort,
//  ValidateServiceClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs/IPFamilies,
//  validateServiceExternalTrafficPolicy, validateServiceTrafficDistribution, validateLoadBalancerClassField
//  (a 1.34-era copy: IsValidIPForLegacyField / IsValidCIDRForLegacyField, validation-ip.ts);
//  pkg/features/kube_features.go; pkg/registry/core/service/storage/storage.go beginCreate /
//  beginUpdate (patchAllocatedValues, normalizeClusterIPs) and alloc.go initIPFamilyFields /
//  initNodePorts; apiserver registry/generic/registry/store.go (BeginCreate before BeforeCreate)]
import { qualifiedNameErrors } from '../api/labels';
import type { K8sObject } from '../api/types';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { pushLabelErrors, pushNameErrors } from './validation';
import { endpointIPErrors, legacyCIDRErrors, legacyIPErrors } from './validation-ip';
import { portNameErrors } from './validation-pod-fields';
import { type IPs, isHeadless, list, normalizedIPs } from './validation-service-ips';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const ONLY_LB = "may only be used when `type` is 'LoadBalancer'";
const NOT_EXTERNAL_NAME = 'may not be set for ExternalName services';
const CHANGED = 'may not change once set';
// sets.List(...) of the supported values: sorted.
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
// validateServiceTrafficDistribution with PreferSameTrafficDistribution on (beta, on by default in
// 1.34: kube_features.go), listed in the validator's own order, not sorted.
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const MAX_AFFINITY_SECONDS = 86400; // core.MaxClientIPServiceAffinitySeconds

const validPort = (n: unknown): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

/** validateServicePort. */
function pushPortErrors(
  out: FieldError[],
  p: Any,
  i: number,
  requireName: boolean,
  names: Set<string>,
): void {
  const path = `spec.ports[${i}]`;
  const name = typeof p.name === 'string' ? p.name : '';
  if (requireName && name === '') out.push(required(`${path}.name`));
  else if (name !== '') {
    pushNameErrors(out, name, 'label', `${path}.name`, name);
    if (names.has(name)) out.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const port = p.port ?? 0;
  if (!validPort(port)) out.push(invalid(`${path}.port`, port, PORT_RANGE));
  if (p.protocol === undefined || p.protocol === '') out.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(p.protocol)) out.push(unsupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  // ValidatePortNumOrName (the defaulted targetPort is the port, 0 when the port was left out).
  const tp = p.targetPort;
  if (typeof tp === 'number') {
    if (!validPort(tp)) out.push(invalid(`${path}.targetPort`, tp, PORT_RANGE));
  } else if (typeof tp === 'string') {
    for (const m of portNameErrors(tp)) out.push(invalid(`${path}.targetPort`, tp, m));
  }
  if (typeof p.appProtocol === 'string')
    for (const m of qualifiedNameErrors(p.appProtocol))
      out.push(invalid(`${path}.appProtocol`, p.appProtocol, m));
}

/** The internal core.ServicePort{Protocol, Port} key as json.Marshal writes it (no json tags). */
const servicePortKey = (protocol: unknown, port: unknown): string =>
  `{"Name":"","Protocol":${JSON.stringify(String(protocol ?? ''))},"AppProtocol":null,"Port":${Number(port ?? 0)},"TargetPort":0,"NodePort":0}`;

const needsHealthCheck = (s: Any): boolean =>
  s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const externallyAccessible = (s: Any): boolean =>
  s.type === 'LoadBalancer' ||
  s.type === 'NodePort' ||
  (s.type === 'ClusterIP' && Array.isArray(s.externalIPs) && s.externalIPs.length > 0);

/** validateLoadBalancerClassField's format half (run on create and again on update). */
function pushLoadBalancerClassErrors(out: FieldError[], s: Any): void {
  const cls = s.loadBalancerClass;
  if (cls == null) return;
  if (s.type === 'LoadBalancer') {
    for (const m of qualifiedNameErrors(cls)) out.push(invalid('spec.loadBalancerClass', cls, m));
  } else out.push(forbidden('spec.loadBalancerClass', ONLY_LB));
}

/** The ipFamilies initIPFamilyFields infers from the clusterIPs when the client left them out. */
function familiesOf(s: Any, ips: string[]): string[] {
  const fams = list(s.ipFamilies);
  if (fams.length > 0 || isHeadless(ips)) return fams;
  return ips.map((ip) => (ip.includes(':') ? 'IPv6' : 'IPv4'));
}

/** ValidateServiceUpdate's own checks, before it runs ValidateService on the new object. */
function pushUpdateErrors(out: FieldError[], s: Any, o: Any, ips: string[]): void {
  if (s.type === 'ExternalName' || o.type === 'ExternalName') {
    // validateUpgradeDowngrade* bail out for ExternalName on either side.
  } else {
    const oldIPs = list(o.clusterIPs);
    const hs = isHeadless(ips);
    const ho = isHeadless(oldIPs);
    const value = ips.length > 0 ? ips : null;
    if (!(hs && ho)) {
      if (oldIPs.length === ips.length) {
        oldIPs.forEach((ip, i) => {
          if (ip !== ips[i]) out.push(invalid(`spec.clusterIPs[${i}]`, value, CHANGED));
        });
      } else if (oldIPs.length > ips.length) {
        if (ips.length === 0)
          out.push(invalid('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
        if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0])
          out.push(invalid('spec.clusterIPs[0]', value, CHANGED));
        if (ips.length === 1 && s.ipFamilyPolicy !== 'SingleStack')
          out.push(
            invalid(
              'spec.ipFamilyPolicy',
              s.ipFamilyPolicy ?? null,
              "must be set to 'SingleStack' when releasing the secondary clusterIP",
            ),
          );
      } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
        out.push(invalid('spec.clusterIPs[0]', value, CHANGED));
      }
    }
    if (hs === ho && !hs) {
      const fams = familiesOf(s, ips);
      const oldFams = list(o.ipFamilies);
      const famValue = fams.length > 0 ? fams : null;
      if (oldFams.length === fams.length) {
        oldFams.forEach((f, i) => {
          if (f !== fams[i]) out.push(invalid('spec.ipFamilies[0]', famValue, CHANGED));
        });
      } else if (oldFams.length > fams.length) {
        if (ips.length === 0)
          out.push(invalid('spec.ipFamilies[0]', famValue, 'primary ipFamily can not be unset'));
        if (fams.length > 0 && fams[0] !== oldFams[0])
          out.push(invalid('spec.ipFamilies[0]', value, CHANGED));
        if (fams.length === 1 && s.ipFamilyPolicy !== 'SingleStack')
          out.push(
            invalid(
              'spec.ipFamilyPolicy',
              s.ipFamilyPolicy ?? null,
              "must be set to 'SingleStack' when releasing the secondary ipFamily",
            ),
          );
      } else if (oldFams.length > 0 && fams[0] !== oldFams[0]) {
        out.push(invalid('spec.ipFamilies[0]', value, CHANGED));
      }
    }
  }
  if (
    o.type === 'LoadBalancer' &&
    s.type === 'LoadBalancer' &&
    (o.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)
  )
    out.push(invalid('spec.loadBalancerClass', s.loadBalancerClass ?? null, CHANGED));
  pushLoadBalancerClassErrors(out, s);
  // validateServiceExternalTrafficFieldsUpdate (a write that leaves the port out keeps the old one).
  if (needsHealthCheck(o) && needsHealthCheck(s)) {
    const hc = s.healthCheckNodePort || o.healthCheckNodePort;
    if (hc !== o.healthCheckNodePort) out.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
}

/** ValidateService after ValidateObjectMeta, in its order. */
function pushSpecErrors(
  out: FieldError[],
  s: Any,
  o: Any | undefined,
  { ips }: IPs,
  annotations: Any,
  oldAnnotations: Any,
): void {
  const ports: Any[] = Array.isArray(s.ports) ? s.ports : [];
  const headless = isHeadless(ips);
  if (ports.length === 0 && !headless && s.type !== 'ExternalName') out.push(required('spec.ports'));
  if ((s.type === 'LoadBalancer' || s.type === 'NodePort') && headless)
    out.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${s.type} services`));
  if (s.type === 'ExternalName') {
    if (ips.length > 0) out.push(forbidden('spec.clusterIPs', NOT_EXTERNAL_NAME));
    if (list(s.ipFamilies).length > 0) out.push(forbidden('spec.ipFamilies', NOT_EXTERNAL_NAME));
    if (s.ipFamilyPolicy != null) out.push(forbidden('spec.ipFamilyPolicy', NOT_EXTERNAL_NAME));
    // The name (a CNAME) may end in a dot; what is checked, and shown, is the name without it.
    const cname = (typeof s.externalName === 'string' ? s.externalName : '').replace(/\.$/, '');
    if (cname !== '') pushNameErrors(out, cname, 'subdomain', 'spec.externalName', cname);
    else out.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  for (let i = 0; i < ports.length; i++) pushPortErrors(out, ports[i] ?? {}, i, ports.length > 1, names);
  if (s.selector != null) pushLabelErrors(out, s.selector, 'spec.selector');
  const aff = s.sessionAffinity;
  if (aff === undefined || aff === '') out.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(aff)) out.push(unsupported('spec.sessionAffinity', aff, AFFINITIES));
  // validateClientIPAffinityConfig. SetDefaults_Service gives ClientIP a whole config of 10800
  // seconds when the timeout is missing and drops any config under None, so through the v1 API
  // only the timeout's range can fail (its Required causes and None's Forbidden cannot).
  if (aff === 'ClientIP') {
    const t = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (typeof t === 'number' && (t <= 0 || t > MAX_AFFINITY_SECONDS))
      out.push(
        invalid(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          t,
          `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`,
        ),
      );
  }
  // (ValidateServiceClusterIPsRelatedFields ran while allocating; it has nothing to add here.)
  // A new address must parse and not be special (ValidateEndpointIP, "for historical reasons");
  // one the old object held is accepted as it is.
  list(s.externalIPs).forEach((ip, i) => {
    const field = `spec.externalIPs[${i}]`;
    const errs = legacyIPErrors(field, ip, list(o?.externalIPs));
    for (const e of errs.length > 0 ? errs : endpointIPErrors(field, ip)) out.push(e);
  });
  if (s.type === undefined || s.type === '') out.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(s.type)) out.push(unsupported('spec.type', s.type, SERVICE_TYPES));
  if (s.type === 'ClusterIP')
    ports.forEach((p, i) => {
      if (p?.nodePort)
        out.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  // Duplicate NodePorts, then duplicate ports, each by (protocol, number); reported at the later
  // index. The port's key is the internal ServicePort struct, rendered as JSON.
  ports.forEach((p, i) => {
    const np = p?.nodePort;
    if (np && ports.findIndex((q: Any) => q?.nodePort === np && q?.protocol === p.protocol) < i)
      out.push(duplicate(`spec.ports[${i}].nodePort`, np));
  });
  ports.forEach((p, i) => {
    const port = p?.port ?? 0;
    if (ports.findIndex((q: Any) => (q?.port ?? 0) === port && q?.protocol === p?.protocol) < i)
      out.push({
        field: `spec.ports[${i}]`,
        message: `Duplicate value: ${servicePortKey(p?.protocol, port)}`,
      });
  });
  pushSourceRangeErrors(out, s, o, annotations ?? {}, oldAnnotations);
  if (s.allocateLoadBalancerNodePorts != null && s.type !== 'LoadBalancer')
    out.push(forbidden('spec.allocateLoadBalancerNodePorts', ONLY_LB));
  pushLoadBalancerClassErrors(out, s);
  // validateServiceExternalTrafficPolicy (a Service that needs one has it from defaulting).
  const etp = s.externalTrafficPolicy;
  if (!externallyAccessible(s)) {
    if (etp !== undefined && etp !== '')
      out.push(
        invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'),
      );
  } else if (etp !== undefined && etp !== '' && !TRAFFIC_POLICIES.includes(etp)) {
    out.push(unsupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  }
  const hc = s.healthCheckNodePort;
  if (!needsHealthCheck(s)) {
    // The registry drops a port kept from a Service that needed one before validation sees it.
    const kept = o && needsHealthCheck(o) && hc === o.healthCheckNodePort;
    if (hc && !kept)
      out.push(
        invalid(
          'spec.healthCheckNodePort',
          hc,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
  } else if (hc && !validPort(hc)) out.push(invalid('spec.healthCheckNodePort', hc, PORT_RANGE));
  const itp = s.internalTrafficPolicy;
  if (itp != null && !TRAFFIC_POLICIES.includes(itp))
    out.push(unsupported('spec.internalTrafficPolicy', itp, TRAFFIC_POLICIES));
  const td = s.trafficDistribution;
  if (td != null && !TRAFFIC_DISTRIBUTIONS.includes(td))
    out.push(unsupported('spec.trafficDistribution', td, TRAFFIC_DISTRIBUTIONS));
}

/**
 * The source ranges: the field (each value trimmed, as the annotation's were; the path keeps the
 * Go field's capital L), or else the legacy annotation, checked only when it is new or changed,
 * every value at the annotation's own path. Values the old object held stay valid.
 */
function pushSourceRangeErrors(out: FieldError[], s: Any, o: Any | undefined, ann: Any, oldAnn: Any): void {
  const ranges = list(s.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    if (s.type !== 'LoadBalancer') out.push(forbidden('spec.LoadBalancerSourceRanges', ONLY_LB));
    const old = list(o?.loadBalancerSourceRanges).map((r) => String(r).trim());
    ranges.forEach((r, i) => {
      for (const e of legacyCIDRErrors(`spec.LoadBalancerSourceRanges[${i}]`, String(r).trim(), old))
        out.push(e);
    });
    return;
  }
  const val = ann[SOURCE_RANGES_ANNOTATION];
  if (typeof val !== 'string') return;
  const field = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
  if (s.type !== 'LoadBalancer') out.push(forbidden(field, ONLY_LB));
  if (oldAnn?.[SOURCE_RANGES_ANNOTATION] === val) return;
  const v = val.trim();
  if (v === '') return;
  for (const cidr of v.split(',')) for (const e of legacyCIDRErrors(field, cidr.trim())) out.push(e);
}

/**
 * A Service's validation (`old` on update), run after the registry allocated (services.ts: its
 * clusterIP checks and allocation errors answer alone, before this): ValidateServiceUpdate's own
 * checks, the metadata (`meta`) and ValidateService's.
 */
export function validateService(
  obj: K8sObject,
  old: K8sObject | undefined,
  meta: FieldError[],
): FieldError[] {
  const s: Any = obj.spec ?? {};
  const o: Any | undefined = old ? (old.spec ?? {}) : undefined;
  const ips = normalizedIPs(s, o);
  const out: FieldError[] = [];
  if (o) pushUpdateErrors(out, s, o, ips.ips);
  for (const e of meta) out.push(e);
  // The two topology annotations must agree when both are set (after ValidateObjectMeta).
  const ann: Any = obj.metadata.annotations ?? {};
  const mode = ann[TOPOLOGY_MODE];
  if (typeof mode === 'string' && typeof ann[TOPOLOGY_HINTS] === 'string' && mode !== ann[TOPOLOGY_HINTS])
    out.push(
      invalid(
        `metadata.annotations[${TOPOLOGY_MODE}]`,
        mode,
        `must match annotations[${TOPOLOGY_HINTS}] when both are specified`,
      ),
    );
  pushSpecErrors(out, s, o, ips, ann, old?.metadata.annotations);
  return out;
}
