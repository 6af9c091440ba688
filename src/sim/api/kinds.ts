// REST identity of each kind the simulated API server serves: apiVersion, resource (plural),
// group and scope. kubectl uses the same table for `deployment.apps/x` names and error texts.
import type { ObjectKey } from '../contract';
import type { KindName } from './types';

export interface KindInfo {
  kind: KindName;
  apiVersion: string;
  group: string; // '' for the core group
  version: string;
  resource: string;
  namespaced: boolean;
}

/** A namespaced core/v1 kind whose resource is its lower-cased plural (`configmaps`). */
function core(kind: KindName): KindInfo {
  return {
    kind,
    apiVersion: 'v1',
    group: '',
    version: 'v1',
    resource: `${kind.toLowerCase()}s`,
    namespaced: true,
  };
}

// The storage kinds (PersistentVolumeClaim, PersistentVolume, StorageClass) are added by
// ./kinds-storage when the late parts load: the boot chunk has no room for their entries, and
// nothing before kubectl loads reads them (the boot's StorageClass is a lazy store entry).
export const KINDS = {
  Namespace: {
    kind: 'Namespace',
    apiVersion: 'v1',
    group: '',
    version: 'v1',
    resource: 'namespaces',
    namespaced: false,
  },
  Node: { kind: 'Node', apiVersion: 'v1', group: '', version: 'v1', resource: 'nodes', namespaced: false },
  Pod: { kind: 'Pod', apiVersion: 'v1', group: '', version: 'v1', resource: 'pods', namespaced: true },
  StatefulSet: {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    namespaced: true,
  },
  Service: {
    kind: 'Service',
    apiVersion: 'v1',
    group: '',
    version: 'v1',
    resource: 'services',
    namespaced: true,
  },
  Endpoints: {
    kind: 'Endpoints',
    apiVersion: 'v1',
    group: '',
    version: 'v1',
    resource: 'endpoints',
    namespaced: true,
  },
  Event: { kind: 'Event', apiVersion: 'v1', group: '', version: 'v1', resource: 'events', namespaced: true },
  ConfigMap: core('ConfigMap'),
  Secret: core('Secret'),
  ServiceAccount: core('ServiceAccount'),
  ControllerRevision: {
    kind: 'ControllerRevision',
    apiVersion: 'apps/v1',
    group: 'apps',
    version: 'v1',
    resource: 'controllerrevisions',
    namespaced: true,
  },
  DaemonSet: {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    namespaced: true,
  },
  Deployment: {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespaced: true,
  },
  ReplicaSet: {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    namespaced: true,
  },
  Job: {
    kind: 'Job',
    apiVersion: 'batch/v1',
    group: 'batch',
    version: 'v1',
    resource: 'jobs',
    namespaced: true,
  },
  CronJob: {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    group: 'batch',
    version: 'v1',
    resource: 'cronjobs',
    namespaced: true,
  },
  EndpointSlice: {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    namespaced: true,
  },
} as Record<KindName, KindInfo>;

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

export function isKindName(s: string): s is KindName {
  return Object.hasOwn(KINDS, s);
}

/** `pods`, `deployments.apps`, `endpointslices.discovery.k8s.io` (the resource in error texts). */
export function qualifiedResource(kind: KindName): string {
  const k = KINDS[kind];
  return k.group ? `${k.resource}.${k.group}` : k.resource;
}

/** `Service`, `Deployment.apps` (the kind in 422 Invalid messages). */
export function qualifiedKind(kind: KindName): string {
  const k = KINDS[kind];
  return k.group ? `${kind}.${k.group}` : kind;
}

/** `Pod/default/sleep-1-…` or `Node/docker-desktop` (also the React Flow node id). */
export function objectKey(kind: KindName, namespace: string | undefined, name: string): ObjectKey {
  return KINDS[kind].namespaced ? `${kind}/${namespace ?? ''}/${name}` : `${kind}/${name}`;
}
