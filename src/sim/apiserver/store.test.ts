// The store's lazy entries: stamped and listed like any object, built on first read, heard of by
// key listeners only, keyed by name only when something reads; a put or remove over one behaves
// as over the object it stands for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import {
  type KeyEntry,
  keyRef,
  type NameRef,
  PHASE_CHANGED,
  STATUS_ONLY,
  type WatchEvent,
} from '../runtime/interfaces';
import { built, LazyObject, resourceVersionOf, type Slot, StatusVersion, Store } from './store';

class Note extends LazyObject {
  builds = 0;
  keys = 0;
  constructor(
    readonly name: string,
    public text: string,
  ) {
    super();
  }
  key(): string {
    this.keys++;
    return this.name;
  }
  protected build(resourceVersion: string): K8sObject {
    this.builds++;
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: this.name,
        namespace: 'default',
        uid: `uid-${this.name}`,
        resourceVersion,
        creationTimestamp: '',
      },
      message: this.text,
    } as unknown as K8sObject;
  }
}

function setup() {
  const store = new Store();
  const watched: string[] = [];
  const keys: string[] = [];
  store.watch((ev: WatchEvent) => watched.push(`${ev.type} ${ev.key} ${ev.object.metadata.resourceVersion}`));
  store.watchKeys((type, kind, ns, entry) => keys.push(`${type} ${kind}/${ns}/${(entry as Note).name}`));
  return { store, watched, keys };
}

const plain = (name: string, extra: Record<string, unknown> = {}) =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '', creationTimestamp: '' },
    ...extra,
  }) as unknown as K8sObject;

const names = (store: Store) => store.list('Event').map((o) => o.metadata.name);

