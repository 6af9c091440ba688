// Probes through the real cluster and kubectl: readiness gating the Endpoints, liveness restarts,
// startup holding the others, exec through the in-Pod command table, the Events word for word.
import { describe, expect, it } from 'vitest';
import { createTerminalSession, type TerminalResult } from '../../kubectl/session';
import { runScript } from '../../kubectl/shell/exec';
import type { Container, ContainerStatus, EndpointSlice, Endpoints, Pod, Probe } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { late } from '../late';
import { provideContainerShell } from '../workloads/oneshot';

provideContainerShell(runScript);

function run(c: SimCluster, name: string, container: Partial<Container>, restartPolicy?: string): void {
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      containers: [{ name: 'web', image: 'nginx:alpine', ...container }],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
}

function service(c: SimCluster, name: string, port = 80): void {
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port, targetPort: port }] },
  });
  if (!r.ok) throw new Error(r.error.message);
}

const pod = (c: SimCluster, name: string) => c.get('Pod', 'default', name) as Pod;
const status = (c: SimCluster, name: string) => pod(c, name).status.containerStatuses?.[0] as ContainerStatus;
const cond = (p: Pod, type: string) => p.status.conditions?.find((x) => x.type === type);
type Ev = { type: string; reason: string; message: string; count: number; involvedObject: { name: string } };
const events = (c: SimCluster, name: string) =>
  c
    .list('Event', { namespace: 'default' })
    .map((e) => e as unknown as Ev)
    .filter((e) => e.involvedObject.name === name);
const eventLines = (c: SimCluster, name: string) =>
  events(c, name).map((e) => `${e.type} ${e.reason} ${e.message}`);
const endpoints = (c: SimCluster, name: string) => c.get('Endpoints', 'default', name) as Endpoints;
const sliceReady = (c: SimCluster, svc: string) =>
  c
    .list('EndpointSlice', { namespace: 'default' })
    .map((s) => s as EndpointSlice)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc)
    .flatMap((s) => (s.endpoints ?? []).map((e) => e.conditions?.ready));
const startedAt = (c: SimCluster, name: string) =>
  Date.parse(status(c, name).state.running?.startedAt as string);
const text = (r: TerminalResult) => r.output.map((x) => x.text).join('');
const getPods = (c: SimCluster) =>
  text(createTerminalSession({ cluster: c }).run('kubectl get pods --no-headers'))
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s+/).slice(0, 4).join(' '));

const http = (path: string, port: number | string = 80, extra: Partial<Probe> = {}): Probe => ({
  httpGet: { path, port },
  ...extra,
});

