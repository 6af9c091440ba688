// Pods that read ConfigMaps or Secrets that do not exist, as a 1.34 node runs them (config-refs.ts):
// CreateContainerConfigError for env, ContainerCreating with FailedMount for volumes.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, Pod } from '../api/types';
import { SA_TOKEN_PROJECTION } from '../apiserver/defaults';
import { ApiServer } from '../apiserver/server';
import { Store } from '../apiserver/store';
import { getProfile } from '../profiles';
import { ManualClock } from '../runtime/clock';
import { createRng } from '../runtime/rng';
import { type ConfigSource, mountBackoffMs, mountFailures } from './config-refs';

const pod = (name: string, container: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:alpine
${container}${extra}`;

const envRef = pod(
  'envy',
  `    env:
    - name: A
      valueFrom:
        configMapKeyRef: {name: app-config, key: greeting}
`,
);

const waiting = (p: Pod | undefined, i = 0) => p?.status?.containerStatuses?.[i]?.state?.waiting;
const eventLines = (text: string) => text.slice(text.indexOf('Events:')).split('\n');

describe('env from a ConfigMap or Secret that does not exist', () => {
  it('waits with CreateContainerConfigError and retries on the pod worker back-off', () => {
    const d = kdrive({ seed: 1 }).apply(envRef).advance(40_000);
    expect(d.kubectl('get pods').text()).toMatch(/^envy\s+0\/1\s+CreateContainerConfigError\s+0\s+40s$/m);
    const p = d.get('Pod', 'envy') as Pod;
    expect(p.status?.phase).toBe('Pending');
    expect(waiting(p)).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'configmap "app-config" not found',
    });
    expect(p.status?.podIP).toMatch(/^10\.1\.0\.\d+$/); // the sandbox is up
    const text = d.kubectl('describe pod envy').text();
    expect(text).toContain('    State:          Waiting\n      Reason:       CreateContainerConfigError\n');
    const ev = eventLines(text);
    // The first sync pulls the image; the next (PLEG's report of the sandbox, 1-2 s later) and
    // each later one (10-15 s apart) finds it and fails again.
    expect(ev).toContain(
      '  Normal   Pulled     13s (x3 over 34s)  kubelet            Container image "nginx:alpine" already present on machine',
    );
    expect(ev).toContain(
      '  Warning  Failed     13s (x4 over 36s)  kubelet            Error: configmap "app-config" not found',
    );
  });

  it('syncs again 1-2 s after the first failure, then every 10-15 s', () => {
    const d = kdrive({ seed: 7 }).apply(envRef);
    const count = () => {
      const e = d.cluster
        .list('Event', { namespace: 'default' })
        .find((x) => (x as { reason?: string }).reason === 'Failed') as { count?: number } | undefined;
      return e?.count ?? 0;
    };
    const at: number[] = [];
    for (let t = 0; t < 80_000; t += 100) {
      d.advance(100);
      while (at.length < count()) at.push(t);
    }
    const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[0]).toBeLessThanOrEqual(2100);
    for (const g of gaps.slice(1)) {
      expect(g).toBeGreaterThanOrEqual(9900);
      // 15 s of back-off plus the sync's own pull of the image.
      expect(g).toBeLessThanOrEqual(16_000);
    }
  });

  it('names the missing key, the Secret, and envFrom refs', () => {
    const d = kdrive({ seed: 2 })
      .apply(
        pod(
          'key',
          `    env:
    - name: CA
      valueFrom:
        configMapKeyRef: {name: kube-root-ca.crt, key: tls.crt}
`,
        ),
      )
      .apply(
        pod(
          'sec',
          `    env:
    - name: P
      valueFrom:
        secretKeyRef: {name: db, key: password}
`,
        ),
      )
      .apply(
        pod(
          'from',
          `    envFrom:
    - configMapRef: {name: optional-one, optional: true}
    - secretRef: {name: all-creds}
    - configMapRef: {name: never-reached}
`,
        ),
      )
      .advance(20_000);
    expect(waiting(d.get('Pod', 'key') as Pod)?.message).toBe(
      "couldn't find key tls.crt in ConfigMap default/kube-root-ca.crt",
    );
    expect(waiting(d.get('Pod', 'sec') as Pod)?.message).toBe('secret "db" not found');
    expect(waiting(d.get('Pod', 'from') as Pod)?.message).toBe('secret "all-creds" not found');
  });

  it('starts a Pod whose refs are optional or name kube-root-ca.crt', () => {
    const d = kdrive({ seed: 3 })
      .apply(
        pod(
          'fine',
          `    envFrom:
    - configMapRef: {name: maybe, optional: true}
    - secretRef: {name: maybe, optional: true}
    - configMapRef: {name: kube-root-ca.crt}
    env:
    - name: CA
      valueFrom:
        configMapKeyRef: {name: kube-root-ca.crt, key: ca.crt}
    - name: X
      valueFrom:
        configMapKeyRef: {name: kube-root-ca.crt, key: nope, optional: true}
    - name: S
      valueFrom:
        secretKeyRef: {name: s, key: k, optional: true}
    volumeMounts:
    - {name: ca, mountPath: /ca}
`,
          `  volumes:
  - name: ca
    configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
  - name: opt
    secret: {secretName: nothing, optional: true}
  - name: opt2
    configMap: {name: nothing, optional: true}
`,
        ),
      )
      .advance(20_000);
    expect(d.kubectl('get pods').text()).toMatch(/^fine\s+1\/1\s+Running\s+0\s+20s$/m);
    expect(d.kubectl('describe pod fine').text()).not.toMatch(/Failed/);
  });

  it('starts the other containers of the Pod: Pending, 1/2 ready', () => {
    const d = kdrive({ seed: 4 })
      .apply(
        pod(
          'two',
          `  - name: bad
    image: nginx:alpine
    env:
    - name: A
      valueFrom:
        configMapKeyRef: {name: app-config, key: greeting}
`,
        ),
      )
      .advance(30_000);
    const p = d.get('Pod', 'two') as Pod;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    expect(waiting(p, 1)?.reason).toBe('CreateContainerConfigError');
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.message).toBe(
      'containers with unready status: [bad]',
    );
    expect(d.kubectl('get pods').text()).toMatch(/^two\s+1\/2\s+CreateContainerConfigError\s+0\s+30s$/m);
    // The running container started once, however many syncs retried the other.
    expect(d.kubectl('describe pod two').text()).toMatch(
      /Normal {3}Started {4}\S+ +kubelet +Started container app\n/,
    );
  });

  it('is deleted as any Pod', () => {
    const d = kdrive({ seed: 5 }).apply(envRef).advance(20_000).kubectl('delete pod envy --wait=false');
    d.advance(5_000);
    expect(d.get('Pod', 'envy')).toBeUndefined();
  });
});

const volPod = pod(
  'vol',
  `    volumeMounts:
    - {name: config, mountPath: /config}
    - {name: creds, mountPath: /creds}
`,
  `  volumes:
  - name: config
    configMap: {name: app-config}
  - name: creds
    secret: {secretName: db-creds}
`,
);

describe('a configMap or secret volume whose object does not exist', () => {
  it('keeps the Pod ContainerCreating without a sandbox, FailedMount on the volume back-off', () => {
    const d = kdrive({ seed: 1 }).apply(volPod).advance(300_000);
    expect(d.kubectl('get pods -o wide').text()).toMatch(
      /^vol\s+0\/1\s+ContainerCreating\s+0\s+5m\s+<none>\s+docker-desktop\s/m,
    );
    const p = d.get('Pod', 'vol') as Pod;
    expect(p.status?.podIP).toBeUndefined();
    expect(p.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    const text = d.kubectl('describe pod vol').text();
    expect(text).toContain('    State:          Waiting\n      Reason:       ContainerCreating\n');
    // Attempts at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5, 127.5, 249.5 s: x10, the last 50 s ago.
    expect(eventLines(text).slice(3, 6)).toEqual([
      '  Normal   Scheduled    5m                 default-scheduler  Successfully assigned default/vol to docker-desktop',
      '  Warning  FailedMount  50s (x10 over 5m)  kubelet            MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
      '  Warning  FailedMount  50s (x10 over 5m)  kubelet            MountVolume.SetUp failed for volume "creds" : secret "db-creds" not found',
    ]);
    expect(text).not.toMatch(/Pulling|Unable to attach/);
  });

  it('names a missing items key and aggregates a projected volume', () => {
    const d = kdrive({ seed: 2 })
      .apply(
        pod(
          'items',
          '',
          `  volumes:
  - name: ca
    configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: a}, {key: tls.key, path: b}]}
  - name: all
    projected:
      sources:
      - configMap: {name: kube-root-ca.crt}
      - configMap: {name: one}
      - secret: {name: two}
      - secret: {name: three, optional: true}
