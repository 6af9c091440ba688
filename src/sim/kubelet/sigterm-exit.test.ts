// The exit code a container reports when its process ends on SIGTERM (terminate.ts sigtermExit):
// the book's sleep image's PID 1 is BusyBox ash with `trap : TERM INT; … & wait`, whose interrupted
// `wait` returns 128+SIGTERM and the shell exits with it (143) — so a deleted sleep Pod ends Failed
// with `Error`, on every SIGTERM path (Pod deletion, a liveness kill, a sidecar's stop).
import { describe, expect, it } from 'vitest';
import { createTerminalSession, type TerminalResult } from '../../kubectl/session';
import { runScript } from '../../kubectl/shell/exec';
import type { ContainerStatus, Pod } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { provideContainerShell } from '../workloads/oneshot';

provideContainerShell(runScript);

const text = (r: TerminalResult) =>
  r.output.map((c) => (c.stream === 'stderr' ? `[err]${c.text}` : c.text)).join('');
const pods = (c: SimCluster) => c.list('Pod', { namespace: 'default' }) as Pod[];
type WithInits = Pod['status'] & { initContainerStatuses?: ContainerStatus[] };

describe('SIGTERM exit codes', () => {
  it('deleting a kiamol/ch03-sleep Pod: exit 143 Error, phase Failed, `get -w` and describe show it', () => {
    const cluster = createCluster({ seed: 21 });
    const s = createTerminalSession({ cluster });
    s.run('kubectl create deployment sleep-2 --image=kiamol/ch03-sleep');
    cluster.advance(20_000);
    const name = (pods(cluster)[0] as Pod).metadata.name;
    s.run(`kubectl get pod ${name} -w`);
    expect(text(s.runDetached(`kubectl delete pod ${name} --wait=false`))).toBe(
      `${name}   1/1     Terminating   0          20s\n` + `pod "${name}" deleted from default namespace\n`,
    );
    // The terminal write comes within the sleep image's ~1 s stop, the DELETE 200–400 ms later.
    let p = cluster.get('Pod', 'default', name) as Pod;
    for (let i = 0; i < 40 && p.status.phase === 'Running'; i++) {
      cluster.advance(50);
      p = cluster.get('Pod', 'default', name) as Pod;
    }
    expect(p.status.phase).toBe('Failed');
    expect(p.metadata.deletionTimestamp).toBeDefined();
    expect(p.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 143,
      reason: 'Error',
    });
    const described = text(createTerminalSession({ cluster }).run(`kubectl describe pod ${name}`));
    // describePod: `Terminating (lasts …)` only while the phase is not terminal.
    expect(described).toContain('\nStatus:           Failed\n');
    expect(described).toMatch(
      /\n {4}State: {10}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}143\n {6}Started: .*\n {6}Finished: .*\n {4}Ready: {10}False\n/,
    );
    cluster.advance(1_000);
    expect(cluster.get('Pod', 'default', name)).toBeUndefined();
    // printPod: a terminal phase is not `Terminating`; the container's reason shows.
    // (The AGE is read at each event: the Pod is 20–21 s old.)
    const lines = s
      .poll()
      .map((c) => c.text)
      .join('')
      .split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines.slice(0, 2))
      expect(l).toMatch(new RegExp(`^${name} {3}0/1 {5}Error {9}0 {10}2[01]s$`));
  });

  it('a liveness kill of the sleep image: the killed instance ended 143 Error, and it restarts', () => {
    const cluster = createCluster({ seed: 22 });
    const r = cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'live' },
      spec: {
        containers: [
          {
            name: 'sleep',
            image: 'kiamol/ch03-sleep',
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              periodSeconds: 5,
              failureThreshold: 1,
            },
          },
        ],
      },
    });
    expect(r.ok).toBe(true);
    cluster.advance(15_000);
    const st = (cluster.get('Pod', 'default', 'live') as Pod).status
      .containerStatuses?.[0] as ContainerStatus;
    expect(st.restartCount).toBeGreaterThanOrEqual(1);
    expect(st.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('a liveness kill of a container whose own command is `sleep 3600`: SIGKILL at the grace period, 137 Error', () => {
    const cluster = createCluster({ seed: 22 });
    const r = cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'live-sleep' },
      spec: {
        terminationGracePeriodSeconds: 5,
        containers: [
          {
            name: 'sleep',
            image: 'kiamol/ch03-sleep',
            command: ['sleep', '3600'],
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              periodSeconds: 5,
              failureThreshold: 1,
            },
          },
        ],
      },
    });
    expect(r.ok).toBe(true);
    cluster.advance(30_000);
    const st = (cluster.get('Pod', 'default', 'live-sleep') as Pod).status
      .containerStatuses?.[0] as ContainerStatus;
    expect(st.restartCount).toBeGreaterThanOrEqual(1);
    expect(st.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const t = st.lastState.terminated as { startedAt: string; finishedAt: string };
    // The kill waited out the 5 s grace period (the image's own process would end in ~1 s).
    expect(Date.parse(t.finishedAt) - Date.parse(t.startedAt)).toBeGreaterThanOrEqual(5_000);
  });

  it('a liveness kill of a sleep-image sidecar (init-start.ts): 143 Error, restarted', () => {
    const cluster = createCluster({ seed: 25 });
    const r = cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'side-live' },
      spec: {
        initContainers: [
          {
            name: 'helper',
            image: 'kiamol/ch03-sleep',
            restartPolicy: 'Always',
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              periodSeconds: 5,
              failureThreshold: 1,
            },
          },
        ],
        containers: [{ name: 'app', image: 'nginx' }],
      } as Pod['spec'],
    });
    expect(r.ok).toBe(true);
    cluster.advance(15_000);
    const st = (cluster.get('Pod', 'default', 'side-live') as Pod).status as WithInits;
    const helper = st.initContainerStatuses?.[0] as ContainerStatus;
    expect(helper.restartCount).toBeGreaterThanOrEqual(1);
    expect(helper.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('a sleep-image sidecar stopped when the app ends: 143 Error, not counted in the phase', () => {
    const cluster = createCluster({ seed: 23 });
    const r = cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'side' },
      spec: {
        restartPolicy: 'Never',
        initContainers: [{ name: 'helper', image: 'kiamol/ch03-sleep', restartPolicy: 'Always' }],
        containers: [{ name: 'app', image: 'busybox', command: ['sleep', '5'] }],
      } as Pod['spec'],
    });
    expect(r.ok).toBe(true);
    cluster.advance(30_000);
    const st = (cluster.get('Pod', 'default', 'side') as Pod).status as WithInits;
    expect(st.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(st.initContainerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    expect(st.phase).toBe('Succeeded');
  });

  it('nginx and the .NET apps exit 0 on a Pod deletion: Completed, phase Succeeded', () => {
    const cluster = createCluster({ seed: 24 });
    const s = createTerminalSession({ cluster });
    s.run('kubectl run web --image=nginx');
    s.run('kubectl run api --image=kiamol/ch03-numbers-api');
    cluster.advance(30_000);
    const last = new Map<string, Pod>();
    cluster.watch('Pod', (e) => {
      const p = e.object as Pod;
      if (e.type === 'MODIFIED') last.set(p.metadata.name, p);
    });
    s.runDetached('kubectl delete pod web api --wait=false');
    cluster.advance(35_000);
    for (const n of ['web', 'api']) {
      expect(cluster.get('Pod', 'default', n)).toBeUndefined();
      const p = last.get(n) as Pod;
      expect(p.status.phase, n).toBe('Succeeded');
      expect(p.status.containerStatuses?.[0]?.state.terminated, n).toMatchObject({
        exitCode: 0,
        reason: 'Completed',
      });
    }
  });

  // pid1.ts: a container's own command/args decide its PID 1, whose SIGTERM handling counts.
  const ownPod = (name: string, command: string[], grace?: number, image = 'kiamol/ch03-sleep') => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
      containers: [{ name: 'c', image, command }],
    },
  });
  /** Deletes `name` as the terminal does (waiting), and reports how long that took and the last write. */
  const deleteTimed = (cluster: SimCluster, name: string) => {
    let last: Pod | undefined;
    cluster.watch('Pod', (e) => {
      if (e.type === 'MODIFIED' && (e.object as Pod).metadata.name === name) last = e.object as Pod;
    });
    const t0 = cluster.now();
    const out = text(createTerminalSession({ cluster }).run(`kubectl delete pod ${name}`));
    expect(out).toBe(`pod "${name}" deleted from default namespace\n`);
    expect(cluster.get('Pod', 'default', name)).toBeUndefined();
    return { ms: cluster.now() - t0, last: last as Pod };
  };

  it('`kubectl run s --image=kiamol/ch03-sleep -- sleep 3600`: PID 1 is sleep, SIGKILL at 30 s, 137 Error', () => {
    const cluster = createCluster({ seed: 31 });
    const s = createTerminalSession({ cluster });
    s.run('kubectl run s --image=kiamol/ch03-sleep -- sleep 3600');
    cluster.advance(20_000);
    s.run('kubectl get pod s -w');
    const { ms, last } = deleteTimed(cluster, 's');
    expect(ms).toBeGreaterThanOrEqual(30_000);
    expect(ms).toBeLessThan(31_000);
    expect(last.status.phase).toBe('Failed');
    expect(last.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
    const lines = s
      .poll()
      .map((c) => c.text)
      .join('')
      .split('\n');
    // The terminal write at the grace period's end, then the DELETED a moment later.
    expect(lines).toEqual([
      's      1/1     Terminating   0          20s',
      's      0/1     Error         0          50s',
      's      0/1     Error         0          50s',
      '',
    ]);
  });

  it('command ["sleep", "3600"] with terminationGracePeriodSeconds: 5: 137 after 5 s; describe shows it', () => {
    const cluster = createCluster({ seed: 32 });
    expect(cluster.create(ownPod('g5', ['sleep', '3600'], 5)).ok).toBe(true);
    cluster.advance(20_000);
    const s = createTerminalSession({ cluster });
    s.runDetached('kubectl delete pod g5 --wait=false');
    cluster.advance(4_900);
    expect((cluster.get('Pod', 'default', 'g5') as Pod).status.phase).toBe('Running');
    cluster.advance(200);
    const p = cluster.get('Pod', 'default', 'g5') as Pod;
    expect(p.status.phase).toBe('Failed');
    const described = text(s.run('kubectl describe pod g5'));
    expect(described).toMatch(/\n {4}State: {10}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}137\n/);
  });

  it("sh -c 'sleep 3600' (ash execs it) and sh -c 'while …; done' (ash stays PID 1): 137 at the grace period", () => {
    const cluster = createCluster({ seed: 33 });
    expect(cluster.create(ownPod('a', ['sh', '-c', 'sleep 3600'], 3)).ok).toBe(true);
    expect(cluster.create(ownPod('b', ['/bin/sh', '-c', 'while true; do sleep 1; done'], 3)).ok).toBe(true);
    cluster.advance(20_000);
    for (const n of ['a', 'b']) {
      const { ms, last } = deleteTimed(cluster, n);
      expect(ms, n).toBeGreaterThanOrEqual(3_000);
      expect(last.status.containerStatuses?.[0]?.state.terminated, n).toMatchObject({ exitCode: 137 });
    }
  });

  it("sh -c 'trap : TERM; sleep 1000 & wait' on busybox: the trap ends wait at once, 143 Error", () => {
    const cluster = createCluster({ seed: 34 });
    const r = cluster.create(
      ownPod('t', ['sh', '-c', 'trap : TERM; sleep 1000 & wait'], undefined, 'busybox'),
    );
    expect(r.ok).toBe(true);
    cluster.advance(20_000);
    const { ms, last } = deleteTimed(cluster, 't');
    expect(ms).toBeLessThan(2_000);
    expect(last.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 143,
      reason: 'Error',
    });
  });

  it("the sleep image's own process unchanged: ~1 s, 143; a program not established keeps the image's", () => {
    const cluster = createCluster({ seed: 35 });
    createTerminalSession({ cluster }).run('kubectl run own --image=kiamol/ch03-sleep');
    // `nc -l`: BusyBox's nc or nc_bloaty (which catches SIGTERM) by build config: not established.
    expect(cluster.create(ownPod('nc', ['nc', '-l', '-p', '8080'])).ok).toBe(true);
    cluster.advance(20_000);
    const own = deleteTimed(cluster, 'own');
    expect(own.ms).toBeLessThan(2_000);
    expect(own.last.status.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 143 });
    const nc = deleteTimed(cluster, 'nc');
    expect(nc.ms).toBeLessThan(2_000);
  });
});
