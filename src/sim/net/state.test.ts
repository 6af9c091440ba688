import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { getProfile } from '../profiles';
import { NetState } from './state';
import { FakeApi, pod } from './test-helpers';

function setup() {
  const api = new FakeApi();
  const state = new NetState(getProfile(), api);
  api.listeners.push((ev) => state.apply(ev));
  return { api, state };
}

describe('NetState Pods (read from the store, IP owners from the events)', () => {
  it('answers with the stored Pod, also right after the Pod is written again', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.5' }));
    api.create(pod('b', { ip: '10.1.0.6' }));
    const a = state.pods.get('default/a');
    expect(a).toBe(api.get('Pod', 'default', 'a'));
    expect(state.pods.get('default/b')).toBe(api.get('Pod', 'default', 'b'));
    expect(state.pods.get('default/a')).toBe(a); // kept answer
    api.update({ ...(a as Pod), spec: { ...(a as Pod).spec, dnsPolicy: 'Default' } } as Pod);
    expect(state.pods.get('default/a')).toBe(api.get('Pod', 'default', 'a'));
    expect(state.pods.get('default/a')?.spec.dnsPolicy).toBe('Default');
    api.delete('Pod', 'default', 'a');
    expect(state.pods.has('default/a')).toBe(false);
    expect(state.pods.get('default/b')).toBe(api.get('Pod', 'default', 'b'));
  });

  it('moves IP ownership on IP changes, terminal phases and deletion, remembering a deleted owner', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.5' }));
    expect(state.podByIP.get('10.1.0.5')?.key).toBe('default/a');
    const a = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a, status: { ...a.status, podIP: '10.1.0.7' } });
    expect([...state.podByIP]).toEqual([['10.1.0.7', { key: 'default/a', ns: 'default', name: 'a' }]]);
    const moved = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...moved, status: { ...moved.status, phase: 'Succeeded' } });
    expect(state.podByIP.size).toBe(0); // a terminal Pod's IP is released
    api.create(pod('b', { ip: '10.1.0.7' }));
    expect(state.podByIP.get('10.1.0.7')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'a'); // its old IP is b's now: b keeps it
    expect(state.podByIP.get('10.1.0.7')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'b');
    expect(state.podByIP.size).toBe(0);
    expect(state.formerPodIP.get('10.1.0.7')).toBe('default/b');
    api.create(pod('c', { ip: '10.1.0.7' }));
    expect(state.formerPodIP.has('10.1.0.7')).toBe(false);
  });

  // Updates that keep an owned IP skip the podByIP lookup only while no IP has changed hands
  // between two owning Pods; once one has, the last Pod written that owns the IP holds it, as
  // before the shortcut.
  it('gives a shared IP to the Pod written last, also when that write keeps the IP', () => {
    const { api, state } = setup();
    api.create(pod('a', { ip: '10.1.0.9' }));
    const a = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/a');
    api.create(pod('b', { ip: '10.1.0.9' })); // status written by hand: the IPAM never does this
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
    const a2 = api.get('Pod', 'default', 'a') as Pod;
    api.update({ ...a2, metadata: { ...a2.metadata, labels: { x: '2' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/a');
    const b = api.get('Pod', 'default', 'b') as Pod;
    api.update({ ...b, metadata: { ...b.metadata, labels: { x: '3' } } });
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
    api.delete('Pod', 'default', 'a'); // not the owner: b keeps it
    expect(state.podByIP.get('10.1.0.9')?.key).toBe('default/b');
  });
});