`,
        ),
      )
      .advance(2_000);
    const text = d.kubectl('describe pod items').text();
    expect(text).toContain(
      'MountVolume.SetUp failed for volume "ca" : configmap references non-existent config key: tls.key\n',
    );
    expect(text).toContain(
      'MountVolume.SetUp failed for volume "all" : [configmap "one" not found, secret "two" not found]\n',
    );
  });

  it('aggregates a projected volume once per distinct error, and makes nothing when all set up', () => {
    // A source with one ConfigMap `one` (keys a, b) and no Secret.
    const src = {
      profile: 'docker-desktop',
      get: (kind: string, _ns: string, name: string) =>
        kind === 'ConfigMap' && name === 'one' ? { data: { a: '1', b: '2' } } : undefined,
    } as unknown as ConfigSource;
    const withVolumes = (volumes: unknown[]) =>
      ({ metadata: { name: 'p' }, spec: { volumes } }) as unknown as Pod;
    expect(mountFailures(withVolumes([]), src)).toBeUndefined();
    expect(mountFailures({ metadata: { name: 'p' }, spec: {} } as unknown as Pod, src)).toBeUndefined();
    const fine = {
      name: 'ok',
      projected: { sources: [{ configMap: { name: 'one', items: [{ key: 'a' }] } }] },
    };
    expect(
      mountFailures(withVolumes([fine, { name: 'e', projected: { sources: null } }]), src),
    ).toBeUndefined();
    expect(
      mountFailures(
        withVolumes([
          fine,
          {
            name: 'p',
            projected: {
              sources: [
                { secret: { name: 's' } },
                { configMap: { name: 'one', items: [{ key: 'a' }, { key: 'z' }] } },
                { secret: { name: 's' } },
                { secret: { name: 'opt', optional: true } },
              ],
            },
          },
          { name: 'q', projected: { sources: [{ secret: { name: 's' } }, { secret: { name: 's' } }] } },
          { name: 'c', configMap: { name: 'one', items: [{ key: 'b' }, { key: 'y' }] } },
        ]),
        src,
      ),
    ).toEqual([
      'MountVolume.SetUp failed for volume "p" : [secret "s" not found, configmap references non-existent config key: z]',
      'MountVolume.SetUp failed for volume "q" : secret "s" not found',
      'MountVolume.SetUp failed for volume "c" : configmap references non-existent config key: y',
    ]);
  });

  it('backs off as nestedpendingoperations: 0.5 s doubling to 2m2s', () => {
    expect([1, 2, 3, 8, 9, 10, 20].map(mountBackoffMs)).toEqual([
      500, 1000, 2000, 64_000, 122_000, 122_000, 122_000,
    ]);
  });
});

describe("kube-system's ConfigMaps", () => {
  const reader = (key: string) => `apiVersion: v1
