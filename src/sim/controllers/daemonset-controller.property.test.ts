// Property: whatever nodeSelector, tolerations, host network and update strategy a user DaemonSet
// has on kind (kind-control-plane tainted node-role.kubernetes.io/control-plane:NoSchedule, two
// workers), once settled it runs exactly one Pod on each node that should run one (worked out here
// from the rules, not from the controller), its status counts them, a second reconcile writes
// nothing, and after a template change every node again has one Pod of the new template.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../api/types';
import { createCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: test manifests.
type Any = any;

const NODES = ['kind-control-plane', 'kind-worker', 'kind-worker2'];

const selectorArb = fc.constantFrom<Record<string, string> | undefined>(
  undefined,
  { 'kubernetes.io/hostname': 'kind-worker' },
  { 'kubernetes.io/hostname': 'kind-control-plane' },
  { 'node-role.kubernetes.io/control-plane': '' },
  { 'kubernetes.io/os': 'linux' },
  { disk: 'ssd' },
);
const tolerationArb = fc.constantFrom<Any[] | undefined>(
  undefined,
  [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
  [{ operator: 'Exists' }],
  [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', value: 'x', effect: 'NoSchedule' }],
  [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoExecute' }],
);
const strategyArb = fc.constantFrom<Any>(
  undefined,
  { type: 'OnDelete' },
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } },
  { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
);

/** The nodes that should run the Pod, from the node labels and the control plane's taint. */
function expected(selector: Record<string, string> | undefined, tolerations: Any[] | undefined): string[] {
  return NODES.filter((n) => {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': n, 'kubernetes.io/os': 'linux' };
    if (n === 'kind-control-plane') labels['node-role.kubernetes.io/control-plane'] = '';
    if (selector && Object.entries(selector).some(([k, v]) => labels[k] !== v)) return false;
    if (n !== 'kind-control-plane') return true;
    return (tolerations ?? []).some(
      (t) =>
        (t.operator === 'Exists' && !t.key) ||
        (t.key === 'node-role.kubernetes.io/control-plane' &&
          t.operator === 'Exists' &&
          (!t.effect || t.effect === 'NoSchedule')),
    );
  });
}

describe('DaemonSet controller property', () => {
  it('one Pod per eligible node, settled and idempotent, before and after a template change', () => {
    fc.assert(
      fc.property(
        selectorArb,
        tolerationArb,
        fc.boolean(),
        strategyArb,
        (selector, tolerations, host, strategy) => {
          const c = createCluster({ seed: 11, profile: 'kind' });
          const spec = (image: string): Any => ({
            selector: { matchLabels: { app: 'p' } },
            template: {
              metadata: { labels: { app: 'p' } },
              spec: {
                containers: [{ name: 'p', image }],
                ...(selector ? { nodeSelector: selector } : {}),
                ...(tolerations ? { tolerations } : {}),
                ...(host ? { hostNetwork: true } : {}),
              },
            },
            ...(strategy ? { updateStrategy: strategy } : {}),
          });
          const doc = (image: string) => ({
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            metadata: { name: 'p' },
            spec: spec(image),
          });
          const [o] = c.apply([doc('nginx:1.27')]);
          expect(o?.result.ok).toBe(true);
          c.advance(60_000);
          const want = expected(selector, tolerations);
          const live = () =>
            (c.list('Pod', { namespace: 'default', labelSelector: 'app=p' }) as Pod[]).filter(
              (p) => !p.metadata.deletionTimestamp,
            );
          const nodesOf = () =>
            live()
              .map((p) => p.spec.nodeName ?? '')
              .sort();
          expect(nodesOf()).toEqual(want);
          const ds = c.get('DaemonSet', 'default', 'p') as DaemonSet;
          expect(ds.status.desiredNumberScheduled).toBe(want.length);
          expect(ds.status.currentNumberScheduled).toBe(want.length);
          expect(ds.status.numberMisscheduled).toBe(0);
          const rev = c.internals.store.revision;
          c.internals.manager.enqueueFor('publishers', 'DaemonSet/default/p');
          c.internals.manager.runUntilIdle();
          expect(c.internals.store.revision).toBe(rev);
          c.apply([doc('nginx:1.28')]);
          c.advance(300_000);
          if (strategy?.type === 'OnDelete') {
            expect(live().every((p) => p.spec.containers[0]?.image === 'nginx:1.27')).toBe(true);
          } else {
            expect(nodesOf()).toEqual(want);
            expect(live().every((p) => p.spec.containers[0]?.image === 'nginx:1.28')).toBe(true);
            const after = c.get('DaemonSet', 'default', 'p') as DaemonSet;
            expect(after.status.updatedNumberScheduled ?? 0).toBe(want.length);
          }
        },
      ),
      { numRuns: 25, seed: 20261126 },
    );
  });
});
