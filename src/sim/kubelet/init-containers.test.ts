// spec.initContainers through the real cluster and kubectl (init-containers.ts, printers/print-pod.ts):
// the STATUS column on the simulated clock, the Init Containers section of describe, the Events in
// the order the kubelet records them, a failing init container under each restartPolicy, a sidecar.
// Timings: busybox:1.36's first pull on kind-worker takes 1.851 s with seed 3 after a 495 ms sandbox
// (so the first init container starts at 2.346 s), a sync acts on an exit 1 s later (lifecycle.ts).
import { describe, expect, it } from 'vitest';
import { podReady, podRestarts, podStatusReason } from '../../kubectl/printers/tables';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import type { Event, Pod } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const pod = (name: string, init: string, policy = 'Always') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  initContainers:
${init}
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
`;

const TWO = pod(
  'ic',
  `  - name: one
    image: busybox:1.36
    command: ['sleep', '2']
  - name: two
    image: busybox:1.36
    command: ['sh', '-c', 'echo hi; sleep 3']`,
);

/** Each change of `READY STATUS RESTARTS (phase)` the Pod goes through, with ms since the apply. */
function progression(d: KubectlDriver, name: string): string[] {
  const seen: string[] = [];
  const t0 = d.cluster.now();
  d.cluster.internals.store.watch((ev) => {
    if (ev.type === 'DELETED' || ev.key !== `Pod/default/${name}`) return;
    const p = ev.object as Pod;
    const row = `${podReady(p)} ${podStatusReason(p)} ${podRestarts(p, d.cluster.now())} (${p.status?.phase})`;
    if (seen[seen.length - 1]?.endsWith(` ${row}`)) return;
    seen.push(`${d.cluster.now() - t0} ${row}`);
  });
  return seen;
}

const get = (d: KubectlDriver, name: string) => d.cluster.get('Pod', 'default', name) as Pod;
const st = (p: Pod) => p.status as Any;
const events = (d: KubectlDriver, name: string) =>
  (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason} ${(e.involvedObject as Any).fieldPath ?? ''}`.trim());

