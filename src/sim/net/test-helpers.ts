// Test-only helpers: a tiny in-memory API server (StoreReader + ApiWriter) that emits watch events,
// a seeded rng, a manual clock and a FIFO controller loop, so the networking layer can be tested
// before (and independently of) the real cluster. Never imported by app code.
import type { K8sObject, KindName, Pod, Service } from '../api/types';
import type { ApiResult, ListOptions, ProfileName, ProxyMode } from '../contract';
import { getProfile } from '../profiles';
import type {
  ApiWriter,
  Clock,
  Controller,
  ControllerContext,
  Rng,
  StoreReader,
  WatchEvent,
} from '../runtime/interfaces';
import '../late-impl'; // the tracer, DNS and rule printers, as src/sim/cluster binds them
import { createNetworking } from './index';

// The kubectl-driven DNS tests' manifests (kept with the other hand-written ones).
export { sleepPodYaml, WEB_SERVICE_YAML } from '../testing/manifests';

export function testRng(seed: number): Rng {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    fork: (name) => {
      let h = seed;
      for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
      return testRng(h);
    },
  };
}

const keyOf = (o: K8sObject) =>
  o.metadata.namespace
    ? `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`
    : `${o.kind}/${o.metadata.name}`;

export class FakeApi implements StoreReader, ApiWriter {
  readonly objects = new Map<KindName, Map<string, K8sObject>>();
  readonly listeners: ((ev: WatchEvent) => void)[] = [];
  now = Date.UTC(2026, 0, 1);
  readonly clock: Clock = { now: () => this.now };
  private uid = 0;
  private rv = 0;
  writes = 0;

