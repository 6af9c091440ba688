// resource.PodRequests as the scheduler counts it, the quantity rounding, host port conflicts, and
// the matching helpers (tolerations, node selector requirements, label selectors).
import { describe, expect, it } from 'vitest';
import type { Node } from '../api/types';
import {
  requiredNodeAffinity,
  selects,
  termMatches,
  toleratesTaint,
  untoleratedTaint,
} from './scheduler-match';
import { DEFAULT_MEMORY, hostPortsOf, milli, podRequests, portsConflict, units } from './scheduler-resources';
import { SchedState } from './scheduler-state';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON.
type Any = any;

const c = (requests?: Any, extra: Any = {}) => ({
  name: 'c',
  image: 'x',
  ...(requests ? { resources: { requests } } : {}),
  ...extra,
});

describe('podRequests', () => {
  it('sums containers; an init container is a floor; sidecars add and raise later floors; overhead adds', () => {
    const spec = {
      initContainers: [
        c({ cpu: '2' }),
        c({ cpu: '100m', memory: '64Mi' }, { restartPolicy: 'Always' }),
        c({ cpu: '1900m' }),
      ],
      containers: [c({ cpu: '250m', memory: '128Mi' }), c({ cpu: '250m' })],
      overhead: { cpu: '10m' },
    };
    // containers 500m + sidecar 100m = 600m; floors: 2000m, (sidecar) 100m, 1900m + 100m = 2000m → 2000m; + 10m.
    expect(podRequests(spec, false)).toEqual({ cpu: 2010, mem: (128 + 64) * 1024 * 1024, eph: 0 });
  });

  it('non-zero: 100m / 200Mi for each container missing one; a stated 0 stays 0', () => {
    expect(podRequests({ containers: [c(), c({ cpu: '0' })] }, true)).toEqual({
      cpu: 100,
      mem: 2 * DEFAULT_MEMORY,
      eph: 0,
    });
    expect(podRequests({ containers: [c(), c({ cpu: '0' })] }, false)).toEqual({ cpu: 0, mem: 0, eph: 0 });
  });

  it('pod-level requests replace the cpu/memory aggregate', () => {
    expect(
      podRequests(
        { resources: { requests: { cpu: '3' } }, containers: [c({ cpu: '1', memory: '1Gi' })] },
        false,
      ),
    ).toEqual({ cpu: 3000, mem: 1024 ** 3, eph: 0 });
  });

  it('MilliValue and Value round up', () => {
    expect(milli('1.5m')).toBe(2);
    expect(milli('0.1')).toBe(100);
    expect(units('1.5')).toBe(2);
    expect(units('1Ki')).toBe(1024);
    expect(units('1k')).toBe(1000);
    expect(milli('junk')).toBe(0);
  });
});

describe('host ports', () => {
  it('same protocol and port conflict when either binds 0.0.0.0 or both the same IP', () => {
    expect(portsConflict(['TCP/0.0.0.0/80'], ['TCP/10.0.0.1/80'])).toBe(true);
    expect(portsConflict(['TCP/10.0.0.2/80'], ['TCP/10.0.0.1/80'])).toBe(false);
    expect(portsConflict(['UDP/0.0.0.0/80'], ['TCP/0.0.0.0/80'])).toBe(false);
    expect(portsConflict(['TCP/10.0.0.1/80'], ['TCP/10.0.0.1/80'])).toBe(true);
  });
});

const node = (labels: Record<string, string>, taints?: Any[]): Node =>
  ({ metadata: { name: 'n1', labels }, spec: { taints } }) as unknown as Node;