describe('init containers run one at a time, in order, before the containers', () => {
  it('kubectl get pods STATUS: Init:0/2, Init:1/2, PodInitializing, Running', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'ic');
    d.applyOk(TWO).advance(3000);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS     RESTARTS   AGE\nic     0/1     Init:0/2   0          3s\n',
    );
    d.advance(2000).kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS     RESTARTS   AGE\nic     0/1     Init:1/2   0          5s\n',
    );
    d.advance(3500).kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS            RESTARTS   AGE\nic     0/1     PodInitializing   0          8s\n',
    );
    d.advance(1000).kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nic     1/1     Running   0          9s\n',
    );
    expect(seen).toEqual([
      '0 0/1 Pending 0 (Pending)',
      '0 0/1 Init:0/2 0 (Pending)',
      // one: started at 2346 (after its pull), `sleep 2` ends at 4346.
      '4346 0/1 Init:1/2 0 (Pending)',
      // two: started a sync later (5346), runs 3 s.
      '8346 0/1 PodInitializing 0 (Pending)',
      '9346 1/1 Running 0 (Running)',
    ]);
  });

  it('while initialising: Pending, containers Waiting PodInitializing, Initialized False with the incomplete ones', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(TWO).advance(3000);
    let s = st(get(d, 'ic'));
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses).toEqual([
      {
        name: 'app',
        image: 'busybox:1.36',
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'PodInitializing' } },
        lastState: {},
      },
    ]);
    const cond = (type: string) => s.conditions.find((c: Any) => c.type === type);
    expect(cond('Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [one two]',
    });
    expect(cond('Ready')).toMatchObject({
      status: 'False',
      message: 'containers with unready status: [app]',
    });
    expect(
      s.initContainerStatuses.map((c: Any) => [c.name, Object.keys(c.state)[0], c.ready, c.started]),
    ).toEqual([
      ['one', 'running', false, true],
      ['two', 'waiting', false, false],
    ]);
    expect(s.initContainerStatuses[1].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    d.advance(2000);
    s = st(get(d, 'ic'));
    expect(cond('Initialized')?.message).toBe('containers with incomplete status: [two]');
    d.advance(5000);
    s = st(get(d, 'ic'));
    expect(s.phase).toBe('Running');
    expect(cond('Initialized')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-08T09:30:08Z' });
    for (const c of s.initContainerStatuses) {
      expect(c).toMatchObject({ ready: true, started: false, restartCount: 0 });
      expect(c.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    }
    expect(s.initContainerStatuses[0].state.terminated.startedAt).toBe('2026-01-08T09:30:02Z');
    expect(s.initContainerStatuses[0].state.terminated.finishedAt).toBe('2026-01-08T09:30:04Z');
  });

  it('Events per container in the order the kubelet records them, on spec.initContainers{name}', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(TWO).advance(20_000);
    expect(events(d, 'ic')).toEqual([
      'Scheduled',
      'Pulling spec.initContainers{one}',
      'Pulled spec.initContainers{one}',
      'Created spec.initContainers{one}',
      'Started spec.initContainers{one}',
      'Pulled spec.initContainers{two}',
      'Created spec.initContainers{two}',
      'Started spec.initContainers{two}',
      'Pulled spec.containers{app}',
      'Created spec.containers{app}',
      'Started spec.containers{app}',
    ]);
  });

  it('describe pod: the Init Containers section with each one’s terminated state', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(TWO).advance(20_000);
    d.kubectl('describe pod ic');
    const out = d.stdout();
    const section = out.slice(out.indexOf('Init Containers:'), out.indexOf('\nContainers:') + 1);
    expect(section).toBe(
      [
        'Init Containers:',
        '  one:',
        /^ {4}Container ID: {2}containerd:\/\/[0-9a-f]{64}$/,
        '    Image:         busybox:1.36',
        '    Image ID:      docker.io/library/busybox@sha256:dd33a43355cee44a52f69a6888cda061bad1cc8b4fb4e7d65cf05810d2dea8d5',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Command:',
        '      sleep',
        '      2',
        '    State:          Terminated',
        '      Reason:       Completed',
        '      Exit Code:    0',
        '      Started:      Thu, 08 Jan 2026 09:30:02 +0000',
        '      Finished:     Thu, 08 Jan 2026 09:30:04 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        // The ServiceAccount admission mounts the token in init containers too (sa-admission.ts).
        '    Mounts:',
        /^ {6}\/var\/run\/secrets\/kubernetes\.io\/serviceaccount from kube-api-access-[a-z0-9]{5} \(ro\)$/,
        '  two:',
      ]
        .map((l, i) => {
          const line = section.split('\n')[i] as string;
          if (l instanceof RegExp) {
            expect(line).toMatch(l);
            return line;
          }
          return l;
        })
        .join('\n') + section.slice(section.indexOf('\n  two:') + '\n  two:'.length),
    );
    expect(section).toContain(
      '      echo hi; sleep 3\n    State:          Terminated\n      Reason:       Completed',
    );
    expect(section).toContain(
      '      Started:      Thu, 08 Jan 2026 09:30:05 +0000\n      Finished:     Thu, 08 Jan 2026 09:30:08 +0000',
    );
  });
});

