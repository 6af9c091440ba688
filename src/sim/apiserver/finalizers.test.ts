// Deletion with finalizers [K8S registry/generic/registry/store.go]: a finalizer holds a deleted
// object, marked (deletionTimestamp, no grace left, generation bumped for kinds that have one),
// until an update removes the last one, which deletes it. A foreground delete adds the
// foregroundDeletion finalizer, which the garbage collector removes once the dependents are gone;
// a later delete with another policy drops it.
import { describe, expect, it } from 'vitest';
import { sleep2, sleep2Service } from '../../scenarios/ch03/sleep';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import { parseManifests } from '../yaml';

function cluster() {
  const c = createCluster({ seed: 3 });
  const parsed = parseManifests(`${sleep2}---\n${sleep2Service}`, 'sleep2.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  c.apply(parsed.docs);
  c.advance(30_000);
  return c;
}

const svc = (c: ReturnType<typeof cluster>) => c.get('Service', 'default', 'sleep-2') as K8sObject;

describe('finalizers', () => {
  it('a finalizer holds a deleted Service until an update removes it; its ClusterIP is kept until then', () => {
    const c = cluster();
    const withHold = { ...svc(c), metadata: { ...svc(c).metadata, finalizers: ['example.com/hold'] } };
    expect(c.update(withHold).ok).toBe(true);
    const ip = (svc(c) as { spec: { clusterIP: string } }).spec.clusterIP;

    const r = c.delete('Service', 'default', 'sleep-2');
    expect(r.ok).toBe(true);
    c.advance(60_000);
    const held = svc(c);
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(held.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(held.metadata.finalizers).toEqual(['example.com/hold']);
    // Deleting again changes nothing.
    const rv = held.metadata.resourceVersion;
    c.delete('Service', 'default', 'sleep-2');
    expect(svc(c).metadata.resourceVersion).toBe(rv);

    const { finalizers: _, ...meta } = held.metadata;
    expect(c.update({ ...held, metadata: meta }).ok).toBe(true);
    expect(c.get('Service', 'default', 'sleep-2')).toBeUndefined();
    // The address went back to the allocator: a new Service may ask for it by name.
    const again = parseManifests(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: again\nspec:\n  clusterIP: ${ip}\n  ports:\n    - port: 80\n`,
      'again.yaml',
    );
    if (!again.ok) throw new Error(again.error.message);
    const [out] = c.apply(again.docs);
    expect(out?.result.ok).toBe(true);
  });

  it('a foreground delete adds foregroundDeletion and bumps the generation; a background delete then deletes at once', () => {
    const c = cluster();
    const gen = c.get('Deployment', 'default', 'sleep-2')?.metadata.generation as number;
    c.delete('Deployment', 'default', 'sleep-2', { propagationPolicy: 'Foreground' });
    const marked = c.get('Deployment', 'default', 'sleep-2') as K8sObject;
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(marked.metadata.generation).toBe(gen + 1);
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    c.delete('Deployment', 'default', 'sleep-2', { propagationPolicy: 'Background' });
    expect(c.get('Deployment', 'default', 'sleep-2')).toBeUndefined();
    c.advance(60_000);
    expect(c.list('ReplicaSet', { namespace: 'default' })).toEqual([]);
    expect(c.list('Pod', { namespace: 'default' })).toEqual([]);
  });

  it('a foreground delete of a Service waits for its EndpointSlices; nothing re-creates them meanwhile', () => {
    const c = cluster();
    const slices = () =>
      c
        .list('EndpointSlice', { namespace: 'default' })
        .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'sleep-2');
    expect(slices()).toHaveLength(1);
    c.delete('Service', 'default', 'sleep-2', { propagationPolicy: 'Foreground' });
    c.advance(10_000);
    expect(c.get('Service', 'default', 'sleep-2')).toBeUndefined();
    expect(slices()).toEqual([]);
  });
});
