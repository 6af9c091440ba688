// The Service kubectl generates for `kubectl expose` (ExposeServiceOptions.createService in
// kubectl 1.34 pkg/cmd/expose/expose.go) and for `kubectl run --expose` (the service/v2 generator,
// pkg/generate/versioned/service.go: the same object for the parameters run passes it). The
// object's keys are inserted in corev1 struct order so `-o json` of a client-side object matches
// json.MarshalIndent; metadata.creationTimestamp is absent (apimachinery v0.34 tags it omitzero).
import type { K8sObject } from '../../sim/api/types';

/** strconv.Atoi: an optional sign and decimal digits; int64 range. */
export function goAtoi(s: string): { ok: true; n: number } | { ok: false; message: string } {
  if (!/^[+-]?[0-9]+$/.test(s))
    return { ok: false, message: `strconv.Atoi: parsing ${goQ(s)}: invalid syntax` };
  const big = BigInt(s);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    return { ok: false, message: `strconv.Atoi: parsing ${goQ(s)}: value out of range` };
  }
  return { ok: true, n: Number(BigInt.asIntN(64, big)) };
}

/** Go's int32(x) conversion (wraps). */
export function int32(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(Math.trunc(n))));
}

/** %q of a string (ASCII-printable input is the common case). */
export function goQ(s: string): string {
  return JSON.stringify(s);
}

/** expose.go parseLabels / generate.ParseLabels: `k=v,k2=v2` → a map. */
export function parseLabelSpec(
  spec: string,
): { ok: true; labels: Record<string, string> } | { ok: false; message: string } {
  if (spec.length === 0) return { ok: false, message: 'no label spec passed' };
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return { ok: false, message: `unexpected label spec: ${part}` };
    const [k, v] = kv as [string, string];
    if (k.length === 0) return { ok: false, message: 'unexpected empty label key' };
    labels[k] = v;
  }
  return { ok: true, labels };
}

/** A Go map as encoding/json writes it: keys sorted. */
export function sortedMap(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as string;
  return out;
}

/** polymorphichelpers.MakeLabels (its order is Go map order; every caller parses it back). */
export function makeLabels(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export interface ServiceParams {
  name: string;
  selector: string;
  labels: string;
  /** Several ports (introspected); takes precedence over `port`. */
  ports: string;
  port: string;
  protocol: string;
  /** port → protocols, from the exposed object (MultiProtocolsForObject). */
  protocols: Map<string, string[]>;
  targetPort: string;
  portName: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

export const NO_SERVICE_PARAMS: Omit<ServiceParams, 'name' | 'selector'> = {
  labels: '',
  ports: '',
  port: '',
  protocol: '',
  protocols: new Map(),
  targetPort: '',
  portName: '',
  externalIP: '',
  type: '',
  loadBalancerIP: '',
  sessionAffinity: '',
  clusterIP: '',
};

interface GenPort {
  name?: string;
  protocol: string;
  port: number;
  targetPort?: number | string;
}

export function generateService(
  p: ServiceParams,
): { ok: true; service: K8sObject } | { ok: false; message: string } {
  if (p.selector.length === 0) return { ok: false, message: 'selector must be specified' };
  const sel = parseLabelSpec(p.selector);
  if (!sel.ok) return sel;
  let labels: Record<string, string> | undefined;
  if (p.labels.length > 0) {
    const l = parseLabelSpec(p.labels);
    if (!l.ok) return l;
    labels = l.labels;
  }
  if (p.name.length === 0) return { ok: false, message: 'name must be specified' };

  const portString = p.ports.length > 0 ? p.ports : p.port;
  const ports: GenPort[] = [];
  if (portString.length > 0) {
    const list = portString.split(',');
    for (let i = 0; i < list.length; i++) {
      const ps = list[i] as string;
      const a = goAtoi(ps);
      if (!a.ok) return a;
      const port = int32(a.n);
      const name = list.length > 1 ? `port-${i + 1}` : p.portName;
      let protocol = p.protocol;
      if (protocol.length === 0) {
        protocol = 'TCP';
        const found = p.protocols.get(ps);
        if (found && found.length === 1) protocol = found[0] as string;
        else if (found && found.length > 1) {
          // The same port under several protocols: one Service port each, `port-N-<proto>`.
          for (const proto of found) {
            ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port });
          }
          continue;
        }
      }
      ports.push({ ...(name ? { name } : {}), protocol, port });
    }
  }
  let target: number | string | undefined;
  if (p.targetPort.length > 0) {
    // intstr.Parse: a number when Atoi accepts it, else the (named) string.
    const a = goAtoi(p.targetPort);
    target = a.ok ? int32(a.n) : p.targetPort;
  }
  for (const sp of ports) sp.targetPort = target ?? sp.port;

  let sessionAffinity: string | undefined;
  if (p.sessionAffinity.length > 0) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') {
      return { ok: false, message: `unknown session affinity: ${p.sessionAffinity}` };
    }
    sessionAffinity = p.sessionAffinity;
  }
  const type = p.type.length > 0 ? p.type : undefined;
  // corev1.ServiceSpec field order: ports, selector, clusterIP, clusterIPs, type, externalIPs,
  // sessionAffinity, loadBalancerIP, …
  const spec: Record<string, unknown> = {
    ports: ports.length > 0 ? ports.map((sp) => ({ ...sp })) : undefined,
    selector: sortedMap(sel.labels),
    clusterIP: p.clusterIP.length > 0 ? p.clusterIP : undefined,
    type,
    externalIPs: p.externalIP.length > 0 ? [p.externalIP] : undefined,
    sessionAffinity,
    loadBalancerIP: type === 'LoadBalancer' && p.loadBalancerIP.length > 0 ? p.loadBalancerIP : undefined,
  };
  for (const k of Object.keys(spec)) if (spec[k] === undefined) delete spec[k];
  const service = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name: p.name,
      ...(labels && Object.keys(labels).length > 0 ? { labels: sortedMap(labels) } : {}),
    },
    spec,
    status: { loadBalancer: {} },
  };
  return { ok: true, service: service as unknown as K8sObject };
}

/** Set metadata.namespace right after name (ObjectMeta order), as a client dry-run with -n does. */
export function withNamespace(obj: K8sObject, namespace: string): K8sObject {
  const { name, ...rest } = obj.metadata;
  return { ...obj, metadata: { name, namespace, ...rest } } as K8sObject;
}
