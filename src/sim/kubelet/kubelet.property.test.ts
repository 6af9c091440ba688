// Property: bad or odd Pods never break the kubelet. fast-check draws Pods (and a Deployment or two)
// with init containers, sidecars (restartPolicy Always) with or without startup/readiness/liveness
// probes (httpGet/tcpSocket/exec that pass or fail against what the simulated images serve: nginx
// answers HTTP on 80, busybox serves nothing, `true` exits 0 and `cat /nope` 1), commands that exit
// 0/1 at once or sleep, each restartPolicy, images that do not exist, and deletions at random
// instants; it advances random amounts and checks after every step that nothing threw, that no
// container has more Pulled/Created/Started Events than instances (one set per start), that every
// Pod's status is consistent and `kubectl get pods` prints it, and that a deleted Pod is gone once
// its grace period is over. The seed is pinned (and printed); a failure prints its counterexample —
// add it to kubelet-regressions.test.ts by name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { podReady } from '../../kubectl/printers/tables';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import type { Event, Pod } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: manifests and status are loosely typed JSON here.
type Any = any;

// Pinned; KUBELET_FUZZ_SEED / KUBELET_FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.KUBELET_FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.KUBELET_FUZZ_RUNS ?? 200);

const PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);

/** A probe that passes (nginx) or fails against the container it is on. */
const probeArb: fc.Arbitrary<Any> = fc
  .record({
    how: fc.constantFrom(
      { httpGet: { path: '/', port: 80 } },
      { httpGet: { path: '/', port: 81 } },
      { tcpSocket: { port: 80 } },
      { exec: { command: ['true'] } },
      { exec: { command: ['cat', '/nope'] } },
    ),
    periodSeconds: fc.integer({ min: 1, max: 3 }),
    failureThreshold: fc.integer({ min: 1, max: 3 }),
    initialDelaySeconds: fc.constantFrom(0, 0, 2),
  })
  .map(({ how, ...rest }) => ({ ...how, ...rest }));

/** What a container runs: its image and command (weighted to the servers sidecars usually are). */
const processArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ image: 'nginx:1.27', command: undefined }) },
  { weight: 3, arbitrary: fc.constant({ image: 'busybox:1.36', command: ['sleep', '3600'] }) },
  { weight: 1, arbitrary: fc.constant({ image: 'busybox:1.36', command: ['sleep', '2'] }) },
  { weight: 1, arbitrary: fc.constant({ image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }) },
  { weight: 1, arbitrary: fc.constant({ image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }) },
  {
    weight: 1,
    arbitrary: fc.constant({ image: 'busybox:1.36', command: ['sh', '-c', 'echo hi; sleep 1; exit 1'] }),
  },
  // busybox's own CMD: `sh` without a terminal ends at once (exit 0).
  { weight: 1, arbitrary: fc.constant({ image: 'busybox:1.36', command: undefined }) },
  { weight: 1, arbitrary: fc.constant({ image: 'kiamol/ch03-sleep', command: undefined }) },
  { weight: 1, arbitrary: fc.constant({ image: 'nosuch/thing:9', command: undefined }) },
);

const containerArb = (sidecarAllowed: boolean) =>
  fc
    .record({
      process: processArb,
      sidecar: sidecarAllowed ? fc.boolean() : fc.constant(false),
      startupProbe: fc.option(probeArb, { freq: 2 }),
      readinessProbe: fc.option(probeArb, { freq: 2 }),
      livenessProbe: fc.option(probeArb, { freq: 2 }),
      // Now and then: an env var from a ConfigMap that a step may create (CreateContainerConfigError
      // until then), or imagePullPolicy Never (ErrImageNeverPull when the node lacks the image).
      configRef: fc.constantFrom(false, false, false, false, true),
      never: fc.constantFrom(false, false, false, false, false, true),
    })
    .map(({ process, ...rest }) => ({ ...process, ...rest }));

type C = {
  configRef: boolean;
  never: boolean;
  image: string;
  command: readonly string[] | undefined;
  sidecar: boolean;
  startupProbe: Any;
  readinessProbe: Any;
  livenessProbe: Any;
};

