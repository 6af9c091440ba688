// kube-scheduler 1.34's default Score plugins with their profile weights
// (pkg/scheduler/apis/config/v1/default_plugins.go) and NormalizeScore steps, then selectHost
// (pkg/scheduler/schedule_one.go): the highest weighted sum, ties broken uniformly at random
// (reservoir sampling; here with the scheduler's seeded rng). Scoring runs only when more than one
// node is feasible. MaxNodeScore is 100; Go's integer division truncates.
//   TaintToleration x3   intolerable PreferNoSchedule taints, DefaultNormalizeScore reversed
//   NodeAffinity x2      the weights of the matching preferred terms, DefaultNormalizeScore (skipped without any)
//   NodeResourcesFit x1  LeastAllocated over cpu and memory (weight 1 each) of NonZeroRequested
//   PodTopologySpread x2 the Pod's ScheduleAnyway constraints, else the system defaults (hostname maxSkew 3,
//                        zone maxSkew 5) with DefaultSelector (Services, ReplicaSet, StatefulSet)
//   InterPodAffinity x2  preferred terms both ways, existing Pods' required affinity at HardPodAffinityWeight 1
//   NodeResourcesBalancedAllocation x1  1 - std of the cpu/memory fractions of Requested (skipped for a
//                        Pod that requests neither, kubernetes#130260, 1.33)
//   ImageLocality x1     the Pod's images already on the node (status.images), scaled by spread
import type { LabelSelector, Labels, Node } from '../api/types';
import type { Rng } from '../runtime/interfaces';
import {
  affinityTerms,
  type Cycle,
  countMatching,
  type Env,
  includesNode,
  type SpreadConstraint,
  spreadConstraints,
  type Term,
  termMatchesPod,
} from './scheduler-filters';
import { selects, termMatches, tolerated } from './scheduler-match';
import { allocatable, podRequests } from './scheduler-resources';

// biome-ignore lint/suspicious/noExplicitAny: Pod and Node specs are loosely typed decoded JSON.
type Any = any;

const MAX = 100;
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

/** helper.DefaultNormalizeScore. */
function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX * (scores[i] as number)) / max);
    scores[i] = reverse ? MAX - s : s;
  }
}

export function taintScores(cy: Cycle, nodes: readonly Node[]): number[] {
  const prefer = cy.tolerations.filter((t) => !t?.effect || t.effect === 'PreferNoSchedule');
  const out = nodes.map((n) => {
    let c = 0;
    for (const t of (n.spec?.taints ?? []) as Any[])
      if (t.effect === 'PreferNoSchedule' && !tolerated(prefer, t)) c++;
    return c;
  });
  defaultNormalize(out, true);
  return out;
}

export function nodeAffinityScores(cy: Cycle, nodes: readonly Node[]): number[] | undefined {
  const terms = cy.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  const out = nodes.map((n) => {
    let s = 0;
    for (const t of terms) if (Number(t?.weight) && termMatches(t.preference, n)) s += Number(t.weight);
    return s;
  });
  defaultNormalize(out, false);
  return out;
}

/** leastRequestedScore averaged over cpu and memory (resourceAllocationScorer with NonZeroRequested). */
export function leastAllocated(cy: Cycle, nodes: readonly Node[], env: Env): number[] {
  const pod = podRequests(cy.spec, true);
  return nodes.map((n) => {
    const a = allocatable(n);
    const nz = env.state.nodes.get(n.metadata.name)?.nz ?? { cpu: 0, mem: 0 };
    let sum = 0;
    let w = 0;
    for (const [req, cap] of [
      [nz.cpu + pod.cpu, a.cpu],
      [nz.mem + pod.mem, a.mem],
    ] as const) {
      if (cap === 0) continue;
      sum += req > cap ? 0 : Math.trunc(((cap - req) * MAX) / cap);
      w++;
    }
    return w === 0 ? 0 : Math.trunc(sum / w);
  });
}

export function balanced(cy: Cycle, nodes: readonly Node[], env: Env): number[] | undefined {
  const pod = cy.req;
  if (pod.cpu === 0 && pod.mem === 0) return undefined;
  return nodes.map((n) => {
    const a = allocatable(n);
    const used = env.state.nodes.get(n.metadata.name)?.req ?? { cpu: 0, mem: 0 };
    const fractions: number[] = [];
    for (const [req, cap] of [
      [used.cpu + pod.cpu, a.cpu],
      [used.mem + pod.mem, a.mem],
    ] as const)
      if (cap !== 0) fractions.push(Math.min(1, req / cap));
    let std = 0;
    if (fractions.length === 2) std = Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2);
    return Math.trunc((1 - std) * MAX);
  });
}

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: a name without a tag or digest means `:latest`. */
function normalizedImage(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? name : `${name}:latest`;
}

