import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../sim/api/types';
import { parseFlags } from '../flags';
import { describeVerb } from './describe';
import { deployment, FakeCluster, iso, meta, pod, replicaSet, runVerb, service, T0 } from './read-fixtures';

const NOW = T0 + 60_000;

function kubectlDescribe(c: FakeCluster, line: string) {
  return runVerb(describeVerb, c.asCluster(), line.split(' ').filter(Boolean), (a) => {
    const p = parseFlags(a, describeVerb.flags);
    return p.ok ? p : `error: ${p.message}\n`;
  });
}

function slice(svc: string, ip: string, ready: boolean): K8sObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(`${svc}-x4k9p`, T0, { labels: { 'kubernetes.io/service-name': svc } }),
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready, serving: ready, terminating: false } }],
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  } as K8sObject;
}

function event(
  name: string,
  involved: K8sObject,
  reason: string,
  message: string,
  atMs: number,
  component: string,
): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name, atMs),
    involvedObject: {
      kind: involved.kind,
      namespace: 'default',
      name: involved.metadata.name,
      uid: involved.metadata.uid,
    },
    reason,
    message,
    type: 'Normal',
    source: { component },
    firstTimestamp: iso(atMs),
    lastTimestamp: iso(atMs),
    count: 1,
  } as K8sObject;
}

const numbersWeb = service(
  'numbers-web',
  T0,
  {
    type: 'LoadBalancer',
    selector: { app: 'numbers-web' },
    clusterIP: '10.101.94.89',
    clusterIPs: ['10.101.94.89'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports: [{ port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 30122 }],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  },
  { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
);
numbersWeb.metadata.annotations = {
  'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n',
};

describe('kubectl describe svc (reference §B14)', () => {
  it('prints the LoadBalancer service exactly, last-applied annotation hidden', () => {
    const c = new FakeCluster(NOW).add(numbersWeb, slice('numbers-web', '10.1.0.30', true));
    const r = kubectlDescribe(c, 'svc numbers-web');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Name:                     numbers-web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=numbers-web',
        'Type:                     LoadBalancer',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.101.94.89',
        'IPs:                      10.101.94.89',
        'LoadBalancer Ingress:     localhost',
        'Port:                     <unset>  8080/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30122/TCP',
        'Endpoints:                10.1.0.30:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('Endpoints: <none> without slices, empty with only not-ready endpoints', () => {
    const c = new FakeCluster(NOW).add(numbersWeb);
    expect(kubectlDescribe(c, 'svc numbers-web').stdout).toContain('\nEndpoints:                <none>\n');
    c.add(slice('numbers-web', '10.1.0.30', false));
    expect(kubectlDescribe(c, 'svc numbers-web').stdout).toContain('\nEndpoints:                \n');
  });
});

describe('kubectl describe pod', () => {
  it('prints containers, conditions with trailing spaces and the events table', () => {
    const p = pod('sleep-1-8f68bd59d-4s7j5', T0, { app: 'sleep-1', hash: '8f68bd59d', ip: '10.1.0.28' });
    p.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'sleep-1-8f68bd59d', uid: 'u', controller: true },
    ];
    p.status.hostIP = '192.168.65.3';
    p.status.startTime = iso(T0);
    const c = new FakeCluster(NOW).add(
      p,
      event(
        'e1',
        p,
        'Scheduled',
        'Successfully assigned default/sleep-1-8f68bd59d-4s7j5 to docker-desktop',
        T0,
        'default-scheduler',
      ),
      event('e2', p, 'Started', 'Started container sleep', T0 + 2000, 'kubelet'),
    );
    const out = kubectlDescribe(c, 'pod sleep-1').stdout;
    expect(out).toBe(
      [
        'Name:             sleep-1-8f68bd59d-4s7j5',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             docker-desktop/192.168.65.3',
        'Start Time:       Thu, 01 Jan 2026 00:00:00 +0000',
        'Labels:           app=sleep-1',
        '                  pod-template-hash=8f68bd59d',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.1.0.28',
        'IPs:',
        '  IP:           10.1.0.28',
        'Controlled By:  ReplicaSet/sleep-1-8f68bd59d',
        'Containers:',
        '  sleep:',
        '    Container ID:   ',
        '    Image:          kiamol/ch03-sleep',
        '    Image ID:       ',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 00:00:00 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  60s   default-scheduler  Successfully assigned default/sleep-1-8f68bd59d-4s7j5 to docker-desktop',
        '  Normal  Started    58s   kubelet            Started container sleep',
        // `pod sleep-1` is a name prefix: DescribeMatchingResources prints each match as "%s\n"
        // (kubectl v0.34.9 describe.go), so a blank line follows the description.
        '',
        '',
      ].join('\n'),
    );
  });

  it('NotFound and no-match messages', () => {
    const c = new FakeCluster(NOW);
    expect(kubectlDescribe(c, 'pod nope')).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      code: 1,
    });
    expect(kubectlDescribe(c, 'pods')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
      code: 0,
    });
    expect(kubectlDescribe(c, 'deploy/x').stderr).toBe(
      'Error from server (NotFound): deployments.apps "x" not found\n',
    );
  });
});

describe('kubectl describe: ExternalName service and deployment', () => {
  it('ExternalName: no ports, IP line left empty as Go prints it', () => {
    const c = new FakeCluster(NOW).add(
      service('numbers-api', T0, { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }),
    );
    expect(kubectlDescribe(c, 'service numbers-api').stdout).toBe(
      [
        'Name:              numbers-api',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     raw.githubusercontent.com',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('deployment: replicas line, pod template block, conditions table, NewReplicaSet', () => {
    const d = deployment('sleep-1', T0, 1);
    d.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
    d.status.conditions = [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: '',
        lastUpdateTime: iso(T0),
        lastTransitionTime: iso(T0),
      },
    ];
    const rs = replicaSet('sleep-1-8f68bd59d', T0, 'sleep-1', '8f68bd59d', 1);
    rs.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'sleep-1', uid: d.metadata.uid, controller: true },
    ];
    rs.spec.template = structuredClone(d.spec.template);
    rs.spec.template.metadata.labels = {
      ...rs.spec.template.metadata.labels,
      'pod-template-hash': '8f68bd59d',
    };
    const c = new FakeCluster(NOW).add(d, rs);
    expect(kubectlDescribe(c, 'deploy sleep-1').stdout).toBe(
      [
        'Name:                   sleep-1',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
        'Labels:                 app=sleep-1',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=sleep-1',
        'Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=sleep-1',
        '  Containers:',
        '   sleep:',
        '    Image:         kiamol/ch03-sleep',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   sleep-1-8f68bd59d (1/1 replicas created)',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
});
