// The scenarios of the version-stream golden (version-stream.test.ts), each deterministic by seed:
// the benchmark's shape at small scale, the chapter-3 flow, and generated command sequences. Each
// returns the whole stream from the empty store on (the boot's writes included, via onStore).
import fc from 'fast-check';
import { CH03_FILES } from '../../scenarios/ch03/index';
import type { Deployment, K8sObject, Pod } from '../api/types';
import { createCluster, type SimCluster, type SimClusterOptions } from '../cluster';
import { parseManifests } from '../yaml';
import { benchManifest } from './bench-manifest';
import { recordVersions, type Version } from './version-stream';

export type ScenarioOptions = Omit<SimClusterOptions, 'onStore'>;
type Perturb = (v: Version) => Version;

/** A cluster with a recorder attached before boot; `run` drives it, then the stream is returned. */
export function recordScenario(
  opts: ScenarioOptions,
  run: (c: SimCluster) => void,
  perturb?: Perturb,
): Version[] {
  let rec: ReturnType<typeof recordVersions> | undefined;
  const c = createCluster({
    ...opts,
    onStore: (store) => {
      rec = recordVersions(store, perturb);
    },
  });
  run(c);
  if (!rec) throw new Error('onStore was not called');
  rec.stop();
  return rec.versions();
}

function applyYaml(c: SimCluster, text: string, source = 'scenario.yaml'): void {
  const parsed = parseManifests(text, source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const o of c.apply(parsed.docs, { source }))
    if (!o.result.ok) throw new Error(`${source}: ${o.result.error.message}`);
}

/** Every Deployment in default rolled out and ready, and no Pod terminating. */
function settled(c: SimCluster): boolean {
  for (const d of c.list('Deployment', { namespace: 'default' }) as Deployment[]) {
    const s = d.status;
    const want = d.spec.replicas;
    if (
      s.observedGeneration !== d.metadata.generation ||
      (s.readyReplicas ?? 0) !== want ||
      (s.updatedReplicas ?? 0) !== want ||
      (s.availableReplicas ?? 0) !== want ||
      (s.replicas ?? 0) !== want
    )
      return false;
  }
  for (const p of c.list('Pod', { namespace: 'default' }))
    if (p.metadata.deletionTimestamp !== undefined) return false;
  return true;
}

/** Advance in 500 ms steps (at least one) until `settled`. */
export function settle(c: SimCluster, maxSteps = 400): void {
  for (let i = 0; ; i++) {
    c.advance(500);
    if (settled(c)) return;
    if (i >= maxSteps) throw new Error(`not settled after ${maxSteps} steps of 500 ms`);
  }
}

const merge = (c: SimCluster, kind: 'Deployment' | 'Pod', name: string, body: object) => {
  const r = c.patch(kind, 'default', name, 'merge', JSON.stringify(body));
  if (!r.ok) throw new Error(r.error.message);
};

const podsOf = (c: SimCluster, app: string) =>
  c.list('Pod', { namespace: 'default', labelSelector: `app=${app}` }) as Pod[];

export const BENCH_N = 20;

/**
 * (a) The benchmark's shape: apply and settle, then delete a Pod, scale 5→2→6, relabel a Pod out
 * of its Service (and ReplicaSet), roll out a new template, delete a Deployment; each settled.
 */