kind: Pod
metadata:
  name: reader
  namespace: kube-system
spec:
  containers:
  - name: app
    image: nginx:alpine
    env:
    - name: A
      valueFrom:
        configMapKeyRef: {name: coredns, key: ${key}}
`;
  it('has coredns (NodeHosts on k3s only) and kube-proxy on kubeadm distros', () => {
    const state = (profile: 'kind' | 'k3s', yaml: string) => {
      const d = kdrive({ seed: 1, profile }).apply(yaml).advance(30_000);
      const p = d.get('Pod', 'reader', 'kube-system') as Pod;
      return waiting(p)?.message ?? p.status?.phase;
    };
    expect(state('kind', reader('Corefile'))).toBe('Running');
    expect(state('k3s', reader('NodeHosts'))).toBe('Running');
    expect(state('kind', reader('NodeHosts'))).toBe(
      "couldn't find key NodeHosts in ConfigMap kube-system/coredns",
    );
    const proxy = reader('x').replace('{name: coredns, key: x}', '{name: kube-proxy, key: config.conf}');
    expect(state('kind', proxy)).toBe('Running');
    expect(state('k3s', proxy)).toBe('configmap "kube-proxy" not found');
  });
});

describe('CoreDNS, whose config-volume reads the coredns ConfigMap', () => {
  for (const profile of ['docker-desktop', 'kind', 'k3s'] as const) {
    it(`${profile}: a CoreDNS Pod re-created after a delete mounts it and runs`, () => {
      const d = kdrive({ seed: 1, profile });
      const dns = () =>
        d.cluster
          .list('Pod', { namespace: 'kube-system' })
          .filter((p) => p.metadata.name.startsWith('coredns-')) as Pod[];
      const first = dns()[0] as Pod;
      expect((first.spec as { volumes?: { configMap?: unknown }[] }).volumes?.some((v) => v.configMap)).toBe(
        true,
      );
      d.kubectl(`delete pod -n kube-system ${first.metadata.name} --wait=false`).advance(60_000);
      const now = dns();
      expect(now.some((p) => p.metadata.name === first.metadata.name)).toBe(false);
      for (const p of now) expect(p.status?.phase).toBe('Running');
      expect(d.kubectl('get events -n kube-system').text()).not.toMatch(/FailedMount|Failed /);
    });
  }
});

describe('determinism', () => {
  it('gives the same output for the same seed', () => {
    const run = () => {
      const d = kdrive({ seed: 9 }).apply(envRef).apply(volPod).advance(90_000);
      return d.kubectl('describe pods').text() + d.kubectl('get events').text();
    };
    expect(run()).toBe(run());
  });
});

describe('mountFailures: the usual token volume', () => {
  // Admission's token volume (the frozen SA_TOKEN_PROJECTION) over a namespace's published
  // kube-root-ca.crt is known to set up without walking its sources; every other case walks them.
  // A deep copy of the projection (another object) always takes the walk: both must answer alike.
  it('answers what the walk over a copy of the projection answers', () => {
    const api = new ApiServer(new Store(), new ManualClock(), createRng(7), getProfile());
    const podIn = (namespace: string, projected: unknown, extra: unknown[] = []) =>
      ({
        metadata: { name: 'p', namespace },
        spec: { volumes: [...extra, { name: 'kube-api-access-abcde', projected }] },
      }) as unknown as Pod;
    const both = (namespace: string, extra?: unknown[]) => {
      const fast = mountFailures(podIn(namespace, SA_TOKEN_PROJECTION, extra), api);
      const walked = mountFailures(podIn(namespace, structuredClone(SA_TOKEN_PROJECTION), extra), api);
      expect(fast).toEqual(walked);
      return fast;
    };
    for (const name of ['published', 'replaced', 'keyless', 'deleted'])
      expect(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as K8sObject).ok).toBe(
        true,
      );
    // The published one (not read).
    expect(both('published')).toBeUndefined();
    expect(both('published', [{ name: 'cm', configMap: { name: 'missing' } }])).toEqual([
      'MountVolume.SetUp failed for volume "cm" : configmap "missing" not found',
    ]);
    // Read, then replaced through the API with the key, or without it; deleted; no namespace.
    expect(api.store.get('ConfigMap', 'replaced', 'kube-root-ca.crt')).toBeDefined();
    const cm = (ns: string, data: Record<string, string>) =>
      ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace: ns },
        data,
      }) as unknown as K8sObject;
    expect(api.update(cm('replaced', { 'ca.crt': 'x' })).ok).toBe(true);
    expect(both('replaced')).toBeUndefined();
    expect(api.update(cm('keyless', { other: 'x' })).ok).toBe(true);
    expect(both('keyless')).toEqual([
      'MountVolume.SetUp failed for volume "kube-api-access-abcde" : configmap references non-existent config key: ca.crt',
    ]);
    expect(api.delete('ConfigMap', 'deleted', 'kube-root-ca.crt').ok).toBe(true);
    expect(both('deleted')).toEqual([
      'MountVolume.SetUp failed for volume "kube-api-access-abcde" : configmap "kube-root-ca.crt" not found',
    ]);
    expect(both('nowhere')).toEqual([
      'MountVolume.SetUp failed for volume "kube-api-access-abcde" : configmap "kube-root-ca.crt" not found',
    ]);
  });
});