describe('Store lazy entries', () => {
  it('take the next resourceVersion, reach key listeners only, and are built once per state', () => {
    const { store, watched, keys } = setup();
    store.put(plain('a'));
    const n = new Note('b', 'one');
    store.addLazy('Event', 'default', n);
    store.put(plain('c'));
    expect(watched).toEqual(['ADDED Event/default/a 1001', 'ADDED Event/default/c 1003']);
    expect(keys).toEqual(['ADDED Event/default/b']);
    expect(n.builds).toBe(0);
    const got = store.get('Event', 'default', 'b');
    expect(got?.metadata.resourceVersion).toBe('1002');
    expect(names(store)).toEqual(['a', 'b', 'c']);
    expect(store.list('Event')[1]).toBe(got);
    expect([...store.byNamespace('Event', 'default')].includes(got as K8sObject)).toBe(true);
    expect(n.builds).toBe(1);
    expect(store.count('Event')).toBe(3);
    expect(store.entry('Event', 'default', 'b')).toBe(n);

    n.text = 'two';
    store.touchLazy('Event', 'default', n);
    expect(keys.at(-1)).toBe('MODIFIED Event/default/b');
    const again = store.get('Event', 'default', 'b') as K8sObject & { message: string };
    expect([again.message, again.metadata.resourceVersion]).toEqual(['two', '1004']);
    expect((got as K8sObject & { message: string }).message).toBe('one');
  });

  it('wait unnamed while nothing reads their namespace, then are keyed in the order they came', () => {
    const { store } = setup();
    const notes = ['m', 'k', 'z', 'a'].map((x) => new Note(x, x));
    for (const n of notes) store.addLazy('Event', 'default', n);
    store.addLazy('Event', 'other', new Note('o', 'o'));
    expect(notes.map((n) => n.keys)).toEqual([0, 0, 0, 0]);
    expect(store.count('Event')).toBe(5);
    expect(store.namespacesOf('Event').sort()).toEqual(['default', 'other']);
    expect(notes.map((n) => n.keys)).toEqual([0, 0, 0, 0]);
    // Map order (byNamespace) is write order; list order is name order.
    expect([...store.byNamespace('Event', 'default')].map((o) => o.metadata.name)).toEqual([
      'm',
      'k',
      'z',
      'a',
    ]);
    expect(names(store)).toEqual(['a', 'k', 'm', 'z', 'o']);
    store.addLazy('Event', 'default', new Note('b', 'b'));
    expect(names(store)).toEqual(['a', 'b', 'k', 'm', 'z', 'o']);
    expect(notes.every((n) => n.live)).toBe(true);
  });

  it('while the namespace holds a put object, a new entry is keyed at once and replaces a same-named one', () => {
    const { store, keys, watched } = setup();
    store.put(plain('x', { message: 'user' }));
    const n = new Note('x', 'recorded');
    store.addLazy('Event', 'default', n);
    expect(n.keys).toBe(1);
    expect(keys).toEqual(['MODIFIED Event/default/x']);
    expect(watched).toEqual(['ADDED Event/default/x 1001']);
    expect((store.get('Event', 'default', 'x') as K8sObject & { message: string }).message).toBe('recorded');
    expect(store.count('Event')).toBe(1);
    // Only lazy entries left: later ones wait unkeyed again.
    const later = new Note('y', 'y');
    store.addLazy('Event', 'default', later);
    expect(later.keys).toBe(0);
    expect(names(store)).toEqual(['x', 'y']);
  });

  it('put over a lazy entry reports the built old state and retires it; remove reports its last state', () => {
    const { store, watched } = setup();
    const first = new Note('b', 'one');
    store.addLazy('Event', 'default', first);
    const events: WatchEvent[] = [];
    store.watch((ev) => events.push(ev));
    store.put(plain('b', { message: 'user' }));
    expect(first.live).toBe(false);
    expect(events[0]?.type).toBe('MODIFIED');
    expect((events[0]?.old as (K8sObject & { message: string }) | undefined)?.message).toBe('one');
    const second = new Note('b', 'again');
    store.addLazy('Event', 'default', second);
    const last = store.remove('Event', 'default', 'b') as K8sObject & { message: string };
    expect(second.live).toBe(false);
    expect([last.message, last.metadata.resourceVersion]).toEqual(['again', '1004']);
    expect(watched.slice(-1)).toEqual(['DELETED Event/default/b 1004']);
    expect(store.get('Event', 'default', 'b')).toBeUndefined();
    expect(store.list('Event')).toEqual([]);
  });

  it('a lazy entry over an owned object drops it from the uid and owner indexes', () => {
    const { store } = setup();
    const pod = { ...plain('b'), kind: 'Pod' } as K8sObject;
    store.put({ ...pod, metadata: { ...pod.metadata, ownerReferences: [{ uid: 'owner' }] } } as K8sObject);
    expect(store.byOwner('owner').map((o) => o.metadata.name)).toEqual(['b']);
    expect(store.getByUid('uid-b')?.metadata.name).toBe('b');
    store.addLazy('Pod', 'default', new Note('b', 'x'));
    expect(store.byOwner('owner')).toEqual([]);
    expect(store.getByUid('uid-b')).toBeUndefined();
  });
});

