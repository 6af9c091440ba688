// Which Services a container saw when it started. kubelet computes the Service-link environment
// once, at container start, from its Service informer (kubelet_pods.go getServiceEnvVarMap); a
// Service deleted, re-created or changed later does not touch a running container's env. The
// store only holds the present, so this keeps the Service versions (with the simulated time each
// was live) from the moment the workloads layer first sees the cluster; earlier history falls
// back to creationTimestamp over the current Services.
import type { Service } from '../api/types';
import type { ChangeBatch, Cluster } from '../contract';
import { trackConfigObjects } from './config-history';
import { parseTime } from './pods';
import { realCluster } from './state';

interface Version {
  svc: Service;
  since: number;
  until?: number;
}

interface History {
  /** Versions per `Service/<ns>/<name>` key, oldest first; the last is open when the Service exists. */
  byKey: Map<string, Version[]>;
  startedAt: number;
}

const histories = new WeakMap<Cluster, History>();

const created = (s: Service) => parseTime(s.metadata.creationTimestamp) ?? 0;

function record(h: History, cluster: Cluster, key: string, at: number): void {
  const versions = h.byKey.get(key) ?? [];
  const open = versions[versions.length - 1];
  const live = open && open.until === undefined ? open : undefined;
  const [, ns, name] = key.split('/');
  const now = cluster.get('Service', ns, name ?? '') as Service | undefined;
  if (live && now && live.svc.metadata.uid === now.metadata.uid) {
    if (live.svc === now) return;
    live.until = at;
    versions.push({ svc: now, since: at });
  } else {
    // A new object (or the same name re-created within one batch): the old one ended no later
    // than the new one's creation.
    if (live) live.until = now ? Math.min(at, created(now)) : at;
    if (now) versions.push({ svc: now, since: created(now) });
  }
  h.byKey.set(key, versions);
}

/** Start following Services (idempotent). Call it when the cluster is created for exact history. */
export function trackServiceLinks(view: Cluster): void {
  const cluster = realCluster(view);
  if (histories.has(cluster)) return;
  // ConfigMap and Secret versions for env and volumes, from the same moment on.
  trackConfigObjects(cluster);
  const h: History = { byKey: new Map(), startedAt: cluster.now() };
  for (const s of cluster.list('Service') as Service[]) {
    h.byKey.set(`Service/${s.metadata.namespace}/${s.metadata.name}`, [{ svc: s, since: created(s) }]);
  }
  histories.set(cluster, h);
  cluster.subscribe((b: ChangeBatch) => {
    for (const list of [b.added, b.updated, b.removed])
      for (const key of list) if (key.startsWith('Service/')) record(h, cluster, key, b.at);
  });
}

/** The Services (every namespace) as they were at simulated time `at`. */
export function servicesAt(view: Cluster, at: number): Service[] {
  const cluster = realCluster(view);
  trackServiceLinks(cluster);
  const h = histories.get(cluster) as History;
  const out: Service[] = [];
  for (const versions of h.byKey.values()) {
    const v = versions.find((x) => x.since <= at && (x.until === undefined || at < x.until));
    if (v) out.push(v.svc);
  }
  return out;
}
