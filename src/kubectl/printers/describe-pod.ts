// kubectl describe pod, and the Pod Template block of describe deployment / replicaset
// [kubectl v0.34.9 pkg/describe/describe.go describePod, DescribePodTemplate, describeVolumes,
// describeTopologySpreadConstraints, printTolerationsMultilineWithIndent].

import type { ContainerStatus, Pod, PodTemplateSpec } from '../../sim/api/types';
import { computePodQOS } from '../../sim/apiserver/qos';
import { describeContainers, describeResources } from './describe-containers';
import type { DescribeInput } from './describe-kinds';
import { quantityString } from './describe-quantity';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { translateTimestampSince } from './duration';
import { selectorString } from './tables';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed decoded JSON.
type Any = any;

const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const optional = (ref: Any): boolean => ref?.optional === true;

/**
 * printTolerationsMultilineWithIndent: sorted by key (sort.Slice; Go's insertion sort for the
 * few tolerations a Pod has keeps equal keys in order, as a stable sort does).
 */
function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: unknown): void {
  w.write(0, `${title}:\t`);
  const ts = [...list(tolerations)].sort((a, b) =>
    str(a?.key) < str(b?.key) ? -1 : str(a?.key) > str(b?.key) ? 1 : 0,
  );
  if (ts.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  ts.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = str(t?.key);
    if (t?.value) s += `=${t.value}`;
    if (t?.effect) s += `:${t.effect}`;
    if (t?.operator === 'Exists' && !t?.value) s += t?.key || t?.effect ? ' op=Exists' : 'op=Exists';
    if (typeof t?.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** describeTopologySpreadConstraints: nothing when there are none; sorted by topology key. */
function topologySpread(w: DescribeWriter, tscs: unknown, space: string): void {
  const cs = [...list(tscs)].sort((a, b) =>
    str(a?.topologyKey) < str(b?.topologyKey) ? -1 : str(a?.topologyKey) > str(b?.topologyKey) ? 1 : 0,
  );
  if (cs.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  cs.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let s = `${str(c?.topologyKey)}:${str(c?.whenUnsatisfiable)} when max skew ${Number(c?.maxSkew ?? 0)} is exceeded`;
    if (c?.labelSelector) s += ` for selector ${selectorString(c.labelSelector) || '<none>'}`;
    w.write(0, `${s}\n`);
  });
}

/** One volume's source lines (LEVEL_2, continuation lines with four literal spaces). */
function volumeSource(w: DescribeWriter, v: Any): void {
  if (v.hostPath) {
    w.write(2, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(
      0,
      `    Path:\t${str(v.hostPath.path)}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`, // a defaulted "" prints empty (printHostPathVolumeSource)
    );
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit;
    const size = limit !== undefined && limit !== null ? quantityString(limit, false) : '';
    w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
    w.write(0, `    Medium:\t${str(v.emptyDir.medium)}\n`);
    // `SizeLimit.Cmp(Quantity{}) > 0`: an unset, zero or negative limit prints <unset>.
    w.write(0, `    SizeLimit:\t${size === '' || size === '0' || size.startsWith('-') ? '<unset>' : size}\n`);
  } else if (v.gitRepo) {
    w.write(2, 'Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n');
    w.write(0, `    Repository:\t${str(v.gitRepo.repository)}\n    Revision:\t${str(v.gitRepo.revision)}\n`);
  } else if (v.secret) {
    w.write(2, 'Type:\tSecret (a volume populated by a Secret)\n');
    w.write(0, `    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${optional(v.secret)}\n`);
  } else if (v.configMap) {
    w.write(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
    w.write(0, `    Name:\t${str(v.configMap.name)}\n    Optional:\t${optional(v.configMap)}\n`);
  } else if (v.nfs) {
    w.write(2, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n');
    w.write(
      0,
      `    Server:\t${str(v.nfs.server)}\n    Path:\t${str(v.nfs.path)}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`,
    );
  } else if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    w.write(
      2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n',
    );
    w.write(0, `    ClaimName:\t${str(c.claimName)}\n    ReadOnly:\t${c.readOnly === true}\n`);
  } else if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of list(v.downwardAPI.items)) {
      if (item?.fieldRef) w.write(3, `${str(item.fieldRef.fieldPath)} -> ${str(item.path)}\n`);
      if (item?.resourceFieldRef) w.write(3, `${str(item.resourceFieldRef.resource)} -> ${str(item.path)}\n`);
    }
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of list(v.projected.sources)) {
      if (s?.secret) w.write(2, `SecretName:\t${str(s.secret.name)}\n    Optional:\t${optional(s.secret)}\n`);
      else if (s?.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (s?.configMap)
        w.write(2, `ConfigMapName:\t${str(s.configMap.name)}\n    Optional:\t${optional(s.configMap)}\n`);
      else if (s?.serviceAccountToken)
        w.write(2, `TokenExpirationSeconds:\t${Number(s.serviceAccountToken.expirationSeconds ?? 0)}\n`);
    }
  } else if (v.csi) {
    const c = v.csi;
    w.write(2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n');
    w.write(
      0,
      `    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n    ReadOnly:\t${c.readOnly === true}\n`,
    );
    // printCSIPersistentVolumeAttributesMultiline: sorted key=value, each cut at 140 characters.
    w.write(2, 'VolumeAttributes:\t');
    const attrs = (c.volumeAttributes ?? {}) as Record<string, unknown>;
    const keys = Object.keys(attrs).sort();
    if (keys.length === 0) w.write(0, '<none>\n');
    keys.forEach((k, i) => {
      // Every Write is at LEVEL_2, the separators and the value included (hence the spaces).
      if (i !== 0) {
        w.write(2, '');
        w.write(2, '\t');
      }
      const line = `${k}=${str(attrs[k])}`;
      w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
  } else if (v.image) {
    w.write(2, 'Type:\tImage (a container image or OCI artifact)\n');
    w.write(0, `    Reference:\t${str(v.image.reference)}\n    PullPolicy:\t${str(v.image.pullPolicy)}\n`);
  }
  // The other sources (ephemeral, iscsi, rbd, cephfs, fc, cloud disks…) print only their name
  // here: their kubectl lines are not reproduced.
}

/** describeVolumes: a template's volume names are indented one more space. */
function describeVolumes(w: DescribeWriter, volumes: unknown, space: string): void {
  const vs = list(volumes);
  if (vs.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of vs) {
    w.write(1, `${space ? ' ' : ''}${str(v?.name)}:\n`);
    volumeSource(w, v ?? {});
  }
}

function controllerOf(pod: Pod): string {
  const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod({ obj, events, now }: DescribeInput): string {
  const pod = obj as Pod;
  const w = new DescribeWriter();
  const spec = pod.spec as Any;
  const st = (pod.status ?? {}) as Any;
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${str(st.hostIP)}\n` : 'Node:\t<none>\n');
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
    w.write(0, `Status:\t${str(st.phase)}\n`);
  }
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
  w.write(0, `IP:\t${str(st.podIP)}\n`);
  const ips = list(st.podIPs);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${str(ip?.ip)}\n`);
  }
  const ctrl = controllerOf(pod);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (spec.resources && typeof spec.resources === 'object') {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources, 1);
  }
  const statuses = (x: unknown): ContainerStatus[] => list(x);
  if (list(spec.initContainers).length > 0) {
    describeContainers(
      w,
      'Init Containers',
      spec.initContainers,
      statuses(st.initContainerStatuses),
      '',
      pod,
    );
  }
  describeContainers(w, 'Containers', list(spec.containers), statuses(st.containerStatuses), '', pod);
  if (list(spec.ephemeralContainers).length > 0) {
    const ec = statuses(st.ephemeralContainerStatuses);
    describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, ec, '', pod);
  }
  const conditions = list(st.conditions);
  const gates = list(spec.readinessGates);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = conditions.find((x) => x?.type === g?.conditionType);
      w.write(1, `${str(g?.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c?.type)} \t${str(c?.status)} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  // qos.GetPodQOS: the stored class, computed only when the status has none.
  w.write(0, `QoS Class:\t${st.qosClass || computePodQOS(spec)}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  topologySpread(w, spec.topologySpreadConstraints, '');
  describeEvents(w, events, now);
  return w.done();
}

/** DescribePodTemplate (describe deployment / replicaset). */
export function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!t) {
    w.write(1, '<unset>');
    return;
  }
  const spec = (t.spec ?? {}) as Any;
  labelsMultiline(w, '  Labels', t.metadata?.labels);
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) {
    annotationsMultiline(w, '  Annotations', t.metadata.annotations);
  }
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (list(spec.initContainers).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  }
  describeContainers(w, 'Containers', list(spec.containers), undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  topologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
