// status.qosClass as the 1.34 API server computes it at create (./qos), and what kubectl shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import { computePodQOS, quantityNano } from './qos';

// biome-ignore lint/suspicious/noExplicitAny: specs written loosely, as decoded JSON.
type Any = any;

const ctr = (resources?: Any) => ({ name: 'c', image: 'nginx', ...(resources ? { resources } : {}) });
const spec = (containers: Any[], extra: Any = {}) => ({ containers, ...extra });
const both = (cpu: string, memory: string) => ({ cpu, memory });

describe('quantityNano', () => {
  it('reads every suffix form by value', () => {
    expect(quantityNano('1')).toBe(1_000_000_000n);
    expect(quantityNano('100m')).toBe(100_000_000n);
    expect(quantityNano('0.1')).toBe(100_000_000n);
    expect(quantityNano('1Gi')).toBe(quantityNano('1024Mi'));
    expect(quantityNano('1Gi')).toBe(1073741824n * 1_000_000_000n);
    expect(quantityNano('1.5Ki')).toBe(1536n * 1_000_000_000n);
    expect(quantityNano('128974848')).toBe((quantityNano('129e6') as bigint) - 25152n * 1_000_000_000n);
    expect(quantityNano('1k')).toBe(quantityNano('1e3'));
    expect(quantityNano('1E3')).toBe(quantityNano('1000'));
    expect(quantityNano('12n')).toBe(12n);
    expect(quantityNano('5u')).toBe(5000n);
    expect(quantityNano('-1')).toBe(-1_000_000_000n);
    expect(quantityNano(2)).toBe(2_000_000_000n); // a YAML number
    expect(quantityNano(0.5)).toBe(500_000_000n);
  });

  it('rounds a value finer than a nano up to 1n, as ParseQuantity does', () => {
    expect(quantityNano('0.1n')).toBe(1n);
    expect(quantityNano('1e-12')).toBe(1n);
    expect(quantityNano('0e-12')).toBe(0n);
  });

  it('refuses what is not a quantity', () => {
    for (const bad of ['', 'abc', '1K', '1 Gi', '1Gb', '.', '+', 'm', '1ki', null, true, {}])
      expect(quantityNano(bad), String(bad)).toBeUndefined();
  });

  it('the same value however it is spelt (fast-check, seed pinned)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(quantityNano(`${n}m`)).toBe(quantityNano(`${n / 1000}`));
        expect(quantityNano(`${n}Ki`)).toBe(quantityNano(`${n * 1024}`));
        expect(quantityNano(`${n}k`)).toBe(quantityNano(`${n}e3`));
      }),
      { seed: 34, numRuns: 200 },
    );
  });
});

describe('computePodQOS (1.34 ComputePodQOS)', () => {
  it('BestEffort without any cpu or memory request or limit', () => {
    expect(computePodQOS(spec([ctr()]))).toBe('BestEffort');
    expect(computePodQOS(spec([ctr({})]))).toBe('BestEffort');
    // Only cpu and memory count, and only above zero.
    expect(
      computePodQOS(spec([ctr({ limits: { 'ephemeral-storage': '1Gi', 'hugepages-2Mi': '2Mi' } })])),
    ).toBe('BestEffort');
    expect(computePodQOS(spec([ctr({ requests: { cpu: '0', memory: '0Mi' } })]))).toBe('BestEffort');
  });

  it('Guaranteed when every container has cpu and memory limits equal to its requests', () => {
    expect(computePodQOS(spec([ctr({ limits: both('1', '1Gi'), requests: both('1000m', '1024Mi') })]))).toBe(
      'Guaranteed',
    );
    const g = ctr({ limits: both('100m', '50Mi'), requests: both('100m', '50Mi') });
    expect(computePodQOS(spec([g, g], { initContainers: [g] }))).toBe('Guaranteed');
    // Hugepages beside them do not spoil it.
    expect(
      computePodQOS(
        spec([ctr({ limits: { ...both('1', '1Gi'), 'hugepages-2Mi': '2Mi' }, requests: both('1', '1Gi') })]),
      ),
    ).toBe('Guaranteed');
  });

  it('Burstable otherwise', () => {
    // CoreDNS: requests cpu and memory, a memory limit only.
    expect(
      computePodQOS(spec([ctr({ limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } })])),
    ).toBe('Burstable');
    expect(computePodQOS(spec([ctr({ requests: { cpu: '250m' } })]))).toBe('Burstable');
    // Limits without their requests: requests are defaulted from limits on a Pod before this runs;
    // a spec that skipped that is not Guaranteed (no requests to match).
    expect(computePodQOS(spec([ctr({ limits: both('1', '1Gi') })]))).toBe('Burstable');
    // One Guaranteed container beside a BestEffort one.
    const g = ctr({ limits: both('1', '1Gi'), requests: both('1', '1Gi') });
    expect(computePodQOS(spec([g, ctr()]))).toBe('Burstable');
    // An init container counts like the others.
    expect(computePodQOS(spec([g], { initContainers: [ctr({ requests: { memory: '1Mi' } })] }))).toBe(
      'Burstable',
    );
    // A cpu limit of 0 is no limit.
    expect(computePodQOS(spec([ctr({ limits: both('0', '1Gi'), requests: { memory: '1Gi' } })]))).toBe(
      'Burstable',
    );
  });

  it('with pod-level resources (PodLevelResources, on in 1.34) spec.resources alone decides', () => {
    const bestEffortCtrs = [ctr(), ctr()];
    expect(
      computePodQOS(
        spec(bestEffortCtrs, { resources: { limits: both('1', '1Gi'), requests: both('1', '1Gi') } }),
      ),
    ).toBe('Guaranteed');
    expect(computePodQOS(spec(bestEffortCtrs, { resources: { requests: { cpu: '1' } } }))).toBe('Burstable');
    expect(
      computePodQOS(
        spec(bestEffortCtrs, { resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } } }),
      ),
    ).toBe('Burstable');
    // 1.34 asks only for a non-nil spec.resources: an empty one hides the containers' resources.
    const g = ctr({ limits: both('1', '1Gi'), requests: both('1', '1Gi') });
    expect(computePodQOS(spec([g], { resources: {} }))).toBe('BestEffort');
    expect(computePodQOS(spec([g], { resources: null }))).toBe('Guaranteed');
  });
});

