// What the rollout subcommands share: the TYPE/NAME arguments narrowed to the kinds a subcommand
// handles, a Deployment's ReplicaSets with their revisions, and the pod template as printTemplate
// writes it [kubectl v0.34.9 pkg/polymorphichelpers history.go, rollback.go;
// pkg/util/deployment/deployment.go GetAllReplicaSets, Revision].
import { matchesLabelSelector } from '../../sim/api/labels';
import type { K8sObject, PodTemplateSpec, ReplicaSet } from '../../sim/api/types';
import { describePodTemplate } from '../printers/describe-pod';
import { DescribeWriter } from '../printers/describe-util';
import { parseResourceArgs, type ResourceType } from '../resources';
import type { KubectlContext } from './registry';

export interface Target {
  t: ResourceType;
  name: string;
}

/**
 * The TYPE/NAME arguments; a kind outside `kinds` is refused with `refuse(type)` (each viewer's
 * own "no … has been implemented for" line), a type without names with kubectl's
 * "required resource not specified".
 */
export function rolloutTargets(
  args: string[],
  ctx: KubectlContext,
  /** undefined: every kind (the pauser refuses it later). */
  kinds: ReadonlySet<string> | undefined,
  refuse: (t: ResourceType) => string,
): Target[] | undefined {
  const parsed = parseResourceArgs(args, 'rollout');
  if (!parsed.ok) {
    ctx.proc.err(`${parsed.message}\n`);
    return undefined;
  }
  const out: Target[] = [];
  for (const r of parsed.requests) {
    if (kinds && !kinds.has(r.type.simulated ?? '')) {
      ctx.proc.err(`error: ${refuse(r.type)}\n`);
      return undefined;
    }
    if (!r.names) {
      ctx.proc.err('error: required resource not specified\n');
      return undefined;
    }
    for (const name of r.names) out.push({ t: r.type, name });
  }
  if (out.length === 0) {
    ctx.proc.err('error: required resource not specified\n');
    return undefined;
  }
  return out;
}

/** schema.GroupKind's String(): `ReplicaSet.apps`, `Pod` (what %q of a GroupKind prints, quoted). */
export function groupKind(t: ResourceType): string {
  return t.group ? `"${t.kind}.${t.group}"` : `"${t.kind}"`;
}

/** `deployment.apps/web`: the NamePrinter's kind/name. */
export function nameOf(t: ResourceType, name: string): string {
  return `${t.kind.toLowerCase()}${t.group ? `.${t.group}` : ''}/${name}`;
}

/**
 * deploymentutil.Revision: the deployment.kubernetes.io/revision annotation as an int64; none is
 * revision 0, one that does not parse is skipped (the history viewer logs a warning).
 */
export function revisionOf(o: K8sObject): number | undefined {
  const v = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * GetAllReplicaSets' ReplicaSets of `d`: those its selector matches and it controls, in the list's
 * order (by name); the new one (its template equal to the Deployment's but for the hash label)
 * last, as getDeploymentReplicaSets appends it.
 */
export function deploymentReplicaSets(ctx: KubectlContext, d: K8sObject): ReplicaSet[] {
  const all = (
    ctx.cluster.list('ReplicaSet', { namespace: d.metadata.namespace ?? '' }) as ReplicaSet[]
  ).filter(
    (rs) =>
      matchesLabelSelector(d.spec.selector, rs.metadata.labels) &&
      rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid),
  );
  // FindNewReplicaSet: the oldest one whose template matches (sorted by creation, then name).
  const byAge = [...all].sort(
    (a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return newRS ? [...all.filter((rs) => rs !== newRS), newRS] : all;
}

/** A template without its pod-template-hash label, an emptied label map dropped (nil = empty). */
function withoutHash(t: unknown): unknown {
  const tpl = structuredClone((t ?? {}) as PodTemplateSpec & { metadata?: Record<string, unknown> });
  const meta = (tpl.metadata ?? {}) as { labels?: Record<string, string> };
  if (meta.labels) {
    delete meta.labels['pod-template-hash'];
    if (Object.keys(meta.labels).length === 0) delete meta.labels;
  }
  return tpl;
}

/** Semantic.DeepEqual: empty and missing maps and lists are equal. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (x: unknown) =>
    x === undefined ||
    x === null ||
    (Array.isArray(x) && x.length === 0) ||
    (typeof x === 'object' && !Array.isArray(x) && Object.keys(x as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      if (!semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    return true;
  }
  return a === b;
}

/** rollback.go equalIgnoreHash (and deploymentutil.EqualIgnoreHash). */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

/** printTemplate: DescribePodTemplate through a PrefixWriter over a plain buffer (tabs kept). */
export function printTemplate(t: PodTemplateSpec | undefined): string {
  const w = new DescribeWriter();
  describePodTemplate(w, t);
  return w.raw();
}
