// The change feed: every write, the recorder's Events included, shows up in the batch of the
// operation that made it; a cluster nobody listened to gives a late subscriber the same batches.
import { describe, expect, it } from 'vitest';
import type { ChangeBatch } from './contract';
import { drive } from './testing/driver';
import { deploymentYaml } from './testing/manifests';

const WEB = deploymentYaml('web', { name: 'web', image: 'nginx' }, { replicas: 2 });

const steps = (d: ReturnType<typeof drive>) => {
  d.applyOk(WEB).advance(500).advance(3000);
  d.applyOk(WEB.replace('replicas: 2', 'replicas: 3').replace('image: nginx', 'image: nosuch.example/x:1'));
  for (let i = 0; i < 8; i++) d.advance(4000);
};

describe('change batches', () => {
  it('carry each Event key once, as added, in sorted arrays', () => {
    const d = drive({ seed: 5 });
    const batches: ChangeBatch[] = [];
    d.cluster.subscribe((b) => batches.push(b));
    steps(d);
    const added = batches.flatMap((b) => b.added.filter((k) => k.startsWith('Event/')));
    const events = d.cluster.list('Event').map((e) => `Event/${e.metadata.namespace}/${e.metadata.name}`);
    expect(events.length).toBeGreaterThan(10);
    expect([...added].sort()).toEqual(events); // list order is key order here (one namespace)
    // Repeats (BackOff, Failed) come back as updates of keys added in an earlier batch.
    const updated = batches.flatMap((b) => b.updated.filter((k) => k.startsWith('Event/')));
    expect(updated.length).toBeGreaterThan(0);
    for (const k of updated) expect(events).toContain(k);
    for (const b of batches)
      for (const l of [b.added, b.updated, b.removed]) expect(l).toEqual([...l].sort());
  });

  it('a subscriber that arrives late gets exactly the batches one there all along gets from then on', () => {
    const early = drive({ seed: 9 });
    const late = drive({ seed: 9 });
    const all: ChangeBatch[] = [];
    early.cluster.subscribe((b) => all.push(b));
    early.applyOk(WEB).advance(2000);
    late.applyOk(WEB).advance(2000);
    const from = all.length;
    const seen: ChangeBatch[] = [];
    late.cluster.subscribe((b) => seen.push(b));
    for (const d of [early, late]) {
      d.advance(1000);
      d.cluster.delete('Pod', 'default', (d.pods()[0] as { metadata: { name: string } }).metadata.name);
      d.advance(5000);
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual(all.slice(from));
  });
});

describe('recorded Events', () => {
  it('read after every step or only at the end, with or without a subscriber: the same objects in the same order', () => {
    const runs = [
      { readEarly: true, subscribe: false },
      { readEarly: false, subscribe: false },
      { readEarly: false, subscribe: true },
    ].map(({ readEarly, subscribe }) => {
      const d = drive({ seed: 11 });
      if (subscribe) d.cluster.subscribe(() => {});
      const read = () =>
        [...d.cluster.internals.store.byNamespace('Event', 'default')].map((e) => e.metadata.name);
      d.applyOk(WEB);
      for (let i = 0; i < 6; i++) {
        d.advance(700);
        if (readEarly) read();
      }
      d.applyOk(WEB.replace('image: nginx', 'image: nosuch.example/x:1'));
      for (let i = 0; i < 6; i++) {
        d.advance(3000);
        if (readEarly) read();
      }
      return {
        list: JSON.stringify(d.cluster.list('Event')),
        order: read(),
        rv: d.cluster.internals.store.revision,
      };
    });
    expect(runs[0]?.order.length).toBeGreaterThan(20);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
