// kubectl describe node [kubectl v0.34.9 pkg/describe/describe.go describeNode,
// describeNodeResource, getPodsTotalRequestsAndLimits; pkg/util/resource PodRequestsAndLimits].
// Not printed: the Lease block (the simulated cluster keeps no kube-node-lease Leases).
import type { Node, Pod } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import {
  addQuantity,
  cmpQuantity,
  formatQuantity,
  type Quantity,
  quantityOf,
  scaledQuantity,
  ZERO,
} from './describe-quantity';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { translateTimestampSince } from './duration';

// biome-ignore lint/suspicious/noExplicitAny: Pod and Node specs are loosely typed decoded JSON.
type Any = any;
type ResourceList = Map<string, Quantity>;

const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);
const entries = (rl: unknown): [string, unknown][] =>
  typeof rl === 'object' && rl !== null && !Array.isArray(rl) ? Object.entries(rl) : [];

/** addResourceList: a first quantity is copied (its kept string with it), later ones added. */
function addList(into: ResourceList, rl: unknown): void {
  for (const [name, v] of entries(rl)) {
    const q = quantityOf(v, true);
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}

function addMap(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}

/** maxResourceList: the greater of the two, the existing one on a tie. */
function maxMap(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const have = into.get(name);
    if (!have || cmpQuantity(q, have) > 0) into.set(name, q);
  }
}

/**
 * podRequests / podLimits: the containers summed; init containers by their peak (a restartable
 * init container, restartPolicy Always, also adds to the sum and to every later init container);
 * overhead added (to limits only where non-zero). Container statuses' resources would raise a
 * request during a resize; our statuses have none.
 */
function podTotals(pod: Pod, which: 'requests' | 'limits'): ResourceList {
  const spec = pod.spec as Any;
  const total: ResourceList = new Map();
  for (const c of list(spec.containers)) addList(total, c?.resources?.[which]);
  const restartable: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of list(spec.initContainers)) {
    const own: ResourceList = new Map();
    addList(own, c?.resources?.[which]);
    let peak: ResourceList;
    if (c?.restartPolicy === 'Always') {
      addMap(total, own);
      addMap(restartable, own);
      peak = restartable;
    } else {
      peak = new Map(own);
      addMap(peak, restartable);
    }
    maxMap(init, peak);
  }
  maxMap(total, init);
  for (const [name, v] of entries(spec.overhead)) {
    const have = total.get(name);
    if (which === 'requests')
      total.set(name, have ? addQuantity(have, quantityOf(v, true)) : quantityOf(v, true));
    else if (have && have.n !== 0n) total.set(name, addQuantity(have, quantityOf(v, true)));
  }
  return total;
}

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** `%s (%d%%)`: the quantity and its share of the allocatable, truncated (0 when none). */
function share(q: Quantity, alloc: Quantity, milli: boolean): string {
  const scale = milli ? -3 : 0;
  const a = Number(scaledQuantity(alloc, scale));
  const pct = a === 0 ? 0 : Math.trunc((Number(scaledQuantity(q, scale)) / a) * 100);
  return `${formatQuantity(q)} (${pct}%)`;
}

function describeNodeResource(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(
    1,
    '---------\tname\t\t------------\t----------\t---------------\t-------------\t---\n'.replace(
      'name',
      '----',
    ),
  );
  const status = (node.status ?? {}) as Any;
  const allocList = entries(status.allocatable).length > 0 ? status.allocatable : status.capacity;
  const alloc = (name: string): Quantity => {
    const v = allocList?.[name];
    return v === undefined ? ZERO : quantityOf(v, true);
  };
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const p of pods) {
    const r = podTotals(p, 'requests');
    const l = podTotals(p, 'limits');
    const get = (m: ResourceList, k: string): Quantity => m.get(k) ?? ZERO;
    w.write(
      1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${share(get(r, 'cpu'), alloc('cpu'), true)}\t${share(get(l, 'cpu'), alloc('cpu'), true)}\t${share(get(r, 'memory'), alloc('memory'), false)}\t${share(get(l, 'memory'), alloc('memory'), false)}\t${translateTimestampSince(p.metadata.creationTimestamp, now)}\n`,
    );
    addMap(reqs, r);
    addMap(limits, l);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, milli: boolean): void => {
    const a = alloc(name);
    w.write(
      1,
      `${name}\t${share(reqs.get(name) ?? ZERO, a, milli)}\t${share(limits.get(name) ?? ZERO, a, milli)}\n`,
    );
  };
  row('cpu', true);
  row('memory', false);
  row('ephemeral-storage', false);
  const names = Object.keys(allocList ?? {}).sort();
  for (const name of names.filter(isHugePages)) row(name, false);
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD.has(n) && n !== 'pods')) {
    w.write(
      1,
      `${name}\t${formatQuantity(reqs.get(name) ?? ZERO)}\t${formatQuantity(limits.get(name) ?? ZERO)}\n`,
    );
  }
}

/** Taint.ToString. */
function taintString(t: Any): string {
  const key = String(t?.key ?? '');
  const value = String(t?.value ?? '');
  const effect = String(t?.effect ?? '');
  if (effect === '') return value === '' ? key : `${key}=${value}:`;
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}

export function describeNode({ obj, events, now, related }: DescribeInput): string {
  const n = obj as Node;
  const w = new DescribeWriter();
  const status = (n.status ?? {}) as Any;
  const spec = (n.spec ?? {}) as Any;
  const info = status.nodeInfo ?? {};
  w.write(0, `Name:\t${n.metadata.name}\n`);
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', n.metadata.labels);
  annotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  // printTaintsMultilineWithIndent: sorted by "effect,key".
  const taints = [...list(spec.taints)].sort((a, b) => {
    const ka = `${a?.effect ?? ''},${a?.key ?? ''}`;
    const kb = `${b?.effect ?? ''},${b?.key ?? ''}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  for (const [i, t] of taints.entries()) w.write(0, `${i === 0 ? '' : '\t'}${taintString(t)}\n`);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  const conds = list(status.conditions);
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? n.metadata.creationTimestamp)} \t${rfc1123z(c.lastTransitionTime ?? n.metadata.creationTimestamp)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of list(status.addresses)) w.write(1, `${a?.type}:\t${a?.address}\n`);
  for (const [title, rl] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    const names = entries(rl).map(([k]) => k);
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of names.sort()) w.write(1, `${k}:\t${formatQuantity(quantityOf(rl[k], true))}\n`);
  }
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
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (list(spec.podCIDRs).length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  const pods = (related.pods ?? []).filter(
    (p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  describeNodeResource(w, n, pods, now);
  describeEvents(w, events, now);
  return w.done();
}
