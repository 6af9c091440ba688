// Property (fast-check, seed pinned): on the kind profile, with random node labels/taints and a
// random batch of Pods (node selectors, tolerations, cpu requests, host ports, anti-affinity), the
// scheduler's placement is the same on every run with the same seed, and no bound Pod violates a
// filter: untolerated NoSchedule taints, the node selector, cpu against allocatable, host ports,
// required anti-affinity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject, Node, Pod } from '../api/types';
import { CLUSTER_START_MS } from '../runtime/clock';
import { drive } from '../testing/driver';
import { untoleratedTaint } from './scheduler-match';
import { milli } from './scheduler-resources';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON.
type Any = any;

const podArb = fc.record({
  selector: fc.constantFrom(undefined, { disktype: 'ssd' }, { 'kubernetes.io/hostname': 'kind-worker' }),
  tolerateAll: fc.boolean(),
  cpu: fc.constantFrom(undefined, '500m', '3', '7'),
  hostPort: fc.boolean(),
  anti: fc.boolean(),
});

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  ssd: fc.boolean(),
  taintWorker: fc.boolean(),
  pods: fc.array(podArb, { minLength: 1, maxLength: 7 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario): { placement: string[]; c: ReturnType<typeof drive>['cluster'] } {
  const d = drive({ seed: s.seed, profile: 'kind' });
  const c = d.cluster;
  const edit = (name: string, f: (n: Any) => void) => {
    const n = structuredClone(c.get('Node', undefined, name)) as Any;
    f(n);
    c.update(n as K8sObject);
  };
  if (s.ssd)
    edit('kind-worker2', (n) => {
      n.metadata.labels.disktype = 'ssd';
    });
  if (s.taintWorker)
    edit('kind-worker', (n) => {
      n.spec.taints = [{ key: 'team', value: 'a', effect: 'NoSchedule' }];
    });
  s.pods.forEach((p, i) => {
    const container: Any = { name: 'c', image: 'nginx' };
    if (p.cpu) container.resources = { requests: { cpu: p.cpu } };
    if (p.hostPort) container.ports = [{ containerPort: 80, hostPort: 9090 }];
    const spec: Any = { containers: [container] };
    if (p.selector) spec.nodeSelector = p.selector;
    if (p.tolerateAll) spec.tolerations = [{ operator: 'Exists' }];
    if (p.anti)
      spec.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { anti: 'yes' } }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      };
    const r = c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${i}`, namespace: 'default', labels: p.anti ? { anti: 'yes' } : {} },
      spec,
    });
    if (!r.ok) throw new Error(r.error.message);
  });
  d.advance(2000);
  const placement = (c.list('Pod') as Pod[]).map(
    (p) => `${p.metadata.namespace}/${p.metadata.name}@${p.spec.nodeName ?? ''}`,
  );
  return { placement, c };
}

describe('scheduler properties (kind)', () => {
  it('deterministic for a seed, and never violates a filter', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = run(s);
        expect(run(s).placement).toEqual(a.placement);
        const c = a.c;
        expect(c.now()).toBeGreaterThanOrEqual(CLUSTER_START_MS);
        const pods = c.list('Pod') as Pod[];
        for (const n of c.list('Node') as Node[]) {
          const on = pods.filter((p) => p.spec.nodeName === n.metadata.name && p.status?.phase !== 'Failed');
          const mine = on.filter((p) => p.metadata.namespace === 'default');
          let cpu = 0;
          for (const p of on)
            for (const ct of (p.spec as Any).containers) cpu += milli(ct.resources?.requests?.cpu ?? '0');
          expect(cpu).toBeLessThanOrEqual(8000);
          const ports = mine.filter((p) => (p.spec as Any).containers[0].ports);
          expect(ports.length).toBeLessThanOrEqual(1);
          expect(mine.filter((p) => p.metadata.labels?.anti === 'yes').length).toBeLessThanOrEqual(1);
          for (const p of mine) {
            expect(untoleratedTaint(n, (p.spec as Any).tolerations ?? [])).toBeUndefined();
            for (const [k, v] of Object.entries(
              ((p.spec as Any).nodeSelector ?? {}) as Record<string, string>,
            ))
              expect(n.metadata.labels?.[k]).toBe(v);
          }
        }
      }),
      { seed: 20261126, numRuns: 30 },
    );
  });
});
