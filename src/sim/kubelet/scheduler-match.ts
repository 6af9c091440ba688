// Matching helpers the scheduler's plugins share (bound late with ./scheduler-full):
// - v1 Toleration.ToleratesTaint and FindMatchingUntoleratedTaint (k8s.io/component-helpers
//   scheduling/corev1/helpers.go, 1.34: Equal and Exists only);
// - RequiredNodeAffinity.Match (component-helpers scheduling/corev1/nodeaffinity): spec.nodeSelector,
//   then any required nodeSelectorTerm (a term with no requirement, or with one that does not
//   parse, matches nothing); NodeSelectorRequirementsAsSelector's In/NotIn/Exists/DoesNotExist/Gt/Lt
//   and the metadata.name field selector (In/NotIn with exactly one value);
// - metav1.LabelSelectorAsSelector: a nil selector selects nothing, an empty one everything.
import type { LabelSelector, Labels, Node } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: Pod and Node specs are loosely typed decoded JSON.
type Any = any;

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export function toleratesTaint(t: Any, taint: Taint): boolean {
  if (t?.effect && t.effect !== taint.effect) return false;
  if (t?.key && t.key !== taint.key) return false;
  if (!t?.operator || t.operator === 'Equal') return (t?.value ?? '') === (taint.value ?? '');
  return t.operator === 'Exists';
}

export const tolerated = (tolerations: readonly Any[], taint: Taint): boolean =>
  tolerations.some((t) => toleratesTaint(t, taint));

/** The first taint with effect NoSchedule or NoExecute that no toleration tolerates. */
export function untoleratedTaint(node: Node, tolerations: readonly Any[]): Taint | undefined {
  const taints = node.spec?.taints as Taint[] | undefined;
  if (!taints) return undefined;
  for (const t of taints)
    if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerated(tolerations, t)) return t;
  return undefined;
}

const INT = /^[+-]?\d+$/;

/** One NodeSelectorRequirement against a label's value (undefined when absent); undefined = does not parse. */
function requirement(r: Any, value: string | undefined): boolean | undefined {
  const values: unknown[] = Array.isArray(r?.values) ? r.values : [];
  switch (r?.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INT.test(String(values[0]))) return undefined;
      if (value === undefined || !INT.test(value)) return false;
      const a = Number(value);
      const b = Number(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return undefined;
  }
}

/** A NodeSelectorTerm: every requirement matches; an empty or unparsable term matches nothing. */
export function termMatches(term: Any, node: Node): boolean {
  const exprs: Any[] = term?.matchExpressions ?? [];
  const fields: Any[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels: Labels = node.metadata.labels ?? {};
  for (const r of exprs) {
    const ok = requirement(r, Object.hasOwn(labels, r?.key) ? labels[r.key] : undefined);
    if (ok !== true) return false;
  }
  for (const f of fields) {
    if (f?.key !== 'metadata.name' || (f.operator !== 'In' && f.operator !== 'NotIn')) return false;
    if (!Array.isArray(f.values) || f.values.length !== 1) return false;
    if ((f.values[0] === node.metadata.name) !== (f.operator === 'In')) return false;
  }
  return true;
}

/** GetRequiredNodeAffinity(pod).Match(node). */
export function requiredNodeAffinity(spec: Any, node: Node): boolean {
  const sel = spec?.nodeSelector as Record<string, string> | undefined;
  if (sel) {
    const labels: Labels = node.metadata.labels ?? {};
    for (const k of Object.keys(sel)) if (!Object.hasOwn(labels, k) || labels[k] !== sel[k]) return false;
  }
  const terms: Any[] | undefined =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t) => termMatches(t, node));
}

/** A label selector as the scheduler reads it: nil selects nothing, `{}` everything. */
export function selects(ls: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  if (ls === null || ls === undefined || typeof ls !== 'object') return false;
  const l = labels ?? {};
  for (const k of Object.keys(ls.matchLabels ?? {}))
    if (!Object.hasOwn(l, k) || l[k] !== (ls.matchLabels as Labels)[k]) return false;
  for (const e of ls.matchExpressions ?? []) {
    const present = Object.hasOwn(l, e.key);
    const vals = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!present || !vals.includes(l[e.key] as string)) return false;
        break;
      case 'NotIn':
        if (present && vals.includes(l[e.key] as string)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * matchLabelKeys / mismatchLabelKeys folded into a selector with the owner Pod's labels (the API
 * server merges them at creation since 1.33; merging again adds the same requirement).
 */
export function withLabelKeys(
  ls: LabelSelector | null | undefined,
  labels: Labels | undefined,
  match: unknown,
  mismatch?: unknown,
): LabelSelector | null | undefined {
  const m = Array.isArray(match) ? (match as string[]) : [];
  const mm = Array.isArray(mismatch) ? (mismatch as string[]) : [];
  if ((m.length === 0 && mm.length === 0) || !ls) return ls;
  const l = labels ?? {};
  const exprs = [...(ls.matchExpressions ?? [])];
  for (const k of m)
    if (Object.hasOwn(l, k)) exprs.push({ key: k, operator: 'In', values: [l[k] as string] });
  for (const k of mm)
    if (Object.hasOwn(l, k)) exprs.push({ key: k, operator: 'NotIn', values: [l[k] as string] });
  return { ...ls, matchExpressions: exprs };
}
