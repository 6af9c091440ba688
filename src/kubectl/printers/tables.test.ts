import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod } from '../../sim/api/types';
import { iso, meta, pod, T0 } from '../verbs/read-fixtures';
import { buildRows, podRestarts, podStatusReason, type TableOptions } from './tables';
import { renderRows } from './tabwriter';

const NOW = T0 + 5 * 60_000;
const opts: TableOptions = {
  now: NOW,
  wide: false,
  withNamespace: false,
  kindPrefix: undefined,
  showLabels: false,
  noHeaders: false,
};

function withState(p: K8sObject, state: Record<string, unknown>, phase = 'Pending'): Pod {
  const c = structuredClone(p) as Pod;
  c.status.phase = phase as Pod['status']['phase'];
  (c.status.containerStatuses as NonNullable<Pod['status']['containerStatuses']>)[0] = {
    ...(c.status.containerStatuses?.[0] as NonNullable<Pod['status']['containerStatuses']>[number]),
    ready: false,
    state,
  };
  return c;
}

describe('pod STATUS (printPod, reference §B3)', () => {
  const base = pod('p', T0, { app: 'a', hash: 'h', ip: '10.1.0.9' });
  it.each([
    [{ waiting: { reason: 'ContainerCreating' } }, 'Pending', 'ContainerCreating'],
    [{ waiting: { reason: 'ErrImagePull' } }, 'Pending', 'ErrImagePull'],
    [{ waiting: { reason: 'ImagePullBackOff' } }, 'Pending', 'ImagePullBackOff'],
    [{ waiting: { reason: 'CrashLoopBackOff' } }, 'Running', 'CrashLoopBackOff'],
    [{ terminated: { exitCode: 0, reason: 'Completed' } }, 'Succeeded', 'Completed'],
    [{ terminated: { exitCode: 137, reason: 'OOMKilled' } }, 'Running', 'OOMKilled'],
    [{ terminated: { exitCode: 3, reason: '' } }, 'Failed', 'ExitCode:3'],
    [{}, 'Pending', 'Pending'],
  ])('%j in phase %s → %s', (state, phase, want) => {
    expect(podStatusReason(withState(base, state, phase))).toBe(want);
  });

  it('Terminating once deletionTimestamp is set, unless the phase is terminal', () => {
    const p = structuredClone(base) as Pod;
    p.metadata.deletionTimestamp = iso(NOW);
    expect(podStatusReason(p)).toBe('Terminating');
    const done = withState(p, { terminated: { exitCode: 0, reason: 'Completed' } }, 'Succeeded');
    expect(podStatusReason(done)).toBe('Completed');
  });
});

describe('pod RESTARTS (printPod: the sum of restartCount, the latest lastState finishedAt)', () => {
  const base = pod('p', T0, { app: 'a', hash: 'h', ip: '10.1.0.9' });
  const two = (): Pod => {
    const p = structuredClone(base) as Pod;
    const s0 = p.status.containerStatuses?.[0] as NonNullable<Pod['status']['containerStatuses']>[number];
    p.status.containerStatuses = [
      {
        ...s0,
        name: 'a',
        restartCount: 2,
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: iso(NOW - 40_000) } },
      },
      {
        ...s0,
        name: 'b',
        restartCount: 1,
        lastState: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: iso(NOW - 12_000) } },
      },
    ];
    return p;
  };
  it('N (Xs ago) from the most recent termination of any container', () => {
    expect(podRestarts(two(), NOW)).toBe('3 (12s ago)');
    expect(podRestarts(two(), NOW + 5 * 60_000)).toBe('3 (5m12s ago)');
  });
  it('0, and a count without a lastState time, stay bare numbers', () => {
    expect(podRestarts(base as Pod, NOW)).toBe('0');
    const p = two();
    for (const c of p.status.containerStatuses ?? []) c.lastState = {};
    expect(podRestarts(p, NOW)).toBe('3');
  });
  it('a Completed container next to a ready running one reads Running (NotReady when the Pod is not Ready)', () => {
    const p = two();
    type Status = NonNullable<Pod['status']['containerStatuses']>[number];
    const [a, b] = p.status.containerStatuses as [Status, Status];
    a.state = { running: { startedAt: iso(T0) } };
    a.ready = true;
    b.state = { terminated: { exitCode: 0, reason: 'Completed' } };
    p.status.phase = 'Running';
    p.status.conditions = [
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: iso(T0) },
    ];
    expect(podStatusReason(p)).toBe('Running');
    p.status.conditions = [
      { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: iso(T0) },
    ];
    expect(podStatusReason(p)).toBe('NotReady');
  });
});