export function benchScenario(c: SimCluster): void {
  applyYaml(c, benchManifest(BENCH_N), 'bench.yaml');
  settle(c);
  const victim = podsOf(c, 'app-3')[0] as Pod;
  c.delete('Pod', 'default', victim.metadata.name);
  settle(c);
  merge(c, 'Deployment', 'app-5', { spec: { replicas: 2 } });
  settle(c);
  merge(c, 'Deployment', 'app-5', { spec: { replicas: 6 } });
  settle(c);
  const moved = podsOf(c, 'app-7')[0] as Pod;
  merge(c, 'Pod', moved.metadata.name, { metadata: { labels: { app: 'moved' } } });
  settle(c);
  merge(c, 'Deployment', 'app-9', {
    spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
  settle(c);
  const r = c.delete('Deployment', 'default', 'app-11');
  if (!r.ok) throw new Error(r.error.message);
  settle(c);
  c.advance(5_000);
}

/** A true headless Service (clusterIP: None) over sleep-2, beside the book's selectorless one. */
const SLEEP2_HEADLESS = `apiVersion: v1
kind: Service
metadata:
  name: sleep-2-headless
spec:
  clusterIP: None
  selector:
    app: sleep-2
  ports:
    - port: 80
`;

const file = (name: string) => CH03_FILES[name] as string;

function deleteAll(c: SimCluster, kind: 'Pod' | 'Deployment' | 'Service', selector?: string): void {
  const objs: K8sObject[] = c.list(kind, {
    namespace: 'default',
    ...(selector ? { labelSelector: selector } : {}),
  });
  for (const o of objs) c.delete(kind, 'default', o.metadata.name);
}

/** (b) The chapter-3 walkthrough's writes through the facade (the app's own ch03 files). */
export function ch03Scenario(c: SimCluster): void {
  applyYaml(c, file('sleep/sleep1.yaml'), 'sleep/sleep1.yaml');
  applyYaml(c, file('sleep/sleep2.yaml'), 'sleep/sleep2.yaml');
  settle(c);
  deleteAll(c, 'Pod', 'app=sleep-2');
  settle(c);
  applyYaml(c, file('sleep/sleep2-service.yaml'));
  applyYaml(c, file('numbers/api.yaml'));
  applyYaml(c, file('numbers/web.yaml'));
  settle(c);
  deleteAll(c, 'Pod', 'app=numbers-api');
  settle(c);
  applyYaml(c, file('numbers/api-service.yaml'));
  applyYaml(c, file('numbers/web-service.yaml'));
  settle(c);
  applyYaml(c, file('numbers-services/web-service-nodePort.yaml'));
  c.delete('Service', 'default', 'numbers-api');
  applyYaml(c, file('numbers-services/api-service-externalName.yaml'));
  settle(c);
  c.delete('Service', 'default', 'numbers-api');
  applyYaml(c, file('numbers-services/api-service-headless.yaml'));
  applyYaml(c, SLEEP2_HEADLESS);
  settle(c);
  deleteAll(c, 'Pod', 'app=sleep-2');
  settle(c);
  c.delete('Deployment', 'default', 'sleep-2');
  settle(c);
  // §A3's clean-up: every Deployment, then every Service (kubernetes comes back).
  deleteAll(c, 'Deployment');
  deleteAll(c, 'Service');
  settle(c);
  c.advance(30_000);
}

/** (c) One step of a generated sequence (JSON: the golden file keeps the sequence it was made from). */
export type Command =
  | { op: 'deploy'; d: number; replicas: number; image: number }
  | { op: 'service'; s: number; app: number; type: 'ClusterIP' | 'NodePort' | 'headless' }
  | { op: 'delete'; kind: 'Deployment' | 'Service'; i: number }
  | { op: 'deletePod'; i: number }
  | { op: 'relabel'; i: number; app: number }
  | { op: 'scale'; d: number; replicas: number }
  | { op: 'advance'; ms: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant('deploy' as const),
    d: fc.nat(2),
    replicas: fc.nat(4),
    image: fc.nat(2),
  }),
  fc.record({
    op: fc.constant('service' as const),
    s: fc.nat(1),
    app: fc.nat(2),
    type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'headless' as const),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    kind: fc.constantFrom('Deployment' as const, 'Service' as const),
    i: fc.nat(2),
  }),
  fc.record({ op: fc.constant('deletePod' as const), i: fc.nat(9) }),
  fc.record({ op: fc.constant('relabel' as const), i: fc.nat(9), app: fc.nat(2) }),
  fc.record({ op: fc.constant('scale' as const), d: fc.nat(2), replicas: fc.nat(5) }),
  fc.record({
    op: fc.constant('advance' as const),
    ms: fc.constantFrom(100, 500, 1_000, 3_000, 10_000, 40_000),
  }),
);

export const SEQUENCES = 12;
export const SEQUENCE_SEED = 20261126;

/** The 12 sequences (6–24 steps each) fast-check generates from SEQUENCE_SEED. */
export function generatedSequences(seed = SEQUENCE_SEED, runs = SEQUENCES): Command[][] {
  return fc.sample(fc.array(command, { minLength: 6, maxLength: 24 }), { seed, numRuns: runs });
}

// The third does not exist: its Pods' pull back-off repeats Events (the recorder's touchLazy path).
const IMAGES = ['kiamol/ch03-sleep', 'nginx', 'kiamol/ch03-nope'];

function deployYaml(d: number, replicas: number, image: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d${d}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: d${d}
  template:
    metadata:
      labels:
        app: d${d}
    spec:
      containers:
        - name: c
          image: ${IMAGES[image]}
`;
}

function serviceYaml(s: number, app: number, type: 'ClusterIP' | 'NodePort' | 'headless'): string {
  const spec = type === 'headless' ? '  clusterIP: None\n' : `  type: ${type}\n`;
  return `apiVersion: v1
kind: Service
metadata:
  name: s${s}
spec:
${spec}  selector:
    app: d${app}
  ports:
    - port: 80
`;
}

/** Runs one command; refusals (an immutable field, a missing name) are part of the scenario. */
function runCommand(c: SimCluster, cmd: Command): void {
  const apply = (text: string) => {
    const p = parseManifests(text, 'fz.yaml');
    if (!p.ok) throw new Error(p.error.message);
    c.apply(p.docs, { source: 'fz.yaml' });
  };
  const pods = () => c.list('Pod', { namespace: 'default' });
  switch (cmd.op) {
    case 'deploy':
      apply(deployYaml(cmd.d, cmd.replicas, cmd.image));
      return;
    case 'service':
      apply(serviceYaml(cmd.s, cmd.app, cmd.type));
      return;
    case 'delete':
      c.delete(cmd.kind, 'default', cmd.kind === 'Deployment' ? `d${cmd.i}` : `s${cmd.i % 2}`);
      return;
    case 'deletePod': {
      const ps = pods();
      const p = ps[cmd.i % Math.max(1, ps.length)];
      if (p) c.delete('Pod', 'default', p.metadata.name);
      return;
    }
    case 'relabel': {
      const ps = pods();
      const p = ps[cmd.i % Math.max(1, ps.length)];
      if (p)
        c.patch(
          'Pod',
          'default',
          p.metadata.name,
          'merge',
          JSON.stringify({ metadata: { labels: { app: `d${cmd.app}` } } }),
        );
      return;
    }
    case 'scale':
      c.patch(
        'Deployment',
        'default',
        `d${cmd.d}`,
        'merge',
        JSON.stringify({ spec: { replicas: cmd.replicas } }),
      );
      return;
    case 'advance':
      c.advance(cmd.ms);
  }
}

/** (c) One generated sequence, then a minute for whatever it started to finish. */
export function sequenceScenario(cmds: readonly Command[]): (c: SimCluster) => void {
  return (c) => {
    for (const cmd of cmds) runCommand(c, cmd);
    c.advance(60_000);
  };
}
