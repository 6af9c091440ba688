// kube-scheduler 1.34's default Filter plugins, in the profile's order, and their reasons and codes
// (pkg/scheduler/framework/plugins/*; Unschedulable "U" leaves the node to preemption,
// UnschedulableAndUnresolvable "UU" does not):
//   NodeUnschedulable  UU "node(s) were unschedulable" (tolerating node.kubernetes.io/unschedulable:NoSchedule passes)
//   NodeName           UU "node(s) didn't match the requested node name"
//   TaintToleration    UU "node(s) had untolerated taint {<key>: <value>}" (the node's first untolerated
//                      NoSchedule/NoExecute taint; v1.34.0/1 — the generic "taint(s)" text is kubernetes#134740,
//                      cherry-picked into a later 1.34 patch)
//   NodeAffinity       UU "node(s) didn't match Pod's node affinity/selector"
//   NodePorts          U  "node(s) didn't have free ports for the requested pod ports"
//   NodeResourcesFit   U  "Too many pods", "Insufficient cpu", "Insufficient memory", "Insufficient ephemeral-storage";
//                      UU when a request is larger than the node's whole allocatable (kubernetes#131345, 1.34)
//   PodTopologySpread  U  "node(s) didn't match pod topology spread constraints",
//                      UU "… (missing required label)"
//   InterPodAffinity   UU "node(s) didn't match pod affinity rules", U "node(s) didn't match pod anti-affinity
//                      rules", U "node(s) didn't satisfy existing pods anti-affinity rules"
// A node's status is the first failing plugin's (RunFilterPlugins stops there).
import type { LabelSelector, Labels, Node, Pod } from '../api/types';
import { requiredNodeAffinity, selects, tolerated, untoleratedTaint, withLabelKeys } from './scheduler-match';
import {
  type Allocatable,
  allocatable,
  hostPortsOf,
  podRequests,
  portsConflict,
  type Req,
} from './scheduler-resources';
import type { Entry, SchedState } from './scheduler-state';

// biome-ignore lint/suspicious/noExplicitAny: Pod and Node specs are loosely typed decoded JSON.
type Any = any;

export type Code = 'U' | 'UU';
export interface Status {
  plugin: string;
  code: Code;
  reasons: readonly string[];
}

const st = (plugin: string, code: Code, ...reasons: string[]): Status => ({ plugin, code, reasons });

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
export const REASON_SPREAD_LABEL = `${REASON_SPREAD} (missing required label)`;
export const REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const REASON_EXISTING_ANTI = "node(s) didn't satisfy existing pods anti-affinity rules";

/** An affinity term as framework.AffinityTerm holds it. */
export interface Term {
  namespaces: Set<string>;
  /** Existing Pods' terms keep their namespaceSelector; the incoming Pod's are merged into `namespaces`. */
  nsSelector: LabelSelector | null;
  selector: LabelSelector | null | undefined;
  key: string;
  weight: number;
}

export interface SpreadConstraint {
  key: string;
  maxSkew: number;
  minDomains: number;
  selector: LabelSelector | null | undefined;
  affinityHonor: boolean;
  taintsHonor: boolean;
}

interface SpreadPre {
  constraints: SpreadConstraint[];
  counts: Map<string, number>[];
  min: number[];
}

interface AffinityPre {
  affinity: Term[];
  anti: Term[];
  existingAnti: Map<string, number>;
  affinityCounts: Map<string, number>;
  antiCounts: Map<string, number>;
}

/** What PreFilter computes once per scheduling cycle. */
export interface Cycle {
  pod: Pod;
  spec: Any;
  ns: string;
  tolerations: Any[];
  req: Req;
  ports: string[] | undefined;
  /** NodeAffinity's PreFilterResult: the nodes named by matchFields metadata.name In terms. */
  nodeNames: Set<string> | undefined;
  spread: SpreadPre | undefined;
  affinity: AffinityPre | undefined;
}

export interface Env {
  state: SchedState;
  nodes: readonly Node[];
  /** A namespace's labels (for namespaceSelector). */
  nsLabels(ns: string): Labels | undefined;
  /** Every namespace's name and labels. */
  namespaces(): { name: string; labels: Labels | undefined }[];
}