describe('a failing init container', () => {
  const FAIL = `  - name: bad
    image: busybox:1.36
    command: ['sh', '-c', 'exit 1']
  - name: after
    image: busybox:1.36
    command: ['true']`;

  it('restartPolicy Always: Init:Error, restarted, then Init:CrashLoopBackOff with back-off 10s, 20s, 40s', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'fail');
    d.applyOk(pod('fail', FAIL)).advance(90_000);
    expect(seen).toEqual([
      '0 0/1 Pending 0 (Pending)',
      '0 0/1 Init:0/2 0 (Pending)',
      '2346 0/1 Init:Error 0 (Pending)',
      // The next sync restarts it at once (no back-off yet); it fails again.
      '3346 0/1 Init:Error 1 (1s ago) (Pending)',
      '4346 0/1 Init:CrashLoopBackOff 1 (1s ago) (Pending)',
      '13346 0/1 Init:Error 2 (10s ago) (Pending)',
      '14346 0/1 Init:CrashLoopBackOff 2 (1s ago) (Pending)',
      '33346 0/1 Init:Error 3 (20s ago) (Pending)',
      '34346 0/1 Init:CrashLoopBackOff 3 (1s ago) (Pending)',
      '73346 0/1 Init:Error 4 (40s ago) (Pending)',
      '74346 0/1 Init:CrashLoopBackOff 4 (1s ago) (Pending)',
    ]);
    const s = st(get(d, 'fail'));
    expect(s.initContainerStatuses[0]).toMatchObject({
      name: 'bad',
      ready: false,
      restartCount: 4,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    expect(s.initContainerStatuses[0].state.waiting.message).toBe(
      `back-off 1m20s restarting failed container=bad pod=fail_default(${get(d, 'fail').metadata.uid})`,
    );
    expect(s.initContainerStatuses[1].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    // The app container never started; the back-off is on the init container.
    expect(events(d, 'fail').filter((e) => e.includes('spec.containers'))).toEqual([]);
    expect(events(d, 'fail')).toContain('BackOff spec.initContainers{bad}');
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS                  RESTARTS      AGE\nfail   0/1     Init:CrashLoopBackOff   4 (17s ago)   90s\n',
    );
  });

  it('restartPolicy Never: the Pod fails with Init:Error and its containers never start', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'never');
    d.applyOk(pod('never', FAIL.replace("'exit 1'", "'sleep 2; exit 3'"), 'Never')).advance(60_000);
    expect(seen).toEqual([
      '0 0/1 Pending 0 (Pending)',
      '0 0/1 Init:0/2 0 (Pending)',
      '4346 0/1 Init:Error 0 (Failed)',
    ]);
    const s = st(get(d, 'never'));
    expect(s.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    const cond = (type: string) => s.conditions.find((c: Any) => c.type === type);
    expect(cond('PodReadyToStartContainers')?.status).toBe('False');
    expect(cond('Initialized')?.message).toBe('containers with incomplete status: [bad after]');
    expect(cond('Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(events(d, 'never').slice(1)).toEqual([
      'Pulling spec.initContainers{bad}',
      'Pulled spec.initContainers{bad}',
      'Created spec.initContainers{bad}',
      'Started spec.initContainers{bad}',
    ]);
  });
});

describe('a sidecar (an init container with restartPolicy Always)', () => {
  it('starts, keeps running, counts in READY; the next init container starts once it has', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'side');
    d.applyOk(
      pod(
        'side',
        `  - name: proxy
    image: nginx
    restartPolicy: Always
  - name: wait
    image: busybox:1.36
    command: ['sleep', '2']`,
      ),
    ).advance(30_000);
    expect(seen).toEqual([
      '0 0/2 Pending 0 (Pending)',
      '0 0/2 Init:0/2 0 (Pending)',
      // proxy started (after nginx's pull): 1/2 ready, Init:1/2 while `wait` pulls and runs.
      '4548 1/2 Init:1/2 0 (Pending)',
      '9218 1/2 PodInitializing 0 (Pending)',
      '10218 2/2 Running 0 (Running)',
    ]);
    const s = st(get(d, 'side'));
    expect(s.initContainerStatuses[0]).toMatchObject({ name: 'proxy', ready: true, started: true });
    expect(Object.keys(s.initContainerStatuses[0].state)).toEqual(['running']);
    expect(events(d, 'side').slice(1, 6)).toEqual([
      'Pulling spec.initContainers{proxy}',
      'Pulled spec.initContainers{proxy}',
      'Created spec.initContainers{proxy}',
      'Started spec.initContainers{proxy}',
      'Pulling spec.initContainers{wait}',
    ]);
  });
});

