// What `kubectl expose` reads from the object it exposes [KUBECTL 1.34 pkg/polymorphichelpers:
// canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go, multiprotocolsforobject.go].
// The messages are kubectl's, without the `error: ` CheckErr adds.
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import type { ResourceType } from '../resources';
import { makeLabels } from './generate-service';

/** One object the builder visited, or its error (a server Status or a client-side message). */
export type Target = { type: ResourceType; obj: K8sObject } | { failure: ApiError | string };

// biome-ignore lint/suspicious/noExplicitAny: manifests and stored objects are loosely typed JSON.
type Any = any;

/** canBeExposed: Pods, Services, ReplicationControllers, Deployments and ReplicaSets. */
export function exposeProblem(t: ResourceType): string | undefined {
  const ok =
    (t.group === '' && (t.kind === 'Pod' || t.kind === 'Service' || t.kind === 'ReplicationController')) ||
    (t.group === 'apps' && (t.kind === 'Deployment' || t.kind === 'ReplicaSet'));
  // schema.GroupKind.String(): `Kind` for the core group, else `Kind.group`.
  return ok ? undefined : `cannot expose a ${t.kind}${t.group ? `.${t.group}` : ''}`;
}

/** fmt's %+v of []metav1.LabelSelectorRequirement. */
function requirementsV(reqs: readonly Any[]): string {
  const one = (r: Any) =>
    `{Key:${r?.key ?? ''} Operator:${r?.operator ?? ''} Values:[${((r?.values ?? []) as string[]).join(' ')}]}`;
  return `[${reqs.map(one).join(' ')}]`;
}

/** mapBasedSelectorForObject: the selector as `k=v,…`, or why the object cannot be exposed. */
export function mapBasedSelector(
  t: ResourceType,
  obj: K8sObject,
): { ok: true; selector: string } | { ok: false; message: string } {
  const o = obj as Any;
  switch (t.kind) {
    case 'ReplicationController':
      return { ok: true, selector: makeLabels(o.spec?.selector) };
    case 'Pod': {
      const labels = o.metadata?.labels ?? {};
      if (Object.keys(labels).length === 0)
        return { ok: false, message: 'the pod has no labels and cannot be exposed' };
      return { ok: true, selector: makeLabels(labels) };
    }
    case 'Service':
      if (o.spec?.selector == null) return { ok: false, message: 'the service has no pod selector set' };
      return { ok: true, selector: makeLabels(o.spec.selector) };
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = o.spec?.selector;
      const word = t.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (sel == null || Object.keys(sel.matchLabels ?? {}).length === 0) {
        return { ok: false, message: `invalid ${word}: no selectors, therefore cannot be exposed` };
      }
      const exprs = (sel.matchExpressions ?? []) as Any[];
      if (exprs.length > 0) {
        return {
          ok: false,
          message: `couldn't convert expressions - "${requirementsV(exprs)}" to map-based selector format`,
        };
      }
      return { ok: true, selector: makeLabels(sel.matchLabels) };
    }
    default:
      return { ok: false, message: `cannot extract pod selector from *v1.${t.kind}` };
  }
}

function podSpecOf(t: ResourceType, o: Any): Any {
  return t.kind === 'Pod' ? o.spec : o.spec?.template?.spec;
}

/** portsForObject: container ports (or a Service's ports), as strings, first occurrence kept. */
export function portsFor(t: ResourceType, obj: K8sObject): string[] {
  const o = obj as Any;
  const seen = new Set<string>();
  const push = (n: unknown) => {
    const key = String(Number(n ?? 0) | 0);
    seen.add(key);
  };
  if (t.kind === 'Service') for (const p of (o.spec?.ports ?? []) as Any[]) push(p?.port);
  else
    for (const c of (podSpecOf(t, o)?.containers ?? []) as Any[])
      for (const p of c?.ports ?? []) push(p?.containerPort);
  return [...seen];
}

/** multiProtocolsForObject: port → the protocols it is declared with (TCP when unset), in order. */
export function multiProtocolsFor(t: ResourceType, obj: K8sObject): Map<string, string[]> {
  const o = obj as Any;
  const m = new Map<string, string[]>();
  const add = (port: unknown, protocol: unknown) => {
    const key = String(Number(port ?? 0) | 0);
    const proto = typeof protocol === 'string' && protocol.length > 0 ? protocol : 'TCP';
    m.set(key, [...(m.get(key) ?? []), proto]);
  };
  if (t.kind === 'Service') for (const p of (o.spec?.ports ?? []) as Any[]) add(p?.port, p?.protocol);
  else
    for (const c of (podSpecOf(t, o)?.containers ?? []) as Any[])
      for (const p of c?.ports ?? []) add(p?.containerPort, p?.protocol);
  return m;
}