describe('readiness probe', () => {
  it('httpGet to a path nginx does not serve: never ready, in notReadyAddresses, Unhealthy with the 404', () => {
    const c = createCluster({ seed: 5 });
    service(c, 'web');
    run(c, 'web', { readinessProbe: http('/missing') });
    c.advance(60_000);
    const p = pod(c, 'web');
    expect(p.status.phase).toBe('Running');
    expect(status(c, 'web')).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(cond(p, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    expect(cond(p, 'ContainersReady')?.status).toBe('False');
    const subsets = endpoints(c, 'web').subsets ?? [];
    expect(subsets.flatMap((s) => s.addresses ?? [])).toEqual([]);
    expect(subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip))).toEqual([p.status.podIP]);
    expect(sliceReady(c, 'web')).toEqual([false]);
    const unhealthy = events(c, 'web').filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy.map((e) => [e.type, e.message])).toEqual([
      ['Warning', 'Readiness probe failed: HTTP probe failed with statuscode: 404'],
    ]);
    // One probe every periodSeconds (10 s).
    const before = unhealthy[0]?.count as number;
    c.advance(50_000);
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')?.count).toBe(before + 5);
    expect(getPods(c)).toEqual(['web 0/1 Running 0']);
  });

  it('a Deployment fixed to a path nginx serves: the new Pod is ready at its first probe and in addresses', () => {
    const c = createCluster({ seed: 6 });
    service(c, 'web');
    const deploy = (path: string) =>
      c.apply([
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec: {
            selector: { matchLabels: { app: 'web' } },
            template: {
              metadata: { labels: { app: 'web' } },
              spec: { containers: [{ name: 'web', image: 'nginx:alpine', readinessProbe: http(path) }] },
            },
          },
        },
      ]);
    deploy('/missing');
    c.advance(30_000);
    const pods = () => c.list('Pod', { namespace: 'default' }).map((p) => p as Pod);
    expect(pods().map((p) => p.status.containerStatuses?.[0]?.ready)).toEqual([false]);
    deploy('/');
    c.advance(30_000);
    const now = pods().filter((p) => !p.metadata.deletionTimestamp);
    expect(now).toHaveLength(1);
    const fresh = now[0] as Pod;
    expect(fresh.status.containerStatuses?.[0]?.ready).toBe(true);
    // Ready the instant of its first probe (the container's start): no Unhealthy for it.
    const ready = cond(fresh, 'Ready');
    expect(ready?.status).toBe('True');
    expect(ready?.lastTransitionTime).toBe(fresh.status.containerStatuses?.[0]?.state.running?.startedAt);
    expect(events(c, fresh.metadata.name).some((e) => e.reason === 'Unhealthy')).toBe(false);
    const subsets = endpoints(c, 'web').subsets ?? [];
    expect(subsets.flatMap((s) => (s.addresses ?? []).map((a) => a.ip))).toEqual([fresh.status.podIP]);
    expect(sliceReady(c, 'web')).toEqual([true]);
  });

  it('tcpSocket on a port nobody listens on: connection refused, never ready', () => {
    const c = createCluster({ seed: 7 });
    service(c, 'tcp');
    run(c, 'tcp', { readinessProbe: { tcpSocket: { port: 8080 } } });
    c.advance(40_000);
    const ip = pod(c, 'tcp').status.podIP as string;
    expect(status(c, 'tcp').ready).toBe(false);
    expect(eventLines(c, 'tcp')).toContain(
      `Warning Unhealthy Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
    );
    expect(
      (endpoints(c, 'tcp').subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)),
    ).toEqual([ip]);
    // The same probe on the port nginx listens on, named through the container's ports: ready.
    run(c, 'tcp-ok', {
      ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
      readinessProbe: { tcpSocket: { port: 'http' } },
    });
    c.advance(30_000);
    expect(status(c, 'tcp-ok').ready).toBe(true);
  });

  it("exec cat /tmp/healthy: fails with cat's error until the file exists, then ready at the next period", () => {
    const c = createCluster({ seed: 8 });
    service(c, 'ex');
    run(c, 'ex', {
      image: 'busybox:1.36',
      command: ['sleep', 'infinity'],
      readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
    });
    c.advance(12_000);
    expect(status(c, 'ex').ready).toBe(false);
    expect(eventLines(c, 'ex')).toContain(
      "Warning Unhealthy Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    );
    // The in-Pod shell's redirections write nowhere; wget -O writes a file in the container.
    run(c, 'srv', {});
    c.advance(10_000);
    const srv = pod(c, 'srv').status.podIP as string;
    const s = createTerminalSession({ cluster: c });
    expect(text(s.run(`kubectl exec ex -- wget -q -O /tmp/healthy http://${srv}/`))).toBe('');
    // The ticker runs from the Pod's admission (its startTime) every periodSeconds.
    const t0 = Date.parse(pod(c, 'ex').status.startTime as string);
    const wrote = c.now();
    const nextProbe = t0 + Math.ceil((wrote - t0) / 5_000) * 5_000;
    c.advance(nextProbe - wrote - 1);
    expect(status(c, 'ex').ready).toBe(false);
    c.advance(2);
    expect(status(c, 'ex').ready).toBe(true);
    expect(cond(pod(c, 'ex'), 'Ready')?.status).toBe('True');
    expect((endpoints(c, 'ex').subsets ?? []).flatMap((x) => (x.addresses ?? []).map((a) => a.ip))).toEqual([
      pod(c, 'ex').status.podIP,
    ]);
    expect(getPods(c)).toEqual(['ex 1/1 Running 0', 'srv 1/1 Running 0']);
  });
});

