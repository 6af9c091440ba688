// GET of a workload's `scale` subresource (apps/v1 deployments, replicasets, statefulsets): the
// autoscaling/v1 Scale the registry builds from the object [kubernetes/kubernetes
// pkg/registry/apps/deployment/storage/storage.go ScaleREST.Get → scaleFromDeployment, and the
// replicaset and statefulset registries' twins]: metadata is only name, namespace, uid,
// resourceVersion and creationTimestamp; spec.replicas is the object's (omitempty), status.replicas
// its status's, status.selector metav1.LabelSelectorAsSelector(spec.selector).String()
// (requirements sorted by key). A missing object is the store's own NotFound
// (`deployments.apps "x" not found`), as Get returns the store's error unchanged.
import type { K8sObject } from '../../sim/api/types';
import { selectorString } from '../printers/tables';
import { marshalTyped } from './get-raw-json';

type Scalable = K8sObject & {
  spec?: { replicas?: number; selector?: Parameters<typeof selectorString>[0] };
  status?: { replicas?: number };
};

/** The Scale's Go value, ready for marshalTyped(…, 'autoscaling.Scale'). */
export function scaleOf(obj: K8sObject): Record<string, unknown> {
  const o = obj as Scalable;
  const m = o.metadata;
  const metadata: Record<string, unknown> = { name: m.name };
  if (m.namespace !== undefined) metadata.namespace = m.namespace;
  if (m.uid !== undefined) metadata.uid = m.uid;
  if (m.resourceVersion !== undefined) metadata.resourceVersion = m.resourceVersion;
  if (m.creationTimestamp !== undefined) metadata.creationTimestamp = m.creationTimestamp;
  const selector = selectorString(o.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata,
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

/** The compact JSON line (no newline) of a workload's Scale. */
export function scaleJson(obj: K8sObject): string {
  return marshalTyped(scaleOf(obj), 'autoscaling.Scale');
}
