// Per-kind describers in kubectl 1.34's layout [kubectl pkg/describe/describe.go: describeService (reference §B14), describeDeployment, describeReplicaSet, describeEndpoints,
// describeNode, describeNamespace]. Pods and Pod templates: ./describe-pod.
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  K8sObject,
  Namespace,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  Secret,
  Service,
  ServicePort,
} from '../../sim/api/types';
import { describePodTemplate } from './describe-pod';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  describeObjectMeta,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { selectorString } from './tables';

export interface DescribeInput {
  obj: K8sObject;
  events: Event[] | null;
  now: number;
  /** Lists the describer may need (pods of a ReplicaSet, slices of a Service, pods on a node…). */
  /**
   * The object's events, or null under `--show-events=false`: kubectl then fetches none and
   * every describer leaves the Events section out (`if events != nil { DescribeEvents(…) }`).
   */
  related: {
    pods?: Pod[];
    endpointSlices?: EndpointSlice[];
    replicaSets?: ReplicaSet[];
    /** The namespace's Secrets (a ServiceAccount's describe). */
    secrets?: Secret[];
  };
}

function controllerOf(obj: K8sObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

// ------------------------------------------------------------------ service (§B14)

function ingressString(svc: Service): string {
  return (svc.status?.loadBalancer?.ingress ?? [])
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
    .join(', ');
}

/** formatEndpointSlices for one service port: ready addresses, at most 3 then `+ N more...`. */
function sliceEndpoints(slices: EndpointSlice[] | undefined, sp: ServicePort): string {
  if (!slices || slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const s of slices) {
    const ports = s.ports ?? [];
    const eps = s.endpoints ?? [];
    if (ports.length === 0) {
      for (const e of eps) {
        if (e.conditions && e.conditions.ready === false) continue;
        count++;
        if (list.length < 3) list.push(e.addresses[0] as string);
        else more = true;
      }
      continue;
    }
    for (const p of ports) {
      if ((p.name ?? '') !== (sp.name ?? '')) continue;
      for (const e of eps) {
        if (e.conditions && e.conditions.ready === false) continue;
        count++;
        const a = e.addresses[0] as string;
        if (list.length < 3) list.push(a.includes(':') ? `[${a}]:${p.port}` : `${a}:${p.port}`);
        else more = true;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

export function describeService({ obj, events, now, related }: DescribeInput): string {
  const svc = obj as Service;
  const spec = svc.spec;
  const w = new DescribeWriter();
  describeObjectMeta(w, svc.metadata);
  const sel = Object.keys(spec.selector ?? {}).sort();
  w.write(
    0,
    `Selector:\t${sel.length ? sel.map((k) => `${k}=${spec.selector?.[k]}`).join(',') : '<none>'}\n`,
  );
  w.write(0, `Type:\t${spec.type}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  if (svc.status?.loadBalancer?.ingress?.length) w.write(0, `LoadBalancer Ingress:\t${ingressString(svc)}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    w.write(0, `Endpoints:\t${sliceEndpoints(related.endpointSlices, sp)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) {
    w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  }
  describeEvents(w, events, now);
  return w.done();
}

// ------------------------------------------------------------------ deployments & replica sets

function podStatusCounts(pods: Pod[] | undefined): string {
  const c = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods ?? []) {
    if (p.metadata.deletionTimestamp) continue;
    const ph = p.status?.phase as keyof typeof c;
    if (ph in c) c[ph]++;
  }
  return `${c.Running} Running / ${c.Pending} Waiting / ${c.Succeeded} Succeeded / ${c.Failed} Failed`;
}

export function describeDeployment({ obj, events, now, related }: DescribeInput): string {
  const d = obj as Deployment;
  const st = d.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (d.spec.strategy?.type !== 'Recreate' && ru) {
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  }
  describePodTemplate(w, d.spec.template);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const rss = (related.replicaSets ?? []).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
  );
  const hash = (t: PodTemplateSpec | undefined): string =>
    JSON.stringify({
      ...t,
      metadata: { ...t?.metadata, labels: { ...t?.metadata?.labels, 'pod-template-hash': undefined } },
    });
  const newRS = rss.find((rs) => hash(rs.spec.template) === hash(d.spec.template));
  const old = rss.filter((rs) => rs !== newRS && (rs.spec.replicas ?? 0) > 0);
  const rsLine = (rs: ReplicaSet): string =>
    `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas} replicas created)`;
  w.write(0, `OldReplicaSets:\t${old.length ? old.map(rsLine).join(', ') : '<none>'}\n`);
  w.write(0, `NewReplicaSet:\t${newRS ? rsLine(newRS) : '<none>'}\n`);
  describeEvents(w, events, now);
  return w.done();
}

export function describeReplicaSet({ obj, events, now, related }: DescribeInput): string {
  const rs = obj as ReplicaSet;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const ctrl = controllerOf(rs);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas} desired\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(related.pods)}\n`);
  describePodTemplate(w, rs.spec.template);
  const conds = (rs.status as { conditions?: { type: string; status: string; reason?: string }[] })
    ?.conditions;
  if (conds?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, events, now);
  return w.done();
}

export function describeEndpoints({ obj, events, now }: DescribeInput): string {
  const ep = obj as Endpoints;
  const w = new DescribeWriter();
  describeObjectMeta(w, ep.metadata);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(
      1,
      `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
    );
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, events, now);
  return w.done();
}

// kubectl v0.34.9 pkg/describe/describe.go describeEndpointSliceV1: the ports table (or
// `Ports: <unset>`), then one `- Addresses:` entry per endpoint with its ready condition, hostname,
// target, node and zone, `<unset>` for what the endpoint leaves out.
export function describeEndpointSlice({ obj, events, now }: DescribeInput): string {
  const eps = obj as EndpointSlice;
  const w = new DescribeWriter();
  describeObjectMeta(w, eps.metadata);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) {
    w.write(0, 'Ports: <unset>\n');
  } else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) {
      w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}\n`);
    }
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(0, 'Endpoints: <none>\n');
  } else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = (e.conditions as { ready?: boolean } | undefined)?.ready;
      w.write(3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${(e as { zone?: string }).zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, events, now);
  return w.done();
}

export function describeNamespace({ obj }: DescribeInput): string {
  const ns = obj as Namespace;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.done();
}