describe('a sidecar with a startup probe', () => {
  const side = (name: string, probe: string) =>
    pod(
      name,
      `  - name: proxy
    image: nginx:1.27
    restartPolicy: Always
${probe}
  - name: wait
    image: busybox:1.36
    command: ['sleep', '2']`,
    );

  it('the next init container starts once the startup probe passes; READY counts it from then', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'ok');
    d.applyOk(
      side(
        'ok',
        '    startupProbe:\n      httpGet:\n        path: /\n        port: 80\n      initialDelaySeconds: 5\n      periodSeconds: 3',
      ),
    ).advance(30_000);
    expect(seen).toEqual([
      '0 0/2 Pending 0 (Pending)',
      '0 0/2 Init:0/2 0 (Pending)',
      // proxy started at 4.548 s; its probe runs on the Pod's 3 s ticks once 5 s have passed: 12 s.
      '12000 1/2 Init:1/2 0 (Pending)',
      '15670 1/2 PodInitializing 0 (Pending)',
      '16670 2/2 Running 0 (Running)',
    ]);
    const pulling = (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]).find(
      (e) =>
        e.involvedObject.name === 'ok' &&
        e.reason === 'Pulling' &&
        e.involvedObject.fieldPath === 'spec.initContainers{wait}',
    );
    expect(pulling?.firstTimestamp).toBe('2026-01-08T09:30:12Z');
  });

  it('a startup probe that never passes: Killing, restarted with back-off, the next one never starts', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen = progression(d, 'nope');
    d.applyOk(
      side(
        'nope',
        "    startupProbe:\n      exec:\n        command: ['cat', '/nope']\n      periodSeconds: 2\n      failureThreshold: 2",
      ),
    ).advance(30_000);
    expect(seen.slice(0, 8)).toEqual([
      '0 0/2 Pending 0 (Pending)',
      '0 0/2 Init:0/2 0 (Pending)',
      // Killed at 8 s (two failures); nginx exits 0 on SIGTERM, so printPod passes over it (Completed).
      '8444 0/2 Init:1/2 0 (Pending)',
      '9444 0/2 Init:0/2 1 (1s ago) (Pending)',
      '12385 0/2 Init:1/2 1 (4s ago) (Pending)',
      '13385 0/2 Init:CrashLoopBackOff 1 (1s ago) (Pending)',
      '22385 0/2 Init:0/2 2 (10s ago) (Pending)',
      '26606 0/2 Init:1/2 2 (14s ago) (Pending)',
    ]);
    expect(events(d, 'nope')).toContain('Killing spec.initContainers{proxy}');
    expect(events(d, 'nope')).toContain('Unhealthy spec.initContainers{proxy}');
    expect(events(d, 'nope').some((e) => e.includes('{wait}'))).toBe(false);
    const s = st(get(d, 'nope'));
    expect(s.conditions.find((c: Any) => c.type === 'Initialized')?.message).toBe(
      'containers with incomplete status: [proxy wait]',
    );
  });
});

describe('deleting a Pod with init containers', () => {
  it('the containers are stopped first, then the sidecar, each with its own Killing', () => {
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(
        pod(
          'del',
          `  - name: proxy
    image: nginx:1.27
    restartPolicy: Always`,
        ),
      )
      .advance(20_000);
    expect(st(get(d, 'del')).phase).toBe('Running');
    const t = d.cluster.now();
    d.kubectl('delete pod del --wait=false');
    d.advance(60_000);
    expect(d.cluster.get('Pod', 'default', 'del')).toBeUndefined();
    const killing = (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]).filter(
      (e) => e.involvedObject.name === 'del' && e.reason === 'Killing',
    );
    expect(killing.map((e) => `${e.involvedObject.fieldPath} ${e.message}`)).toEqual([
      'spec.containers{app} Stopping container app',
      'spec.initContainers{proxy} Stopping container proxy',
    ]);
    // The sidecar's after the app container has stopped.
    const at = killing.map((e) => Date.parse(e.firstTimestamp as string));
    expect(at[0]).toBe(Math.floor(t / 1000) * 1000);
    expect(at[1] as number).toBeGreaterThanOrEqual(at[0] as number);
  });

  it('a running init container is stopped with the Pod', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(TWO).advance(3000);
    d.kubectl('delete pod ic --wait=false').advance(40_000);
    expect(events(d, 'ic')).toContain('Killing spec.initContainers{one}');
    expect(events(d, 'ic').some((e) => e.includes('{two}'))).toBe(false);
    expect(d.cluster.get('Pod', 'default', 'ic')).toBeUndefined();
  });
});
