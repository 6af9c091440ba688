// Test fixtures for the read verbs: hand-built objects shaped like the chapter's cluster (as the
// API server stores them) and a minimal in-memory Cluster facade, so printers and verbs can be
// tested exactly before and independently of the real simulated cluster.
import { matches } from '../../sim/api/labels';
import { parseSelector } from '../../sim/api/selector-parse';
import type { K8sObject, KindName } from '../../sim/api/types';
import type { Cluster, ListOptions } from '../../sim/contract';
import type { OutputChunk, ProcContext } from '../shell/types';
import type { KubectlContext, KubectlVerb } from './registry';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function meta(
  name: string,
  createdMs: number,
  extra: Record<string, unknown> = {},
  namespace: string | undefined = 'default',
) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: `uid-${name}`,
    resourceVersion: '1',
    creationTimestamp: iso(createdMs),
    ...extra,
  };
}

export function pod(
  name: string,
  createdMs: number,
  o: {
    app: string;
    hash: string;
    ip?: string;
    ready?: boolean;
    waiting?: string;
    deleting?: boolean;
    restarts?: number;
    lastFinished?: number;
  },
): K8sObject {
  const running = !o.waiting;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, createdMs, {
      generateName: `${o.app}-${o.hash}-`,
      labels: { app: o.app, 'pod-template-hash': o.hash },
      ...(o.deleting ? { deletionTimestamp: iso(createdMs + 1000), deletionGracePeriodSeconds: 30 } : {}),
    }),
    spec: {
      containers: [
        {
          name: o.app.startsWith('sleep') ? 'sleep' : 'app',
          image: `kiamol/ch03-${o.app.startsWith('sleep') ? 'sleep' : o.app}`,
        },
      ],
      nodeName: 'docker-desktop',
      priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: running ? 'Running' : 'Pending',
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      conditions: [
        {
          type: 'Ready',
          status: running && o.ready !== false ? 'True' : 'False',
          lastProbeTime: null,
          lastTransitionTime: iso(createdMs),
        },
      ],
      containerStatuses: [
        {
          name: 'sleep',
          image: 'kiamol/ch03-sleep:latest',
          imageID: '',
          ready: running && o.ready !== false,
          started: running,
          restartCount: o.restarts ?? 0,
          state: running ? { running: { startedAt: iso(createdMs) } } : { waiting: { reason: o.waiting } },
          lastState: o.lastFinished
            ? { terminated: { exitCode: 1, reason: 'Error', finishedAt: iso(o.lastFinished) } }
            : {},
        },
      ],
    },
  } as K8sObject;
}

export function service(
  name: string,
  createdMs: number,
  spec: Record<string, unknown>,
  status: Record<string, unknown> = { loadBalancer: {} },
  namespace = 'default',
): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, createdMs, {}, namespace),
    spec: { sessionAffinity: 'None', ...spec },
    status,
  } as K8sObject;
}

export function endpoints(name: string, createdMs: number, subsets?: unknown[]): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta(name, createdMs),
    ...(subsets ? { subsets } : {}),
  } as K8sObject;
}

export function deployment(name: string, createdMs: number, ready: number, replicas = 1): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, createdMs, { generation: 1, labels: { app: name } }),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'sleep', image: 'kiamol/ch03-sleep' }] },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready },
  } as K8sObject;
}

export function replicaSet(
  name: string,
  createdMs: number,
  app: string,
  hash: string,
  ready: number,
): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, createdMs, { labels: { app, 'pod-template-hash': hash } }),
    spec: {
      replicas: 1,
      selector: { matchLabels: { app, 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { app, 'pod-template-hash': hash } },
        spec: { containers: [{ name: 'sleep', image: 'kiamol/ch03-sleep' }] },
      },
    },
    status: { replicas: 1, readyReplicas: ready, availableReplicas: ready },
  } as K8sObject;
}

/** An in-memory stand-in for the Cluster facade (read side only). */
export class FakeCluster {
  objects: K8sObject[] = [];
  constructor(public nowMs: number) {}
  add(...objs: K8sObject[]): this {
    this.objects.push(...objs);
    return this;
  }
  asCluster(): Cluster {
    const self = this;
    const c: Partial<Cluster> = {
      seed: 1,
      profile: 'docker-desktop',
      proxyMode: 'iptables',
      now: () => self.nowMs,
      get(kind: KindName, namespace: string | undefined, name: string) {
        return self.objects.find(
          (o) =>
            o.kind === kind &&
            o.metadata.name === name &&
            (namespace === undefined || o.metadata.namespace === namespace),
        );
      },
      list(kind: KindName, opts: ListOptions = {}) {
        const sel = opts.labelSelector !== undefined ? parseSelector(opts.labelSelector) : undefined;
        return self.objects
          .filter((o) => o.kind === kind)
          .filter((o) => opts.namespace === undefined || o.metadata.namespace === opts.namespace)
          .filter((o) => !sel || matches(sel, o.metadata.labels))
          .sort((a, b) => {
            const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
            const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
            return ka < kb ? -1 : ka > kb ? 1 : 0;
          });
      },
      subscribe: () => () => {},
      // Fixed objects: nothing is ever written, so a watch hears nothing.
      watch: () => () => {},
    };
    return c as Cluster;
  }
}

export interface VerbRun {
  stdout: string;
  stderr: string;
  code: number;
  chunks: OutputChunk[];
}

/** Run a verb with already-split args (global -n handled here like the dispatcher does). */
export function runVerb(
  verb: KubectlVerb,
  cluster: Cluster,
  argv: string[],
  parse: (a: string[]) => { flags: Record<string, unknown>; positional: string[] } | string,
): VerbRun {
  const chunks: OutputChunk[] = [];
  let namespace = 'default';
  let explicit = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-n' || a === '--namespace') {
      namespace = argv[++i] as string;
      explicit = true;
    } else if (a.startsWith('--namespace=')) {
      namespace = a.slice(12);
      explicit = true;
    } else rest.push(a);
  }
  const proc: ProcContext = {
    cluster,
    stdin: '',
    env: {},
    out: (text) => chunks.push({ stream: 'stdout', text, at: 0 }),
    err: (text) => chunks.push({ stream: 'stderr', text, at: 0 }),
    trace: () => {},
    sleep: () => {},
  };
  const parsed = parse(rest);
  if (typeof parsed === 'string') return { stdout: '', stderr: parsed, code: 1, chunks };
  const ctx: KubectlContext = { cluster, namespace, namespaceExplicit: explicit, proc, host: undefined };
  const code = verb.run(
    { flags: parsed.flags as never, positional: parsed.positional, dashArgs: undefined },
    ctx,
  );
  return {
    stdout: chunks
      .filter((c) => c.stream === 'stdout')
      .map((c) => c.text)
      .join(''),
    stderr: chunks
      .filter((c) => c.stream === 'stderr')
      .map((c) => c.text)
      .join(''),
    code,
    chunks,
  };
}
