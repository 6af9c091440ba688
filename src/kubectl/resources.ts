// Resource type resolution as kubectl's RESTMapper + discovery do it for the kinds we simulate:
// plural / singular / short names (`po svc ep deploy rs ns no ev`), group-qualified forms
// (`deployments.apps`, `deployments.v1.apps`), the `all` category (reference §B8), comma lists
// (`deploy,svc`) and `TYPE/NAME` arguments [cli-runtime resource/builder.go].
import type { KindName } from '../sim/api/types';

export interface ResourceType {
  /** Plural REST resource, e.g. `deployments`. */
  resource: string;
  singular: string;
  shortNames: string[];
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  /** The simulated kind; undefined for types the server knows but this cluster never holds. */
  simulated: KindName | undefined;
}

function rt(
  resource: string,
  kind: string,
  group: string,
  shortNames: string[],
  namespaced: boolean,
  simulated?: KindName,
  version = 'v1',
): ResourceType {
  return {
    resource,
    singular: kind.toLowerCase(),
    shortNames,
    kind,
    group,
    version,
    namespaced,
    simulated,
  };
}

// Discovery order of a 1.34 server (core first, then the groups), which is also the order of
// the `all` category expansion. Names, short names, scope and preferred version agree with
// `kubectl api-resources` (verbs/api-resources-data.ts; checked by api-resources.test.ts).
export const RESOURCE_TYPES: ResourceType[] = [
  rt('pods', 'Pod', '', ['po'], true, 'Pod'),
  rt('replicationcontrollers', 'ReplicationController', '', ['rc'], true),
  rt('services', 'Service', '', ['svc'], true, 'Service'),
  rt('endpoints', 'Endpoints', '', ['ep'], true, 'Endpoints'),
  rt('events', 'Event', '', ['ev'], true, 'Event'),
  rt('namespaces', 'Namespace', '', ['ns'], false, 'Namespace'),
  rt('nodes', 'Node', '', ['no'], false, 'Node'),
  rt('configmaps', 'ConfigMap', '', ['cm'], true, 'ConfigMap'),
  rt('secrets', 'Secret', '', [], true, 'Secret'),
  rt('serviceaccounts', 'ServiceAccount', '', ['sa'], true, 'ServiceAccount'),
  rt('persistentvolumeclaims', 'PersistentVolumeClaim', '', ['pvc'], true, 'PersistentVolumeClaim'),
  rt('persistentvolumes', 'PersistentVolume', '', ['pv'], false, 'PersistentVolume'),
  rt('controllerrevisions', 'ControllerRevision', 'apps', [], true, 'ControllerRevision'),
  rt('daemonsets', 'DaemonSet', 'apps', ['ds'], true, 'DaemonSet'),
  rt('deployments', 'Deployment', 'apps', ['deploy'], true, 'Deployment'),
  rt('replicasets', 'ReplicaSet', 'apps', ['rs'], true, 'ReplicaSet'),
  rt('statefulsets', 'StatefulSet', 'apps', ['sts'], true, 'StatefulSet'),
  // autoscaling/v2 is the preferred version (v1 is still served: `hpa.v1.autoscaling` resolves too).
  rt('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', ['hpa'], true, undefined, 'v2'),
  rt('cronjobs', 'CronJob', 'batch', ['cj'], true, 'CronJob'),
  rt('jobs', 'Job', 'batch', [], true, 'Job'),
  rt('endpointslices', 'EndpointSlice', 'discovery.k8s.io', [], true, 'EndpointSlice'),
  rt('ingresses', 'Ingress', 'networking.k8s.io', ['ing'], true),
  rt('networkpolicies', 'NetworkPolicy', 'networking.k8s.io', ['netpol'], true),
  rt('poddisruptionbudgets', 'PodDisruptionBudget', 'policy', ['pdb'], true, 'PodDisruptionBudget'),
  rt('storageclasses', 'StorageClass', 'storage.k8s.io', ['sc'], false, 'StorageClass'),
];

