// The garbage collector's triggers: a new object whose owners are all gone is collected; one with
// a live owner is left alone until that owner is deleted, then it goes too (background cascade).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { Store } from '../apiserver/store';
import type { WatchEvent } from '../runtime/interfaces';
import { drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';
import { createGarbageCollector } from './gc';

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

// keysFor answers an update without a deletion mark at once (most writes), before it reads the
// old version's metadata. Against the formulation that read everything first, on every mix of
// event type, mark, foreground finalizer, old version (none, same metadata object, marked or
// not), and owners (none, live, gone).
describe('garbage-collector keysFor', () => {
  const FG = 'foregroundDeletion';
  const reference = (store: Store, ev: WatchEvent): string[] => {
    const o = ev.view;
    const meta = o.metadata;
    const old = ev.oldView;
    if (old !== undefined && old.metadata === meta) return [];
    const deleting = (x: K8sObject | undefined) =>
      !!x?.metadata.deletionTimestamp && !!x.metadata.finalizers?.includes(FG);
    if (meta.deletionTimestamp && meta.finalizers?.includes(FG) && !deleting(old)) return [meta.uid];
    const refs = ev.type === 'ADDED' ? meta.ownerReferences : undefined;
    if (!refs?.length || refs.some((r) => store.getByUid(r.uid) !== undefined)) return [];
    return [meta.uid];
  };
  it('answers as reading every field first would', () => {
    const store = new Store();
    store.put({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'live', namespace: 'default', uid: 'live-uid', resourceVersion: '' },
    } as unknown as K8sObject);
    const gc = createGarbageCollector(store);
    const meta = (marked: boolean, fg: boolean, owner: number) => ({
      name: 'p',
      namespace: 'default',
      uid: 'p-uid',
      ...(marked ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(fg ? { finalizers: [FG] } : {}),
      ...(owner === 0
        ? {}
        : {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: 'x',
                uid: owner === 1 ? 'live-uid' : 'gone',
              },
            ],
          }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('ADDED', 'MODIFIED'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('none', 'same', 'other'),
        fc.boolean(),
        fc.boolean(),
        (type, marked, fg, owner, oldHow, oldMarked, oldFg) => {
          const m = meta(marked, fg, owner);
          const view = { apiVersion: 'v1', kind: 'Pod', metadata: m } as unknown as K8sObject;
          const oldView =
            oldHow === 'none'
              ? undefined
              : oldHow === 'same'
                ? ({ ...view } as K8sObject)
                : ({
                    apiVersion: 'v1',
                    kind: 'Pod',
                    metadata: meta(oldMarked, oldFg, owner),
                  } as unknown as K8sObject);
          const ev = {
            type,
            kind: 'Pod',
            key: 'Pod/default/p',
            object: view,
            view,
            old: oldView,
            oldView,
            name: 'p',
            namespace: 'default',
          } as WatchEvent;
          expect([...gc.keysFor(ev)]).toEqual(reference(store, ev));
        },
      ),
      { seed: 20261128, numRuns: 500 },
    );
  });
});
