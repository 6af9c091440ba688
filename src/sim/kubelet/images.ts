// What the container runtime knows about images: which exist in the registry, their size, how
// long a first pull takes, and how quickly the container stops on SIGTERM (reference §A2, §B9).
import type { Rng } from '../runtime/interfaces';
import { flat, hexDigits } from '../runtime/rng';

export interface ImageSpec {
  /** Compressed size reported in the Pulled event. */
  size: number;
  /** First pull on a node, ms range drawn from the seeded rng. */
  pullMs: [number, number];
  /** How long the container takes to exit after SIGTERM (capped by the grace period). */
  stopMs: [number, number];
  /**
   * The exit code of the image's own process (its ENTRYPOINT/CMD) when it ends on SIGTERM within
   * the grace period; 0 when unset (nginx, CoreDNS, the .NET apps: see terminate.ts sigtermExit).
   */
  termExit?: number;
  /** Tags that exist; undefined means any tag is accepted (well-known public images). */
  tags?: string[];
}

const GRACE = Number.POSITIVE_INFINITY; // ignores SIGTERM (PID 1 without a handler): full grace period

const KNOWN: Record<string, ImageSpec> = {
  // sh with `trap : TERM INT` ends `wait` at once: deletion takes about a second. The interrupted
  // wait returns 128+15 and ash exits with it after the trap (terminate.ts sigtermExit).
  'docker.io/kiamol/ch03-sleep': {
    size: 7_654_321,
    pullMs: [2000, 4000],
    stopMs: [700, 1200],
    termExit: 143,
    tags: ['latest'],
  },
  'docker.io/kiamol/ch03-numbers-api': {
    size: 46_217_530,
    pullMs: [5000, 8000],
    stopMs: [1000, 2000],
    tags: ['latest'],
  },
  'docker.io/kiamol/ch03-numbers-web': {
    size: 47_923_114,
    pullMs: [5000, 8000],
    stopMs: [1000, 2000],
    tags: ['latest', 'v2'],
  },
  'docker.io/library/nginx': { size: 72_225_394, pullMs: [3000, 6000], stopMs: [300, 700] },
  'docker.io/library/busybox': { size: 2_155_884, pullMs: [1500, 2500], stopMs: [GRACE, GRACE] },
  'docker.io/library/alpine': { size: 3_653_068, pullMs: [1500, 2500], stopMs: [GRACE, GRACE] },
  'docker.io/curlimages/curl': { size: 9_964_270, pullMs: [2000, 3500], stopMs: [GRACE, GRACE] },
  'registry.k8s.io/coredns/coredns': { size: 20_942_342, pullMs: [2000, 4000], stopMs: [5000, 5200] },
  'registry.k8s.io/pause': { size: 320_368, pullMs: [500, 900], stopMs: [100, 200] },
  'registry.k8s.io/metrics-server/metrics-server': {
    size: 19_489_870,
    pullMs: [2000, 4000],
    stopMs: [500, 900],
  },
  // k3s's packaged components and ServiceLB, kind's storage provisioner. [K3S manifests; KIND]
  'docker.io/rancher/mirrored-coredns-coredns': {
    size: 21_112_386,
    pullMs: [2000, 4000],
    stopMs: [5000, 5200],
  },
  'docker.io/rancher/mirrored-metrics-server': { size: 19_489_870, pullMs: [2000, 4000], stopMs: [500, 900] },
  'docker.io/rancher/local-path-provisioner': {
    size: 21_893_532,
    pullMs: [2000, 4000],
    stopMs: [GRACE, GRACE],
  },
  'docker.io/rancher/mirrored-klipper-lb': { size: 4_956_128, pullMs: [1000, 2000], stopMs: [100, 300] },
  'docker.io/kindest/local-path-provisioner': {
    size: 20_167_031,
    pullMs: [2000, 4000],
    stopMs: [GRACE, GRACE],
  },
  'docker.io/rancher/mirrored-library-traefik': {
    size: 45_000_118,
    pullMs: [4000, 7000],
    stopMs: [500, 900],
  },
};

export interface ImageRef {
  /** As written in the Pod spec. */
  image: string;
  /** Fully qualified: `docker.io/kiamol/ch03-sleep:latest`. */
  fullName: string;
  repository: string;
  tag: string;
}