const pair = (k: string, v: string) => `${k}\u0000${v}`;

/** framework.AffinityTerm for each of a Pod's terms (getNamespacesFromPodAffinityTerm). */
export function affinityTerms(pod: Pod, terms: unknown, weighted: boolean): Term[] {
  if (!Array.isArray(terms)) return [];
  const out: Term[] = [];
  for (const raw of terms) {
    const t: Any = weighted ? raw?.podAffinityTerm : raw;
    if (!t || typeof t !== 'object') continue;
    const nss: string[] = Array.isArray(t.namespaces) ? t.namespaces : [];
    const nsSel = t.namespaceSelector ?? null;
    const namespaces = new Set(nss.length === 0 && nsSel === null ? [pod.metadata.namespace as string] : nss);
    out.push({
      namespaces,
      nsSelector: nsSel,
      selector: withLabelKeys(
        t.labelSelector ?? null,
        pod.metadata.labels,
        t.matchLabelKeys,
        t.mismatchLabelKeys,
      ),
      key: String(t.topologyKey ?? ''),
      weight: weighted ? Number(raw?.weight ?? 0) : 1,
    });
  }
  return out;
}

/** AffinityTerm.Matches. */
export function termMatchesPod(t: Term, pod: Pod, nsLabels: Labels | undefined): boolean {
  const ns = pod.metadata.namespace as string;
  if (!t.namespaces.has(ns) && !(t.nsSelector && nsLabels !== undefined && selects(t.nsSelector, nsLabels)))
    return false;
  return selects(t.selector, pod.metadata.labels);
}

/** mergeAffinityTermNamespacesIfNotEmpty: the incoming Pod's namespaceSelector becomes names. */
function mergeNamespaces(terms: Term[], env: Env): void {
  for (const t of terms) {
    if (!t.nsSelector) continue;
    for (const n of env.namespaces()) if (selects(t.nsSelector, n.labels ?? {})) t.namespaces.add(n.name);
    t.nsSelector = null;
  }
}

/** countPodsMatchSelector: live (not terminating) Pods of `ns` on the node that the selector selects. */
export function countMatching(
  entries: Iterable<Entry>,
  sel: LabelSelector | null | undefined,
  ns: string,
): number {
  let n = 0;
  for (const e of entries)
    if (
      e.pod.metadata.namespace === ns &&
      !e.pod.metadata.deletionTimestamp &&
      selects(sel, e.pod.metadata.labels)
    )
      n++;
  return n;
}