  private bucket(kind: KindName): Map<string, K8sObject> {
    let m = this.objects.get(kind);
    if (!m) {
      m = new Map();
      this.objects.set(kind, m);
    }
    return m;
  }
  private emit(ev: WatchEvent) {
    for (const l of this.listeners) l(ev);
  }
  get(kind: KindName, namespace: string | undefined, name: string) {
    return this.bucket(kind).get(namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`);
  }
  list(kind: KindName, opts?: ListOptions) {
    return [...this.bucket(kind).values()]
      .filter((o) => !opts?.namespace || o.metadata.namespace === opts.namespace)
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  }
  view(kind: KindName, namespace: string | undefined, name: string) {
    return this.get(kind, namespace, name);
  }
  *byNamespace(kind: KindName, namespace: string) {
    for (const o of this.bucket(kind).values()) if (o.metadata.namespace === namespace) yield o;
  }
  create(obj: K8sObject): ApiResult {
    const o = structuredClone(obj);
    if (this.get(o.kind as KindName, o.metadata.namespace, o.metadata.name)) {
      return { ok: false, error: { code: 409, reason: 'AlreadyExists', message: `${o.kind} exists` } };
    }
    o.metadata.uid = `uid-${++this.uid}`;
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.creationTimestamp ??= new Date(this.now).toISOString().slice(0, 19).concat('Z');
    this.writes++;
    this.bucket(o.kind as KindName).set(keyOf(o), Object.freeze(o));
    this.emit({
      type: 'ADDED',
      kind: o.kind as KindName,
      key: keyOf(o),
      object: o,
      view: o,
      name: o.metadata.name,
      namespace: o.metadata.namespace,
    });
    return { ok: true, object: o };
  }
  update(obj: K8sObject): ApiResult {
    const old = this.get(obj.kind as KindName, obj.metadata.namespace, obj.metadata.name);
    if (!old) return { ok: false, error: { code: 404, reason: 'NotFound', message: 'not found' } };
    const o = structuredClone(obj);
    o.metadata.resourceVersion = String(++this.rv);
    this.writes++;
    this.bucket(o.kind as KindName).set(keyOf(o), Object.freeze(o));
    this.emit({
      type: 'MODIFIED',
      kind: o.kind as KindName,
      key: keyOf(o),
      object: o,
      old,
      view: o,
      oldView: old,
      name: o.metadata.name,
      namespace: o.metadata.namespace,
    });
    return { ok: true, object: o };
  }
  updateStatus(obj: K8sObject): ApiResult {
    return this.update(obj);
  }
  delete(kind: KindName, namespace: string | undefined, name: string): ApiResult {
    const old = this.get(kind, namespace, name);
    if (!old) return { ok: false, error: { code: 404, reason: 'NotFound', message: 'not found' } };
    this.writes++;
    this.bucket(kind).delete(keyOf(old));
    this.emit({
      type: 'DELETED',
      kind,
      key: keyOf(old),
      object: old,
      view: old,
      name: old.metadata.name,
      namespace: old.metadata.namespace,
    });
    return { ok: true, object: old };
  }
}

/** Runs controllers like the manager does: events → keys → stingy FIFO queue → reconcile. */
export class Loop {
  private queue: [Controller, string][] = [];
  private queued = new Set<string>();
  constructor(
    readonly api: FakeApi,
    readonly controllers: Controller[],
    readonly rng: Rng,
  ) {
    api.listeners.push((ev) => {
      for (const c of controllers) {
        if (!c.watches.includes(ev.kind)) continue;
        for (const k of c.keysFor(ev)) this.enqueue(c, k);
      }
    });
  }
  enqueue(c: Controller, key: string) {
    const id = `${c.name}|${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push([c, key]);
  }
  runUntilIdle(limit = 100000) {
    let n = 0;
    while (this.queue.length) {
      const [c, key] = this.queue.shift() as [Controller, string];
      this.queued.delete(`${c.name}|${key}`);
      const ctx: ControllerContext = {
        store: this.api,
        api: this.api,
        clock: this.api.clock,
        timers: { at: () => 0, after: () => 0, cancel: () => {} },
        rng: this.rng.fork(c.name),
        events: { record: () => {} },
        requeueAfter: () => {},
      };
      c.reconcile(key, ctx);
      if (++n > limit) throw new Error('controllers did not settle');
    }
  }
}

// ------------------------------------------------------------------ object builders

export function pod(
  name: string,
  o: {
    ns?: string;
    labels?: Record<string, string>;
    ip?: string;
    ready?: boolean;
    node?: string;
    image?: string;
    ports?: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' }[];
    terminating?: boolean;
    phase?: Pod['status']['phase'];
    hostname?: string;
    subdomain?: string;
  } = {},
): Pod {
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.ns ?? 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: o.labels ?? {},
      ...(o.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: {
      containers: [
        {
          name: 'c',
          image: o.image ?? 'kiamol/ch03-numbers-api',
          ports: (o.ports ?? []).map((p) => ({ protocol: 'TCP' as const, ...p })),
        },
      ],
      nodeName: o.node ?? 'docker-desktop',
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
    },
    status: {
      phase: o.phase ?? (o.ip ? 'Running' : 'Pending'),
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: '' },
      ],
    },
  };
}

export function service(
  name: string,
  o: {
    ns?: string;
    selector?: Record<string, string>;
    clusterIP?: string;
    type?: Service['spec']['type'];
    ports?: {
      name?: string;
      port: number;
      targetPort?: number | string;
      protocol?: 'TCP' | 'UDP';
      nodePort?: number;
    }[];
    externalName?: string;
    publishNotReadyAddresses?: boolean;
    lbIngress?: { ip?: string; hostname?: string }[];
  } = {},
): Service {
  const type = o.type ?? 'ClusterIP';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.ns ?? 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      type,
      ...(o.selector ? { selector: o.selector } : {}),
      ...(type === 'ExternalName'
        ? { externalName: o.externalName ?? 'example.com' }
        : { clusterIP: o.clusterIP ?? '10.96.100.1', clusterIPs: [o.clusterIP ?? '10.96.100.1'] }),
      ports: (o.ports ?? (type === 'ExternalName' ? [] : [{ port: 80 }])).map((p) => ({
        protocol: 'TCP' as const,
        targetPort: p.port,
        ...p,
      })),
      sessionAffinity: 'None',
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    },
    status: { loadBalancer: o.lbIngress ? { ingress: o.lbIngress } : {} },
  };
}

