// The watch fan-out's shortcuts (a controller's keysFor answering at its first line for writes it
// can tell cannot concern it) against the general paths (SimClusterOptions.generalPaths), which ask
// every part in full: the same placement log (every event, placement and run of the controller
// manager, in order) and the same version stream, on scenarios where the shortcuts' conditions
// vary: Pods of a DaemonSet, a Job, a StatefulSet, a CronJob's Jobs and a ReplicaSet, under one and
// two PodDisruptionBudgets, bare Pods with a NoExecute toleration of their own, a NoExecute taint,
// claims, owner changes (a Pod released from its ReplicaSet, ReplicaSets orphaned and adopted
// again), deletions; Pods whose readiness changes in a status-only write (a readiness probe).
import { describe, expect, it } from 'vitest';
import { createCluster, type SimCluster } from '../cluster';
import type { WatchEvent } from '../runtime/interfaces';
import { firstDivergence, runLogged } from './placement-log';
import { benchScenario } from './version-stream-scenarios';

// biome-ignore lint/suspicious/noExplicitAny: test documents.
type Any = any;

function apply(c: SimCluster, docs: Any[]): void {
  for (const r of c.apply(docs)) if (!r.result.ok) throw new Error(r.result.error.message);
}

const container = (image = 'nginx', extra: Any = {}) => ({ name: 'c', image, ...extra });
const template = (app: string, spec: Any = {}) => ({
  metadata: { labels: { app } },
  spec: { containers: [container()], ...spec },
});
const deployment = (name: string, replicas: number): Any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name) },
});
/** Ready only after its first probe (5 s after start): readiness changes in a status-only write. */
const probed = () => {
  const d = deployment('probed', 2);
  d.spec.template.spec.containers = [
    container('nginx', { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }),
  ];
  return d;
};
const pdb = (name: string, app: string, spec: Any) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name },
  spec: { selector: { matchLabels: { app } }, ...spec },
});
const daemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') },
};
const job = (name: string, completions: number) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: {
    completions,
    template: {
      spec: {
        restartPolicy: 'Never',
        containers: [container('busybox', { command: ['sleep', '2'] })],
      },
    },
  },
});
const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: {
    serviceName: 'db',
    replicas: 2,
    selector: { matchLabels: { app: 'db' } },
    template: {
      metadata: { labels: { app: 'db' } },
      spec: { containers: [container('nginx', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
};
const cronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'tick' },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: job('x', 1).spec } },
};
const barePod = (name: string, app: string, tolerate: boolean) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app } },
  spec: {
    containers: [container()],
    ...(tolerate
      ? {
          tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
        }
      : {}),
  },
});

const merge = (c: SimCluster, kind: 'Deployment' | 'Pod', name: string, body: object) =>
  c.patch(kind, 'default', name, 'merge', JSON.stringify(body));

