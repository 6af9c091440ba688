// The kubelet's shared status pieces: one frozen object where many Pods show the same thing, and
// never a shared object where they differ.
import { describe, expect, it } from 'vitest';
import { conditionAt, conditionOf, condSpec, runningState, sharedList, templateOf } from './status-parts';

describe('shared status parts', () => {
  it('a condition is built once per (spec, lastTransitionTime), with the kubelet key order', () => {
    const spec = condSpec('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [web]');
    const a = conditionAt(spec, '2026-11-25T10:00:00Z');
    expect(JSON.stringify(a)).toBe(
      '{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2026-11-25T10:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [web]"}',
    );
    expect(Object.isFrozen(a)).toBe(true);
    const b = conditionAt(spec, '2026-11-25T10:00:01Z');
    expect(b.lastTransitionTime).toBe('2026-11-25T10:00:01Z');
    // An older time asked again gets its earlier object back, not the latest one.
    expect(conditionAt(spec, '2026-11-25T10:00:00Z')).toBe(a);
    expect(JSON.stringify(conditionAt(condSpec('Initialized', 'True'), 'T'))).toBe(
      '{"type":"Initialized","status":"True","lastProbeTime":null,"lastTransitionTime":"T"}',
    );
  });

  it('conditionOf finds the last condition of a type', () => {
    const x = conditionAt(condSpec('Ready', 'True'), 'A');
    const y = conditionAt(condSpec('Ready', 'False'), 'B');
    expect(conditionOf([x, y], 'Ready')).toBe(y);
    expect(conditionOf([x], 'PodScheduled')).toBeUndefined();
    expect(conditionOf(undefined, 'Ready')).toBeUndefined();
  });

  it('a condition list is reused only for the very same objects in the same places', () => {
    const site = { last: undefined };
    const p = conditionAt(condSpec('PodReadyToStartContainers', 'True'), 'A');
    const r = conditionAt(condSpec('Ready', 'True'), 'A');
    const first = sharedList(site, p, undefined, r, undefined, undefined);
    expect(first).toEqual([p, r]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(sharedList(site, p, undefined, r, undefined, undefined)).toBe(first);
    // Same objects, one more of them: a new list.
    const longer = sharedList(site, p, r, r, undefined, undefined);
    expect(longer).toEqual([p, r, r]);
    expect(sharedList(site, p, r, undefined, undefined, undefined)).toEqual([p, r]);
    expect(sharedList(site, r, p, undefined, undefined, undefined)).toEqual([r, p]);
  });

  it('a template follows the container names and images it was built from', () => {
    const t = templateOf([{ name: 'web', image: 'nginx' }]);
    expect(templateOf([{ name: 'web', image: 'nginx' }])).toBe(t);
    expect(t.notReady.message).toBe('containers with unready status: [web]');
    expect(t.pullingMsg).toEqual(['Pulling image "nginx"']);
    expect(t.presentMsg).toEqual(['Container image "nginx" already present on machine']);
    expect(t.createdMsg).toEqual(['Created container: web']);
    expect(t.startedMsg).toEqual(['Started container web']);
    expect(t.refs[0]?.fullName).toBe('docker.io/library/nginx:latest');
    expect(JSON.stringify(t.creating)).toBe(
      '[{"name":"web","image":"nginx","imageID":"","ready":false,"started":false,"restartCount":0,"state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{}}]',
    );
    const two = templateOf([
      { name: 'a', image: 'busybox' },
      { name: 'b', image: 'nginx:1.27' },
    ]);
    expect(two).not.toBe(t);
    expect(two.notReady.message).toBe('containers with unready status: [a b]');
    expect(templateOf([{ name: 'web', image: 'nginx:1.27' }])).not.toBe(t);
  });

  it('the last template is handed back only for the same names and images, in order', () => {
    const t = templateOf([{ name: 'web', image: 'nginx' }]);
    const lists = [
      [{ name: 'web', image: 'nginx' }],
      [{ name: 'web', image: 'nginx:1.27' }],
      [{ name: 'api', image: 'nginx' }],
      [
        { name: 'web', image: 'nginx' },
        { name: 'side', image: 'busybox' },
      ],
      [
        { name: 'side', image: 'busybox' },
        { name: 'web', image: 'nginx' },
      ],
      [],
    ];
    // Every order of asking, each list twice in a row: each gets the template of its own names and images.
    for (const a of lists)
      for (const b of lists) {
        for (const cs of [a, b, b, a]) {
          const got = templateOf(cs);
          expect(got.names).toEqual(cs.map((c) => c.name));
          expect(got.images).toEqual(cs.map((c) => c.image));
        }
      }
    expect(templateOf([{ name: 'web', image: 'nginx' }])).toBe(t);
  });

  it('the running state is one frozen object per instant', () => {
    const a = runningState('2026-11-25T10:00:00Z');
    expect(a).toEqual({ running: { startedAt: '2026-11-25T10:00:00Z' } });
    expect(runningState('2026-11-25T10:00:00Z')).toBe(a);
    expect(runningState('2026-11-25T10:00:01Z')).not.toBe(a);
    expect(Object.isFrozen(a.running)).toBe(true);
  });
});
