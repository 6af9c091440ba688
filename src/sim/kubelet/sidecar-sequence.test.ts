// A sidecar's place in the init sequence (init-start.ts launch, init-containers.ts syncOf's one
// pending step per owner): the next init container or the Pod's containers start at the sync after
// the sidecar's start, or once its startup probe passes [K8S 1.34 pkg/kubelet/kuberuntime:
// kuberuntime_manager.go computeInitContainerActions — a running restartable init container without
// a startupProbe is initialized; with one, once the startup manager has Success; its readiness is
// not consulted]. The regression: a readiness probe passing right after the sidecar's start moved
// the sequence on, then the sync after the start did it again — the app container's Pulling twice
// and `TypeError: next is not a function` from the pod worker's stage timer (kind, seed 3).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import type { Event } from '../api/types';

const sidecarPod = (name: string, probe: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  initContainers:
  - name: proxy
    image: nginx:1.27
    restartPolicy: Always
${probe}
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
`;

const READINESS_OK = '    readinessProbe:\n      httpGet:\n        path: /\n        port: 80';
const READINESS_BAD = '    readinessProbe:\n      httpGet:\n        path: /\n        port: 81';

const podEvents = (d: KubectlDriver, name: string) =>
  (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]).filter(
    (e) => e.involvedObject.name === name,
  );

/** `REASON fieldPath xCOUNT @firstTimestamp` of each container Event. */
const lines = (d: KubectlDriver, name: string) =>
  podEvents(d, name)
    .filter((e) => e.involvedObject.fieldPath)
    .map((e) => `${e.reason} ${e.involvedObject.fieldPath} x${e.count} @${e.firstTimestamp?.slice(11)}`);

describe('a sidecar with a readiness probe and no startup probe (regression: next is not a function)', () => {
  it('kind seed 3: no throw, one Pulling/Pulled/Created/Started per container, the app 1 s after the sidecar', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(sidecarPod('side', READINESS_OK));
    expect(() => d.advance(30_000)).not.toThrow();
    expect(lines(d, 'side')).toEqual([
      'Pulling spec.initContainers{proxy} x1 @09:30:00Z',
      'Pulled spec.initContainers{proxy} x1 @09:30:04Z',
      'Created spec.initContainers{proxy} x1 @09:30:04Z',
      'Started spec.initContainers{proxy} x1 @09:30:04Z',
      // The sync after the sidecar's start (4.548 s + 1 s), not the readiness result at 4.548 s.
      'Pulling spec.containers{app} x1 @09:30:05Z',
      'Pulled spec.containers{app} x1 @09:30:07Z',
      'Created spec.containers{app} x1 @09:30:07Z',
      'Started spec.containers{app} x1 @09:30:07Z',
    ]);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nside   2/2     Running   0          30s\n',
    );
    // And it keeps running: more time on the clock throws nothing and records nothing new.
    const n = podEvents(d, 'side').length;
    expect(() => d.advance(120_000)).not.toThrow();
    expect(podEvents(d, 'side').length).toBe(n);
  });

  it('readiness gates nothing: the app container starts at the same instant whether it passes, fails or is absent', () => {
    // When the app container's Pulling is first there, to 100 ms (Events are not watch-visible).
    const startOf = (probe: string) => {
      const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(sidecarPod('side', probe));
      for (let t = 100; t <= 30_000; t += 100) {
        d.advance(100);
        const pulling = podEvents(d, 'side').some(
          (e) => e.reason === 'Pulling' && e.involvedObject.fieldPath === 'spec.containers{app}',
        );
        if (pulling) return t;
      }
      return undefined;
    };
    const none = startOf('');
    expect(none).toBe(5600); // 4.548 s + 1 s
    expect(startOf(READINESS_OK)).toBe(none);
    expect(startOf(READINESS_BAD)).toBe(none);
  });

  it('a failing readiness probe: the Pod runs with the sidecar not ready (READY 1/2), the app ready', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(sidecarPod('side', READINESS_BAD));
    expect(() => d.advance(40_000)).not.toThrow();
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nside   1/2     Running   0          40s\n',
    );
    const unhealthy = podEvents(d, 'side').filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy.length).toBe(1);
    expect(unhealthy[0]?.involvedObject.fieldPath).toBe('spec.initContainers{proxy}');
    expect(unhealthy[0]?.count).toBeGreaterThan(1);
  });
});
