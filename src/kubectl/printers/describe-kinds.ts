// Per-kind describers in kubectl 1.34's layout [kubectl pkg/describe/describe.go: describePod,
// describeService (reference §B14), describeDeployment, describeReplicaSet, describeEndpoints,
// describeNode, describeNamespace].
import type {
  Container,
  ContainerState,
  ContainerStatus,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  K8sObject,
  Namespace,
  Node,
  Pod,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  Service,
  ServicePort,
} from '../../sim/api/types';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { translateTimestampSince } from './duration';
import { selectorString } from './tables';

export interface DescribeInput {
  obj: K8sObject;
  events: Event[];
  now: number;
  /** Lists the describer may need (pods of a ReplicaSet, slices of a Service, pods on a node…). */
  related: {
    pods?: Pod[];
    endpointSlices?: EndpointSlice[];
    replicaSets?: ReplicaSet[];
  };
}

const bool = (b: boolean | undefined): string => (b ? 'True' : 'False');

function tolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: Record<string, unknown>[] | undefined,
  indent = '',
): void {
  w.write(0, `${indent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(0, `${indent}\t`);
    let s = String(t.key ?? '');
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

function describeStatus(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
    if (state.waiting.message) w.write(3, `Message:\t${state.waiting.message}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  space: string,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const st = statuses ? byName.get(c.name) : undefined;
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? [])
      .map((p) => `${(p as { hostPort?: number }).hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
      .join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const a of c.command) w.write(3, `${a}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const a of c.args) w.write(3, `${a}\n`);
    }
    if (st) {
      describeStatus(w, 'State', st.state);
      if (st.lastState?.terminated) describeStatus(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${bool(st.ready)}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    // describe.go describeContainerProbe: after the state (and resources), before the environment.
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (c.env?.length) {
      w.write(2, 'Environment:\n');
      for (const e of c.env) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    } else w.write(2, 'Environment:\t<none>\n');
    const mounts =
      (c as { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }).volumeMounts ?? [];
    if (mounts.length === 0) w.write(2, 'Mounts:\t<none>\n');
    else {
      w.write(2, 'Mounts:\n');
      for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
    }
  }
}

function describeVolumes(w: DescribeWriter, volumes: { name: string }[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(0, `${space}  ${v.name}:\n`);
    const projected = (v as { projected?: unknown }).projected;
    if (projected) {
      w.write(
        0,
        `${space}    Type:\tProjected (a volume that contains injected data from multiple sources)\n`,
      );
    }
  }
}

function controllerOf(obj: K8sObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod({ obj, events, now }: DescribeInput): string {
  const pod = obj as Pod;
  const w = new DescribeWriter();
  const spec = pod.spec;
  const st = pod.status ?? ({} as Pod['status']);
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(
      0,
      `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, now)})\n`,
    );
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else {
    w.write(0, `Status:\t${st.phase}\n`);
  }
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs || st.podIPs.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs) w.write(0, `  IP:\t${ip.ip}\n`);
  }
  const ctrl = controllerOf(pod);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl}\n`);
  describeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses ?? [], '');
  if (st.conditions && st.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, (spec as { volumes?: { name: string }[] }).volumes, '');
  w.write(0, `QoS Class:\t${st.qosClass ?? 'BestEffort'}\n`);
  labelsMultiline(w, 'Node-Selectors', (spec as { nodeSelector?: Record<string, string> }).nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, events, now);
  return w.done();
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
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
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

function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!t) {
    w.write(1, '<unset>');
    return;
  }
  labelsMultiline(w, 'Labels', t.metadata?.labels, '  ');
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) {
    annotationsMultiline(w, '  Annotations', t.metadata.annotations);
  }
  if (t.spec.serviceAccountName) w.write(1, `Service Account:\t${t.spec.serviceAccountName}\n`);
  describeContainers(w, 'Containers', t.spec.containers ?? [], undefined, '  ');
  describeVolumes(w, (t.spec as { volumes?: { name: string }[] }).volumes, '  ');
  labelsMultiline(
    w,
    'Node-Selectors',
    (t.spec as { nodeSelector?: Record<string, string> }).nodeSelector,
    '  ',
  );
  tolerationsMultiline(w, 'Tolerations', t.spec.tolerations, '  ');
}

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
  describeEvents(w, events, now);
  return w.done();
}

export function describeEndpoints({ obj, events, now }: DescribeInput): string {
  const ep = obj as Endpoints;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', ep.metadata.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata.annotations);
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

export function describeNode({ obj, events, now, related }: DescribeInput): string {
  const n = obj as Node;
  const w = new DescribeWriter();
  const info = n.status?.nodeInfo ?? {};
  w.write(0, `Name:\t${n.metadata.name}\n`);
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', n.metadata.labels);
  annotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  const taints = n.spec?.taints ?? [];
  w.write(
    0,
    `Taints:\t${taints.length ? taints.map((t) => `${t.key}:${t.effect}`).join('\n\t') : '<none>'}\n`,
  );
  w.write(0, `Unschedulable:\t${(n.spec as { unschedulable?: boolean }).unschedulable ? 'true' : 'false'}\n`);
  const conds = n.status?.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds as ((typeof conds)[number] & {
      lastHeartbeatTime?: string;
      lastTransitionTime?: string;
    })[]) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? n.metadata.creationTimestamp)} \t${rfc1123z(c.lastTransitionTime ?? n.metadata.creationTimestamp)} \t${c.reason} \t${c.message}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of n.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const res = (title: string, m: Record<string, string> | undefined): void => {
    if (!m) return;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(m).sort()) w.write(1, `${k}:\t${m[k]}\n`);
  };
  res('Capacity', n.status?.capacity);
  res('Allocatable', n.status?.allocatable);
  w.write(0, 'System Info:\n');
  const sys: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of sys) w.write(1, `${label}:\t${info[key] ?? ''}\n`);
  if (n.spec?.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  const pods = (related.pods ?? []).filter(
    (p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) {
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${translateTimestampSince(p.metadata.creationTimestamp, now)}\n`,
    );
  }
  describeEvents(w, events, now);
  return w.done();
}

/** describe.go DescribeProbe: the handler (Go's url.URL String, %v of a []string) and its numbers. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = String(g.port ?? '');
    const host = g.host ?? '';
    // net.JoinHostPort brackets an IPv6 host; url.URL adds a '/' before a path that lacks one.
    const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const path = g.path ?? '';
    const sep = path !== '' && !path.startsWith('/') ? '/' : '';
    const scheme = (g.scheme ?? '').toLowerCase();
    const authority = hostPort === '' ? '' : `//${hostPort}`;
    return `http-get ${scheme === '' ? '' : `${scheme}:`}${authority}${sep}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