/** Kinds in the `all` category, in kubectl's expansion order (§B8). */
const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
];

const byName = new Map<string, ResourceType>();
for (const t of RESOURCE_TYPES) {
  for (const n of [t.resource, t.singular, ...t.shortNames]) {
    byName.set(n, t);
    if (t.group) {
      byName.set(`${n}.${t.group}`, t);
      byName.set(`${n}.${t.version}.${t.group}`, t);
    }
  }
  if (!t.group) byName.set(`${t.resource}.${t.version}`, t);
}
for (const n of ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'])
  byName.set(`${n}.v1.autoscaling`, byName.get(n) as ResourceType);

export function resourceTypeByKind(kind: KindName): ResourceType {
  return RESOURCE_TYPES.find((t) => t.simulated === kind) as ResourceType;
}

/** One type name as typed (`po`, `Deployments.apps`); undefined when the server has no such type. */
export function resolveResourceType(name: string): ResourceType | undefined {
  return byName.get(name.toLowerCase());
}

/** `pods`, `deployments.apps` — the resource in NotFound messages. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `pod`, `deployment.apps` — the prefix of `-o name` and of kind-prefixed table names. */
export function kindPrefix(t: ResourceType): string {
  return t.group ? `${t.kind.toLowerCase()}.${t.group}` : t.kind.toLowerCase();
}

export function doesNotHaveType(name: string): string {
  return `error: the server doesn't have a resource type "${name}"`;
}

/** Expand `deploy,svc` / `all` into types; undefined entries are reported by name. */
export function expandTypes(
  arg: string,
): { ok: true; types: ResourceType[] } | { ok: false; message: string } {
  const types: ResourceType[] = [];
  for (const part of arg.split(',')) {
    if (part === '') continue;
    if (part.toLowerCase() === 'all') {
      for (const r of ALL_CATEGORY) types.push(resolveResourceType(r) as ResourceType);
      continue;
    }
    const t = resolveResourceType(part);
    if (!t) return { ok: false, message: doesNotHaveType(part) };
    types.push(t);
  }
  // kubectl de-duplicates repeated types (`get po,pods`).
  return { ok: true, types: [...new Set(types)] };
}

/** One unit of work for a read verb: a whole type (names undefined) or named objects of a type. */
export interface ResourceRequest {
  type: ResourceType;
  names: string[] | undefined;
}

export type ParsedResourceArgs = { ok: true; requests: ResourceRequest[] } | { ok: false; message: string };

/**
 * The builder's ResourceTypeOrNameArgs: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` (all args must
 * then have a slash). Messages carry kubectl's `error: ` prefix.
 */
export function parseResourceArgs(args: readonly string[], verb = 'get'): ParsedResourceArgs {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    return {
      ok: false,
      message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'`,
    };
  }
  if (slashed > 0) {
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typeName = a.slice(0, i);
      const name = a.slice(i + 1);
      if (typeName === '' || name === '' || name.includes('/')) {
        return {
          ok: false,
          message: `error: arguments in resource/name form must have a single resource and name`,
        };
      }
      const t = resolveResourceType(typeName);
      if (!t) return { ok: false, message: doesNotHaveType(typeName) };
      requests.push({ type: t, names: [name] });
    }
    return { ok: true, requests };
  }
  if (args.length === 0) return { ok: true, requests: [] };
  const expanded = expandTypes(args[0] as string);
  if (!expanded.ok) return expanded;
  const names = args.slice(1);
  if (names.length > 0) {
    if (expanded.types.length > 1) return { ok: false, message: 'error: you must specify only one resource' };
    return { ok: true, requests: [{ type: expanded.types[0] as ResourceType, names }] };
  }
  return { ok: true, requests: expanded.types.map((type) => ({ type, names: undefined })) };
}

/** `Error from server (NotFound): deployments.apps "sleep-1" not found`. */
export function notFoundMessage(t: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource(t)} "${name}" not found`;
}