/** Docker reference normalisation: default registry docker.io, `library/` for single names, tag latest. */
export function parseImage(image: string): ImageRef {
  // Pure, and asked for the same few references by every Pod: one shared (frozen) answer each,
  // whose fullName is a flat string (it is stored in every container status).
  let r = parsedImages.get(image);
  if (!r) {
    if (parsedImages.size >= 1024) parsedImages.clear();
    const p = parseImageUncached(image);
    r = Object.freeze({ ...p, fullName: flat(p.fullName), repository: flat(p.repository) });
    parsedImages.set(image, r);
  }
  return r;
}
const parsedImages = new Map<string, ImageRef>();

function parseImageUncached(image: string): ImageRef {
  const [ref, digest] = image.split('@') as [string, string | undefined];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const name = colon > slash ? ref.slice(0, colon) : ref;
  const tag = colon > slash ? ref.slice(colon + 1) : 'latest';
  const first = name.split('/')[0] ?? '';
  const hasRegistry =
    name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? name : `docker.io/${name}`;
  if (!hasRegistry && !name.includes('/')) repository = `docker.io/library/${name}`;
  return { image, repository, tag, fullName: digest ? `${repository}@${digest}` : `${repository}:${tag}` };
}

export type PullCheck = { ok: true; spec: ImageSpec } | { ok: false; message: string };

/** containerd's error texts for a repository that does not exist and for a missing tag. */
export function checkImage(image: string): PullCheck {
  // Pure, and asked once per pull for the same few references: one shared (frozen) answer each.
  let r = checks.get(image);
  if (!r) {
    if (checks.size >= 1024) checks.clear();
    const c = checkImageUncached(image);
    r = Object.freeze(c.ok ? c : { ok: false, message: flat(c.message) });
    checks.set(image, r);
  }
  return r;
}
const checks = new Map<string, PullCheck>();

function checkImageUncached(image: string): PullCheck {
  const ref = parseImage(image);
  const spec = KNOWN[ref.repository];
  if (!spec) {
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.fullName}": failed to resolve reference "${ref.fullName}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (spec.tags && !spec.tags.includes(ref.tag) && !image.includes('@')) {
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.fullName}": failed to resolve reference "${ref.fullName}": ${ref.fullName}: not found`,
    };
  }
  return { ok: true, spec };
}

export function drawMs(rng: Rng, [lo, hi]: [number, number]): number {
  if (!Number.isFinite(lo)) return lo;
  return lo + rng.int(hi - lo + 1);
}

/** Go's time.Duration String for whole milliseconds: `812ms`, `2s`, `2.345s`, `1m5.2s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60000);
  const rest = ms - minutes * 60000;
  const secs = (rest / 1000).toFixed(3).replace(/\.?0+$/, '');
  return minutes > 0 ? `${minutes}m${secs}s` : `${secs}s`;
}

/** A pull of an image the node has, with imagePullPolicy Always (the manifest check only). */
export const CACHED_PULL_MS: [number, number] = [700, 1300];

/**
 * The image manager's Normal Pulled Event after a pull (pkg/kubelet/images/image_manager.go
 * EnsureImageExists): the pull's time, then the time including the wait for the pulls before it,
 * both `ms` here, and the image's size. One text for the first Pod start (pod-worker.ts), a restart
 * (lifecycle.ts) and an init container (init-pull.ts).
 */
export function pulledMessage(image: string, ms: number, size: number): string {
  const d = goDuration(ms);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${size} bytes.`;
}

/** The Pulled Event when the image is on the node and not pulled again (image_manager.go). */
export const presentMessage = (image: string): string =>
  `Container image "${image}" already present on machine`;

/** `<repository>@sha256:…` as containerd reports a container's imageID (one string per repository). */
export function imageId(repository: string): string {
  let id = imageIds.get(repository);
  if (id === undefined) {
    id = flat(`${repository}@${imageDigest(repository)}`);
    imageIds.set(repository, id);
  }
  return id;
}
const imageIds = new Map<string, string>();

export function imageDigest(repository: string): string {
  let d = digests.get(repository);
  if (d === undefined) {
    d = computeDigest(repository);
    digests.set(repository, d);
  }
  return d;
}

// A pure function of the repository name, so one process-wide cache is safe.
const digests = new Map<string, string>();

function computeDigest(repository: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (const ch of `${repository}#${round}`)
      h = Math.imul(h ^ (ch.codePointAt(0) as number), 0x01000193) >>> 0;
    out += hexDigits(h, 8);
  }
  return `sha256:${out}`;
}