/** filterTopologySpreadConstraints for one whenUnsatisfiable action. */
export function spreadConstraints(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const raw: Any[] = Array.isArray((pod.spec as Any).topologySpreadConstraints)
    ? (pod.spec as Any).topologySpreadConstraints
    : [];
  const out: SpreadConstraint[] = [];
  for (const c of raw) {
    if (c?.whenUnsatisfiable !== action) continue;
    out.push({
      key: String(c.topologyKey ?? ''),
      maxSkew: Number(c.maxSkew ?? 1),
      minDomains: Number(c.minDomains ?? 1),
      selector: withLabelKeys(c.labelSelector ?? null, pod.metadata.labels, c.matchLabelKeys),
      affinityHonor: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      taintsHonor: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

/** topologySpreadConstraint.matchNodeInclusionPolicies. */
export function includesNode(c: SpreadConstraint, cy: Cycle, node: Node): boolean {
  if (c.affinityHonor && !requiredNodeAffinity(cy.spec, node)) return false;
  if (c.taintsHonor && untoleratedTaint(node, cy.tolerations)) return false;
  return true;
}

function spreadPreFilter(cy: Cycle, env: Env): SpreadPre | undefined {
  if (!cy.spec.topologySpreadConstraints) return undefined;
  const constraints = spreadConstraints(cy.pod, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of env.nodes) {
    const labels: Labels = node.metadata.labels ?? {};
    if (!constraints.every((c) => Object.hasOwn(labels, c.key))) continue;
    const agg = env.state.nodes.get(node.metadata.name);
    constraints.forEach((c, i) => {
      if (!includesNode(c, cy, node)) return;
      const v = labels[c.key] as string;
      const m = counts[i] as Map<string, number>;
      m.set(v, (m.get(v) ?? 0) + (agg ? countMatching(agg.entries, c.selector, cy.ns) : 0));
    });
  }
  const min = constraints.map((c, i) => {
    const m = counts[i] as Map<string, number>;
    if (m.size < c.minDomains) return 0;
    let lo = Number.POSITIVE_INFINITY;
    for (const v of m.values()) lo = Math.min(lo, v);
    return lo;
  });
  return { constraints, counts, min };
}

function affinityPreFilter(cy: Cycle, env: Env): AffinityPre | undefined {
  const a = cy.spec?.affinity;
  // PreFilter returns Skip without any term on either side (the common case: nothing allocated).
  if (!a?.podAffinity && !a?.podAntiAffinity && env.state.withRequiredAnti.size === 0) return undefined;
  const affinity = affinityTerms(
    cy.pod,
    a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    false,
  );
  const anti = affinityTerms(
    cy.pod,
    a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    false,
  );
  mergeNamespaces(affinity, env);
  mergeNamespaces(anti, env);
  const nodeLabels = new Map<string, Labels>();
  for (const n of env.nodes) nodeLabels.set(n.metadata.name, n.metadata.labels ?? {});
  const existingAnti = new Map<string, number>();
  const nsLabels = env.nsLabels(cy.ns);
  const bump = (m: Map<string, number>, node: string, key: string) => {
    const labels = nodeLabels.get(node);
    if (!labels || !Object.hasOwn(labels, key)) return;
    const p = pair(key, labels[key] as string);
    m.set(p, (m.get(p) ?? 0) + 1);
  };
  for (const e of env.state.withRequiredAnti) {
    const terms = affinityTerms(
      e.pod,
      (e.pod.spec as Any).affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      false,
    );
    for (const t of terms) if (termMatchesPod(t, cy.pod, nsLabels)) bump(existingAnti, e.node, t.key);
  }
  const affinityCounts = new Map<string, number>();
  const antiCounts = new Map<string, number>();
  if (affinity.length > 0 || anti.length > 0)
    for (const e of env.state.byUid.values()) {
      if (affinity.length > 0 && affinity.every((t) => termMatchesPod(t, e.pod, undefined)))
        for (const t of affinity) bump(affinityCounts, e.node, t.key);
      for (const t of anti) if (termMatchesPod(t, e.pod, undefined)) bump(antiCounts, e.node, t.key);
    }
  if (existingAnti.size === 0 && affinity.length === 0 && anti.length === 0) return undefined;
  return { affinity, anti, existingAnti, affinityCounts, antiCounts };
}

/** NodeAffinity's PreFilter: the union over terms of each term's matchFields metadata.name In values. */
function nodeNamesOf(spec: Any): Set<string> | undefined {
  const terms: Any[] | undefined =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t?.matchFields ?? []) {
      if (r?.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set<string>(Array.isArray(r.values) ? r.values : []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export function preFilter(pod: Pod, env: Env): Cycle {
  const spec: Any = pod.spec;
  const cy: Cycle = {
    pod,
    spec,
    ns: pod.metadata.namespace as string,
    tolerations: Array.isArray(spec.tolerations) ? spec.tolerations : [],
    req: podRequests(spec, false),
    ports: hostPortsOf(pod),
    nodeNames: nodeNamesOf(spec),
    spread: undefined,
    affinity: undefined,
  };
  cy.spread = spreadPreFilter(cy, env);
  cy.affinity = affinityPreFilter(cy, env);
  return cy;
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

function resourcesFit(cy: Cycle, alloc: Allocatable, env: Env, node: string): Status | undefined {
  const agg = env.state.nodes.get(node);
  const used = agg?.req;
  const r = cy.req;
  const pods = (agg?.pods ?? 0) + 1 > alloc.pods;
  const cpu = r.cpu > 0 && r.cpu > alloc.cpu - (used?.cpu ?? 0);
  const mem = r.mem > 0 && r.mem > alloc.mem - (used?.mem ?? 0);
  const eph = r.eph > 0 && r.eph > alloc.eph - (used?.eph ?? 0);
  // The common case allocates nothing.
  if (!pods && !cpu && !mem && !eph) return undefined;
  const reasons: string[] = [];
  if (pods) reasons.push('Too many pods');
  if (cpu) reasons.push('Insufficient cpu');
  if (mem) reasons.push('Insufficient memory');
  if (eph) reasons.push('Insufficient ephemeral-storage');
  const whole = (cpu && r.cpu > alloc.cpu) || (mem && r.mem > alloc.mem) || (eph && r.eph > alloc.eph);
  return st('NodeResourcesFit', whole ? 'UU' : 'U', ...reasons);
}

function spreadFilter(cy: Cycle, node: Node): Status | undefined {
  const s = cy.spread;
  if (!s) return undefined;
  const labels: Labels = node.metadata.labels ?? {};
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as SpreadConstraint;
    if (!Object.hasOwn(labels, c.key)) return st('PodTopologySpread', 'UU', REASON_SPREAD_LABEL);
    const self = selects(c.selector, cy.pod.metadata.labels) ? 1 : 0;
    const match = (s.counts[i] as Map<string, number>).get(labels[c.key] as string) ?? 0;
    if (match + self - (s.min[i] as number) > c.maxSkew) return st('PodTopologySpread', 'U', REASON_SPREAD);
  }
  return undefined;
}

function affinityFilter(cy: Cycle, node: Node): Status | undefined {
  const s = cy.affinity;
  if (!s) return undefined;
  const labels: Labels = node.metadata.labels ?? {};
  let exist = true;
  for (const t of s.affinity) {
    if (!Object.hasOwn(labels, t.key)) return st('InterPodAffinity', 'UU', REASON_AFFINITY);
    if ((s.affinityCounts.get(pair(t.key, labels[t.key] as string)) ?? 0) <= 0) exist = false;
  }
  if (
    !exist &&
    !(s.affinityCounts.size === 0 && s.affinity.every((t) => termMatchesPod(t, cy.pod, undefined)))
  )
    return st('InterPodAffinity', 'UU', REASON_AFFINITY);
  if (s.antiCounts.size > 0)
    for (const t of s.anti)
      if (Object.hasOwn(labels, t.key) && (s.antiCounts.get(pair(t.key, labels[t.key] as string)) ?? 0) > 0)
        return st('InterPodAffinity', 'U', REASON_ANTI_AFFINITY);
  if (s.existingAnti.size > 0)
    for (const k of Object.keys(labels))
      if ((s.existingAnti.get(pair(k, labels[k] as string)) ?? 0) > 0)
        return st('InterPodAffinity', 'U', REASON_EXISTING_ANTI);
  return undefined;
}

/** RunFilterPlugins: the first failing plugin's status, or undefined when the node fits. */
export function filterNode(cy: Cycle, node: Node, env: Env): Status | undefined {
  const spec: Any = node.spec ?? {};
  if (spec.unschedulable && !tolerated(cy.tolerations, UNSCHEDULABLE_TAINT))
    return st('NodeUnschedulable', 'UU', REASON_UNSCHEDULABLE);
  if (cy.spec.nodeName && cy.spec.nodeName !== node.metadata.name)
    return st('NodeName', 'UU', REASON_NODE_NAME);
  const taint = untoleratedTaint(node, cy.tolerations);
  if (taint)
    return st('TaintToleration', 'UU', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  if (!requiredNodeAffinity(cy.spec, node)) return st('NodeAffinity', 'UU', REASON_NODE_AFFINITY);
  if (cy.ports) {
    const used = env.state.nodes.get(node.metadata.name)?.ports;
    if (used && used.length > 0 && portsConflict(cy.ports, used)) return st('NodePorts', 'U', REASON_PORTS);
  }
  return (
    resourcesFit(cy, allocatable(node), env, node.metadata.name) ??
    spreadFilter(cy, node) ??
    affinityFilter(cy, node)
  );
}
