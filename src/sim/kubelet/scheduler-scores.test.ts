// The default profile's Score plugins, each against numbers worked out by hand from the 1.34
// formulas (integer division truncates), then selectHost's tie-break and the placements they make
// on the kind profile.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import { createRng } from '../runtime/rng';
import { drive } from '../testing/driver';
import { type Env, preFilter } from './scheduler-filters';
import {
  balanced,
  imageLocality,
  interPodAffinity,
  leastAllocated,
  nodeAffinityScores,
  scoreNodes,
  selectHost,
  taintScores,
  topologySpread,
} from './scheduler-scores';
import { SchedState } from './scheduler-state';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON.
type Any = any;

const ALLOC = { cpu: '8', memory: '7922388Ki', 'ephemeral-storage': '972991057538', pods: '110' };

function node(name: string, labels: Record<string, string> = {}, spec: Any = {}, status: Any = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: { podCIDR: '', podCIDRs: [], ...spec },
    status: { addresses: [], conditions: [], nodeInfo: {}, allocatable: ALLOC, ...status },
  } as unknown as Node;
}

let uid = 0;
function pod(name: string, spec: Any = {}, labels: Record<string, string> = {}, ns = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `u${uid++}`, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    status: { phase: 'Running' },
  } as unknown as Pod;
}

function env(nodes: Node[], bound: Pod[] = []): Env {
  const state = new SchedState();
  for (const p of bound) state.observe(p, false);
  return { state, nodes, nsLabels: () => ({}), namespaces: () => [] };
}

const cpu = (c: string) => ({
  containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: c } } }],
});

describe('TaintToleration score', () => {
  it('counts untolerated PreferNoSchedule taints, reversed: fewer is better', () => {
    const nodes = [
      node('a', {}, { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }),
      node('b'),
      node(
        'c',
        {},
        {
          taints: [
            { key: 'x', effect: 'PreferNoSchedule' },
            { key: 'y', effect: 'PreferNoSchedule' },
          ],
        },
      ),
    ];
    const e = env(nodes);
    expect(taintScores(preFilter(pod('p'), e), nodes)).toEqual([50, 100, 0]);
    // A toleration without an effect counts for PreferNoSchedule too.
    expect(
      taintScores(preFilter(pod('p', { tolerations: [{ key: 'y', operator: 'Exists' }] }), e), nodes),
    ).toEqual([0, 100, 0]);
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of the matching preferred terms, normalized to the best', () => {
    const nodes = [node('a', { a: '1' }), node('b', { b: '' }), node('c', { a: '1', b: '' })];
    const p = pod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] } },
            { weight: 30, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } },
          ],
        },
      },
    });
    expect(nodeAffinityScores(preFilter(p, env(nodes)), nodes)).toEqual([25, 75, 100]);
    expect(nodeAffinityScores(preFilter(pod('q'), env(nodes)), nodes)).toBeUndefined();
  });
});

describe('NodeResourcesFit LeastAllocated and BalancedAllocation', () => {
  it('counts 100m / 200Mi for a container without requests', () => {
    const nodes = [node('a'), node('b')];
    const busy = pod('busy', { nodeName: 'b', ...cpu('4') });
    const e = env(nodes, [busy]);
    // a: cpu (8000-100)*100/8000 = 98, memory (8112525312-209715200)*100/8112525312 = 97 → 97.
    // b: cpu (8000-4100)*100/8000 = 48; memory counts the busy Pod's missing request as 200Mi
    // too: (8112525312-419430400)*100/8112525312 = 94 → (48+94)/2 = 71.
    expect(leastAllocated(preFilter(pod('p'), e), nodes, e)).toEqual([97, 71]);
  });

  it('balanced: 1 - |cpu fraction - memory fraction| / 2 of the actual requests; skipped for best-effort', () => {
    const nodes = [node('a'), node('b')];
    const e = env(nodes, [
      pod('m', {
        nodeName: 'b',
        containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '4Gi' } } }],
      }),
    ]);
    // a: cpu 1000/8000 = .125, memory 0 → 1 - .0625 → 93.
    // b: memory 4294967296/8112525312 = .5294 → |.125 - .5294| / 2 = .2022 → 79.
    expect(balanced(preFilter(pod('p', cpu('1')), e), nodes, e)).toEqual([93, 79]);
    expect(balanced(preFilter(pod('p'), e), nodes, e)).toBeUndefined();
  });
});

