// Regressions the kubelet property test (kubelet.property.test.ts) found, each as its own example:
// a Pod whose containers have all ended keeps no sidecar running (sidecar-stop.ts: computePodActions
// KillPod, getPhase counting a running sidecar), an init container failing under restartPolicy
// Never stops the sidecars started before it, and a sidecar that is not ready keeps the Pod from
// Ready (GenerateContainersReadyCondition) [K8S 1.34 pkg/kubelet: kuberuntime/kuberuntime_manager.go,
// kubelet_pods.go getPhase, status/generate.go]. kind, seed 3 (nginx:1.27's pull 4.053 s after a
// 495 ms sandbox: the sidecar starts at 4.548 s).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import type { Event, Pod } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const manifest = (policy: string, inits: string, app: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: ${policy}
${extra}  initContainers:
${inits}
  containers:
  - name: app
${app}
`;

const NGINX_SIDECAR = '  - name: proxy\n    image: nginx:1.27\n    restartPolicy: Always';
const BUSYBOX_SIDECAR =
  "  - name: proxy\n    image: busybox:1.36\n    command: ['sleep', '3600']\n    restartPolicy: Always";

/** `ms phase init:state[/exit] app:state conditions` at each change of the Pod. */
function timeline(d: KubectlDriver): string[] {
  const seen: string[] = [];
  const t0 = d.cluster.now();
  d.cluster.internals.store.watch((ev) => {
    if (ev.key !== 'Pod/default/p' || ev.type === 'DELETED') return;
    const s = (ev.object as Pod).status as Any;
    const state = (c: Any) => {
      const k = Object.keys(c.state)[0];
      return `${c.name}:${k}${c.state.terminated ? `/${c.state.terminated.exitCode}` : ''}`;
    };
    const conds = (s.conditions ?? []).map((c: Any) => `${c.type}=${c.status}`).join(' ');
    const row = `${s.phase} ${[...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])].map(state).join(' ')} | ${conds}`;
    if (seen[seen.length - 1]?.endsWith(` ${row}`)) return;
    seen.push(`${d.cluster.now() - t0} ${row}`);
  });
  return seen;
}

const killing = (d: KubectlDriver) =>
  (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[])
    .filter((e) => e.involvedObject.name === 'p' && e.reason === 'Killing')
    .map((e) => `${e.involvedObject.fieldPath} ${e.message} x${e.count}`);

const C = 'PodReadyToStartContainers';

describe('a Pod whose containers have all ended stops its sidecars (KillPod)', () => {
  it('restartPolicy Never, app exits 0: Running while nginx stops, then Succeeded; the sidecar never restarts', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Never',
        NGINX_SIDECAR,
        "    image: busybox:1.36\n    command: ['sh', '-c', 'sleep 2; exit 0']",
      ),
    );
    const seen = timeline(d);
    d.advance(600_000);
    expect(seen.slice(-2)).toEqual([
      `9218 Running proxy:running app:terminated/0 | ${C}=True Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
      `10546 Succeeded proxy:terminated/0 app:terminated/0 | ${C}=False Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
    ]);
    expect(killing(d)).toEqual(['spec.initContainers{proxy} Stopping container proxy x1']);
    const s = (d.cluster.get('Pod', 'default', 'p') as Pod).status as Any;
    expect(s.initContainerStatuses[0]).toMatchObject({ restartCount: 0, ready: false, started: false });
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS      RESTARTS   AGE\np      0/2     Completed   0          10m\n',
    );
  });

  it('a sidecar that ignores SIGTERM is killed at the grace period (137); the failed app makes it Failed', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Never',
        BUSYBOX_SIDECAR,
        "    image: busybox:1.36\n    command: ['sh', '-c', 'sleep 2; exit 1']",
        '  terminationGracePeriodSeconds: 5\n',
      ),
    );
    const seen = timeline(d);
    d.advance(60_000);
    expect(seen.slice(-2)).toEqual([
      `5346 Running proxy:running app:terminated/1 | ${C}=True Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
      // Killed at 6.346 s, SIGKILL 5 s later.
      `11346 Failed proxy:terminated/137 app:terminated/1 | ${C}=False Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
    ]);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS   RESTARTS   AGE\np      0/2     Error    0          60s\n',
    );
  });

  it('restartPolicy OnFailure with the app failing: it restarts, the sidecar keeps running', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'OnFailure',
        BUSYBOX_SIDECAR,
        "    image: busybox:1.36\n    command: ['sh', '-c', 'sleep 2; exit 1']",
      ),
    );
    d.advance(120_000);
    expect(killing(d)).toEqual([]);
    const s = (d.cluster.get('Pod', 'default', 'p') as Pod).status as Any;
    expect(s.phase).toBe('Running');
    expect(Object.keys(s.initContainerStatuses[0].state)).toEqual(['running']);
    expect(s.containerStatuses[0].restartCount).toBe(4);
  });

  it('a sidecar between two restarts when the app ends is not started again (InitContainersToStart emptied)', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Never',
        "  - name: proxy\n    image: busybox:1.36\n    command: ['sleep', '2']\n    restartPolicy: Always",
        "    image: busybox:1.36\n    command: ['sleep', '13.5']",
      ),
    );
    const seen = timeline(d);
    d.advance(300_000);
    expect(seen.slice(-2)).toEqual([
      // The sidecar's second instance ended at 7.346 s: back-off until 17.346 s. The app ends at
      // 16.846 s; the sync that notices it starts nothing more (it was restarted, then killed).
      `8346 Running proxy:waiting app:running | ${C}=True Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
      `16846 Succeeded proxy:waiting app:terminated/0 | ${C}=False Initialized=True Ready=False ContainersReady=False PodScheduled=True`,
    ]);
    const created = (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]).find(
      (e) => e.reason === 'Created' && e.involvedObject.fieldPath === 'spec.initContainers{proxy}',
    );
    expect(created?.count).toBe(2);
    expect(killing(d)).toEqual([]);
  });

  it('an init container failing under restartPolicy Never: Failed, and the sidecar before it is stopped', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Never',
        `${NGINX_SIDECAR}\n  - name: setup\n    image: busybox:1.36\n    command: ['sh', '-c', 'exit 1']`,
        "    image: busybox:1.36\n    command: ['sleep', '3600']",
      ),
    );
    const seen = timeline(d);
    d.advance(120_000);
    expect(seen.slice(-2)).toEqual([
      `7218 Failed proxy:running setup:terminated/1 app:waiting | ${C}=False Initialized=False Ready=False ContainersReady=False PodScheduled=True`,
      `8546 Failed proxy:terminated/0 setup:terminated/1 app:waiting | ${C}=False Initialized=False Ready=False ContainersReady=False PodScheduled=True`,
    ]);
    expect(killing(d)).toEqual(['spec.initContainers{proxy} Stopping container proxy x1']);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS       RESTARTS   AGE\np      0/2     Init:Error   0          2m\n',
    );
  });
});