describe('Store.byOwner', () => {
  const owned = (name: string, owners: string[], extra: Record<string, unknown> = {}) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        uid: `uid-${name}`,
        resourceVersion: '',
        creationTimestamp: '',
        ownerReferences: owners.map((uid) => ({ uid })),
      },
      ...extra,
    }) as unknown as K8sObject;

  it.each([5, 40])('lists %i dependents least recently written first, whatever the write', (n) => {
    const store = new Store();
    const names = Array.from({ length: n }, (_, i) => `p${i}`);
    for (const name of names) store.put(owned(name, ['rs']));
    const order = [...names];
    // Rewrite some (same owners, new status), then move one to another owner and back.
    for (const i of [3, 0, 4, 1, 3]) {
      const name = names[i] as string;
      store.put({ ...(store.get('Pod', 'default', name) as K8sObject), status: { i } });
      order.splice(order.indexOf(name), 1);
      order.push(name);
    }
    store.put(owned('p2', ['other']));
    order.splice(order.indexOf('p2'), 1);
    expect(store.byOwner('other').map((o) => o.metadata.name)).toEqual(['p2']);
    store.put(owned('p2', ['rs']));
    order.push('p2');
    expect(store.byOwner('other')).toEqual([]);
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(order);
    store.remove('Pod', 'default', 'p0');
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(order.filter((x) => x !== 'p0'));
  });

  it('lists an object naming one owner twice once, and drops it once on removal', () => {
    const store = new Store();
    store.put(owned('a', ['rs', 'other', 'rs']));
    store.put(owned('b', ['rs']));
    store.put(owned('c', ['rs', 'rs']));
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(store.byOwner('other').map((o) => o.metadata.name)).toEqual(['a']);
    store.remove('Pod', 'default', 'a'); // from the middle of the owner's list
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(store.byOwner('other')).toEqual([]);
    store.put(owned('c', ['other'])); // owners change: out of rs, into other
    store.put({ ...(store.get('Pod', 'default', 'b') as K8sObject), status: { x: 1 } }); // b rewritten last
    store.put(owned('a', ['rs']));
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(['b', 'a']);
    expect(store.byOwner('other').map((o) => o.metadata.name)).toEqual(['c']);
    store.remove('Pod', 'default', 'c');
    store.remove('Pod', 'default', 'b');
    store.remove('Pod', 'default', 'a');
    expect(store.byOwner('rs')).toEqual([]);
    expect(store.byOwner('other')).toEqual([]);
  });

  it('never lists Events, even one written with ownerReferences', () => {
    const store = new Store();
    store.put({ ...owned('e', ['rs']), kind: 'Event' } as K8sObject);
    store.put(owned('p', ['rs']));
    expect(store.byOwner('rs').map((o) => o.metadata.name)).toEqual(['p']);
  });

  it('a new uid under the same name re-indexes: the old uid is no dependent any more', () => {
    const store = new Store();
    store.put(owned('a', ['rs']));
    const fresh = owned('a', ['rs']);
    store.put({ ...fresh, metadata: { ...fresh.metadata, uid: 'uid-a2' } } as K8sObject);
    expect(store.byOwner('rs').map((o) => o.metadata.uid)).toEqual(['uid-a2']);
    expect(store.getByUid('uid-a')).toBeUndefined();
  });
});

describe('Store.byOwner against a scan', () => {
  // The owner index keeps one dependent as the slot itself and a set from the second on: any
  // sequence of creates, rewrites (owners kept, changed, doubled or dropped; a new uid under the
  // same name), status writes, removals and lazy entries taking a name lists what a scan of every
  // stored object naming the owner lists, in resourceVersion order.
  it('lists what a scan of the stored objects lists, through growing and shrinking dependents', () => {
    const owners = ['o1', 'o2', 'o3'];
    const op = fc.record({
      what: fc.constantFrom('put', 'put', 'put', 'status', 'remove', 'lazy'),
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      refs: fc.array(fc.constantFrom(...owners), { maxLength: 3 }),
      uid: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), (ops) => {
        const store = new Store();
        for (const { what, name, refs, uid } of ops) {
          if (what === 'put')
            store.put({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: {
                name,
                namespace: 'default',
                uid: `${name}-${uid}`,
                resourceVersion: '',
                ownerReferences: refs.map((u) => ({ uid: u })),
              },
            } as unknown as K8sObject);
          else if (what === 'status') {
            const slot = store.slot('Pod', 'default', name);
            if (slot !== undefined) store.putStatus('Pod', 'default', slot, { phase: `p${uid}` });
          } else if (what === 'remove') store.remove('Pod', 'default', name);
          else store.addLazy('Pod', 'default', new Note(name, 'x'));
          // The uid index: each stored object by its uid, and no other uid.
          for (const n of ['a', 'b', 'c', 'd'])
            for (const u of [0, 1, 2]) {
              const stored = store.get('Pod', 'default', n);
              const want = stored?.kind === 'Pod' && stored.metadata.uid === `${n}-${u}` ? stored : undefined;
              expect(store.getByUid(`${n}-${u}`)).toBe(want);
            }
          for (const owner of owners) {
            const scan = store
              .list('Pod')
              .filter(
                (o) => !(o.kind === 'Event') && o.metadata.ownerReferences?.some((r) => r.uid === owner),
              )
              .sort((x, y) => Number(x.metadata.resourceVersion) - Number(y.metadata.resourceVersion));
            expect(store.byOwner(owner).map((o) => o.metadata.uid)).toEqual(scan.map((o) => o.metadata.uid));
            expect(store.byOwner(owner, true).map((o) => o.metadata.uid)).toEqual(
              scan.map((o) => o.metadata.uid),
            );
          }
        }
      }),
      { seed: 20261128, numRuns: 400 },
    );
  });
});

