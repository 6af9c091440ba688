// Which version of a ConfigMap or Secret a container saw. The kubelet reads them when it starts a
// container (env: kubelet_pods.go makeEnvironmentVariables) and when it sets a volume up again
// (volumes.ts), while the store only holds the present. So, as servicelinks.ts does for Services,
// this keeps the versions of each ConfigMap and Secret written since the workloads layer first
// watched the cluster (kubectl's session does so when the cluster is created), each with the
// simulated time it was live. An object that was never written since (the published
// kube-root-ca.crt, coredns) is its current version from its creationTimestamp on.
import type { K8sObject } from '../api/types';
import type { Cluster, ObjectWatchEvent } from '../contract';
import { parseTime } from './pods';
import { realCluster } from './state';

interface Version {
  obj: K8sObject;
  since: number;
  until?: number;
}

/** Versions per `<Kind>/<ns>/<name>`, oldest first; the last is open while the object exists. */
type History = Map<string, Version[]>;

const histories = new WeakMap<Cluster, History>();

const created = (o: K8sObject) => parseTime(o.metadata.creationTimestamp) ?? 0;
const keyOf = (o: K8sObject) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;

function record(h: History, e: ObjectWatchEvent): void {
  const key = keyOf(e.object);
  let versions = h.get(key);
  if (!versions) {
    versions = [];
    h.set(key, versions);
    // Never seen written: it was live from its creation until this write.
    if (e.type === 'MODIFIED' && e.old) versions.push({ obj: e.old, since: created(e.old) });
    else if (e.type === 'DELETED') versions.push({ obj: e.object, since: created(e.object) });
  }
  const open = versions[versions.length - 1];
  if (open && open.until === undefined) open.until = e.at;
  if (e.type !== 'DELETED') versions.push({ obj: e.object, since: e.at });
}

/** Start keeping ConfigMap and Secret versions (idempotent). */
export function trackConfigObjects(view: Cluster): void {
  const cluster = realCluster(view);
  if (histories.has(cluster)) return;
  const h: History = new Map();
  histories.set(cluster, h);
  const listener = (e: ObjectWatchEvent) => record(h, e);
  cluster.watch('ConfigMap', listener);
  cluster.watch('Secret', listener);
}

/** The ConfigMap or Secret as it was at simulated time `at`, or undefined when there was none. */
export function configObjectAt(
  view: Cluster,
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
  at: number,
): K8sObject | undefined {
  const cluster = realCluster(view);
  trackConfigObjects(cluster);
  const versions = histories.get(cluster)?.get(`${kind}/${namespace}/${name}`);
  if (!versions) {
    const now = cluster.get(kind, namespace, name);
    return now && created(now) <= at ? now : undefined;
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as Version;
    if (v.since <= at && (v.until === undefined || at < v.until)) return v.obj;
  }
  return undefined;
}

/** Since when the version live at `at` was (undefined: none, or never written since tracking began). */
export function configVersionSince(
  view: Cluster,
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
  at: number,
): number | undefined {
  const cluster = realCluster(view);
  const versions = histories.get(cluster)?.get(`${kind}/${namespace}/${name}`);
  if (!versions) {
    const now = cluster.get(kind, namespace, name);
    return now && created(now) <= at ? created(now) : undefined;
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as Version;
    if (v.since <= at && (v.until === undefined || at < v.until)) return v.since;
  }
  return undefined;
}
