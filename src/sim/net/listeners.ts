// What each image listens on, so the tracer can tell "delivered" from "connection refused" (a RST
// from the Pod's network namespace). Mirrors the images of KIAMOL chapter 3 (reference §A2):
// the sleep image runs `sleep` and opens no socket; numbers-api and numbers-web serve HTTP on :80.
import type { Pod, Protocol } from '../api/types';

interface ImageListeners {
  match: (image: string) => boolean;
  ports: readonly { port: number; protocol: Protocol }[];
}

/** Repository part of an image reference, without registry host, tag or digest. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0] ?? image;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  // Drop a registry host (`docker.io/`, `registry.k8s.io/`, `localhost:5000/`).
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return parts.join('/');
}

const tcp = (port: number) => ({ port, protocol: 'TCP' as const });

/**
 * A CoreDNS build: registry.k8s.io/coredns/coredns, Docker Hub's coredns/coredns, and mirrors of
 * it such as k3s's rancher/mirrored-coredns-coredns (the same distroless binary).
 */
export const isCoreDnsRepository = (r: string): boolean => r.endsWith('coredns');

export const IMAGE_LISTENERS: readonly ImageListeners[] = [
  { match: (r) => r === 'kiamol/ch03-sleep', ports: [] },
  { match: (r) => r === 'kiamol/ch03-numbers-api' || r === 'kiamol/ch03-numbers-web', ports: [tcp(80)] },
  { match: (r) => r === 'nginx' || r.endsWith('/nginx'), ports: [tcp(80)] },
  // CoreDNS: DNS on 53 (udp+tcp), prometheus :9153 (kubeadm Corefile); health :8080 and ready :8181.
  {
    match: isCoreDnsRepository,
    ports: [{ port: 53, protocol: 'UDP' }, tcp(53), tcp(9153), tcp(8080), tcp(8181)],
  },
];

const byImage = new Map<string, ImageListeners | null>();
function listenersFor(image: string): ImageListeners | undefined {
  let l = byImage.get(image);
  if (l === undefined) {
    const repo = imageRepository(image);
    l = IMAGE_LISTENERS.find((x) => x.match(repo)) ?? null;
    if (byImage.size > 1000) byImage.clear();
    byImage.set(image, l);
  }
  return l ?? undefined;
}

/** Whether some container of `pod` has a socket bound to `port`/`protocol` (any address). */
export function podListens(pod: Pod, port: number, protocol: Protocol): boolean {
  for (const c of pod.spec.containers) {
    const known = listenersFor(c.image);
    if (known) {
      if (known.ports.some((p) => p.port === port && p.protocol === protocol)) return true;
      continue;
    }
    // Any other image: assume it serves what it declares.
    if ((c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol))
      return true;
  }
  return false;
}