describe('liveness probe', () => {
  it('httpGet 404: killed after 3 failures, restarted, RESTARTS counts, then CrashLoopBackOff', () => {
    const c = createCluster({ seed: 9 });
    run(c, 'live', { livenessProbe: http('/healthz') });
    c.advance(8_000);
    // The liveness ticker runs from the Pod's admission; the first tick after the start probes.
    const t0 = Date.parse(pod(c, 'live').status.startTime as string);
    const first = t0 + Math.ceil((startedAt(c, 'live') - t0) / 10_000) * 10_000;
    // Failures at first, +10 s, +20 s: the third kills it (failureThreshold 3).
    c.advance(first + 20_000 - c.now() - 1);
    expect(status(c, 'live')).toMatchObject({ restartCount: 0, ready: true });
    expect(events(c, 'live').find((e) => e.reason === 'Unhealthy')?.count).toBe(2);
    c.advance(5_000);
    const s = status(c, 'live');
    expect(s.restartCount).toBe(1);
    expect(s.state.running).toBeDefined();
    // nginx exits on SIGTERM: the killed instance ended with 0 (Completed).
    expect(s.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const lines = eventLines(c, 'live');
    expect(lines).toContain(
      'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404',
    );
    expect(lines).toContain('Normal Killing Container web failed liveness probe, will be restarted');
    expect(events(c, 'live').find((e) => e.reason === 'Unhealthy')?.count).toBe(3);
    expect(getPods(c)).toEqual(['live 1/1 Running 1']);
    // The second instance fails three ticks later; killed again within the back-off window, it
    // waits out 10 s in CrashLoopBackOff before its second restart.
    let waited = 0;
    while (!status(c, 'live').state.waiting && waited < 60) {
      c.advance(1_000);
      waited++;
    }
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThanOrEqual(35);
    const again = status(c, 'live');
    expect(again.restartCount).toBe(1);
    expect(again.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(getPods(c)).toEqual(['live 0/1 CrashLoopBackOff 1']);
    c.advance(10_000);
    expect(status(c, 'live').restartCount).toBe(2);
    expect(events(c, 'live').find((e) => e.reason === 'Killing')?.count).toBe(2);
  });

  it('tcpSocket refused on busybox (ignores SIGTERM): exit code 137, reason Error, after the grace period', () => {
    const c = createCluster({ seed: 10 });
    run(c, 'bb', {
      image: 'busybox:1.36',
      command: ['sleep', 'infinity'],
      livenessProbe: {
        tcpSocket: { port: 8080 },
        periodSeconds: 5,
        failureThreshold: 1,
        terminationGracePeriodSeconds: 2,
      },
    });
    let first: { finishedAt?: string } | undefined;
    c.internals.store.watch((ev) => {
      const t = (ev.object as Pod).status?.containerStatuses?.[0]?.state.terminated;
      if (ev.key === 'Pod/default/bb' && t) first ??= t;
    });
    c.advance(20_000);
    const ip = pod(c, 'bb').status.podIP as string;
    const s = status(c, 'bb');
    expect(s.restartCount).toBeGreaterThanOrEqual(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    // SIGKILL at the probe's grace period (2 s) after the Killing Event.
    const killing = c
      .list('Event', { namespace: 'default' })
      .find((e) => (e as unknown as Ev).reason === 'Killing') as unknown as { firstTimestamp: string };
    expect(first?.finishedAt && Date.parse(first.finishedAt) - Date.parse(killing.firstTimestamp)).toBe(
      2_000,
    );
    expect(eventLines(c, 'bb')).toContain(
      `Warning Unhealthy Liveness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
    );
  });

  it('restartPolicy Never: Killing without the restart tail, the container stays terminated', () => {
    const c = createCluster({ seed: 11 });
    run(c, 'nv', { livenessProbe: http('/nope', 80, { failureThreshold: 1 }) }, 'Never');
    c.advance(30_000);
    expect(eventLines(c, 'nv')).toContain('Normal Killing Container web failed liveness probe');
    const p = pod(c, 'nv');
    expect(p.status.phase).toBe('Succeeded');
    expect(status(c, 'nv').restartCount).toBe(0);
  });
});

describe('startup probe', () => {
  it('holds readiness until it succeeds, then readiness runs at once', () => {
    const c = createCluster({ seed: 12 });
    run(c, 'st', {
      startupProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 20 },
      readinessProbe: http('/'),
    });
    const seen: ContainerStatus[] = [];
    c.internals.store.watch((ev) => {
      const s = (ev.object as Pod).status?.containerStatuses?.[0];
      if (ev.key === 'Pod/default/st' && s) seen.push(s);
    });
    c.advance(8_000);
    const t0 = startedAt(c, 'st');
    c.advance(t0 + 19_000 - c.now());
    expect(status(c, 'st')).toMatchObject({ ready: false, started: false });
    expect(cond(pod(c, 'st'), 'Ready')?.status).toBe('False');
    c.advance(12_000);
    expect(status(c, 'st')).toMatchObject({ ready: true, started: true });
    // Started and ready in the same status write: readiness ran as soon as startup passed.
    const firstStarted = seen.find((s) => s.started);
    expect(firstStarted?.ready).toBe(true);
    expect(events(c, 'st').some((e) => e.reason === 'Unhealthy')).toBe(false);
  });

  it('a failing startup probe kills the container: Startup probe failed, failed startup probe', () => {
    const c = createCluster({ seed: 13 });
    run(c, 'sf', {
      startupProbe: http('/boot', 80, { periodSeconds: 5, failureThreshold: 2 }),
      readinessProbe: http('/'),
    });
    c.advance(20_000);
    const lines = eventLines(c, 'sf');
    expect(lines).toContain('Warning Unhealthy Startup probe failed: HTTP probe failed with statuscode: 404');
    expect(lines).toContain('Normal Killing Container web failed startup probe, will be restarted');
    // Readiness never ran: the container never started.
    expect(lines.some((l) => l.includes('Readiness probe'))).toBe(false);
    expect(status(c, 'sf').restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('kubectl describe pod', () => {
  it('shows the Liveness/Readiness/Startup lines as DescribeProbe prints them', () => {
    const c = createCluster({ seed: 14 });
    run(c, 'd', {
      livenessProbe: http('/', 80),
      readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 3 },
      startupProbe: { exec: { command: ['cat', '/tmp/healthy'] }, failureThreshold: 30 },
    });
    c.advance(10_000);
    const out = text(createTerminalSession({ cluster: c }).run('kubectl describe pod d'));
    const lines = out.split('\n');
    expect(lines).toContain(
      '    Liveness:       http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(lines).toContain(
      '    Readiness:      tcp-socket :8080 delay=5s timeout=1s period=3s #success=1 #failure=3',
    );
    expect(lines).toContain(
      '    Startup:        exec [cat /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=30',
    );
    expect(out).toMatch(
      /\n {2}Warning {2}Unhealthy {2}.*kubelet +Startup probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/,
    );
  });
});

describe('the API server', () => {
  it('defaults the probe fields (timeout 1, period 10, success 1, failure 3, path /, scheme HTTP)', () => {
    const c = createCluster({ seed: 15 });
    run(c, 'df', {
      readinessProbe: { httpGet: { port: 80 } },
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 0 },
    });
    const ctr = pod(c, 'df').spec.containers[0] as Container;
    expect(ctr.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(ctr.livenessProbe).toEqual({
      tcpSocket: { port: 80 },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('rejects invalid probes with the validation messages', () => {
    const c = createCluster({ seed: 16 });
    const create = (container: Partial<Container>) => {
      const r = c.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bad' },
        spec: { containers: [{ name: 'web', image: 'nginx', ...container }] },
      });
      return r.ok ? 'created' : r.error.message;
    };
    expect(create({ livenessProbe: http('/', 80, { successThreshold: 2 }) })).toBe(
      'Pod "bad" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    );
    expect(create({ readinessProbe: { periodSeconds: 5 } })).toBe(
      'Pod "bad" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type',
    );
    expect(create({ readinessProbe: { httpGet: { port: 80 }, tcpSocket: { port: 80 } } })).toBe(
      'Pod "bad" is invalid: spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    );
    expect(create({ startupProbe: { tcpSocket: { port: 70000 }, initialDelaySeconds: -1 } })).toBe(
      'Pod "bad" is invalid: [spec.containers[0].startupProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].startupProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0]',
    );
    expect(create({ readinessProbe: { exec: { command: [] } } })).toBe(
      'Pod "bad" is invalid: spec.containers[0].readinessProbe.exec.command: Required value',
    );
    expect(
      create({ readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'FTP' as 'HTTP' } } }),
    ).toContain(
      'spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
    );
  });
});

describe('determinism and Pods without probes', () => {
  const scenario = () => {
    const c = createCluster({ seed: 21 });
    service(c, 'web');
    run(c, 'web', {
      livenessProbe: http('/x', 80, { periodSeconds: 3 }),
      readinessProbe: { tcpSocket: { port: 80 } },
    });
    run(c, 'ex', { readinessProbe: { exec: { command: ['cat', '/tmp/nope'] } } });
    c.advance(120_000);
    return JSON.stringify({
      pods: c.list('Pod', { namespace: 'default' }).map((p) => (p as Pod).status),
      events: c.list('Event', { namespace: 'default' }).map((e) => {
        const x = e as unknown as Ev & { lastTimestamp: string };
        return [x.reason, x.message, x.count, x.lastTimestamp];
      }),
      ep: endpoints(c, 'web').subsets,
    });
  };

  it('the same seed and inputs give the same statuses, Events and Endpoints', () => {
    expect(scenario()).toBe(scenario());
  });

  it("a Pod without probes stays on the kubelet's own path and is ready when it starts", () => {
    expect(late().programsOf([{ name: 'web', image: 'nginx:alpine' }])).toBeUndefined();
    expect(
      late().programsOf([{ name: 'web', image: 'nginx:alpine', readinessProbe: http('/') }]),
    ).toHaveLength(1);
    const c = createCluster({ seed: 22 });
    run(c, 'plain', {});
    c.advance(30_000);
    const s = status(c, 'plain');
    expect(s).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(cond(pod(c, 'plain'), 'Ready')?.lastTransitionTime).toBe(s.state.running?.startedAt);
    expect(events(c, 'plain').map((e) => e.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });
});

describe('strict decoding of probes (apply)', () => {
  it("an unknown probe field and a wrongly typed one are the decoder's errors", () => {
    const c = createCluster({ seed: 17 });
    const applyPod = (probe: unknown) => {
      const [r] = c.apply([
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { containers: [{ name: 'web', image: 'nginx', readinessProbe: probe }] },
        },
      ]);
      return JSON.stringify(r);
    };
    expect(applyPod({ httpget: { path: '/', port: 80 } })).toContain(
      'strict decoding error: unknown field \\"spec.containers[0].readinessProbe.httpget\\"',
    );
    expect(applyPod({ tcpSocket: { port: 80 }, periodSeconds: 'ten' })).toContain(
      'json: cannot unmarshal string into Go struct field Probe.spec.containers.readinessProbe.periodSeconds of type int32',
    );
    expect(applyPod({ httpGet: { path: '/', port: 'http' }, periodSeconds: 5 })).toContain('"ok":true');
  });
});

describe("readiness that fails later (the book's numbers-api with FailAfterCallCount)", () => {
  it('ready, then out of the Endpoints after failureThreshold 500s, back after /reset', () => {
    const c = createCluster({ seed: 18 });
    service(c, 'api');
    run(c, 'api', {
      image: 'kiamol/ch03-numbers-api',
      env: [{ name: 'FailAfterCallCount', value: '1' }],
      readinessProbe: http('/healthz', 80, { periodSeconds: 5 }),
    });
    run(c, 'client', { image: 'busybox:1.36', command: ['sleep', 'infinity'] });
    c.advance(30_000);
    const ip = pod(c, 'api').status.podIP as string;
    const addresses = () =>
      (endpoints(c, 'api').subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
    expect(status(c, 'api').ready).toBe(true);
    expect(addresses()).toEqual([ip]);
    const s = createTerminalSession({ cluster: c });
    s.run(`kubectl exec client -- wget -qO- http://${ip}/rng`);
    // Three failed probes 5 s apart: not ready at the third.
    const seen: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      c.advance(1_000);
      seen.push(status(c, 'api').ready);
    }
    expect(seen.slice(0, 9).every(Boolean)).toBe(true);
    expect(seen[seen.length - 1]).toBe(false);
    expect(addresses()).toEqual([]);
    expect(eventLines(c, 'api')).toContain(
      'Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500',
    );
    expect(cond(pod(c, 'api'), 'Ready')?.status).toBe('False');
    s.run(`kubectl exec client -- wget -qO- http://${ip}/reset`);
    c.advance(5_000);
    expect(status(c, 'api').ready).toBe(true);
    expect(addresses()).toEqual([ip]);
    expect(status(c, 'api').restartCount).toBe(0);
  });
});

describe('what the app sees of an httpGet probe', () => {
  it('nginx logs the probe from the node side of the Pod network with kube-probe/1.34', () => {
    const c = createCluster({ seed: 19 });
    run(c, 'lg', { readinessProbe: http('/') });
    c.advance(15_000);
    const out = text(createTerminalSession({ cluster: c }).run('kubectl logs lg'));
    expect(out).toMatch(
      /^10\.1\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "kube-probe\/1\.34" "-"$/m,
    );
  });
});
