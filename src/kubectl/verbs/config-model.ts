// The student's kubeconfig (~/.kube/config as each distro writes it) held by the terminal session:
// one cluster, one user and one context per profile, named as the distro names them.
//   Docker Desktop: cluster/user/context `docker-desktop`, server https://kubernetes.docker.internal:6443
//   kind:           `kind-kind`, server https://127.0.0.1:<port>: kind publishes the API server on a
//                   random loopback port (docker picks it from the ephemeral range 32768–60999); here the
//                   port is derived from the cluster seed (kindApiServerPort), so a seed always gives
//                   the same port.
//   k3s:            /etc/rancher/k3s/k3s.yaml copied to ~/.kube/config: everything named `default`,
//                   server https://127.0.0.1:6443.
// All three authenticate with a client certificate (client-certificate-data / client-key-data) and
// pin the cluster CA (certificate-authority-data). The certificate bytes are not real certificates:
// they are deterministic PEM-shaped filler, only ever shown by `kubectl config view --raw`.
import type { ProfileName } from '../../sim/contract';

export interface KubeContext {
  cluster: string;
  user: string;
  /** '' when the context sets no namespace (`default` is then used). */
  namespace: string;
}

export interface KubeCluster {
  server: string;
  /** Base64 of the CA's PEM, as certificate-authority-data holds it ('' when absent). */
  caData: string;
}

export interface KubeUser {
  certData: string;
  keyData: string;
}

/** clientcmdapi.Config: the maps are keyed by name (Go maps; printed sorted). */
export interface Kubeconfig {
  clusters: Map<string, KubeCluster>;
  users: Map<string, KubeUser>;
  contexts: Map<string, KubeContext>;
  currentContext: string;
}

/** A deterministic port in Linux's default ephemeral range (ip_local_port_range 32768 60999). */
export function kindApiServerPort(seed: number): number {
  // One round of a 32-bit integer hash (splitmix-like): no draw from the cluster's rng streams.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return 32768 + (h % (60999 - 32768 + 1));
}

/** The API server URL the profile's kubeconfig holds. */
export function apiServerUrl(profile: ProfileName, seed: number): string {
  switch (profile) {
    case 'kind':
      return `https://127.0.0.1:${kindApiServerPort(seed)}`;
    case 'k3s':
      return 'https://127.0.0.1:6443';
    default:
      return 'https://kubernetes.docker.internal:6443';
  }
}