describe('Store.list across namespaces', () => {
  // A list over every namespace comes back in etcd key order (`/registry/configmaps/<ns>/<name>`,
  // the order the watch cache serves and `kubectl get -A` prints): '-' sorts before '/', so a
  // namespace named like another plus a dash comes first.
  const cm = (ns: string, name: string) =>
    ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: ns, uid: `uid-${ns}-${name}`, resourceVersion: '', creationTimestamp: '' },
    }) as unknown as K8sObject;
  it('orders by the whole key, not by the namespace name alone', () => {
    const store = new Store();
    for (const [ns, name] of [
      ['default', 'b'],
      ['default-x', 'a'],
      ['default1', 'c'],
      ['default', 'a'],
      ['app', 'z'],
    ] as const)
      store.put(cm(ns, name));
    const keys = store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(keys).toEqual(['app/z', 'default-x/a', 'default/a', 'default/b', 'default1/c']);
    // the namespace names alone, sorted, would put default before default-x
    expect(['default-x', 'default'].sort()).toEqual(['default', 'default-x']);
  });
});

describe('Store.putOwned', () => {
  it('stores the handed-over object itself, stamped in place, as put would store it key for key', () => {
    const a = setup();
    const b = setup();
    const obj = () =>
      ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x', namespace: 'default', uid: 'u1', labels: { a: '1' } },
        data: { k: 'v' },
      }) as unknown as K8sObject;
    const given = obj();
    const owned = a.store.putOwned(given);
    const copied = b.store.put(obj());
    expect(owned).toBe(given);
    expect(JSON.stringify(owned)).toBe(JSON.stringify(copied));
    expect(Object.keys(owned.metadata)).toEqual(Object.keys(copied.metadata));
    expect(a.watched).toEqual(b.watched);
    // A second write replaces the slot; the first snapshot keeps its resourceVersion.
    const next = { ...owned, metadata: { ...owned.metadata, labels: { a: '2' } } } as K8sObject;
    a.store.putOwned(next);
    expect(owned.metadata.resourceVersion).toBe('1001');
    expect(a.store.get('ConfigMap', 'default', 'x')).toBe(next);
    expect(next.metadata.resourceVersion).toBe('1002');
    expect(a.store.getByUid('u1')).toBe(next);
  });
});

