// The server-side table columns kubectl prints for each kind (kubernetes pkg/printers/internalversion
// printers.go: printPod, printService, printEndpoints, printEndpointSlice, printDeployment,
// printReplicaSet, printNamespace, printNode, printEvent, printConfigMap, printSecret,
// printServiceAccount, printDaemonSet). Columns are data; a row is a function
// of the object and the simulated clock. Reference §B3, §B6, §B7, §B8.
import type {
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Job,
  K8sObject,
  KindName,
  LabelSelector,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
} from '../../sim/api/types';
import { humanDuration, parseTime, translateTimestampSince } from './duration';
import { printPodCells } from './print-pod';
import { pdbTable } from './tables-pdb';
import { persistentVolumeClaimTable, persistentVolumeTable, storageClassTable } from './tables-storage';

export interface TableDef {
  headers: string[];
  wideHeaders: string[];
  row(obj: K8sObject, now: number, wide: boolean): string[];
}

/** labels.FormatLabels: `k=v,…` with keys sorted, `<none>` when empty. */
export function formatLabelsOrNone(labels: Record<string, string> | undefined): string {
  if (!labels) return '<none>';
  const keys = Object.keys(labels);
  if (keys.length === 0) return '<none>';
  keys.sort();
  let s = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    s += i === 0 ? `${k}=${labels[k]}` : `,${k}=${labels[k]}`;
  }
  return s;
}

/** metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key. */
export function selectorString(ls: LabelSelector | undefined): string {
  if (!ls) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of ls.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${vals})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${vals})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

// ------------------------------------------------------------------ pods

/** STATUS of `kubectl get pods` (printPod): init containers, waiting/terminated reasons, Terminating… */
export function podStatusReason(pod: Pod): string {
  return printPodCells(pod, 0).reason;
}

/** READY: ready containers (and started, ready sidecars) of the containers and sidecars. */
export function podReady(pod: Pod): string {
  return printPodCells(pod, 0).ready;
}

/** RESTARTS: `0`, or `N (Xm ago)` from the latest lastState.terminated.finishedAt. */
export function podRestarts(pod: Pod, now: number): string {
  return printPodCells(pod, now).restarts;
}

const podTable: TableDef = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(obj, now, wide) {
    const pod = obj as Pod;
    const cells = [
      pod.metadata.name,
      podReady(pod),
      podStatusReason(pod),
      podRestarts(pod, now),
      translateTimestampSince(pod.metadata.creationTimestamp, now),
    ];
    if (wide) {
      const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
      cells.push(ip, pod.spec?.nodeName || '<none>', '<none>', '<none>');
    }
    return cells;
  },
};

// ------------------------------------------------------------------ services

const LOAD_BALANCER_WIDTH = 16;

export function serviceExternalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec;
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const set = new Set<string>();
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip) set.add(ing.ip);
        else if (ing.hostname) set.add(ing.hostname);
      }
      let lb = [...set].sort().join(',');
      if (!wide && lb.length > LOAD_BALANCER_WIDTH) lb = `${lb.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) =>
      p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`,
    )
    .join(',');
}

const serviceTable: TableDef = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row(obj, now, wide) {
    const svc = obj as Service;
    const cells = [
      svc.metadata.name,
      svc.spec.type ?? 'ClusterIP',
      svc.spec.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc, wide),
      servicePorts(svc),
      translateTimestampSince(svc.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(formatLabelsOrNone(svc.spec.selector));
    return cells;
  },
};

// ------------------------------------------------------------------ endpoints & slices

/** formatEndpoints: ready addresses only, `ip:port` per port then address, 3 + ` + N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < 3)
      list.push(p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'));
    else if (list.length === 3) more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      else if (list.length === 3) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

/** The common shape: NAME, the kind's own columns, AGE; nothing more with -o wide. */
function nameAgeTable<T extends K8sObject>(columns: string[], cells: (obj: T) => string[]): TableDef {
  return {
    headers: ['NAME', ...columns, 'AGE'],
    wideHeaders: [],
    row(obj, now) {
      return [
        obj.metadata.name,
        ...cells(obj as T),
        translateTimestampSince(obj.metadata.creationTimestamp, now),
      ];
    },
  };
}

