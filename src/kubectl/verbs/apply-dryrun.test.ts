// kubectl apply --dry-run (apply.go v0.34.9): exact outputs, nothing changes on the cluster, and
// a later real apply is as if the dry run never happened.
import { describe, expect, it } from 'vitest';
import { sleep2Service } from '../../scenarios/ch03/sleep';
import { kdrive } from '../testing';
import { dry } from './dryrun.testkit';

const TYPO = sleep2Service.replace('- port: 80', '-port: 80');

describe('kubectl apply --dry-run', () => {
  it('client: created (dry run) per new object, nothing sent', () => {
    const d = dry(kdrive(), 'apply -f sleep/ --dry-run=client');
    expect(d.text()).toBe(
      'deployment.apps/sleep-1 created (dry run)\nservice/sleep-2 created (dry run)\ndeployment.apps/sleep-2 created (dry run)\n',
    );
    expect(d.exitCode()).toBe(0);
  });

  it('server: created (server dry run), nothing stored', () => {
    const d = dry(kdrive(), 'apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml --dry-run=server');
    expect(d.text()).toBe(
      'deployment.apps/sleep-2 created (server dry run)\nservice/sleep-2 created (server dry run)\n',
    );
  });

  it('existing objects: client always says configured; server computes unchanged / configured', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml').advance(10_000);
    dry(d, 'apply -f sleep/sleep2.yaml --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-2 configured (dry run)\n');
    dry(d, 'apply -f sleep/sleep2.yaml --dry-run=server');
    expect(d.text()).toBe('deployment.apps/sleep-2 unchanged (server dry run)\n');
    const file = '/home/student/ch03/sleep/sleep2.yaml';
    d.session.fs.write(file, (d.session.fs.read(file) ?? '').replace('ch03-sleep', 'ch03-sleep:v2'));
    dry(d, 'apply -f sleep/sleep2.yaml --dry-run=server');
    expect(d.text()).toBe('deployment.apps/sleep-2 configured (server dry run)\n');
  });

  it('an object kubectl create made: the missing-annotation warning on a server dry run only', () => {
    const d = kdrive().kubectl('create -f sleep/sleep2-service.yaml');
    dry(d, 'apply -f sleep/sleep2-service.yaml --dry-run=client');
    expect(d.text()).toBe('service/sleep-2 configured (dry run)\n');
    dry(d, 'apply -f sleep/sleep2-service.yaml --dry-run=server');
    expect(d.stderr()).toBe(
      'Warning: resource services/sleep-2 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(d.stdout()).toBe('service/sleep-2 configured (server dry run)\n');
  });

  it('-o yaml: client prints what would be sent, server its dry-run answer (network address as ClusterIP)', () => {
    const d = dry(kdrive(), 'apply -f sleep/sleep2-service.yaml --dry-run=client -o yaml');
    expect(d.text()).toBe(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"sleep-2","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"sleep-2"}}}
  name: sleep-2
  namespace: default
spec:
  ports:
  - port: 80
  selector:
    app: sleep-2
`);
    dry(d, 'apply -f sleep/sleep2-service.yaml --dry-run=server -o yaml');
    const uid = /\n {2}uid: ([0-9a-f-]{36})\n/.exec(d.text())?.[1];
    expect(uid).toBeDefined();
    expect(d.text()).toBe(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"sleep-2","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"sleep-2"}}}
  creationTimestamp: "2026-01-08T09:30:00Z"
  name: sleep-2
  namespace: default
  uid: ${uid}
spec:
  clusterIP: 10.96.0.0
  clusterIPs:
  - 10.96.0.0
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: sleep-2
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
`);
  });

  it('-o name prints the short name only; -o json of several objects is a List', () => {
    const d = dry(kdrive(), 'apply -f sleep/sleep2-service.yaml --dry-run=server -o name');
    expect(d.text()).toBe('service/sleep-2\n');
    dry(d, 'apply -f sleep/sleep2-service.yaml -f sleep/sleep2-service.yaml --dry-run=client -o json');
    const out = d.text();
    expect(
      out.startsWith(
        '{\n    "kind": "List",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": [\n        {\n            "apiVersion": "v1",\n',
      ),
    ).toBe(true);
    const list = JSON.parse(out) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((i) => i.metadata.name)).toEqual(['sleep-2', 'sleep-2']);
  });

  it('a later real apply gets the same names, uids and ClusterIPs as without the dry runs', () => {
    const run = (withDry: boolean) => {
      const d = kdrive({ seed: 9 });
      if (withDry) {
        d.kubectl('apply -f sleep/ --dry-run=server -o yaml');
        d.kubectl('apply -f numbers/ --dry-run=server');
        d.kubectl('apply -f sleep/ --dry-run=client');
      }
      d.kubectl('apply -f sleep/ -f numbers/').advance(30_000);
      return d.kubectl('get pods,svc -o wide').text();
    };
    const plain = run(false);
    expect(plain).toContain('sleep-2');
    expect(run(true)).toBe(plain);
  });

  it('validation errors: server dry run reports exactly what the real apply does; client never reaches the server', () => {
    const d = kdrive();
    d.session.fs.write('/home/student/ch03/typo.yaml', TYPO);
    dry(d, 'apply -f typo.yaml --dry-run=server');
    const server = { text: d.text(), code: d.exitCode() };
    expect(server.code).toBe(1);
    expect(server.text).toContain('error when creating "typo.yaml"');
    dry(d, 'apply -f typo.yaml --dry-run=client');
    expect(d.text()).toBe('service/sleep-2 created (dry run)\n');
    expect(d.exitCode()).toBe(0);
    d.kubectl('apply -f typo.yaml');
    expect({ text: d.text(), code: d.exitCode() }).toEqual(server);
  });

  it('deprecated forms warn (klog, helpers.go line); a bad value is an error before anything is read', () => {
    const d = dry(kdrive(), 'apply -f sleep/sleep2.yaml --dry-run');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      [
        'stderr',
        'W0108 09:30:00.000000    4210 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n',
      ],
      ['stdout', 'deployment.apps/sleep-2 created (dry run)\n'],
    ]);
    dry(d, 'apply -f sleep/sleep2.yaml --dry-run=true');
    expect(d.stderr()).toBe(
      'W0108 09:30:00.000000    4210 helpers.go:745] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n',
    );
    dry(d, 'apply -f nope.yaml --dry-run=maybe');
    expect(d.text()).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('apply -f sleep/sleep2.yaml --dry-run=false');
    expect(d.stderr()).toBe(
      'W0108 09:30:00.000000    4210 helpers.go:748] --dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n',
    );
    expect(d.stdout()).toBe('deployment.apps/sleep-2 created\n');
    expect(d.cluster.get('Deployment', 'default', 'sleep-2')).toBeDefined();
  });
});
