// describePod's rarer lines, each as kubectl v0.34.9 writes them [pkg/describe/describe.go]:
// init containers, a terminated state's message and signal, a waiting state without its message,
// pod-level resources, readiness gates, seccomp profiles, volume sources, topology spread
// constraints, tolerations sorted by key, and the QoS class computed when the status has none.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { describeProbe } from './describe-containers';
import { describePod, describePodTemplate } from './describe-pod';
import { DescribeWriter } from './describe-util';

const T = '2026-01-01T00:00:00Z';

function pod(spec: Record<string, unknown>, status: Record<string, unknown>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns', uid: 'u', resourceVersion: '1', creationTimestamp: T },
    spec: { containers: [], ...spec },
    status: { phase: 'Pending', ...status },
  } as unknown as Pod;
}

const describeText = (p: Pod): string => describePod({ obj: p, events: [], now: Date.parse(T), related: {} });

describe('describePod: rarer lines', () => {
  it('init container terminated with message and signal; waiting prints its reason only', () => {
    const p = pod(
      {
        priorityClassName: 'high',
        runtimeClassName: 'gvisor',
        securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
        resources: { limits: { memory: '256Mi', cpu: '1' } },
        initContainers: [
          {
            name: 'init',
            image: 'busybox',
            securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            volumeDevices: [{ name: 'blk', devicePath: '/dev/xvda' }],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'other' }],
        volumes: [
          { name: 'data', hostPath: { path: '/srv', type: 'Directory' } },
          { name: 'cfg', configMap: { name: 'c', optional: true } },
          { name: 'sec', secret: { secretName: 's' } },
          { name: 'claim', persistentVolumeClaim: { claimName: 'pvc' } },
          {
            name: 'info',
            downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
          },
        ],
        topologySpreadConstraints: [
          {
            topologyKey: 'zone',
            maxSkew: 1,
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'a' } },
          },
          { topologyKey: 'host', maxSkew: 2, whenUnsatisfiable: 'ScheduleAnyway' },
        ],
        tolerations: [
          { key: 'z', operator: 'Exists', effect: 'NoSchedule' },
          { key: 'a', operator: 'Equal', value: 'v', effect: 'NoExecute', tolerationSeconds: 5 },
          { operator: 'Exists' },
        ],
      },
      {
        message: 'waiting for gates',
        nominatedNodeName: 'n2',
        conditions: [{ type: 'example.com/ready', status: 'False' }],
        initContainerStatuses: [
          {
            name: 'init',
            containerID: 'containerd://1',
            imageID: 'busybox@sha256:1',
            ready: false,
            restartCount: 0,
            state: {
              terminated: {
                exitCode: 137,
                signal: 9,
                reason: 'Error',
                message: 'killed',
                startedAt: T,
                finishedAt: T,
              },
            },
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'PodInitializing', message: 'not shown' } },
          },
        ],
      },
    );
    expect(describeText(p)).toBe(
      [
        'Name:                 p',
        'Namespace:            ns',
        'Priority Class Name:  high',
        'Runtime Class Name:   gvisor',
        'Node:                 <none>',
        'Labels:               <none>',
        'Annotations:          <none>',
        'Status:               Pending',
        'Message:              waiting for gates',
        'SeccompProfile:       Localhost',
        'LocalhostProfile:     p.json',
        'IP:                   ',
        'IPs:                  <none>',
        'NominatedNodeName:    n2',
        'Resources:',
        '  Limits:',
        '    cpu:     1',
        '    memory:  256Mi',
        'Init Containers:',
        '  init:',
        '    Container ID:    containerd://1',
        '    Image:           busybox',
        '    Image ID:        busybox@sha256:1',
        '    Port:            <none>',
        '    Host Port:       <none>',
        '    SeccompProfile:  RuntimeDefault',
        '    State:           Terminated',
        '      Reason:        Error',
        '      Message:       killed',
        '      Exit Code:     137',
        '      Signal:        9',
        '      Started:       Thu, 01 Jan 2026 00:00:00 +0000',
        '      Finished:      Thu, 01 Jan 2026 00:00:00 +0000',
        '    Ready:           False',
        '    Restart Count:   0',
        '    Environment:     <none>',
        '    Mounts:',
        '      /data from data (rw)',
        '    Devices:',
        '      /dev/xvda from blk',
        'Containers:',
        '  app:',
        '    Container ID:   ',
        '    Image:          nginx',
        '    Image ID:       ',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Waiting',
        '      Reason:       PodInitializing',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Readiness Gates:',
        '  Type                Status',
        '  example.com/ready   False ',
        '  other               <none> ',
        'Conditions:',
        '  Type                Status',
        '  example.com/ready   False ',
        'Volumes:',
        '  data:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /srv',
        '    HostPathType:  Directory',
        '  cfg:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      c',
        '    Optional:  true',
        '  sec:',
        '    Type:        Secret (a volume populated by a Secret)',
        '    SecretName:  s',
        '    Optional:    false',
        '  claim:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  pvc',
        '    ReadOnly:   false',
        '  info:',
        '    Type:  DownwardAPI (a volume populated by information about the pod)',
        '    Items:',
        '      metadata.labels -> labels',
        // No status class: ComputePodQOS of the spec as stored; pod-level limits without
        // pod-level requests are not Guaranteed (the summed requests and limits differ).
        'QoS Class:                    Burstable',
        'Node-Selectors:               <none>',
        'Tolerations:                  op=Exists',
        '                              a=v:NoExecute for 5s',
        '                              z:NoSchedule op=Exists',
        'Topology Spread Constraints:  host:ScheduleAnyway when max skew 2 is exceeded',
        '                              zone:DoNotSchedule when max skew 1 is exceeded for selector app=a',
        'Events:                       <none>',
        '',
      ].join('\n'),
    );
  });

  it('QoS Class: the stored class wins over what the spec would compute', () => {
    const spec = { containers: [{ name: 'a', image: 'i', resources: { requests: { cpu: '1' } } }] };
    expect(describeText(pod(spec, {}))).toMatch(/\nQoS Class: +Burstable\n/);
    expect(describeText(pod({ containers: [{ name: 'a', image: 'i' }] }, {}))).toMatch(
      /\nQoS Class: +BestEffort\n/,
    );
    expect(describeText(pod(spec, { qosClass: 'Guaranteed' }))).toMatch(/\nQoS Class: +Guaranteed\n/);
  });
});

