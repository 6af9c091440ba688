// Containers whose process ends, through the real cluster: exit codes, restart policies, the
// crash-loop back-off on the simulated clock, phases and conditions, Endpoints, determinism.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell/exec';
import type { Container, ContainerStatus, Endpoints, Pod } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { provideContainerShell } from '../workloads/oneshot';

// The BusyBox shell for `sh -c` comes from the kubectl layer (src/sim never imports it).
provideContainerShell(runScript);

type Spec = Partial<Container> & {
  restartPolicy?: Pod['spec']['restartPolicy'];
  labels?: Record<string, string>;
};

function run(c: SimCluster, name: string, spec: Spec = {}): void {
  const { restartPolicy, labels, ...container } = spec;
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      // A tagged image defaults to imagePullPolicy IfNotPresent: restarts start at once, no pull.
      containers: [{ name: 'c', image: 'busybox:1.36', ...container }],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
}

const pod = (c: SimCluster, name: string) => c.get('Pod', 'default', name) as Pod;
const status = (c: SimCluster, name: string) => pod(c, name).status.containerStatuses?.[0] as ContainerStatus;
const cond = (p: Pod, type: string) => p.status.conditions?.find((x) => x.type === type);
const events = (c: SimCluster, name: string) =>
  c
    .list('Event', { namespace: 'default' })
    .map(
      (e) =>
        e as unknown as {
          type: string;
          reason: string;
          message: string;
          count: number;
          involvedObject: { name: string };
        },
    )
    .filter((e) => e.involvedObject.name === name);

/** Every container status the Pod showed, in order (each status write, as a watch sees it). */
function watch(c: SimCluster, name: string, readyStates?: Set<string>): ContainerStatus[] {
  const seen: ContainerStatus[] = [];
  c.internals.store.watch((ev) => {
    if (ev.type === 'DELETED' || ev.key !== `Pod/default/${name}`) return;
    const p = ev.object as Pod;
    const s = p.status?.containerStatuses?.[0];
    if (s && s !== seen[seen.length - 1]) seen.push(s);
    const r = cond(p, 'Ready');
    if (r) readyStates?.add(r.status);
  });
  return seen;
}

