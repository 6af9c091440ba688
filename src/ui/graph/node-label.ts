// What a screen reader hears for a graph node and a relation line: the object's kind as Kubernetes
// spells it (kind names are not translated, as in the Korean docs) and its name; the cluster's own
// pieces (a Node, kube-proxy on a node, your machine, a host outside) in the page's language.
import type { TFn } from '../i18n';
import type { EdgeKind } from './derive';

/** The Kubernetes kind each object node type stands for. */
export const KIND_NAMES: Record<string, string> = {
  pod: 'Pod',
  service: 'Service',
  endpoints: 'Endpoints',
  endpointSlice: 'EndpointSlice',
  deployment: 'Deployment',
  replicaSet: 'ReplicaSet',
  daemonSet: 'DaemonSet',
  statefulSet: 'StatefulSet',
  job: 'Job',
  cronJob: 'CronJob',
};

export function nodeLabel(t: TFn, type: string | undefined, name: string): string {
  const kind = KIND_NAMES[type ?? ''];
  if (kind) return `${kind} ${name}`;
  if (type === 'clusterNode') return t('graphNodeAria', { name });
  if (type === 'kubeProxy') return t('graphProxyAria', { name });
  if (type === 'host') return t('graphHost');
  if (type === 'external') return `${name} (${t('graphExternal')})`;
  return name;
}

/** A relation line: `Deployment sleep-1 owns ReplicaSet sleep-1-5d8f…`. */
export const edgeLabel = (t: TFn, kind: EdgeKind, from: string, to: string) =>
  t(`graphEdge.${kind}`, { from, to });