describe('Store.putStatus (status versions)', () => {
  const pod = (extra: Record<string, unknown> = {}) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p',
        namespace: 'default',
        uid: 'u1',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { app: 'a' },
        ownerReferences: [{ uid: 'rs' }],
      },
      spec: { nodeName: 'n1' },
      status: { phase: 'Pending' },
      ...extra,
    }) as unknown as K8sObject;
  const slotOf = (store: Store) => store.entry('Pod', 'default', 'p') as Slot;
  /** What updateStatus writes for `status` over the stored object: `{ ...old, metadata, status }`. */
  const putWhole = (store: Store, status: unknown) => {
    const old = store.get('Pod', 'default', 'p') as K8sObject;
    return store.put({ ...old, status } as K8sObject);
  };

  it('writes what a whole put of the new status writes, key for key, built on first read only', () => {
    for (const extra of [{}, { status: undefined }, { extraKey: 1 }]) {
      const a = new Store();
      const b = new Store();
      a.put(pod(extra));
      b.put(pod(extra));
      const seen: WatchEvent[] = [];
      a.watch((ev) => seen.push(ev));
      const before = built.count;
      const v1 = a.putStatus('Pod', 'default', slotOf(a), { phase: 'Running' });
      const v2 = a.putStatus('Pod', 'default', slotOf(a), { phase: 'Running', podIP: '10.0.0.1' });
      expect(built.count).toBe(before); // nothing read the objects yet
      const w1 = putWhole(b, { phase: 'Running' });
      const w2 = putWhole(b, { phase: 'Running', podIP: '10.0.0.1' });
      // Read the later version first: each version builds its own object, whenever it is read.
      expect(JSON.stringify(seen[1]?.object)).toBe(JSON.stringify(w2));
      expect(JSON.stringify(seen[0]?.object)).toBe(JSON.stringify(w1));
      expect(Object.keys(seen[0]?.object ?? {})).toEqual(Object.keys(w1));
      expect(seen[1]?.old).toBe(seen[0]?.object);
      expect(built.count).toBe(before + 2);
      // One snapshot per version: the store reads the current one, the event's is the same.
      expect(a.get('Pod', 'default', 'p')).toBe(seen[1]?.object);
      expect(v2.object()).toBe(seen[1]?.object);
      expect(v1.rv).toBe(+w1.metadata.resourceVersion);
      expect(resourceVersionOf(v2)).toBe(w2.metadata.resourceVersion);
      expect(a.revision).toBe(b.revision);
    }
  });

  it('views read as the object but for resourceVersion, and build nothing', () => {
    const store = new Store();
    const first = store.put(pod());
    const events: WatchEvent[] = [];
    store.watch((ev) => events.push(ev));
    const before = built.count;
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Running' });
    const ev = events[0] as WatchEvent;
    const view = ev.view;
    expect(view).toBeInstanceOf(StatusVersion);
    expect(ev.oldView).toBe(first);
    expect(ev.key).toBe('Pod/default/p');
    expect(view.metadata).toBe(first.metadata);
    expect(view.spec).toBe(first.spec);
    expect(view.status).toEqual({ phase: 'Running' });
    expect(store.view('Pod', 'default', 'p')).toBe(view);
    expect(store.byOwner('rs', true)).toEqual([view]);
    // A copy of a view has the object's five fields, nothing of the record.
    expect(Object.keys({ ...view })).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(built.count).toBe(before);
    // Reads that give objects build it.
    expect(store.byOwner('rs')[0]?.metadata.resourceVersion).toBe(String((view as StatusVersion).rv));
    expect(store.getByUid('u1')).toBe(ev.object);
    expect(built.count).toBe(before + 1);
  });

  it("a slot stays live while its name's object is written, and not once removed or taken by a lazy entry", () => {
    const store = new Store();
    store.put(pod());
    const slot = store.slot('Pod', 'default', 'p') as Slot;
    store.putStatus('Pod', 'default', slot, { phase: 'Running' });
    store.put({ ...(store.get('Pod', 'default', 'p') as K8sObject), spec: { nodeName: 'n2' } });
    expect(store.slot('Pod', 'default', 'p')).toBe(slot);
    expect(slot.live).toBe(true);
    store.remove('Pod', 'default', 'p');
    expect(slot.live).toBe(false);
    expect(store.slot('Pod', 'default', 'p')).toBeUndefined();
    const again = store.put(pod());
    const next = store.slot('Pod', 'default', 'p') as Slot;
    expect(next).not.toBe(slot);
    expect(next.view()).toBe(again);
    store.addLazy('Pod', 'default', new Note('p', 'lazy'));
    expect(next.live).toBe(false);
    expect(store.slot('Pod', 'default', 'p')).toBeUndefined();
  });

  it('says which writes were status-only and which of those changed the phase', () => {
    const store = new Store();
    const events: WatchEvent[] = [];
    store.watch((ev) => events.push(ev));
    store.put(pod());
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Pending', podIP: '10.0.0.1' });
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Running', podIP: '10.0.0.1' });
    store.putStatus('Pod', 'default', slotOf(store), {}); // the phase unset: a change too
    putWhole(store, { phase: 'Running' });
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Running', podIP: '10.0.0.2' });
    store.remove('Pod', 'default', 'p');
    expect(events.map((e) => `${e.type} ${e.statusWrite}`)).toEqual([
      'ADDED 0',
      `MODIFIED ${STATUS_ONLY}`,
      `MODIFIED ${STATUS_ONLY | PHASE_CHANGED}`,
      `MODIFIED ${STATUS_ONLY | PHASE_CHANGED}`,
      'MODIFIED 0',
      `MODIFIED ${STATUS_ONLY}`,
      'DELETED 0',
    ]);
    // A status-only write keeps the previous version's metadata and spec objects.
    const statusOnly = events[5] as WatchEvent;
    expect(statusOnly.view.metadata).toBe(statusOnly.oldView?.metadata);
    expect(statusOnly.view.spec).toBe(statusOnly.oldView?.spec);
  });

  it('a whole write over a status version replaces it (the event has it built as old), and remove reports it', () => {
    const store = new Store();
    store.put(pod());
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Running' });
    const events: WatchEvent[] = [];
    store.watch((ev) => events.push(ev));
    const cur = store.get('Pod', 'default', 'p') as K8sObject;
    const next = store.put({ ...cur, metadata: { ...cur.metadata, labels: { app: 'b' } } });
    expect(slotOf(store).ver).toBeUndefined();
    expect(store.view('Pod', 'default', 'p')).toBe(next);
    expect(events[0]?.old).toBe(cur);
    store.putStatus('Pod', 'default', slotOf(store), { phase: 'Succeeded' });
    const last = store.remove('Pod', 'default', 'p') as K8sObject;
    expect(last.status).toEqual({ phase: 'Succeeded' });
    expect(last.metadata.labels).toEqual({ app: 'b' });
    expect(store.byOwner('rs')).toEqual([]);
    expect(store.getByUid('u1')).toBeUndefined();
  });
});