/** The container as the manifest has it (probes only where the API server allows them). */
function manifest(c: C, name: string, kind: 'init' | 'app'): Any {
  const out: Any = { name, image: c.image };
  if (c.command) out.command = c.command;
  // Probes: the app containers and sidecars only (a regular init container may not have them).
  if (kind === 'app' || c.sidecar) {
    if (c.startupProbe) out.startupProbe = c.startupProbe;
    if (c.readinessProbe) out.readinessProbe = c.readinessProbe;
    if (c.livenessProbe) out.livenessProbe = c.livenessProbe;
  }
  if (kind === 'init' && c.sidecar) out.restartPolicy = 'Always';
  if (c.configRef) out.env = [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }];
  if (c.never) out.imagePullPolicy = 'Never';
  return out;
}

const podSpecArb = (policies: readonly string[]) =>
  fc
    .record({
      restartPolicy: fc.constantFrom(...policies),
      inits: fc.array(containerArb(true), { maxLength: 3 }),
      apps: fc.array(containerArb(false), { minLength: 1, maxLength: 2 }),
      grace: fc.constantFrom(undefined, 0, 1, 5),
    })
    .map(({ restartPolicy, inits, apps, grace }) => {
      const spec: Any = {
        restartPolicy,
        containers: apps.map((c, i) => manifest(c, `app${i}`, 'app')),
      };
      if (inits.length) spec.initContainers = inits.map((c, i) => manifest(c, `init${i}`, 'init'));
      if (grace !== undefined) spec.terminationGracePeriodSeconds = grace;
      return spec;
    });

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('delete' as const), which: fc.nat(9), force: fc.boolean() }),
  },
  // A Pod of the same name created again at once after a forced delete (a new uid on the node).
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), which: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('configmap' as const) }) },
  // A rollout: the Deployment's old Pods are deleted wherever their start has got to.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const) }) },
);

const scenarioArb = fc.record({
  // The cluster's own seed: other pull, stop and probe timings.
  seed: fc.integer({ min: 1, max: 1000 }),
  pods: fc.array(podSpecArb(['Always', 'OnFailure', 'Never']), { minLength: 1, maxLength: 3 }),
  deployments: fc.array(podSpecArb(['Always']), { maxLength: 1 }),
  replicas: fc.integer({ min: 1, max: 2 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
});

type Scenario = {
  seed: number;
  pods: Any[];
  deployments: Any[];
  replicas: number;
  steps: (
    | { op: 'advance'; ms: number }
    | { op: 'delete'; which: number; force: boolean }
    | { op: 'replace'; which: number }
    | { op: 'configmap' }
    | { op: 'restart' }
  )[];
};

const docsOf = (s: Scenario): Any[] => [
  ...s.pods.map((spec, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec })),
  ...s.deployments.map((spec, i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `d${i}` },
    spec: {
      replicas: s.replicas,
      selector: { matchLabels: { app: `d${i}` } },
      template: { metadata: { labels: { app: `d${i}` } }, spec },
    },
  })),
];

/** The sum of the counts of the Pod's Events with `reason` on each container (fieldPath). */
function eventCounts(d: KubectlDriver, pod: Pod): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]) {
    if (e.involvedObject.uid !== pod.metadata.uid) continue;
    const path = e.involvedObject.fieldPath;
    if (!path) continue;
    const key = `${path} ${e.reason}`;
    out.set(key, (out.get(key) ?? 0) + (e.count ?? 1));
  }
  return out;
}