const endpointsTable = nameAgeTable<Endpoints>(['ENDPOINTS'], (ep) => [formatEndpoints(ep)]);

const endpointSliceTable: TableDef = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const s = obj as EndpointSlice;
    return [
      s.metadata.name,
      s.addressType,
      formatDiscoveryPorts(s),
      formatDiscoveryEndpoints(s),
      translateTimestampSince(s.metadata.creationTimestamp, now),
    ];
  },
};

// ------------------------------------------------------------------ workloads

function containerCells(
  spec: { containers?: { name: string; image: string }[] } | undefined,
): [string, string] {
  const cs = spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

const deploymentTable: TableDef = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const cells = [
      d.metadata.name,
      `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      translateTimestampSince(d.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(d.spec.template?.spec), selectorString(d.spec.selector));
    return cells;
  },
};

/** printDaemonSet: the status counts, the template's node selector, then -o wide's containers. */
const daemonSetTable: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const ds = obj as DaemonSet;
    const st = ds.status ?? ({} as DaemonSet['status']);
    const cells = [
      ds.metadata.name,
      String(st.desiredNumberScheduled ?? 0),
      String(st.currentNumberScheduled ?? 0),
      String(st.numberReady ?? 0),
      String(st.updatedNumberScheduled ?? 0),
      String(st.numberAvailable ?? 0),
      formatLabelsOrNone((ds.spec.template.spec as { nodeSelector?: Record<string, string> }).nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(ds.spec.template?.spec), selectorString(ds.spec.selector));
    return cells;
  },
};

/** printStatefulSet: READY is status.readyReplicas/spec.replicas; -o wide adds only the containers. */
const statefulSetTable: TableDef = {
  headers: ['NAME', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES'],
  row(obj, now, wide) {
    const sts = obj as StatefulSet;
    const cells = [
      sts.metadata.name,
      `${sts.status?.readyReplicas ?? 0}/${sts.spec.replicas ?? 0}`,
      translateTimestampSince(sts.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(sts.spec.template?.spec));
    return cells;
  },
};

/**
 * printJob (pkg/printers/internalversion/printers.go): STATUS from the conditions (Complete, Failed,
 * Terminating, Suspended, FailureTarget, SuccessCriteriaMet — added for 1.34 by kubernetes#132832 —
 * else Running); COMPLETIONS succeeded/completions, or
 * `n/1` (`n/1 of p` with parallelism > 1) without completions; DURATION start to completion, or
 * to now while running, empty before it starts.
 */
const jobTable: TableDef = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const job = obj as Job;
    const st = job.status ?? {};
    const succeeded = st.succeeded ?? 0;
    const par = job.spec.parallelism ?? 0;
    const completions =
      job.spec.completions != null
        ? `${succeeded}/${job.spec.completions}`
        : par > 1
          ? `${succeeded}/1 of ${par}`
          : `${succeeded}/1`;
    const start = st.startTime ? parseTime(st.startTime) : undefined;
    const duration =
      start === undefined
        ? ''
        : humanDuration((st.completionTime ? parseTime(st.completionTime) : now) - start);
    const has = (t: string) => st.conditions?.some((c) => c.type === t && c.status === 'True');
    const status = has('Complete')
      ? 'Complete'
      : has('Failed')
        ? 'Failed'
        : job.metadata.deletionTimestamp
          ? 'Terminating'
          : has('Suspended')
            ? 'Suspended'
            : has('FailureTarget')
              ? 'FailureTarget'
              : has('SuccessCriteriaMet')
                ? 'SuccessCriteriaMet'
                : 'Running';
    const cells = [
      job.metadata.name,
      status,
      completions,
      duration,
      translateTimestampSince(job.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(job.spec.template?.spec), selectorString(job.spec.selector));
    return cells;
  },
};

/**
 * printCronJob (pkg/printers/internalversion/printers.go): TIMEZONE `<none>` unless set, SUSPEND
 * printBoolPtr (`<unset>` for nil), ACTIVE the count of status.active, LAST SCHEDULE since
 * lastScheduleTime or `<none>`; wide: the job template's containers and images and its selector.
 */
const cronJobTable: TableDef = {
  headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const cj = obj as CronJob;
    const st = cj.status ?? {};
    const suspend = cj.spec.suspend;
    const cells = [
      cj.metadata.name,
      cj.spec.schedule,
      cj.spec.timeZone ?? '<none>',
      suspend == null ? '<unset>' : suspend ? 'True' : 'False',
      String(st.active?.length ?? 0),
      st.lastScheduleTime ? translateTimestampSince(st.lastScheduleTime, now) : '<none>',
      translateTimestampSince(cj.metadata.creationTimestamp, now),
    ];
    if (wide)
      cells.push(
        ...containerCells(cj.spec.jobTemplate?.spec?.template?.spec),
        // FormatLabelSelector(nil): labels.Nothing() prints empty, shown as <none>.
        selectorString(cj.spec.jobTemplate?.spec?.selector) || '<none>',
      );
    return cells;
  },
};

const replicaSetTable: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, now, wide) {
    const rs = obj as ReplicaSet;
    const st = rs.status ?? ({} as ReplicaSet['status']);
    const cells = [
      rs.metadata.name,
      String(rs.spec.replicas ?? 0),
      String(st.replicas ?? 0),
      String(st.readyReplicas ?? 0),
      translateTimestampSince(rs.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(rs.spec.template?.spec), selectorString(rs.spec.selector));
    return cells;
  },
};

// ------------------------------------------------------------------ cluster objects

const namespaceTable = nameAgeTable<Namespace>(['STATUS'], (ns) => [ns.status?.phase ?? '']);

export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  const unschedulable = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
  return unschedulable ? `${status},SchedulingDisabled` : status;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

const nodeTable: TableDef = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(obj, now, wide) {
    const n = obj as Node;
    const info = n.status?.nodeInfo ?? {};
    const cells = [
      n.metadata.name,
      nodeStatus(n),
      nodeRoles(n),
      translateTimestampSince(n.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
    ];
    if (wide) {
      cells.push(
        nodeAddress(n, 'InternalIP'),
        nodeAddress(n, 'ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      );
    }
    return cells;
  },
};

// ------------------------------------------------------------------ events

const eventTable: TableDef = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  // -o wide replaces the column set (printEvent); see eventWideRow.
  wideHeaders: [],
  row(obj, now, wide) {
    const e = obj as Event;
    const first = translateTimestampSince(e.firstTimestamp || e.metadata.creationTimestamp, now);
    const last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : first;
    const io = e.involvedObject ?? ({} as Event['involvedObject']);
    const kind = (io.kind ?? '').toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    const message = (e.message ?? '').trim();
    if (wide) {
      const src = e.source?.component
        ? e.source.host
          ? `${e.source.component}, ${e.source.host}`
          : e.source.component
        : '';
      return [
        last,
        e.type,
        e.reason,
        target,
        io.fieldPath ?? '',
        src,
        message,
        first,
        String(e.count || 1),
        e.metadata.name,
      ];
    }
    return [last, e.type, e.reason, target, message];
  },
};
const EVENT_WIDE_HEADERS = [
  'LAST SEEN',
  'TYPE',
  'REASON',
  'OBJECT',
  'SUBOBJECT',
  'SOURCE',
  'MESSAGE',
  'FIRST SEEN',
  'COUNT',
  'NAME',
];

// ------------------------------------------------------------------ configuration

/** printConfigMap: DATA counts the keys of data and binaryData together. */
const configMapTable = nameAgeTable<ConfigMap>(['DATA'], (cm) => [
  String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length),
]);

/** printSecret: TYPE as stored (defaulted to Opaque), DATA the number of data keys. */
const secretTable = nameAgeTable<Secret>(['TYPE', 'DATA'], (s) => [
  s.type ?? '',
  String(Object.keys(s.data ?? {}).length),
]);

/** printServiceAccount: SECRETS is len(secrets) (0 since tokens stopped being Secrets in 1.24). */
const serviceAccountTable = nameAgeTable<ServiceAccount>(['SECRETS'], (sa) => [
  String((sa.secrets ?? []).length),
]);

/**
 * printControllerRevision: the controller as `<kind>.<group>/<name>` (formatResourceName of the
 * controllerRef's GroupKind), `<none>` without one.
 */
const controllerRevisionTable: TableDef = {
  headers: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    const group = ref?.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
    const controller = ref ? `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}` : '<none>';
    return [
      obj.metadata.name,
      controller,
      String((obj as { revision?: number }).revision ?? 0),
      translateTimestampSince(obj.metadata.creationTimestamp, now),
    ];
  },
};

export const TABLES: Record<KindName, TableDef> = {
  Pod: podTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Deployment: deploymentTable,
  DaemonSet: daemonSetTable,
  ControllerRevision: controllerRevisionTable,
  ReplicaSet: replicaSetTable,
  Namespace: namespaceTable,
  Node: nodeTable,
  Event: eventTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  StatefulSet: statefulSetTable,
  Job: jobTable,
  CronJob: cronJobTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  PersistentVolume: persistentVolumeTable,
  StorageClass: storageClassTable,
  PodDisruptionBudget: pdbTable,
};

export function tableHeaders(kind: KindName, wide: boolean): string[] {
  if (kind === 'Event' && wide) return EVENT_WIDE_HEADERS;
  const t = TABLES[kind];
  return wide ? [...t.headers, ...t.wideHeaders] : t.headers;
}

/** tableprinter: a cell with a newline is cut at the first one and marked `...`. */
export function cleanCell(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : `${s.slice(0, i)}...`;
}

export interface TableOptions {
  now: number;
  wide: boolean;
  /** `-A`: NAMESPACE column first. */
  withNamespace: boolean;
  /** Several types requested: `kind.group/name` in NAME. */
  kindPrefix: string | undefined;
  showLabels: boolean;
  noHeaders: boolean;
  /** `-L key`: one extra column per label key. */
  labelColumns?: string[];
}

/** Header + rows (cells) for one section of `kubectl get`. */
export function buildRows(kind: KindName, objs: readonly K8sObject[], o: TableOptions): string[][] {
  const def = TABLES[kind];
  const rows: string[][] = [];
  const labelCols = o.labelColumns ?? [];
  if (!o.noHeaders) {
    const h = [...tableHeaders(kind, o.wide)];
    if (o.withNamespace) h.unshift('NAMESPACE');
    for (const l of labelCols) h.push(l.toUpperCase().split('/').pop() as string);
    if (o.showLabels) h.push('LABELS');
    rows.push(h);
  }
  for (const obj of objs) {
    const cells = def.row(obj, o.now, o.wide);
    for (let i = 0; i < cells.length; i++) cells[i] = cleanCell(cells[i] as string);
    // Events name their involved object, not themselves, so no prefix goes on their first column.
    if (o.kindPrefix && kind !== 'Event') cells[0] = `${o.kindPrefix}/${cells[0]}`;
    if (o.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    for (const l of labelCols) cells.push(obj.metadata.labels?.[l] ?? '');
    if (o.showLabels) cells.push(formatLabelsOrNone(obj.metadata.labels));
    rows.push(cells);
  }
  return rows;
}
