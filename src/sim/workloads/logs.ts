// What each container writes to stdout, for `kubectl logs`. Startup lines come from the image's
// entrypoint (ASP.NET Core 6 hosting, nginx's docker-entrypoint); later lines are appended by the
// apps as requests arrive (numbers-web's failed API calls, nginx's access log). CoreDNS prints its
// startup banner from the Corefile it read (apps/coredns.ts).
import type { Container, Pod } from '../api/types';
import type { Cluster, ObjectKey } from '../contract';
import { coreDnsStartupLines } from './apps/coredns';
import { NGINX_VERSION } from './apps/nginx';
import { imageInfo } from './images';
import { getPod, parseTime } from './pods';
import { procState } from './state';

/**
 * numbers-api logs through the Systemd console format (Program.cs), numbers-web through the
 * default one; both at Information for Microsoft.Hosting.Lifetime only (appsettings.json).
 * Razor Pages' antiforgery initialises DataProtection, which warns about its key directory.
 */
function startupLines(cluster: Cluster, pod: Pod, container: Container, startedAt: number): string[] {
  const info = imageInfo(container.image);
  switch (info.app) {
    case 'coredns': {
      // Fixed per container instance at first read: what it read at start, not a later edit of
      // the ConfigMap (the reload plugin's re-read after its interval is not modelled).
      const st = procState(cluster, pod.metadata.uid);
      st.startup ??= new Map();
      const memo = st.startup.get(container.name);
      if (memo && memo.startedAt === startedAt) return memo.lines;
      const lines = coreDnsStartupLines(cluster, pod, container, info.tag);
      st.startup.set(container.name, { startedAt, lines });
      return lines;
    }
    case 'numbers-api':
      return [
        '<6>Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:80',
        '<6>Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.',
        '<6>Microsoft.Hosting.Lifetime[0] Hosting environment: Production',
        '<6>Microsoft.Hosting.Lifetime[0] Content root path: /app/',
      ];
    case 'numbers-web': {
      const uid = pod.metadata.uid.replace(/[^0-9a-f-]/gi, '');
      return [
        'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
        "      Storing keys in a directory '/root/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed.",
        'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
        `      No XML encryptor configured. Key {${uid}} may be persisted to storage in unencrypted form.`,
        'info: Microsoft.Hosting.Lifetime[14]',
        '      Now listening on: http://[::]:80',
        'info: Microsoft.Hosting.Lifetime[0]',
        '      Application started. Press Ctrl+C to shut down.',
        'info: Microsoft.Hosting.Lifetime[0]',
        '      Hosting environment: Production',
        'info: Microsoft.Hosting.Lifetime[0]',
        '      Content root path: /app/',
      ];
    }
    case 'nginx': {
      const d = new Date(startedAt);
      const p = (n: number) => String(n).padStart(2, '0');
      const ts = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
      return [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${ts} [notice] 1#1: using the "epoll" event method`,
        `${ts} [notice] 1#1: nginx/${NGINX_VERSION}`,
        `${ts} [notice] 1#1: start worker processes`,
      ];
    }
    default:
      // The sleep image's `sleep 1000` loop and most others print nothing.
      return [];
  }
}

/** Lines of one container's log, oldest first (the whole text is `lines.join('\n') + '\n'`). */
export function podLogs(cluster: Cluster, podKey: ObjectKey, containerName?: string): string[] {
  return podLogEntries(cluster, podKey, containerName).map((l) => l.text);
}

/**
 * The same lines with the time each was written (ms), for `kubectl logs --timestamps`: startup
 * lines at the container's start (status.containerStatuses[].state.running.startedAt).
 */
export function podLogEntries(
  cluster: Cluster,
  podKey: ObjectKey,
  containerName?: string,
): { at: number; text: string }[] {
  const pod = getPod(cluster, podKey);
  if (!pod) return [];
  const container =
    containerName === undefined
      ? pod.spec.containers[0]
      : pod.spec.containers.find((c) => c.name === containerName);
  if (!container) return [];
  const cs = pod.status?.containerStatuses?.find((s) => s.name === container.name);
  const startedAt = parseTime(cs?.state?.running?.startedAt);
  if (startedAt === undefined) return [];
  const now = cluster.now();
  const later = procState(cluster, pod.metadata.uid)
    .logs.filter((l) => l.at <= now)
    .flatMap((l) => l.text.split('\n').map((text) => ({ at: l.at, text })));
  return [
    ...startupLines(cluster, pod, container, startedAt).map((text) => ({ at: startedAt, text })),
    ...later,
  ];
}

/**
 * A log line's time as the kubelet prefixes it for `--timestamps`: RFC3339NanoFixed
 * ("2006-01-02T15:04:05.000000000Z07:00", pkg/kubelet/kuberuntime/logs/logs.go timeFormatOut), UTC.
 */
export function logTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2006-01-02T15:04:05.000Z
  return `${iso.slice(0, 23)}000000Z`;
}
