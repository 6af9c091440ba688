// The registry allocates a Service's IPs and ports before validation runs (1.34 storage.go
// beginCreate / beginUpdate, alloc.go allocateCreate / allocateUpdate): an allocation failure
// answers alone, with its first error only; what a failed write took goes back. The exact texts are
// what kubectl prints (src/kubectl/errors.ts) or the API status the server answers.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../kubectl/errors';
import { kdrive } from '../../kubectl/testing';
import { createCluster } from '../cluster';
import type { ApiResult, ApplyOutcome, Cluster } from '../contract';

// biome-ignore lint/suspicious/noExplicitAny: loosely typed specs.
type Any = any;

const svc = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
});
const printed = (out: ApplyOutcome | undefined): string =>
  !out || out.result.ok ? '' : formatError(out.result.error);
const applyOne = (c: Cluster, doc: unknown) => printed(c.apply([doc], { source: 'f.yaml' })[0]);
const spec = (c: Cluster, name: string): Any => c.get('Service', 'default', name)?.spec;
const ports = (c: Cluster) => (c as Any).internals.api.allocators.ports;
const RANGE = 'provided port is not in the valid range. The range of valid ports is 30000-32767';

describe('Service create: allocation before validation', () => {
  it('an out-of-range nodePort answers alone: the invalid port name is not reported', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc('x', { type: 'NodePort', ports: [{ name: 'Web', port: 80, nodePort: 80 }] });
    expect(applyOne(c, doc)).toBe(
      `The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: ${RANGE}`,
    );
  });

  it('the allocator stops at its first error', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc('x', {
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80, nodePort: 80 },
        { name: 'b', port: 81, nodePort: 81 },
      ],
    });
    expect(applyOne(c, doc)).toBe(
      `The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: ${RANGE}`,
    );
  });

  it('a cluster IP in use answers alone (kube-dns holds 10.96.0.10)', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc('x', { clusterIP: '10.96.0.10', ports: [{ name: 'Web', port: 80 }] });
    expect(applyOne(c, doc)).toBe(
      'The Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('the nodePort a later port of the same number requests is taken by the first, and its error names the first', () => {
    // initNodePorts: findRequestedNodePort scans the whole list for the port number.
    const c = createCluster({ seed: 1 });
    const doc = svc('x', {
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80 },
        { name: 'b', port: 80, protocol: 'UDP', nodePort: 99999 },
      ],
    });
    expect(applyOne(c, doc)).toBe(
      `The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 99999: ${RANGE}`,
    );
  });

  it('TCP and UDP of one port number share one nodePort, requested or allocated', () => {
    const c = createCluster({ seed: 1 });
    const dns = (name: string, nodePort?: number) =>
      svc(name, {
        type: 'NodePort',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', ...(nodePort ? { nodePort } : {}) },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) },
        ],
      });
    expect(applyOne(c, dns('a', 30053))).toBe('');
    expect(spec(c, 'a').ports.map((p: Any) => p.nodePort)).toEqual([30053, 30053]);
    expect(applyOne(c, dns('b'))).toBe('');
    const [u, t] = spec(c, 'b').ports.map((p: Any) => p.nodePort);
    expect(u).toBe(t);
    expect(u).toBeGreaterThanOrEqual(30086);
  });

  it('one nodePort for two port numbers: already allocated at the second (1.32 transcript, kubernetes#135439)', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc('multi-port-svc', {
      type: 'NodePort',
      selector: { app: 'multi-port-app' },
      ports: [
        { name: 'http-tcp', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30400 },
        { name: 'dns-udp', protocol: 'UDP', port: 53, targetPort: 5353, nodePort: 30400 },
      ],
    });
    expect(applyOne(c, doc)).toBe(
      'The Service "multi-port-svc" is invalid: spec.ports[1].nodePort: Invalid value: 30400: provided port is already allocated',
    );
    expect(ports(c).has(30400)).toBe(false);
  });

  it('kubectl create twice with a fixed nodePort: the port is already allocated, not AlreadyExists', () => {
    // Real transcript (redpanda-data/redpanda#3263): `kubectl create -f nodeport.yaml` of an
    // existing Service prints `The Service "my-service" is invalid: spec.ports[0].nodePort:
    // Invalid value: 30007: provided port is already allocated`.
    const d = kdrive();
    const yaml = (np: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: MyApp\n  ports:\n  - port: 80\n    targetPort: 9376${np}\n`;
    d.session.fs.write('/home/student/np.yaml', yaml('\n    nodePort: 30007'));
    d.session.fs.write('/home/student/auto.yaml', yaml('').replace('my-service', 'auto'));
    d.kubectl('create -f /home/student/np.yaml');
    expect(d.text()).toBe('service/my-service created\n');
    d.kubectl('create -f /home/student/np.yaml');
    expect(d.text()).toBe(
      'The Service "my-service" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated\n',
    );
    // Without a requested port the allocation succeeds, the storage finds the name taken, and
    // what was allocated goes back.
    d.kubectl('create -f /home/student/auto.yaml');
    const held = new Set(
      d.cluster.list('Service').flatMap((s: Any) => s.spec.ports.map((p: Any) => p.nodePort)),
    );
    d.kubectl('create -f /home/student/auto.yaml');
    expect(d.text()).toBe(
      'Error from server (AlreadyExists): error when creating "/home/student/auto.yaml": services "auto" already exists\n',
    );
    const a = ports(d.cluster);
    for (let p = 30000; p <= 32767; p++) expect(a.has(p)).toBe(held.has(p));
  });

  it('a write that fails validation gives back what it took', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc('x', { type: 'NodePort', ports: [{ name: 'Web', port: 80, nodePort: 30080 }] });
    expect(applyOne(c, doc)).toContain('spec.ports[0].name: Invalid value: "Web"');
    expect(ports(c).has(30080)).toBe(false);
  });

  it('a LoadBalancer without node ports still reserves a nodePort it asks for', () => {
    const c = createCluster({ seed: 1 });
    const lb = svc('lb', {
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: false,
      ports: [
        { name: 'a', port: 80, nodePort: 30090 },
        { name: 'b', port: 81 },
      ],
    });
    expect(applyOne(c, lb)).toBe('');
    expect(spec(c, 'lb').ports.map((p: Any) => p.nodePort)).toEqual([30090, undefined]);
    expect(applyOne(c, svc('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30090 }] }))).toBe(
      'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 30090: provided port is already allocated',
    );
  });

  it('a headless Service without a selector is RequireDualStack with both families (initIPFamilyFields)', () => {
    const c = createCluster({ seed: 1 });
    expect(applyOne(c, svc('h', { clusterIP: 'None', ports: [{ port: 80 }] }))).toBe('');
    expect(spec(c, 'h')).toMatchObject({
      clusterIP: 'None',
      clusterIPs: ['None'],
      ipFamilyPolicy: 'RequireDualStack',
      ipFamilies: ['IPv4', 'IPv6'],
    });
    const sel = { clusterIP: 'None', selector: { app: 'h' }, ports: [{ port: 80 }] };
    expect(applyOne(c, svc('h2', sel))).toBe('');
    expect(spec(c, 'h2')).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    // Families named by the client: the other one is added after them.
    expect(applyOne(c, svc('h3', { clusterIP: 'None', ipFamilies: ['IPv6'], ports: [{ port: 80 }] }))).toBe(
      '',
    );
    expect(spec(c, 'h3').ipFamilies).toEqual(['IPv6', 'IPv4']);
  });
});

describe('Service update: allocateUpdate before validation', () => {
  const np = (name: string, p: Record<string, unknown>[]) => svc(name, { type: 'NodePort', ports: p });

  it('the same protocol and nodePort twice is the registry plain error, a 500 without a reason', () => {
    const c = createCluster({ seed: 1 });
    expect(c.create(np('x', [{ name: 'a', port: 80, nodePort: 30080 }])).ok).toBe(true);
    const cur: Any = c.get('Service', 'default', 'x');
    const next = {
      ...cur,
      spec: {
        ...cur.spec,
        ports: [
          { name: 'a', port: 80, protocol: 'TCP', nodePort: 30080 },
          { name: 'b', port: 81, protocol: 'TCP', nodePort: 30080 },
        ],
      },
    };
    const r: ApiResult = c.update(next);
    expect(r.ok ? undefined : r.error).toEqual({
      code: 500,
      reason: 'Unknown',
      message: 'duplicate nodePort: {TCP 30080}',
    });
  });

  it('one nodePort for TCP 80 and UDP 53 is refused on create but taken on update (kubernetes#135439)', () => {
    const c = createCluster({ seed: 1 });
    const one = [{ name: 'http-tcp', protocol: 'TCP', port: 80, nodePort: 30400 }];
    expect(applyOne(c, np('m', one))).toBe('');
    const two = [...one, { name: 'dns-udp', protocol: 'UDP', port: 53, nodePort: 30400 }];
    expect(applyOne(c, np('m', two))).toBe('');
    expect(spec(c, 'm').ports.map((p: Any) => p.nodePort)).toEqual([30400, 30400]);
  });

  it('a port left without its nodePort keeps the one its name had (patchAllocatedValues)', () => {
    // A replace (PUT) of the whole object, as `kubectl replace` sends it: the port number changed,
    // the name did not.
    const c = createCluster({ seed: 1 });
    expect(applyOne(c, np('w', [{ name: 'http', port: 80 }]))).toBe('');
    const cur: Any = c.get('Service', 'default', 'w');
    const before = cur.spec.ports[0].nodePort;
    const r = c.update({ ...cur, spec: { ...cur.spec, ports: [{ name: 'http', port: 8080 }] } });
    expect(r.ok).toBe(true);
    expect(spec(c, 'w').ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080, nodePort: before },
    ]);
    expect(ports(c).has(before)).toBe(true);
  });

  it('an out-of-range nodePort answers alone on update too', () => {
    const c = createCluster({ seed: 1 });
    expect(applyOne(c, np('u', [{ port: 80 }]))).toBe('');
    const doc = {
      ...np('u', [{ port: 80, nodePort: 32768 }]),
      metadata: { name: 'u', labels: { 'a b': 'c' } },
    };
    expect(applyOne(c, doc)).toBe(
      `The Service "u" is invalid: spec.ports[0].nodePort: Invalid value: 32768: ${RANGE}`,
    );
  });
});
