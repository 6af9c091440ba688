// One container's failure holds none of the others back (SyncPod starts each container to start in
// turn; one failing — its image, its config — does not stop the next) [K8S 1.34 pkg/kubelet/
// kuberuntime/kuberuntime_manager.go SyncPod, kuberuntime_container.go startContainer]. The
// regression kubelet.property.test.ts found: with one container waiting on its image and another's
// env reading a ConfigMap that does not exist (pull-waits.ts before config-refs.ts), the third
// container was pulled at every retry and never started; and once the ConfigMap came, the
// containers started earlier went back to ContainerCreating (lifecycle.ts begin did not know them).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event, Pod } from '../api/types';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: gone
    image: nosuch/thing:9
  - name: web
    image: nginx:1.27
    env:
    - name: K
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: k
  - name: sleeper
    image: busybox:1.36
    command: ['sleep', '3600']
`;

const states = (d: ReturnType<typeof kdrive>) =>
  ((d.cluster.get('Pod', 'default', 'p') as Pod).status.containerStatuses ?? []).map((s) => {
    const [k, v] = Object.entries(s.state ?? {})[0] ?? ['', {}];
    return `${s.name} ${k}${(v as { reason?: string }).reason ? ` ${(v as { reason?: string }).reason}` : ''}`;
  });

const count = (d: ReturnType<typeof kdrive>, reason: string, name: string) =>
  (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[])
    .filter((e) => e.reason === reason && e.involvedObject.fieldPath === `spec.containers{${name}}`)
    .reduce((n, e) => n + (e.count ?? 1), 0);

describe('a missing image and a missing ConfigMap in one Pod', () => {
  it('the third container starts in the first sync and stays running; web starts once the ConfigMap exists', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).applyOk(POD);
    d.advance(30_000);
    expect(states(d)).toEqual([
      'gone waiting ImagePullBackOff',
      'web waiting CreateContainerConfigError',
      'sleeper running',
    ]);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS             RESTARTS   AGE\np      1/3     ImagePullBackOff   0          30s\n',
    );
    d.applyOk('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n');
    d.advance(120_000);
    expect(states(d)).toEqual(['gone waiting ImagePullBackOff', 'web running', 'sleeper running']);
    // One start each: the retries pulled web again (already present), never sleeper.
    for (const name of ['web', 'sleeper']) {
      expect(count(d, 'Created', name)).toBe(1);
      expect(count(d, 'Started', name)).toBe(1);
    }
    expect(count(d, 'Pulled', 'sleeper')).toBe(1);
    expect(count(d, 'Pulled', 'web')).toBeGreaterThan(1);
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS             RESTARTS   AGE\np      2/3     ImagePullBackOff   0          2m30s\n',
    );
  });
});
