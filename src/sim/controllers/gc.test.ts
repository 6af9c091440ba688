// The garbage collector's triggers: a new object whose owners are all gone is collected; one with
// a live owner is left alone until that owner is deleted, then it goes too (background cascade).
import { describe, expect, it } from 'vitest';
import { drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';

const orphanPod = (uid: string, name = 'orphan', controller = true) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid, controller }],
  },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('garbage-collector', () => {
  it('deletes a new object whose owner does not exist', () => {
    const d = drive({ seed: 51 });
    d.tap((c) => {
      expect(c.create(orphanPod('00000000-0000-0000-0000-000000000000')).ok).toBe(true);
    });
    // Background deletion of a Pod not yet on a node removes it at once.
    expect(d.get('Pod', 'orphan')).toBeUndefined();
  });

  it('leaves a new object with a live owner alone, and collects it when the owner goes', () => {
    const d = drive({ seed: 52 }).applyOk(WEB_X3).advance(30_000);
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    if (!rs) throw new Error('no ReplicaSet');
    d.tap((c) => {
      // Not the controller: the ReplicaSet controller does not count it.
      expect(c.create(orphanPod(rs.metadata.uid, 'extra', false)).ok).toBe(true);
    });
    d.advance(1_000);
    expect(d.get('Pod', 'extra')).toBeDefined();
    d.delete('Deployment', 'web').advance(60_000);
    expect(d.get('Pod', 'extra')).toBeUndefined();
    expect(d.cluster.list('ReplicaSet', { namespace: 'default' })).toEqual([]);
    expect(d.pods()).toEqual([]);
  });
});