export function node(name: string, ip: string): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { podCIDR: '', podCIDRs: [] },
    status: { addresses: [{ type: 'InternalIP', address: ip }], conditions: [], nodeInfo: {} },
  };
}

// ------------------------------------------------------------------ networking harness

/** A fake cluster: nodes, the kubernetes and kube-dns Services, two CoreDNS pods, networking wired in. */
export function netHarness(opts: { profile?: ProfileName; proxyMode?: ProxyMode; seed?: number } = {}) {
  const profile = getProfile(opts.profile, opts.proxyMode);
  const api = new FakeApi();
  const rng = testRng(opts.seed ?? 42);
  const networking = createNetworking({ profile, store: api, rng: rng.fork('net'), clock: api.clock });
  api.listeners.unshift((ev) => networking.onWatch(ev));
  const loop = new Loop(api, networking.controllers, rng.fork('controllers'));
  for (const n of profile.nodes) api.create(node(n.name, n.ip));
  api.create(
    service('kubernetes', {
      clusterIP: profile.kubernetesServiceIP,
      ports: [{ name: 'https', port: 443, targetPort: 6443 }],
    }),
  );
  api.create(
    service('kube-dns', {
      ns: 'kube-system',
      clusterIP: profile.dnsServiceIP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153 },
      ],
    }),
  );
  const base = profile.nodes[0]?.podCIDR.split('.').slice(0, 3).join('.') ?? '10.1.0';
  for (const [i, suffix] of ['5dd5756b68-abcde', '5dd5756b68-fghjk'].entries()) {
    api.create(
      pod(`coredns-${suffix}`, {
        ns: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
        ip: `${base}.${i + 2}`,
        node: profile.nodes[0]?.name ?? 'node',
        image: 'registry.k8s.io/coredns/coredns:v1.12.1',
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53 },
          { name: 'metrics', containerPort: 9153 },
        ],
      }),
    );
  }
  loop.runUntilIdle();
  return { profile, api, loop, networking, net: networking.net };
}

/**
 * The kind cluster of the policy tests: web-a on kind-worker, web-b and web-c on kind-worker2
 * (numbers-web, port 80, label app=web), client-1 on kind-control-plane, client-2 on kind-worker.
 */
export function addKindWebPods(api: FakeApi): void {
  const ports = [{ containerPort: 80 }];
  const image = 'kiamol/ch03-numbers-web';
  const web = (name: string, ip: string, node: string) =>
    api.create(pod(name, { labels: { app: 'web' }, ip, node, ports, image }));
  web('web-a', '10.244.1.7', 'kind-worker');
  web('web-b', '10.244.2.8', 'kind-worker2');
  web('web-c', '10.244.2.9', 'kind-worker2');
  api.create(pod('client-1', { ip: '10.244.0.5', node: 'kind-control-plane', image: 'kiamol/ch03-sleep' }));
  api.create(pod('client-2', { ip: '10.244.1.5', node: 'kind-worker', image: 'kiamol/ch03-sleep' }));
}

/** The `*mangle`, `*filter` and `*nat` parts of an iptables-save text (each up to its COMMIT). */
export function saveTables(text: string): { mangle: string; filter: string; nat: string } {
  const part = (name: string) => {
    const i = text.indexOf(`*${name}\n`);
    if (i < 0) return '';
    return text.slice(i, text.indexOf('\nCOMMIT\n', i) + 7);
  };
  return { mangle: part('mangle'), filter: part('filter'), nat: part('nat') };
}