describe('other tables', () => {
  it('endpointslices: ADDRESSTYPE PORTS ENDPOINTS, <unset>, + N more...', () => {
    const s = (name: string, addrs: string[], ports: number[]): K8sObject =>
      ({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(name, T0),
        addressType: 'IPv4',
        endpoints: addrs.map((a) => ({
          addresses: [a],
          conditions: { ready: true, serving: true, terminating: false },
        })),
        ports: ports.map((port) => ({ port, protocol: 'TCP' })),
      }) as K8sObject;
    const rows = buildRows(
      'EndpointSlice',
      [
        s('sleep-2-x4k9p', ['10.1.0.31'], [80]),
        s('web-abcde', ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.5'], [80]),
        s('x-empty', [], []),
      ],
      opts,
    );
    expect(renderRows(rows)).toBe(
      'NAME            ADDRESSTYPE   PORTS     ENDPOINTS                                AGE\n' +
        'sleep-2-x4k9p   IPv4          80        10.1.0.31                                5m\n' +
        'web-abcde       IPv4          80        10.1.0.1,10.1.0.2,10.1.0.3 + 2 more...   5m\n' +
        'x-empty         IPv4          <unset>   <unset>                                  5m\n',
    );
  });

  it('nodes and namespaces', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(
        'docker-desktop',
        T0,
        { labels: { 'node-role.kubernetes.io/control-plane': '' } },
        undefined,
      ),
      spec: { podCIDR: '10.1.0.0/16', podCIDRs: ['10.1.0.0/16'] },
      status: {
        addresses: [{ type: 'InternalIP', address: '192.168.65.3' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: '' }],
        nodeInfo: {
          kubeletVersion: 'v1.34.1',
          osImage: 'Docker Desktop',
          kernelVersion: '6.10.14-linuxkit',
          containerRuntimeVersion: 'docker://28.3.2',
        },
      },
    } as K8sObject;
    expect(renderRows(buildRows('Node', [node], { ...opts, wide: true }))).toBe(
      'NAME             STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION     CONTAINER-RUNTIME\n' +
        'docker-desktop   Ready    control-plane   5m    v1.34.1   192.168.65.3   <none>        Docker Desktop   6.10.14-linuxkit   docker://28.3.2\n',
    );
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta('default', T0, {}, undefined),
      spec: { finalizers: [] },
      status: { phase: 'Active' },
    } as K8sObject;
    expect(renderRows(buildRows('Namespace', [ns], opts))).toBe(
      'NAME      STATUS   AGE\ndefault   Active   5m\n',
    );
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE with lowercase kind/name', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('sleep-1.1', T0),
      involvedObject: { kind: 'Deployment', name: 'sleep-1', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set sleep-1-8f68bd59d from 0 to 1',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      firstTimestamp: iso(T0),
      lastTimestamp: iso(T0 + 60_000),
      count: 1,
    } as K8sObject;
    expect(renderRows(buildRows('Event', [ev], opts))).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT               MESSAGE\n' +
        '4m          Normal   ScalingReplicaSet   deployment/sleep-1   Scaled up replica set sleep-1-8f68bd59d from 0 to 1\n',
    );
  });

  it('cuts cells with newlines at the first one and marks them', () => {
    const p = structuredClone(pod('p', T0, { app: 'a', hash: 'h' })) as Pod;
    p.status.containerStatuses = [];
    p.status.reason = 'Evicted\nmore';
    expect(buildRows('Pod', [p], { ...opts, noHeaders: true })[0]?.[2]).toBe('Evicted...');
  });
});
