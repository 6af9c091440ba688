import { describe, expect, it } from 'vitest';
import { checkImage, goDuration, parseImage } from './images';
import { NodeIpam } from './ipam';

describe('host-local IPAM', () => {
  it('hands out addresses sequentially after the gateway', () => {
    const ipam = new NodeIpam('10.244.1.0/24');
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual([
      '10.244.1.2',
      '10.244.1.3',
      '10.244.1.4',
    ]);
  });

  it('continues after the last one handed out, not at a released one', () => {
    const ipam = new NodeIpam('10.1.0.0/16');
    const a = ipam.allocate() as string;
    ipam.allocate();
    ipam.release(a);
    expect(ipam.allocate()).toBe('10.1.0.4');
  });

  it('wraps around and skips network, gateway, broadcast and used addresses', () => {
    const ipam = new NodeIpam('10.0.0.0/29'); // usable .2–.6
    const got = [1, 2, 3, 4, 5].map(() => ipam.allocate());
    expect(got).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    expect(ipam.allocate()).toBeUndefined();
    ipam.release('10.0.0.4');
    expect(ipam.allocate()).toBe('10.0.0.4');
  });
});

describe('images', () => {
  it('normalises references like Docker', () => {
    expect(parseImage('kiamol/ch03-sleep').fullName).toBe('docker.io/kiamol/ch03-sleep:latest');
    expect(parseImage('nginx:1.27').fullName).toBe('docker.io/library/nginx:1.27');
    expect(parseImage('registry.k8s.io/coredns/coredns:v1.12.0').repository).toBe(
      'registry.k8s.io/coredns/coredns',
    );
  });

  it('known images pull; typos and missing tags fail with containerd messages', () => {
    expect(checkImage('kiamol/ch03-numbers-web:v2').ok).toBe(true);
    const typo = checkImage('kiamol/ch03-sleeep');
    expect(typo.ok ? '' : typo.message).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/kiamol/ch03-sleeep:latest": failed to resolve reference "docker.io/kiamol/ch03-sleeep:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    const tag = checkImage('kiamol/ch03-numbers-web:v3');
    expect(tag.ok ? '' : tag.message).toMatch(
      /code = NotFound .*docker\.io\/kiamol\/ch03-numbers-web:v3: not found$/,
    );
  });

  it('formats durations like Go', () => {
    expect(goDuration(812)).toBe('812ms');
    expect(goDuration(2000)).toBe('2s');
    expect(goDuration(2345)).toBe('2.345s');
    expect(goDuration(1010)).toBe('1.01s');
    expect(goDuration(65200)).toBe('1m5.2s');
  });
});
