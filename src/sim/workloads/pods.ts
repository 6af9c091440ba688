// Small lookups over the cluster facade shared by the apps and the in-Pod commands.
import type { Pod, Service } from '../api/types';
import type { Cluster, ObjectKey } from '../contract';

export function parsePodKey(key: ObjectKey): { namespace: string; name: string } | undefined {
  const [kind, namespace, name] = key.split('/');
  if (kind !== 'Pod' || !namespace || !name) return undefined;
  return { namespace, name };
}

export function podKeyOf(pod: Pod): ObjectKey {
  return `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

export function getPod(cluster: Cluster, key: ObjectKey): Pod | undefined {
  const p = parsePodKey(key);
  if (!p) return undefined;
  return cluster.get('Pod', p.namespace, p.name) as Pod | undefined;
}

/** The Pod currently holding `ip` (terminated or deleted Pods no longer hold one). */
export function podByIP(cluster: Cluster, ip: string): Pod | undefined {
  return (cluster.list('Pod') as Pod[]).find((p) => p.status?.podIP === ip);
}

export function listServices(cluster: Cluster, namespace?: string): Service[] {
  return cluster.list('Service', namespace === undefined ? {} : { namespace }) as Service[];
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** Milliseconds since the Unix epoch for an RFC 3339 timestamp, or undefined. */
export function parseTime(ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}