describe('a container whose process ends', () => {
  it('busybox with no command: Completed, restarted at once, then CrashLoopBackOff 10s, 20s, 40s … 5m0s', () => {
    const c = createCluster({ seed: 11 });
    const ready = new Set<string>();
    const seen = watch(c, 'b', ready);
    run(c, 'b');
    c.advance(20 * 60_000);
    const uid = pod(c, 'b').metadata.uid;
    // One terminated instance per run, in order, each finished when it started (sh reads EOF).
    const finished = new Map<number, number>();
    for (const s of seen) {
      const t = s.state.terminated;
      if (t) {
        expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
        expect(t.finishedAt).toBe(t.startedAt);
        finished.set(s.restartCount, Date.parse(t.finishedAt as string));
      }
    }
    // A process that ends at once is never reported running: the Pod is never Ready.
    expect(seen.some((s) => s.state.running)).toBe(false);
    expect([...ready]).toEqual(['False']);
    const f = [...finished.values()];
    const gaps = f.slice(1).map((x, i) => x - (f[i] as number));
    // First exit: restarted by the next sync (1 s); later ones wait out the back-off from finishedAt.
    expect(gaps.slice(0, 8)).toEqual([1_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    const messages = [...new Set(seen.map((s) => s.state.waiting?.message).filter((m) => m !== undefined))];
    expect(messages).toEqual(
      ['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'].map(
        (d) => `back-off ${d} restarting failed container=c pod=b_default(${uid})`,
      ),
    );
    // While waiting, the last run is the lastState and RESTARTS counts the runs after the first.
    const s = status(c, 'b');
    expect(s.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s.lastState.terminated?.reason).toBe('Completed');
    expect(s.ready).toBe(false);
    expect(pod(c, 'b').status.phase).toBe('Running');
    expect(cond(pod(c, 'b'), 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [c]',
    });
    const ev = events(c, 'b');
    expect(ev.find((e) => e.reason === 'BackOff')).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container c in pod b_default(${uid})`,
    });
    const started = ev.find((e) => e.reason === 'Started');
    expect(started?.count).toBe(s.restartCount + 1);
    // The first start pulled the image; every restart finds it present (imagePullPolicy IfNotPresent).
    const present = ev.find((e) => e.message === 'Container image "busybox:1.36" already present on machine');
    expect(present?.count).toBe(s.restartCount);
  });

  it('the back-off starts again at 10 s once the last restart is more than 10 minutes old', () => {
    const c = createCluster({ seed: 11 });
    run(c, 'long', { command: ['sh', '-c', 'sleep 700; exit 1'] });
    run(c, 'short', { command: ['sh', '-c', 'sleep 300; exit 1'] });
    c.advance(40 * 60_000);
    // 700 s runs: every exit is restarted by the next sync, never CrashLoopBackOff.
    expect(events(c, 'long').some((e) => e.reason === 'BackOff')).toBe(false);
    expect(status(c, 'long').restartCount).toBe(3);
    expect(events(c, 'short').some((e) => e.reason === 'BackOff')).toBe(true);
  });

  it('restartPolicy Never, exit 7: Error with the exit code, phase Failed, PodFailed conditions, no restart', () => {
    const c = createCluster({ seed: 3 });
    run(c, 'f', { restartPolicy: 'Never', command: ['sh', '-c', 'echo bad >&2; exit 7'] });
    c.advance(5 * 60_000);
    const p = pod(c, 'f');
    const s = status(c, 'f');
    expect(p.status.phase).toBe('Failed');
    expect(s.restartCount).toBe(0);
    expect(s.state.terminated).toEqual({
      exitCode: 7,
      reason: 'Error',
      startedAt: s.state.terminated?.startedAt,
      finishedAt: s.state.terminated?.startedAt,
      containerID: s.containerID,
    });
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(p.status.conditions?.map((x) => [x.type, x.status, x.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', undefined],
      ['Ready', 'False', 'PodFailed'],
      ['ContainersReady', 'False', 'PodFailed'],
      ['PodScheduled', 'True', undefined],
    ]);
    expect(
      events(c, 'f')
        .filter((e) => e.reason === 'Started')
        .map((e) => e.count),
    ).toEqual([1]);
  });

  it('restartPolicy Never, exit 0: Succeeded, Initialized and Ready with reason PodCompleted', () => {
    const c = createCluster({ seed: 3 });
    run(c, 'ok', { restartPolicy: 'Never', args: ['true'] });
    c.advance(60_000);
    const p = pod(c, 'ok');
    expect(p.status.phase).toBe('Succeeded');
    expect(status(c, 'ok').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cond(p, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(cond(p, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('restartPolicy OnFailure: a success ends the Pod, a failure is restarted', () => {
    const c = createCluster({ seed: 3 });
    run(c, 'good', { restartPolicy: 'OnFailure', args: ['true'] });
    run(c, 'bad', { restartPolicy: 'OnFailure', args: ['false'] });
    c.advance(2 * 60_000);
    expect(pod(c, 'good').status.phase).toBe('Succeeded');
    expect(status(c, 'good').restartCount).toBe(0);
    expect(pod(c, 'bad').status.phase).toBe('Running');
    expect(status(c, 'bad').restartCount).toBeGreaterThanOrEqual(3);
    expect(status(c, 'bad').lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('sleep 5 runs (Running, Ready) for 5 s of simulated time, then Completed', () => {
    const c = createCluster({ seed: 3 });
    run(c, 's', { restartPolicy: 'Never', args: ['sleep', '5'] });
    c.advance(3_000); // pull of a first image is 1.5-2.5 s, then the sandbox
    const started = status(c, 's').state.running?.startedAt as string;
    expect(started).toBeDefined();
    expect(cond(pod(c, 's'), 'Ready')?.status).toBe('True');
    // startedAt has whole seconds: the process started within that second.
    const t = Date.parse(started);
    c.advance(t + 5_000 - c.now());
    expect(status(c, 's').state.running).toBeDefined();
    c.advance(1_000);
    expect(status(c, 's').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(status(c, 's').state.terminated?.finishedAt as string) - t).toBe(5_000);
    expect(pod(c, 's').status.phase).toBe('Succeeded');
  });

  it('a command that is not in the image: StartError, exit code 128, the Failed Event', () => {
    const c = createCluster({ seed: 3 });
    run(c, 'x', { restartPolicy: 'Never', command: ['nope'] });
    c.advance(60_000);
    const msg =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown';
    expect(status(c, 'x').state.terminated).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      message: msg,
    });
    expect(events(c, 'x').find((e) => e.reason === 'Failed')?.message).toBe(`Error: ${msg}`);
    expect(pod(c, 'x').status.phase).toBe('Failed');
  });

  it('Endpoints: a crash-looping Pod is never a ready address; a Failed Pod is not listed at all', () => {
    const c = createCluster({ seed: 5 });
    const labels = { app: 'x' };
    c.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { selector: labels, ports: [{ port: 80 }] },
    });
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    run(c, 'crash', { labels });
    run(c, 'done', { labels, restartPolicy: 'Never', args: ['false'] });
    const ready = new Set<string>();
    for (let i = 0; i < 120; i++) {
      c.advance(1_000);
      const ep = c.get('Endpoints', 'default', 'x') as Endpoints;
      for (const s of ep.subsets ?? []) for (const a of s.addresses ?? []) ready.add(a.ip);
    }
    const ip = (n: string) => pod(c, n).status.podIP as string;
    expect([...ready]).toEqual([ip('web')]);
    const ep = c.get('Endpoints', 'default', 'x') as Endpoints;
    const notReady = (ep.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip));
    expect(notReady).toEqual([ip('crash')]);
  });

  it('is deterministic: the same seed and steps give the same Pods and Events', () => {
    const once = () => {
      const c = createCluster({ seed: 21 });
      run(c, 'b', { image: 'busybox' });
      run(c, 'n', { restartPolicy: 'Never', args: ['ping', '-c', '2', 'kubernetes'] });
      c.advance(5 * 60_000);
      return JSON.stringify([
        c.list('Pod', { namespace: 'default' }),
        c.list('Event', { namespace: 'default' }),
      ]);
    };
    expect(once()).toBe(once());
  });
});
