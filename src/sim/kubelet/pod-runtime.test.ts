// Container IDs: 64 hex digits, one rng draw each, in the order the digits are written.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { Store } from '../apiserver/store';
import { createRng, hexDigit } from '../runtime/rng';
import { containerId, type NodeState, podRuntime } from './pod-runtime';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are loose JSON.
type Any = any;

describe('containerId', () => {
  it('is containerd:// and one hex digit per int(16) draw, digit by digit', () => {
    const a = createRng(7).fork('container-ids');
    const b = createRng(7).fork('container-ids');
    for (let n = 0; n < 3; n++) {
      let want = 'containerd://';
      for (let i = 0; i < 64; i++) want += hexDigit(b.int(16));
      expect(containerId(a)).toBe(want);
    }
    // Both streams are at the same place afterwards: exactly 64 draws per ID.
    expect(a.next()).toBe(b.next());
  });

  it('differs from one container to the next', () => {
    const r = createRng(1).fork('x');
    const first = containerId(r);
    expect(first).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(containerId(r)).not.toBe(first);
  });
});

describe('PodRuntime', () => {
  const node = { name: 'n' } as NodeState;
  const pod = (namespace: string | undefined, name: string) =>
    ({ metadata: { namespace, name } }) as unknown as Pod;
  it("keeps the namespace and name of its key, the Pod's own strings when they are those", () => {
    const p = pod('default', 'web-1');
    const rt = podRuntime('default/web-1', 'u', node, p);
    expect([rt.namespace, rt.name]).toEqual(['default', 'web-1']);
    expect([...rt.keys]).toEqual(['default/web-1']);
    for (const [key, other] of [
      ['default/web-1', undefined],
      ['default/web-1', pod(undefined, 'web-1')],
      ['default/web-1', pod('kube-system', 'web-1')],
      ['default/web-1', pod('default', 'web-12')],
      ['default/web-1', pod('defaul', 't/web-1')],
      ['kube-system/a', pod('kube-system', 'b')],
    ] as const) {
      const r = podRuntime(key, 'u', node, other);
      const i = key.indexOf('/');
      expect([r.namespace, r.name]).toEqual([key.slice(0, i), key.slice(i + 1)]);
    }
  });
});

describe('PodRuntime from a slot', () => {
  // kubelet.ts reconcile hands podRuntime the Pod it read from the store's slot under the key
  // (`fromSlot`): the runtime keeps the Pod's own strings without comparing them with the key.
  // They must be what the general path keeps: the key's namespace and name, the Pod's strings.
  it('keeps what the general path keeps, for Pods read through their slots', () => {
    const store = new Store();
    const node = { name: 'n' } as NodeState;
    const names = [
      ['default', 'web-1'],
      ['default', 'web-12'],
      ['kube-system', 'coredns-abc'],
      ['a', 'b'],
      ['team-x', 'default'],
    ];
    for (const [ns, name] of names)
      store.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { namespace: ns, name, uid: `${ns}.${name}` },
      } as Any);
    for (const [ns, name] of names) {
      const key = `${ns}/${name}`;
      const slot = store.slot('Pod', key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1));
      const pod = slot?.view() as Pod;
      const fast = podRuntime(key, 'u', node, pod, undefined, true);
      const general = podRuntime(key, 'u', node, pod);
      expect([fast.namespace, fast.name]).toEqual([ns, name]);
      expect(fast.namespace).toBe(general.namespace);
      expect(fast.name).toBe(general.name);
      expect(fast.name).toBe(pod.metadata.name);
      expect(fast.namespace).toBe(pod.metadata.namespace);
    }
  });
});