describe('matching', () => {
  it('ToleratesTaint: key, effect, Equal value ("" operator), Exists', () => {
    const t = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(toleratesTaint({ key: 'k', value: 'v' }, t)).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'w' }, t)).toBe(false);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, t)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, t)).toBe(true);
    expect(untoleratedTaint(node({}, [{ key: 'p', effect: 'PreferNoSchedule' }, t]), [])).toBe(t);
  });

  it('node selector requirements: Gt/Lt need one integer value; an empty term matches nothing', () => {
    const n = node({ gen: '5', os: 'linux' });
    const term = (matchExpressions: Any[]) => ({ matchExpressions });
    expect(termMatches(term([{ key: 'gen', operator: 'Gt', values: ['4'] }]), n)).toBe(true);
    expect(termMatches(term([{ key: 'gen', operator: 'Gt', values: ['4', '6'] }]), n)).toBe(false);
    expect(termMatches(term([{ key: 'os', operator: 'Lt', values: ['6'] }]), n)).toBe(false);
    expect(termMatches(term([{ key: 'zone', operator: 'DoesNotExist' }]), n)).toBe(true);
    expect(termMatches({}, n)).toBe(false);
    expect(
      termMatches({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n2'] }] }, n),
    ).toBe(true);
    expect(requiredNodeAffinity({ nodeSelector: { os: 'linux' } }, n)).toBe(true);
    expect(requiredNodeAffinity({ nodeSelector: { os: 'windows' } }, n)).toBe(false);
  });

  it('a nil label selector selects nothing, an empty one everything', () => {
    expect(selects(null, { a: '1' })).toBe(false);
    expect(selects(undefined, { a: '1' })).toBe(false);
    expect(selects({}, { a: '1' })).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' })).toBe(
      false,
    );
  });
});

describe('SchedState', () => {
  const pod = (phase: string, nodeName?: string) =>
    ({
      metadata: { uid: 'u1', namespace: 'default', name: 'p', labels: {} },
      spec: { nodeName, containers: [c({ cpu: '1' })] },
      status: { phase },
    }) as Any;

  it('observing the same Pod twice changes nothing; an ended Pod leaves its node', () => {
    const s = new SchedState();
    const p = pod('Running', 'n1');
    s.observe(p, false);
    s.observe(p, false);
    s.observe({ ...p, status: { phase: 'Running', podIP: '1' } }, false);
    expect(s.nodes.get('n1')).toMatchObject({
      pods: 1,
      req: { cpu: 1000 },
      nz: { cpu: 1000, mem: DEFAULT_MEMORY },
    });
    s.observe({ ...p, status: { phase: 'Succeeded' } }, false);
    expect(s.nodes.get('n1')).toMatchObject({ pods: 0, req: { cpu: 0 }, nz: { cpu: 0, mem: 0 } });
    s.observe(p, true);
    expect(s.byUid.size).toBe(0);
  });
});

describe('SchedState entries share the sums of one template', () => {
  // Pods entered one after another, some sharing their containers' resources and ports (a
  // template's, each container copied per Pod as stampPodSpec does) with or without the same
  // initContainers, resources and overhead: every entry holds what podRequests and hostPortsOf
  // compute for its own spec (the state keeps the last parts' answers).
  it('each entry as computed afresh', () => {
    const resources = { requests: { cpu: '250m', memory: '64Mi' } };
    const ports = [{ containerPort: 80, hostPort: 8080 }];
    const web = () => [{ name: 'web', image: 'x', resources, ports, volumeMounts: [] }];
    const inits = [c({ cpu: '2' })];
    const specs: Any[] = [
      { containers: web() },
      { containers: web() },
      { containers: web(), overhead: { cpu: '100m' } },
      { containers: web() },
      { containers: web(), resources: { requests: { cpu: '3' } } },
      { containers: web() },
      { containers: web(), initContainers: inits },
      { containers: web(), initContainers: inits },
      { containers: [{ name: 'web', image: 'x', resources: { requests: { cpu: '1' } }, ports }] },
      { containers: web() },
      { containers: [{ name: 'web', image: 'x', resources, ports: [{ containerPort: 81, hostPort: 81 }] }] },
      { containers: web() },
      { containers: [...web(), ...web()] },
      { containers: web() },
      { containers: [null] },
      { containers: [] },
      { containers: [] },
      {},
      { containers: web() },
    ];
    const s = new SchedState();
    specs.forEach((spec, i) => {
      const p = {
        metadata: { uid: `u${i}`, namespace: 'default', name: `p${i}`, labels: {} },
        spec: { ...spec, nodeName: 'n1' },
        status: { phase: 'Running' },
      } as Any;
      const e = s.observe(p, false);
      expect(e?.req).toEqual(podRequests(p.spec, false));
      expect(e?.nz).toEqual(podRequests(p.spec, true));
      expect(e?.ports).toEqual(hostPortsOf(p));
    });
  });
});
