// Object keys double as React Flow node ids (`Pod/default/sleep-1-…`, `Node/docker-desktop`), so
// Playwright can find a node by `data-id` and a Trace's HopRef points straight at a node.
import type { K8sObject } from '../../sim/api/types';
import type { ObjectKey } from '../../sim/contract';

/** Cluster-scoped kinds have no namespace segment in their key. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace']);

export function objectKey(obj: Pick<K8sObject, 'kind' | 'metadata'>): ObjectKey {
  if (CLUSTER_SCOPED.has(obj.kind) || obj.metadata.namespace === undefined) {
    return `${obj.kind}/${obj.metadata.name}`;
  }
  return `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`;
}

export interface ParsedKey {
  kind: string;
  namespace?: string;
  name: string;
}

/** Inverse of objectKey; `kube-proxy/<node>`, `host` and `external:<x>` parse too (kind = prefix). */
export function parseKey(key: string): ParsedKey {
  if (key === 'host') return { kind: 'host', name: 'host' };
  if (key.startsWith('external:')) return { kind: 'external', name: key.slice('external:'.length) };
  const parts = key.split('/');
  if (parts.length >= 3) {
    return { kind: parts[0] ?? '', namespace: parts[1] ?? '', name: parts.slice(2).join('/') };
  }
  return { kind: parts[0] ?? '', name: parts[1] ?? '' };
}

export const kubeProxyKey = (nodeName: string): string => `kube-proxy/${nodeName}`;
export const nodeKey = (nodeName: string): string => `Node/${nodeName}`;
export const HOST_KEY = 'host';