function entryName(profile: ProfileName): string {
  switch (profile) {
    case 'kind':
      return 'kind-kind';
    case 'k3s':
      return 'default';
    default:
      return 'docker-desktop';
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

function ascii(s: string): number[] {
  return [...s].map((ch) => ch.charCodeAt(0) & 0xff);
}

/** base64(PEM) of `length` filler bytes drawn from (seed, label): stable for a seed. */
function fakePem(seed: number, label: string, header: string, length: number): string {
  let x = (seed * 2654435761 + label.length * 40503) >>> 0 || 1;
  for (const ch of label) x = (Math.imul(x, 31) + ch.charCodeAt(0)) >>> 0;
  const body: number[] = [];
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    body.push(x & 0xff);
  }
  const b = base64(body);
  const lines = b.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN ${header}-----\n${lines.join('\n')}\n-----END ${header}-----\n`;
  return base64(ascii(pem));
}

export function defaultKubeconfig(profile: ProfileName, seed: number): Kubeconfig {
  const name = entryName(profile);
  // kubeadm (Docker Desktop, kind) signs RSA client keys; k3s uses ECDSA keys.
  const keyHeader = profile === 'k3s' ? 'EC PRIVATE KEY' : 'RSA PRIVATE KEY';
  return {
    clusters: new Map([
      [
        name,
        { server: apiServerUrl(profile, seed), caData: fakePem(seed, `${name}-ca`, 'CERTIFICATE', 480) },
      ],
    ]),
    users: new Map([
      [
        name,
        {
          certData: fakePem(seed, `${name}-client`, 'CERTIFICATE', 520),
          keyData: fakePem(seed, `${name}-key`, keyHeader, profile === 'k3s' ? 121 : 1190),
        },
      ],
    ]),
    contexts: new Map([[name, { cluster: name, user: name, namespace: '' }]]),
    currentContext: name,
  };
}

/** The namespace later commands default to: the current context's, when it sets one. */
export function contextNamespace(cfg: Kubeconfig | undefined): string | undefined {
  if (!cfg) return undefined;
  const ns = cfg.contexts.get(cfg.currentContext)?.namespace;
  return ns ? ns : undefined;
}

/**
 * What clientcmd's ConfirmUsable reports before any request when the current context is gone
 * (`kubectl config delete-context` of the context in use): kubectl prints it through CheckErr's
 * IsConfigurationInvalid branch. The cluster itself falls back to ClusterDefaults (localhost:8080),
 * so this is the only error. Undefined when the configuration is usable.
 */
export function configurationError(cfg: Kubeconfig | undefined): string | undefined {
  if (!cfg || cfg.currentContext === '' || cfg.contexts.has(cfg.currentContext)) return undefined;
  return `Error in configuration: context was not found for specified context: ${cfg.currentContext}\n`;
}

export function cloneKubeconfig(cfg: Kubeconfig): Kubeconfig {
  return {
    clusters: new Map([...cfg.clusters].map(([k, v]) => [k, { ...v }])),
    users: new Map([...cfg.users].map(([k, v]) => [k, { ...v }])),
    contexts: new Map([...cfg.contexts].map(([k, v]) => [k, { ...v }])),
    currentContext: cfg.currentContext,
  };
}

function sortedNames<T>(m: Map<string, T>): string[] {
  return [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The config as clientcmd's v1 types marshal it (struct field order; maps become lists sorted by
 * name). `raw` keeps the certificate data; otherwise ShortenConfig's `DATA+OMITTED` replaces it
 * (RedactSecrets runs first, but ShortenConfig overwrites client-key-data too).
 */
export function toV1(cfg: Kubeconfig, raw: boolean): Record<string, unknown> {
  const data = (v: string) => (raw ? v : 'DATA+OMITTED');
  // An empty Go map converts to a nil slice: `clusters: null` (the fields are not omitempty).
  const list = <T>(xs: T[]): T[] | null => (xs.length === 0 ? null : xs);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: list(
      sortedNames(cfg.clusters).map((name) => {
        const c = cfg.clusters.get(name) as KubeCluster;
        return {
          name,
          cluster: {
            server: c.server,
            ...(c.caData ? { 'certificate-authority-data': data(c.caData) } : {}),
          },
        };
      }),
    ),
    users: list(
      sortedNames(cfg.users).map((name) => {
        const u = cfg.users.get(name) as KubeUser;
        return {
          name,
          user: {
            ...(u.certData ? { 'client-certificate-data': data(u.certData) } : {}),
            ...(u.keyData ? { 'client-key-data': data(u.keyData) } : {}),
          },
        };
      }),
    ),
    contexts: list(
      sortedNames(cfg.contexts).map((name) => {
        const c = cfg.contexts.get(name) as KubeContext;
        return {
          name,
          context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) },
        };
      }),
    ),
    'current-context': cfg.currentContext,
  };
}

/** clientcmdapi.MinifyConfig: only the current context and what it names. */
export function minify(cfg: Kubeconfig): { ok: true; config: Kubeconfig } | { ok: false; message: string } {
  if (cfg.currentContext === '')
    return { ok: false, message: 'current-context must exist in order to minify' };
  const ctx = cfg.contexts.get(cfg.currentContext);
  if (!ctx) return { ok: false, message: `cannot locate context ${cfg.currentContext}` };
  const out: Kubeconfig = {
    clusters: new Map(),
    users: new Map(),
    contexts: new Map([[cfg.currentContext, { ...ctx }]]),
    currentContext: cfg.currentContext,
  };
  if (ctx.cluster !== '') {
    const c = cfg.clusters.get(ctx.cluster);
    if (!c) return { ok: false, message: `cannot locate cluster ${ctx.cluster}` };
    out.clusters.set(ctx.cluster, { ...c });
  }
  if (ctx.user !== '') {
    const u = cfg.users.get(ctx.user);
    if (!u) return { ok: false, message: `cannot locate user ${ctx.user}` };
    out.users.set(ctx.user, { ...u });
  }
  return { ok: true, config: out };
}

export { sortedNames };