// The store remembers the last name looked up or written (a write over the object just read
// finds it without a lookup): whatever the order of reads and writes, every read answers what a
// map of the writes so far holds.
describe('Store: the last name looked up', () => {
  it('answers like a plain map of the writes, in any order of reads, writes and removals (by name and through refs)', () => {
    const names = ['a', 'b'];
    const nss = ['default', 'other'];
    const kinds = ['Pod', 'Event'] as const;
    const op = fc.record({
      what: fc.constantFrom('put', 'status', 'remove', 'lazy', 'entry', 'get', 'view', 'node', 'ref'),
      kind: fc.constantFrom(...kinds),
      ns: fc.constantFrom(...nss),
      name: fc.constantFrom(...names),
      n: fc.integer({ min: 0, max: 1000 }),
    });
    const obj = (kind: string, ns: string, name: string, n: number) =>
      ({
        apiVersion: 'v1',
        kind,
        metadata: { name, namespace: ns, uid: `${ns}-${name}-${n}`, resourceVersion: '' },
        spec: {},
        status: { phase: `p${n}` },
      }) as unknown as K8sObject;
    // What a read shows of what is stored: a written object's phase, a lazy entry's message.
    const mark = (o: K8sObject | undefined) =>
      (o?.status as { phase?: string } | undefined)?.phase ??
      (o as { message?: string } | undefined)?.message;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), (ops, full) => {
        const store = new Store();
        const model = new Map<string, string>(); // `kind/ns/name` → the mark of what is stored
        // One ref per name for the whole run, as a controller keeps one per queue key (keyRef):
        // it holds a slot across writes, status writes, removals and lazy entries taking the name.
        const refs = new Map<string, NameRef>();
        const refOf = (kind: string, ns: string, name: string) => {
          const key = `${kind}/${ns}/${name}`;
          let r = refs.get(key);
          if (r === undefined) {
            r = keyRef(kind as 'Pod', `${ns}/${name}`);
            refs.set(key, r);
          }
          return r;
        };
        const check = (kind: string, ns: string, name: string, how: string) => {
          const want = model.get(`${kind}/${ns}/${name}`);
          const k = kind as 'Pod';
          if (how === 'entry') expect(store.entry(k, ns, name) !== undefined).toBe(want !== undefined);
          else if (how === 'ref') expect(mark(store.getRef(refOf(kind, ns, name)))).toBe(want);
          else expect(mark(how === 'view' ? store.view(k, ns, name) : store.get(k, ns, name))).toBe(want);
        };
        ops.forEach(({ what, kind, ns, name, n }, i) => {
          const key = `${kind}/${ns}/${name}`;
          if (what === 'put') {
            store.put(obj(kind, ns, name, n));
            model.set(key, `p${n}`);
          } else if (what === 'status') {
            const slot = store.slot(kind, ns, name);
            if (slot === undefined) return;
            store.putStatus(kind, ns, slot, { phase: `s${n}` });
            model.set(key, `s${n}`);
          } else if (what === 'remove') {
            store.remove(kind, ns, name);
            model.delete(key);
          } else if (what === 'lazy') {
            store.addLazy(kind, ns, new Note(name, `e${n}`));
            model.set(key, `e${n}`);
          } else if (what === 'node') {
            store.put({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `n-${n}` } } as never);
            model.set(`Node/${name}`, `n-${n}`);
          }
          // The name just written or read, then (now and then) every name.
          check(kind, ns, name, what);
          if (!full[i]) return;
          for (const k of kinds)
            for (const s of nss) for (const x of names) check(k, s, x, full[i + 1] ? 'ref' : 'get');
          for (const x of names) {
            expect(store.get('Node', 'any', x)?.metadata.uid).toBe(model.get(`Node/${x}`));
            expect(store.getRef(keyRef('Node', x))?.metadata.uid).toBe(model.get(`Node/${x}`));
          }
        });
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});

describe('NameRef reads (Store.getRef, keyRef)', () => {
  it('keeps one ref per kind on a queue entry, its key split once', () => {
    const at: KeyEntry = { key: 'default/web', refs: undefined };
    const svc = keyRef('Service', at.key, at);
    expect([svc.kind, svc.namespace, svc.name]).toEqual(['Service', 'default', 'web']);
    const ep = keyRef('Endpoints', at.key, at);
    expect(ep).not.toBe(svc);
    expect(keyRef('Service', at.key, at)).toBe(svc);
    expect(keyRef('Endpoints', at.key, at)).toBe(ep);
    // Without an entry, a fresh ref each time; a key without '/' names a cluster-scoped object.
    expect(keyRef('Service', at.key)).not.toBe(svc);
    expect([keyRef('Node', 'n1').namespace, keyRef('Node', 'n1').name]).toEqual(['', 'n1']);
  });

  it('reads what get reads, in another store too, and the API write after it finds the name', () => {
    const a = new Store();
    const b = new Store();
    a.put(plain('x'));
    b.put(plain('x'));
    const ref = keyRef('Event', 'default/x');
    expect(a.getRef(ref)).toBe(a.get('Event', 'default', 'x'));
    // The slot `ref` holds is a's: b does not take it for its own.
    expect(b.getRef(ref)).toBe(b.get('Event', 'default', 'x'));
    expect(a.getRef(ref)).toBe(a.get('Event', 'default', 'x'));
    // Removed and written again: a new slot under the name, found again.
    a.remove('Event', 'default', 'x');
    expect(a.getRef(ref)).toBeUndefined();
    const again = a.put(plain('x'));
    expect(a.getRef(ref)).toBe(again);
    const next = a.put({ ...again, spec: { n: 2 } } as K8sObject);
    expect(a.getRef(ref)).toBe(next);
  });
});

describe('Store listeners', () => {
  it('objects and functions hear every write in the order they were added, until stopped', () => {
    const store = new Store();
    const heard: string[] = [];
    const stopA = store.watch({ onWatch: (ev) => heard.push(`a ${ev.type} ${ev.key}`) });
    const stopB = store.watch((ev) => heard.push(`b ${ev.type} ${ev.key}`));
    const stopK = store.watchKeys({
      onKey: (type, kind, ns, entry) => heard.push(`k ${type} ${kind}/${ns}/${entry.key()}`),
    });
    store.watchKeys((type, kind, ns, entry) => heard.push(`f ${type} ${kind}/${ns}/${entry.key()}`));
    store.put(plain('x'));
    const note = new Note('n', 'one');
    store.addLazy('Event', 'default', note);
    store.touchLazy('Event', 'default', note);
    stopA();
    stopK();
    store.remove('Event', 'default', 'x');
    store.addLazy('Event', 'default', new Note('m', 'two'));
    stopB();
    store.put(plain('y'));
    expect(heard).toEqual([
      'a ADDED Event/default/x',
      'b ADDED Event/default/x',
      'k ADDED Event/default/n',
      'f ADDED Event/default/n',
      'k MODIFIED Event/default/n',
      'f MODIFIED Event/default/n',
      'b DELETED Event/default/x',
      'f ADDED Event/default/m',
    ]);
  });
});
