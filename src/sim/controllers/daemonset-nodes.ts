// Which nodes a user's DaemonSet runs on, and the Pod it makes for a node, as the 1.34 daemon
// controller decides them (bound late with ./daemonset-sync):
// - NodeShouldRunDaemonPod (pkg/controller/daemon/daemon_controller.go): the template's nodeName,
//   then on the Pod NewPod makes (the template with AddOrUpdateDaemonPodTolerations) the
//   scheduler's NodeName and NodeAffinity predicates (nodeSelector and the required terms) and the
//   taints with effect NoSchedule or NoExecute it does not tolerate; a node that fails only on taints
//   keeps a Pod already there unless one of those is a NoExecute taint;
// - CreatePodTemplate (pkg/controller/daemon/util/daemonset_util.go) and
//   ReplaceDaemonSetPodNodeNameNodeAffinity: the pod-template-generation and
//   controller-revision-hash labels, and the required node affinity replaced by the node's
//   matchFields metadata.name term; GetPodFromTemplate (pkg/controller/controller_utils.go): the
//   template's labels, annotations and finalizers, generateName `<ds>-`, the controller reference.
import type { K8sObject, Node, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { parseRfc3339 } from '../runtime/clock';
import { DAEMON_TOLERATIONS } from './daemonset-tolerations';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

/** v1 Toleration.ToleratesTaint: effect and key when stated, then the operator ('' is Equal). */
function toleratesTaint(t: Any, taint: Any): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return t.operator === 'Exists';
}

/** AddOrUpdateTolerationInPodSpec for each daemon toleration (MatchToleration: key, operator, value, effect). */
export function withDaemonTolerations(spec: Any): Any[] {
  let out: Any[] = [...(spec.tolerations ?? [])];
  for (const d of DAEMON_TOLERATIONS.slice(0, spec.hostNetwork ? 7 : 6)) {
    const i = out.findIndex(
      (t) =>
        (t.key ?? '') === d.key &&
        (t.operator ?? '') === d.operator &&
        (t.value ?? '') === '' &&
        (t.effect ?? '') === d.effect,
    );
    if (i < 0) out.push({ ...d });
    else out = out.map((t, j) => (j === i ? { ...d } : t));
  }
  return out;
}

/** A NodeSelectorRequirement on a value (a label's, or a field's): In, NotIn, Exists, DoesNotExist, Gt, Lt. */
function requirementMatches(r: Any, value: string | undefined): boolean {
  const values: string[] = r.values ?? [];
  switch (r.operator) {
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
      if (value === undefined || values.length !== 1) return false;
      const [a, b] = [Number.parseInt(value, 10), Number.parseInt(values[0] as string, 10)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A NodeSelectorTerm: every requirement matches; an empty term matches nothing. */
function termMatches(term: Any, node: Node): boolean {
  const exprs: Any[] = term?.matchExpressions ?? [];
  const fields: Any[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, Object.hasOwn(labels, r.key) ? labels[r.key] : undefined)) &&
    fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name))
  );
}

/** GetRequiredNodeAffinity(pod).Match(node): the nodeSelector's labels, then any required term. */
function fitsNodeAffinity(spec: Any, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((spec.nodeSelector ?? {}) as Record<string, string>))
    if (labels[k] !== v) return false;
  const terms: Any[] | undefined =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms === undefined || terms.some((t) => termMatches(t, node));
}

/** [shouldRun, shouldContinueRunning] of NodeShouldRunDaemonPod. */
export function nodeShouldRun(ds: Any, node: Node): [boolean, boolean] {
  const spec = ds.spec.template.spec ?? {};
  const name = node.metadata.name;
  if (spec.nodeName && spec.nodeName !== name) return [false, false];
  if (!fitsNodeAffinity(spec, node)) return [false, false];
  const tolerations = withDaemonTolerations(spec);
  const untolerated = ((node.spec as Any)?.taints ?? []).filter(
    (t: Any) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerations.some((x) => toleratesTaint(x, t)),
  );
  if (untolerated.length === 0) return [true, true];
  return [false, !untolerated.some((t: Any) => t.effect === 'NoExecute')];
}

/** IsPodReady's condition, if the Pod is Ready. */
function readyCondition(p: Pod): Any {
  return p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
}

export const podReady = (p: Pod): boolean => readyCondition(p) !== undefined;

/** podutil.IsPodAvailable: Ready, and for minReadySeconds since its last transition. */
export function podAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = readyCondition(p);
  if (!c) return false;
  if (!minReadySeconds) return true;
  return (
    c.lastTransitionTime !== undefined && parseRfc3339(c.lastTransitionTime) + minReadySeconds * 1000 <= now
  );
}

/** The Pod the controller creates on `node` (CreatePodTemplate, GetPodFromTemplate). */
export function daemonPodFor(ds: Any, node: string, generation: string, hash: string): K8sObject {
  const t = ds.spec.template;
  const spec = structuredClone(t.spec);
  spec.tolerations = withDaemonTolerations(spec);
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] };
  const na = spec.affinity?.nodeAffinity;
  if (!spec.affinity)
    spec.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
    };
  else if (!na)
    spec.affinity.nodeAffinity = {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] },
    };
  else if (!na.requiredDuringSchedulingIgnoredDuringExecution)
    na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  else na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [term];
  const metadata: Any = {
    generateName: `${ds.metadata.name}-`,
    namespace: ds.metadata.namespace,
    labels: {
      ...t.metadata?.labels,
      'pod-template-generation': generation,
      'controller-revision-hash': hash,
    },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: ds.metadata.name,
        uid: ds.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as unknown as K8sObject;
}

/** GetTargetNodeName: spec.nodeName, else the node of the matchFields affinity the controller set. */
function targetNode(p: Pod): string | undefined {
  const s = p.spec as Any;
  return (
    s.nodeName ??
    s.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
      ?.matchFields?.[0]?.values?.[0]
  );
}

/** The DaemonSet's Pods by node (deleted Pods that reached a terminal phase left out). */
export function podsByNode(api: ApiServer, uid: string): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  const all = api.store.byOwner(uid);
  for (const p of all as Pod[]) {
    if (p.kind !== 'Pod') continue;
    const phase = p.status?.phase;
    if (p.metadata.deletionTimestamp && (phase === 'Succeeded' || phase === 'Failed')) continue;
    const n = targetNode(p);
    if (n === undefined) continue;
    const list = out.get(n);
    if (list) list.push(p);
    else out.set(n, [p]);
  }
  return out;
}
