import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod, Service } from '../api/types';
import { getProfile } from '../profiles';
import { NetState } from './state';
import { FakeApi, pod } from './test-helpers';

function setup() {
  const api = new FakeApi();
  const state = new NetState(getProfile(), api);
  api.listeners.push((ev) => state.apply(ev));
  return { api, state };
}

describe('NetState Pods (read from the store, IP owners from the events)', () => {
  it('answers with the stored Pod, also right after the Pod is written again', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.5' }));
    api.create(pod('b', { ip: '10.1.0.6' }));
    const a = state.pods.get('default/a');
    expect(a).toBe(api.get('Pod', 'default', 'a'));
    expect(state.pods.get('default/b')).toBe(api.get('Pod', 'default', 'b'));
    expect(state.pods.get('default/a')).toBe(a); // kept answer
    api.update({ ...(a as Pod), spec: { ...(a as Pod).spec, dnsPolicy: 'Default' } } as Pod);
    expect(state.pods.get('default/a')).toBe(api.get('Pod', 'default', 'a'));
    expect(state.pods.get('default/a')?.spec.dnsPolicy).toBe('Default');
    api.delete('Pod', 'default', 'a');
    expect(state.pods.has('default/a')).toBe(false);
    expect(state.pods.get('default/b')).toBe(api.get('Pod', 'default', 'b'));
  });

  it('moves IP ownership on IP changes, terminal phases and deletion, remembering a deleted owner', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.5' }));
    expect(state.podByIP.get('10.1.0.5')?.key).toBe('default/a');
    const a = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a, status: { ...a.status, podIP: '10.1.0.7' } });
    expect([...state.podByIP]).toEqual([['10.1.0.7', { key: 'default/a', ns: 'default', name: 'a' }]]);
    const moved = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...moved, status: { ...moved.status, phase: 'Succeeded' } });
    expect(state.podByIP.size).toBe(0); // a terminal Pod's IP is released
    api.create(pod('b', { ip: '10.1.0.7' }));
    expect(state.podByIP.get('10.1.0.7')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'a'); // its old IP is b's now: b keeps it
    expect(state.podByIP.get('10.1.0.7')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'b');
    expect(state.podByIP.size).toBe(0);
    expect(state.formerPodIP.get('10.1.0.7')).toBe('default/b');
    api.create(pod('c', { ip: '10.1.0.7' }));
    expect(state.formerPodIP.has('10.1.0.7')).toBe(false);
  });

  // Updates that keep an owned IP skip the podByIP lookup only while no IP has changed hands
  // between two owning Pods; once one has, the last Pod written that owns the IP holds it, as
  // before the shortcut.
  it('gives a shared IP to the Pod written last, also when that write keeps the IP', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.9' }));
    const a = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/a');
    api.create(pod('b', { ip: '10.1.0.9' })); // status written by hand: the IPAM never does this
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
    const a2 = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a2, metadata: { ...a2.metadata, labels: { x: '2' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/a');
    const b = api.get('Pod', 'default', 'b') as Pod;
    api.update({ ...b, metadata: { ...b.metadata, labels: { x: '3' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'a'); // not the owner: b keeps it
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
  });
});

// Service writes wait in NetState until something reads the Service maps or models (a trace, a
// DNS query, iptables-save). Against a NetState read after every event (which applies each write
// as it comes), random sequences of Service and EndpointSlice writes over a few names, with shared
// cluster IPs, node ports, load-balancer addresses and Pod IPs (so keys are claimed twice and
// names carry records of several Services), must read the same at every read and at the end.
describe('NetState Service writes applied on read', () => {
  const names = ['a', 'b', 'c'];
  const ips = ['10.96.0.10', '10.96.0.11'];
  const podIPs = ['10.1.0.5', '10.1.0.6'];
  const service = fc.record({
    name: fc.constantFrom(...names),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'),
    ip: fc.constantFrom(...ips),
    port: fc.constantFrom(80, 443),
    portName: fc.constantFrom('', 'http'),
    nodePort: fc.constantFrom(30080, 30081),
    ingress: fc.constantFrom('none', '172.18.0.2', 'localhost'),
  });
  const slice = fc.record({
    svc: fc.constantFrom(...names),
    name: fc.constantFrom('s1', 's2'),
    ips: fc.subarray(podIPs),
    ready: fc.boolean(),
    hostname: fc.constantFrom(undefined, 'web-0'),
  });
  const op = fc.oneof(
    service.map((s) => ({ op: 'service' as const, s })),
    fc.constantFrom(...names).map((name) => ({ op: 'deleteService' as const, name })),
    slice.map((s) => ({ op: 'slice' as const, s })),
    fc.constantFrom('s1', 's2').map((name) => ({ op: 'deleteSlice' as const, name })),
    fc.constant({ op: 'read' as const }),
  );

  const svcObject = (s: {
    name: string;
    type: string;
    ip: string;
    port: number;
    portName: string;
    nodePort: number;
    ingress: string;
  }): Service => {
    const headless = s.type === 'Headless';
    const type = headless ? 'ClusterIP' : s.type;
    const port: Record<string, unknown> = { port: s.port, protocol: 'TCP', targetPort: s.port };
    if (s.portName) port.name = s.portName;
    if (type === 'NodePort' || type === 'LoadBalancer') port.nodePort = s.nodePort;
    const spec: Record<string, unknown> = { type, ports: [port], selector: { app: s.name } };
    if (type === 'ExternalName') spec.externalName = `${s.name}.example.com`;
    else spec.clusterIP = headless ? 'None' : s.ip;
    const ingress =
      s.ingress === 'none' ? [] : [s.ingress === 'localhost' ? { hostname: 'localhost' } : { ip: s.ingress }];
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, namespace: 'default' },
      spec,
      status: { loadBalancer: { ingress } },
    } as unknown as Service;
  };

  const sliceObject = (s: {
    svc: string;
    name: string;
    ips: string[];
    ready: boolean;
    hostname?: string | undefined;
  }) =>
    ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: s.name, namespace: 'default', labels: { 'kubernetes.io/service-name': s.svc } },
      addressType: 'IPv4',
      endpoints: s.ips.map((ip) => ({
        addresses: [ip],
        conditions: { ready: s.ready },
        ...(s.hostname ? { hostname: s.hostname } : {}),
      })),
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { name: '', port: 8080, protocol: 'TCP' },
      ],
    }) as unknown as K8sObject;

  /** Everything a reader sees, in iteration order. */
  const snapshot = (s: NetState) => ({
    clusterIP: [...s.svcByClusterIP],
    nodePort: [...s.svcByNodePort],
    lb: [...s.svcByLBAddr],
    localhost: [...s.svcByLocalhostPort],
    dns: [...s.dnsByName],
    models: [...s.models.values()].map((m) => ({
      key: m.key,
      mode: m.mode,
      clusterIP: m.clusterIP,
      dns: m.dns,
      ports: m.ports.map((p) => [
        p.spn,
        p.nodePort,
        p.endpoints.map((e) => `${e.ip}:${e.port}`),
        p.usable.length,
      ]),
      nat: m.nat.map((r) => r.text),
    })),
    keys: names.map((n) => s.models.get(`default/${n}`)?.svc.spec),
  });

  it('reads the same as applying each write at once', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const api = new FakeApi();
        const eager = new NetState(getProfile(), api);
        const lazy = new NetState(getProfile(), api);
        api.listeners.push((ev) => {
          eager.apply(ev);
          snapshot(eager); // every read applies what waits
          lazy.apply(ev);
        });
        for (const o of ops) {
          if (o.op === 'service') {
            const obj = svcObject(o.s);
            if (api.get('Service', 'default', o.s.name)) api.update(obj);
            else api.create(obj);
          } else if (o.op === 'deleteService') api.delete('Service', 'default', o.name);
          else if (o.op === 'slice') {
            const obj = sliceObject(o.s);
            if (api.get('EndpointSlice', 'default', o.s.name)) api.update(obj);
            else api.create(obj);
          } else if (o.op === 'deleteSlice') api.delete('EndpointSlice', 'default', o.name);
          else expect(snapshot(lazy)).toEqual(snapshot(eager));
        }
        expect(snapshot(lazy)).toEqual(snapshot(eager));
      }),
      { seed: 20261126, numRuns: 400 },
    );
  });
});