describe('a sidecar that is not ready keeps the Pod from Ready', () => {
  it('readiness probe on a port nginx does not serve: Ready False naming the sidecar, READY 1/2', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Always',
        `${NGINX_SIDECAR}\n    readinessProbe:\n      httpGet:\n        path: /\n        port: 81`,
        '    image: nginx:1.27',
      ),
    );
    d.advance(60_000);
    const s = (d.cluster.get('Pod', 'default', 'p') as Pod).status as Any;
    for (const type of ['Ready', 'ContainersReady'])
      expect(s.conditions.find((c: Any) => c.type === type)).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [proxy]',
      });
    expect(s.phase).toBe('Running');
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\np      1/2     Running   0          60s\n',
    );
  });

  it('with the app waiting on its image too: the sidecar is named first ([proxy app])', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(
      manifest(
        'Always',
        `${NGINX_SIDECAR}\n    readinessProbe:\n      httpGet:\n        path: /\n        port: 81`,
        '    image: nosuch/thing:9',
      ),
    );
    d.advance(30_000);
    const s = (d.cluster.get('Pod', 'default', 'p') as Pod).status as Any;
    expect(s.conditions.find((c: Any) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      message: 'containers with unready status: [proxy app]',
    });
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS             RESTARTS   AGE\np      0/2     ImagePullBackOff   0          30s\n',
    );
  });
});