/** Every invariant over the cluster as it is now; `deleted`: uid → when its grace period ends. */
function check(d: KubectlDriver, deleted: Map<string, number>, created: Set<string>): void {
  const now = d.cluster.now();
  const pods = d.cluster.list('Pod', { namespace: 'default' }) as Pod[];
  for (const p of pods) {
    const st: Any = p.status ?? {};
    const where = `${p.metadata.name} at ${now}`;
    if (st.phase !== undefined) expect(PHASES.has(st.phase), `${where}: phase ${st.phase}`).toBe(true);
    const sidecars = ((p.spec as Any).initContainers ?? []).filter((c: Any) => c.restartPolicy === 'Always');
    const [ready, total] = podReady(p).split('/').map(Number) as [number, number];
    expect(total, `${where}: READY total`).toBe(p.spec.containers.length + sidecars.length);
    expect(ready, `${where}: READY ${ready}/${total}`).toBeLessThanOrEqual(total);
    expect(ready).toBeGreaterThanOrEqual(0);
    // A container not running is neither ready nor started (prober_manager UpdatePodStatus; a
    // regular init container is ready once it exited 0).
    const all: Any[] = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    const regularInit = new Set(
      ((p.spec as Any).initContainers ?? [])
        .filter((c: Any) => c.restartPolicy !== 'Always')
        .map((c: Any) => c.name),
    );
    for (const s of all) {
      if (s.state?.running) continue;
      if (!regularInit.has(s.name))
        expect(!!s.ready, `${where}: ${s.name} ready and not running`).toBe(false);
      expect(!!s.started, `${where}: ${s.name} started and not running`).toBe(false);
    }
    // The Ready condition True only with every container (and sidecar) ready.
    const readyCond = (st.conditions ?? []).find((c: Any) => c.type === 'Ready');
    if (readyCond?.status === 'True') expect(ready, `${where}: Ready True at ${ready}/${total}`).toBe(total);
    // Per container: no more Pulled/Created/Started than instances it has had (one set per start).
    const counts = eventCounts(d, p);
    const statuses: Any[] = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    for (const s of statuses) {
      const inInit = (st.initContainerStatuses ?? []).includes(s);
      const list = inInit ? (p.spec as Any).initContainers : p.spec.containers;
      const index = list.findIndex((c: Any) => c.name === s.name);
      const path = `spec.${inInit ? 'initContainers' : 'containers'}{${s.name}}`;
      expect(index, `${where}: status of unknown container ${s.name}`).toBeGreaterThanOrEqual(0);
      // A container SyncPod has started while it pulls the next one's image is reported at the
      // sync's end (one status write per sync): until then its Events may be ahead of the status.
      const instances = (s.restartCount ?? 0) + 1;
      // Once created, a container keeps an ID: it never goes back to waiting to be created.
      const key = `${p.metadata.uid} ${path}`;
      if (s.containerID) created.add(key);
      else expect(created.has(key), `${where}: ${path} created, then shown not created`).toBe(false);
      // A container whose env waits on a ConfigMap is pulled again at each retry (config-refs.ts).
      const reasons = list[index].env ? ['Created', 'Started'] : ['Pulled', 'Created', 'Started'];
      for (const reason of reasons) {
        const n = counts.get(`${path} ${reason}`) ?? 0;
        expect(n, `${where}: ${path} ${reason} ×${n}, ${instances} instance(s)`).toBeLessThanOrEqual(
          instances,
        );
      }
      const nCreated = counts.get(`${path} Created`) ?? 0;
      const nStarted = counts.get(`${path} Started`) ?? 0;
      expect(nStarted, `${where}: ${path} Started ×${nStarted}, Created ×${nCreated}`).toBeLessThanOrEqual(
        nCreated,
      );
      // Pulling: once per instance with imagePullPolicy Always (`:latest`), the next instance's
      // pull being before its restart is counted; else once (the image stays on the node).
      const pulling = counts.get(`${path} Pulling`) ?? 0;
      const c = list[index];
      const most = c.imagePullPolicy === 'Always' ? instances + 1 : 1;
      // (Not counted: an image that does not exist, or a container whose config waits: each
      // retry pulls again under imagePullPolicy Always.)
      if (!c.image.startsWith('nosuch/') && !c.env)
        expect(pulling, `${where}: ${path} Pulling ×${pulling}`).toBeLessThanOrEqual(most);
    }
    const end = deleted.get(p.metadata.uid);
    if (end !== undefined) expect(now, `${where}: deleted Pod still there`).toBeLessThan(end);
  }
  d.kubectl('get pods');
  expect(d.exitCode(), d.text()).toBe(0);
  expect(d.stderr()).toBe(pods.length ? '' : 'No resources found in default namespace.\n');
  d.kubectl('get pods -o wide');
  expect(d.exitCode(), d.text()).toBe(0);
  if (pods.length) {
    d.kubectl('describe pods');
    expect(d.exitCode(), d.text()).toBe(0);
  }
}