/** Every kind of owner a Pod can have here, PDBs over them, taints, owner changes, deletions. */
function owners(c: SimCluster): void {
  apply(c, [deployment('web', 3), deployment('api', 2), probed()]);
  c.advance(10_000);
  // Pods written before any PDB, then under one PDB (web), then two (api).
  apply(c, [pdb('web-min', 'web', { minAvailable: 2 })]);
  c.advance(5_000);
  apply(c, [pdb('api-min', 'api', { minAvailable: 1 }), pdb('api-max', 'api', { maxUnavailable: 1 })]);
  merge(c, 'Deployment', 'api', { spec: { replicas: 3 } });
  c.advance(10_000);
  apply(c, [daemonSet, job('batch', 2), statefulSet, cronJob]);
  c.advance(20_000);
  // Bare Pods (no controller), one tolerating the NoExecute taint below, one selected by a PDB.
  apply(c, [barePod('stray', 'web', false), barePod('tolerant', 'lone', true)]);
  c.advance(10_000);
  // A Pod released from its ReplicaSet (relabelled: an orphan now), then replaced.
  const web = c.list('Pod', { namespace: 'default', labelSelector: 'app=web' });
  const released = web.find((p) => p.metadata.ownerReferences?.length)?.metadata.name;
  if (released) merge(c, 'Pod', released, { metadata: { labels: { app: 'gone' } } });
  c.advance(10_000);
  // ReplicaSets orphaned (their Pods keep them), then adopted again by the Deployment re-applied.
  c.delete('Deployment', 'default', 'api', { propagationPolicy: 'Orphan' });
  c.advance(2_000);
  apply(c, [deployment('api', 3)]);
  c.advance(10_000);
  // A NoExecute taint: the Pods that do not tolerate it are evicted; the tolerant one later.
  const node = c.list('Node')[0]?.metadata.name as string;
  const taint = (taints: Any) =>
    c.patch('Node', undefined, node, 'merge', JSON.stringify({ spec: { taints } }));
  taint([{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]);
  c.advance(5_000);
  taint(null);
  c.advance(40_000);
  // Deletions: a StatefulSet Pod (its claim), the Job, a PDB, the DaemonSet; a scale-down under PDBs.
  c.delete('Pod', 'default', 'db-0');
  c.delete('Job', 'default', 'batch');
  c.delete('PodDisruptionBudget', 'default', 'api-max');
  c.delete('DaemonSet', 'default', 'agent');
  merge(c, 'Deployment', 'web', { spec: { replicas: 1 } });
  c.advance(30_000);
  c.delete('Pod', 'default', 'stray');
  c.delete('CronJob', 'default', 'tick');
  c.advance(30_000);
}

/** The run's log and stream with the shortcuts, after checking both equal the general paths'. */
function same(seed: number, run: (c: SimCluster) => void) {
  const opts = { seed, maxPodsPerNode: 1000 };
  const fast = runLogged(opts, run, true);
  const general = runLogged({ ...opts, generalPaths: true }, run, true);
  const diff = firstDivergence(fast.log ?? [], general.log ?? []);
  if (diff) expect.fail(diff.message);
  expect(fast.versions.length).toBe(general.versions.length);
  for (let i = 0; i < fast.versions.length; i++) expect(fast.versions[i]).toEqual(general.versions[i]);
  return fast;
}

describe('the fan-out shortcuts leave the placements and history of the general paths', () => {
  it('Pods of every owner kind, under PDBs, tainted, released, orphaned and deleted', () => {
    const run = same(3, owners);
    // Not vacuous: the publishers' controllers were asked about these Pods and queued their keys.
    const placed = new Set(
      (run.log ?? []).flatMap((e) =>
        e.op === 'place' && e.controller === 'publishers' ? [e.key.split('/')[0]] : [],
      ),
    );
    for (const k of ['DaemonSet', 'Job', 'StatefulSet', 'CronJob', 'PDB', 'PDBMulti', 'Node'])
      expect(placed, k).toContain(k);
    // And a status-only write that kept the phase but changed readiness (the probed Pods) queued
    // their ReplicaSet.
    const log = run.log ?? [];
    const readied = log.some((e, i) => {
      const next = log[i + 1];
      return (
        e.op === 'watch' &&
        e.kind === 'Pod' &&
        e.status === 1 &&
        e.key.startsWith('Pod/default/probed-') &&
        next?.op === 'place' &&
        next.controller === 'replicaset-controller'
      );
    });
    expect(readied).toBe(true);
  });
  it("hands the watchers each event's name and namespace as its object's metadata holds them", () => {
    // WatchEvent.name/namespace, read once by the store, stand in for the view's metadata in the
    // watchers: every write kind (put, status version, removal) on these scenarios must agree.
    for (const [seed, run] of [
      [3, owners],
      [42, benchScenario],
    ] as const) {
      const bad: string[] = [];
      let seen = 0;
      const check = (ev: WatchEvent) => {
        seen++;
        const m = ev.view.metadata;
        if (ev.name !== m.name || ev.namespace !== m.namespace)
          bad.push(`${ev.type} ${ev.kind} ${m.namespace}/${m.name}: ${ev.namespace}/${ev.name}`);
      };
      const c = createCluster({ seed, maxPodsPerNode: 1000, onStore: (store) => store.watch(check) });
      run(c);
      expect(bad).toEqual([]);
      expect(seen).toBeGreaterThan(300);
    }
  });
});