describe('PodTopologySpread score (system defaults)', () => {
  it('hostname spreading with DefaultSelector: the node with fewer matching Pods scores higher', () => {
    const nodes = [node('w1'), node('w2')];
    const web = (n: string, at: string) => pod(n, { nodeName: at }, { app: 'web' });
    const e = env(nodes, [web('x', 'w1'), web('y', 'w1'), pod('other', { nodeName: 'w2' }, { app: 'db' })]);
    // hostname weight ln(2+2); w1: 2*1.386 + 2 = 4.77 → 5, w2: 0 + 2 = 2; 100*(5+2-s)/5.
    const scores = topologySpread(preFilter(pod('p', {}, { app: 'web' }), e), nodes, e, {
      matchLabels: { app: 'web' },
    });
    expect(scores).toEqual([40, 100]);
    expect(topologySpread(preFilter(pod('p'), e), nodes, e, undefined)).toBeUndefined();
  });
});

describe('InterPodAffinity score', () => {
  it("preferred anti-affinity to CoreDNS's own label steers away from the node that has one", () => {
    const nodes = [node('w1'), node('w2')];
    const anti = {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                labelSelector: {
                  matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                },
                topologyKey: 'kubernetes.io/hostname',
              },
            },
          ],
        },
      },
    };
    const e = env(nodes, [pod('dns-1', { nodeName: 'w1', ...anti }, { 'k8s-app': 'kube-dns' })]);
    expect(interPodAffinity(preFilter(pod('dns-2', anti, { 'k8s-app': 'kube-dns' }), e), nodes, e)).toEqual([
      0, 100,
    ]);
    // An unrelated Pod matches no term either way: the plugin has nothing to score (Skip).
    expect(interPodAffinity(preFilter(pod('plain'), e), nodes, e)).toBeUndefined();
  });
});

describe('ImageLocality', () => {
  it('scores the image size already on the node, scaled by how many nodes have it', () => {
    const img = { images: [{ names: ['docker.io/library/big:1'], sizeBytes: 500 * 1024 * 1024 }] };
    const nodes = [node('a', {}, {}, img), node('b')];
    const e = env(nodes);
    const p = pod('p', { containers: [{ name: 'c', image: 'docker.io/library/big:1' }] });
    // 500Mi * 1/2 = 250Mi; 100 * (250Mi - 23Mi) / (1000Mi - 23Mi) = 23.
    expect(imageLocality(preFilter(p, e), nodes, e)).toEqual([23, 0]);
  });
});

describe('selectHost', () => {
  it('the highest total; ties uniformly at random, the same for the same seed', () => {
    const scores = [5, 7, 7, 3, 7];
    const pick = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 3000 }, () => selectHost(scores, rng));
    };
    const a = pick(11);
    expect(pick(11)).toEqual(a);
    for (const i of [1, 2, 4]) {
      const share = a.filter((x) => x === i).length / a.length;
      expect(share).toBeGreaterThan(0.28);
      expect(share).toBeLessThan(0.39);
    }
    expect(a.every((i) => [1, 2, 4].includes(i))).toBe(true);
    expect(selectHost([1, 9, 2], createRng(1))).toBe(1);
  });

  it('scoreNodes weighs TaintToleration x3 and LeastAllocated x1 (empty nodes tie)', () => {
    const nodes = [node('a'), node('b', {}, { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] })];
    const e = env(nodes);
    // a: taint 100*3 + fit 97 = 397; b: 0 + 97 = 97.
    expect(scoreNodes(preFilter(pod('p'), e), nodes, e, undefined)).toEqual([397, 97]);
  });
});

describe('placement on kind', () => {
  const deployYaml = (replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx }]
`;
  const placement = (seed: number) => {
    const d = drive({ seed, profile: 'kind' }).applyOk(deployYaml(6)).advance(5000);
    return (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).map(
      (p) => `${p.metadata.name}@${p.spec.nodeName}`,
    );
  };

  it("a Deployment's replicas spread evenly over the workers (default spreading), never on the control plane", () => {
    const pods = placement(5);
    const on = (n: string) => pods.filter((p) => p.endsWith(`@${n}`)).length;
    expect(on('kind-worker')).toBe(3);
    expect(on('kind-worker2')).toBe(3);
    expect(on('kind-control-plane')).toBe(0);
  });

  it('the same seed gives the same placement', () => {
    expect(placement(9)).toEqual(placement(9));
  });
});