const POD = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: web
    image: nginx:1.27
${resources}`;

describe('status.qosClass through kubectl', () => {
  const cases: [string, string, string][] = [
    ['best', '', 'BestEffort'],
    ['burst', '    resources:\n      requests:\n        cpu: 250m\n', 'Burstable'],
    // Requests defaulted from the limits (SetDefaults_Pod) before the class is computed.
    ['guar', '    resources:\n      limits:\n        cpu: 500m\n        memory: 128Mi\n', 'Guaranteed'],
  ];
  for (const [name, resources, qos] of cases)
    it(`${qos}: describe's QoS Class line and -o yaml's status.qosClass`, () => {
      const d = kdrive({ seed: 1 });
      d.applyOk(POD(name, resources));
      // Written by the API server at create, before the scheduler or kubelet saw the Pod.
      const created = d.lastApply[0]?.result;
      expect(created?.ok && (created.object as Pod).status).toEqual({ phase: 'Pending', qosClass: qos });
      d.advance(20_000);
      const lines = d.kubectl(`describe pod ${name}`).stdout().split('\n');
      // The value column is aligned with the rest of the block (the Volumes lines widen it).
      const qosLines = lines.filter((l) => l.startsWith('QoS Class:'));
      expect(qosLines).toHaveLength(1);
      expect(qosLines[0]).toMatch(new RegExp(`^QoS Class: +${qos}$`));
      const yaml = d.kubectl(`get pod ${name} -o yaml`).stdout().split('\n');
      expect(yaml.filter((l) => l.includes('qosClass'))).toEqual([`  qosClass: ${qos}`]);
      // The kubelet's status writes keep it.
      expect((d.get('Pod', name) as Pod).status.phase).toBe('Running');
      expect(d.kubectl(`get pod ${name} -o jsonpath={.status.qosClass}`).stdout()).toBe(qos);
    });

  it('does not change when the Pod is updated (PrepareForUpdate keeps the stored status)', () => {
    const d = kdrive({ seed: 1 });
    d.applyOk(POD('burst', '    resources:\n      requests:\n        cpu: 250m\n')).advance(10_000);
    expect(d.kubectl('label pod burst tier=web').exitCode()).toBe(0);
    expect(d.kubectl('get pod burst -o jsonpath={.status.qosClass}').stdout()).toBe('Burstable');
  });

  it('a Deployment’s Pods get the class of its template', () => {
    const d = kdrive({ seed: 1 });
    d.applyOk(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          limits: {cpu: "1", memory: 1Gi}
          requests: {cpu: 1000m, memory: 1024Mi}
`).advance(20_000);
    const pods = d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=web' }) as Pod[];
    expect(pods.map((p) => p.status.qosClass)).toEqual(['Guaranteed', 'Guaranteed']);
  });

  it('CoreDNS comes out Burstable, as on a real cluster', () => {
    for (const profile of ['docker-desktop', 'kind', 'k3s'] as const) {
      const d = kdrive({ seed: 1, profile });
      const out = d.kubectl('describe pod -n kube-system -l k8s-app=kube-dns').stdout();
      const qos = out.split('\n').filter((l) => l.startsWith('QoS Class:'));
      expect(qos.length, profile).toBe(profile === 'k3s' ? 1 : 2);
      for (const l of qos) expect(l, profile).toMatch(/^QoS Class: +Burstable$/);
    }
  });
});