export function imageLocality(cy: Cycle, nodes: readonly Node[], env: Env): number[] {
  const images = new Map<string, { size: number; nodes: number }>();
  for (const n of env.nodes)
    for (const img of ((n.status as Any)?.images ?? []) as Any[])
      for (const name of img?.names ?? []) {
        const e = images.get(name) ?? { size: Number(img.sizeBytes ?? 0), nodes: 0 };
        e.nodes++;
        images.set(name, e);
      }
  const containers: Any[] = [...(cy.spec.initContainers ?? []), ...(cy.spec.containers ?? [])];
  const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
  return nodes.map((n) => {
    const here = new Set<string>();
    for (const img of ((n.status as Any)?.images ?? []) as Any[])
      for (const name of img?.names ?? []) here.add(name);
    let sum = 0;
    for (const c of containers) {
      const name = normalizedImage(String(c?.image ?? ''));
      const s = images.get(name);
      if (s && here.has(name)) sum += Math.trunc(s.size * (s.nodes / env.nodes.length));
    }
    sum = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
    return maxThreshold === MIN_THRESHOLD
      ? 0
      : Math.trunc((MAX * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
  });
}

export function interPodAffinity(cy: Cycle, nodes: readonly Node[], env: Env): number[] | undefined {
  const a = cy.spec?.affinity;
  const prefAff = affinityTerms(
    cy.pod,
    a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    true,
  );
  const prefAnti = affinityTerms(
    cy.pod,
    a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    true,
  );
  const hasConstraints = prefAff.length > 0 || prefAnti.length > 0;
  if (!hasConstraints && env.state.withAffinity.size === 0) return undefined;
  for (const t of [...prefAff, ...prefAnti])
    if (t.nsSelector) {
      for (const n of env.namespaces()) if (selects(t.nsSelector, n.labels ?? {})) t.namespaces.add(n.name);
      t.nsSelector = null;
    }
  const nodeLabels = new Map<string, Labels>();
  for (const n of env.nodes) nodeLabels.set(n.metadata.name, n.metadata.labels ?? {});
  const nsLabels = env.nsLabels(cy.ns);
  const topo = new Map<string, Map<string, number>>();
  const add = (t: Term, labels: Labels, d: number) => {
    if (!Object.hasOwn(labels, t.key)) return;
    let m = topo.get(t.key);
    if (!m) {
      m = new Map();
      topo.set(t.key, m);
    }
    const v = labels[t.key] as string;
    m.set(v, (m.get(v) ?? 0) + d);
  };
  const existing = hasConstraints ? env.state.byUid.values() : env.state.withAffinity.values();
  for (const e of existing) {
    const labels = nodeLabels.get(e.node);
    if (!labels || Object.keys(labels).length === 0) continue;
    for (const t of prefAff) if (termMatchesPod(t, e.pod, undefined)) add(t, labels, t.weight);
    for (const t of prefAnti) if (termMatchesPod(t, e.pod, undefined)) add(t, labels, -t.weight);
    if (!e.affinity) continue;
    const ea = (e.pod.spec as Any).affinity;
    for (const t of affinityTerms(
      e.pod,
      ea?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      false,
    ))
      if (termMatchesPod(t, cy.pod, nsLabels)) add(t, labels, 1);
    for (const t of affinityTerms(
      e.pod,
      ea?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      true,
    ))
      if (termMatchesPod(t, cy.pod, nsLabels)) add(t, labels, t.weight);
    for (const t of affinityTerms(
      e.pod,
      ea?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      true,
    ))
      if (termMatchesPod(t, cy.pod, nsLabels)) add(t, labels, -t.weight);
  }
  if (topo.size === 0) return undefined;
  const out = nodes.map((n) => {
    const labels: Labels = n.metadata.labels ?? {};
    let s = 0;
    for (const [k, m] of topo) if (Object.hasOwn(labels, k)) s += m.get(labels[k] as string) ?? 0;
    return s;
  });
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of out) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const diff = hi - lo;
  return out.map((s) => (diff > 0 ? Math.trunc(MAX * ((s - lo) / diff)) : 0));
}

/** Live Pods of `ns` on `node` the selector selects, through the label index when it can. */
function countOn(env: Env, node: string, sel: LabelSelector | null | undefined, ns: string): number {
  const ml = sel?.matchLabels;
  const first = ml ? Object.keys(ml)[0] : undefined;
  if (first !== undefined && ml) {
    const set = env.state.withLabel(node, ns, first, ml[first] as string);
    return set ? countMatching(set, sel, ns) : 0;
  }
  const agg = env.state.nodes.get(node);
  return agg ? countMatching(agg.entries, sel, ns) : 0;
}

export function topologySpread(
  cy: Cycle,
  nodes: readonly Node[],
  env: Env,
  defaultSelector: LabelSelector | undefined,
): number[] | undefined {
  const explicit =
    Array.isArray(cy.spec.topologySpreadConstraints) && cy.spec.topologySpreadConstraints.length > 0;
  let constraints: SpreadConstraint[];
  if (explicit) constraints = spreadConstraints(cy.pod, 'ScheduleAnyway');
  else if (defaultSelector) {
    const base = { minDomains: 1, selector: defaultSelector, affinityHonor: true, taintsHonor: false };
    constraints = [
      { ...base, key: HOSTNAME, maxSkew: 3 },
      { ...base, key: ZONE, maxSkew: 5 },
    ];
  } else constraints = [];
  if (constraints.length === 0) return undefined;
  const requireAll = explicit;
  const hasAll = (l: Labels) => constraints.every((c) => Object.hasOwn(l, c.key));
  const ignored = new Set<string>();
  const values = constraints.map(() => new Map<string, number>());
  for (const n of nodes) {
    const l: Labels = n.metadata.labels ?? {};
    if (requireAll && !hasAll(l)) {
      ignored.add(n.metadata.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.key !== HOSTNAME) (values[i] as Map<string, number>).set(l[c.key] ?? '', 0);
    });
  }
  const weights = constraints.map((c, i) =>
    Math.log(
      (c.key === HOSTNAME ? nodes.length - ignored.size : (values[i] as Map<string, number>).size) + 2,
    ),
  );
  for (const n of env.nodes) {
    const l: Labels = n.metadata.labels ?? {};
    if (requireAll && !hasAll(l)) continue;
    constraints.forEach((c, i) => {
      if (!includesNode(c, cy, n)) return;
      const m = values[i] as Map<string, number>;
      const v = l[c.key] ?? '';
      const cur = m.get(v);
      if (cur === undefined) return;
      m.set(v, cur + countOn(env, n.metadata.name, c.selector, cy.ns));
    });
  }
  const raw = nodes.map((n) => {
    if (ignored.has(n.metadata.name)) return -1;
    const l: Labels = n.metadata.labels ?? {};
    let s = 0;
    constraints.forEach((c, i) => {
      if (!Object.hasOwn(l, c.key)) return;
      const cnt =
        c.key === HOSTNAME
          ? countOn(env, n.metadata.name, c.selector, cy.ns)
          : ((values[i] as Map<string, number>).get(l[c.key] as string) ?? 0);
      s += cnt * (weights[i] as number) + (c.maxSkew - 1);
    });
    return Math.round(s);
  });
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const s of raw) {
    if (s === -1) continue;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  return raw.map((s) => {
    if (s === -1) return 0;
    if (hi === 0) return MAX;
    return Math.trunc((MAX * (hi + lo - s)) / hi);
  });
}

/** The total weighted score of each feasible node (prioritizeNodes). */
export function scoreNodes(
  cy: Cycle,
  nodes: readonly Node[],
  env: Env,
  defaultSelector: LabelSelector | undefined,
): number[] {
  const total = nodes.map(() => 0);
  const add = (scores: number[] | undefined, weight: number) => {
    if (scores)
      for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + weight * (scores[i] as number);
  };
  add(taintScores(cy, nodes), 3);
  add(nodeAffinityScores(cy, nodes), 2);
  add(leastAllocated(cy, nodes, env), 1);
  add(topologySpread(cy, nodes, env, defaultSelector), 2);
  add(interPodAffinity(cy, nodes, env), 2);
  add(balanced(cy, nodes, env), 1);
  add(imageLocality(cy, nodes, env), 1);
  return total;
}

/** selectHost: the highest total; among equals each is chosen with the same probability. */
export function selectHost(scores: readonly number[], rng: Rng): number {
  let best = -1;
  let ties = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (best < 0 || s > (scores[best] as number)) {
      best = i;
      ties = 1;
    } else if (s === scores[best]) {
      ties++;
      if (rng.int(ties) === 0) best = i;
    }
  }
  return best;
}