/** Once settled: a Pod in a terminal phase has no container running (its sidecars stopped too). */
function checkSettled(d: KubectlDriver): void {
  for (const p of d.cluster.list('Pod', { namespace: 'default' }) as Pod[]) {
    const st: Any = p.status ?? {};
    if (st.phase !== 'Succeeded' && st.phase !== 'Failed') continue;
    const all: Any[] = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    const running = all.filter((s) => s.state?.running).map((s) => s.name);
    expect(running, `${p.metadata.name} ${st.phase} with containers running`).toEqual([]);
  }
}

/** Runs a scenario, checking the invariants after every step and once all deletions are over. */
function runScenario(s: Scenario): void {
  const d = kdrive({ seed: s.seed, profile: 'kind' });
  const docs = docsOf(s);
  const outcomes = d.cluster.apply(docs);
  for (const o of outcomes) expect(o.result.ok, JSON.stringify(o.result)).toBe(true);
  // A deleted Pod is gone once its grace period (and the stop of its containers) is over: its
  // deletionGracePeriodSeconds plus the kubelet's and the API server's few seconds.
  const deleted = new Map<string, number>();
  const created = new Set<string>();
  let lastRestart: number | undefined;
  for (const step of s.steps) {
    if (step.op === 'advance') d.advance(step.ms);
    else if (step.op === 'configmap') {
      const [o] = d.cluster.apply([
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { k: 'v' } },
      ]);
      expect(o?.result.ok).toBe(true);
    } else if (step.op === 'restart') {
      if (s.deployments.length) {
        // The restartedAt annotation has whole seconds: a second restart within the same second
        // is an empty patch, which kubectl refuses (v0.34.9 rollout_restart.go RunRestart).
        const at = d.cluster.now();
        const again = lastRestart !== undefined && Math.floor(lastRestart / 1000) === Math.floor(at / 1000);
        d.kubectl('rollout restart deployment/d0');
        if (again)
          expect(d.text()).toMatch(
            /^error: failed to create patch for d0: if restart has already been triggered within the past second/,
          );
        else {
          expect(d.exitCode(), d.text()).toBe(0);
          lastRestart = at;
        }
      }
    } else if (step.op === 'replace') {
      const i = step.which % s.pods.length;
      // (Gone already, or being deleted: either way removed now.)
      d.cluster.delete('Pod', 'default', `p${i}`, { gracePeriodSeconds: 0 });
      const [o] = d.cluster.apply([docs[i]]);
      expect(o?.result.ok, JSON.stringify(o?.result)).toBe(true);
    } else {
      const live = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).filter(
        (p) => !p.metadata.deletionTimestamp,
      );
      const p = live[step.which % Math.max(1, live.length)];
      if (p) {
        const force = step.force ? ' --grace-period=0 --force' : '';
        d.kubectl(`delete pod ${p.metadata.name} --wait=false${force}`);
        expect(d.exitCode(), d.text()).toBe(0);
        const grace = step.force ? 0 : (p.spec.terminationGracePeriodSeconds ?? 30);
        deleted.set(p.metadata.uid, d.cluster.now() + grace * 1000 + 5_000);
      }
    }
    check(d, deleted, created);
  }
  d.advance(40_000);
  check(d, deleted, created);
  // Long enough for a KillPod's SIGKILL at the longest grace period (30 s) after the last exit.
  d.advance(35_000);
  checkSettled(d);
}

describe('the kubelet under random Pods, sidecars, probes and deletions', () => {
  it(`never throws, never doubles a start's Events, keeps status consistent (fast-check seed ${SEED})`, () => {
    console.log(`kubelet.property: fast-check seed ${SEED}, ${RUNS} runs`);
    fc.assert(
      fc.property(scenarioArb, (s) => runScenario(s as Scenario)),
      { numRuns: RUNS, seed: SEED },
    );
  }, 60_000);
});