describe('describePodTemplate', () => {
  it('volume names one space deeper than the label, sources at level 2; init containers first', () => {
    const w = new DescribeWriter();
    describePodTemplate(w, {
      metadata: { labels: { app: 'a' } },
      spec: {
        initContainers: [{ name: 'i', image: 'busybox', args: ['one\ntwo'] }],
        containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100u' } } }],
        volumes: [{ name: 'tmp', emptyDir: { medium: 'Memory' } }],
        priorityClassName: 'p',
      },
    } as never);
    expect(w.done()).toBe(
      [
        'Pod Template:',
        '  Labels:  app=a',
        '  Init Containers:',
        '   i:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Args:',
        '      one',
        '      two',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        '  Containers:',
        '   c:',
        '    Image:      nginx',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Requests:',
        '      cpu:        1m',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        '  Volumes:',
        '   tmp:',
        // One tab-aligned block from the source lines to Tolerations (describe's tabwriter).
        "    Type:               EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:             Memory',
        '    SizeLimit:          <unset>',
        '  Priority Class Name:  p',
        '  Node-Selectors:       <none>',
        '  Tolerations:          <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describeProbe (DescribeProbe: url.URL String of an HTTP probe)', () => {
  const n = {
    initialDelaySeconds: 5,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  };
  const attrs = 'delay=5s timeout=1s period=10s #success=1 #failure=3';
  it('handlers and their numbers', () => {
    expect(describeProbe({ ...n, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } })).toBe(
      `http-get http://:8080/healthz ${attrs}`,
    );
    expect(
      describeProbe({ ...n, httpGet: { path: '/livez', port: 6443, host: '172.18.0.2', scheme: 'HTTPS' } }),
    ).toBe(`http-get https://172.18.0.2:6443/livez ${attrs}`);
    expect(describeProbe({ ...n, exec: { command: ['cat', '/tmp/healthy'] } })).toBe(
      `exec [cat /tmp/healthy] ${attrs}`,
    );
    expect(describeProbe({ ...n, tcpSocket: { port: 'http' } })).toBe(`tcp-socket :http ${attrs}`);
  });
  it('IPv6 host in brackets, a path without its slash gets one, the path escaped as EscapedPath does', () => {
    expect(describeProbe({ ...n, httpGet: { path: '/', port: 80, host: '::1', scheme: 'HTTP' } })).toBe(
      `http-get http://[::1]:80/ ${attrs}`,
    );
    expect(describeProbe({ ...n, httpGet: { path: 'health', port: 80, scheme: 'HTTP' } })).toBe(
      `http-get http://:80/health ${attrs}`,
    );
    expect(describeProbe({ ...n, httpGet: { path: '/a b?c=1&d%', port: 80, scheme: 'HTTP' } })).toBe(
      `http-get http://:80/a%20b%3Fc=1&d%25 ${attrs}`,
    );
  });
});

describe('describePod: a CSI volume', () => {
  it('VolumeAttributes: every piece written at LEVEL_2, so the values carry its four spaces', () => {
    const p = pod(
      {
        containers: [{ name: 'a', image: 'i' }],
        volumes: [
          { name: 'v', csi: { driver: 'd.example.com', volumeAttributes: { b: '2', a: '1' } } },
          { name: 'w', csi: { driver: 'd', readOnly: true, fsType: 'ext4' } },
        ],
      },
      { qosClass: 'BestEffort' },
    );
    const out = describeText(p);
    const vols = out.slice(out.indexOf('Volumes:'), out.indexOf('QoS Class:'));
    expect(vols).toBe(
      [
        'Volumes:',
        '  v:',
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
        '    Driver:            d.example.com',
        '    FSType:            ',
        '    ReadOnly:          false',
        '    VolumeAttributes:      a=1',
        '                           b=2',
        '  w:',
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
        '    Driver:            d',
        '    FSType:            ext4',
        '    ReadOnly:          true',
        '    VolumeAttributes:  <none>',
        '',
      ].join('\n'),
    );
  });
});
