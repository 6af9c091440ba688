import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../runtime/rng';
import { ClusterIpAllocator, intToIp, ipToInt, NodePortAllocator } from './allocators';

describe('intToIp', () => {
  it('spells the dotted quad as join does, and ipToInt reads it back (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        const want = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        expect(intToIp(n)).toBe(want);
        expect(ipToInt(intToIp(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
    expect([intToIp(0), intToIp(0xffffffff), intToIp(0x0a01002d)]).toEqual([
      '0.0.0.0',
      '255.255.255.255',
      '10.1.0.45',
    ]);
  });
});

describe('ClusterIP allocator', () => {
  it('random IPs stay in the CIDR, above the static band, and never repeat', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12', createRng(1).fork('cluster-ips'));
    const lo = ipToInt('10.96.1.0') as number;
    const hi = ipToInt('10.111.255.254') as number;
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const r = a.allocate();
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const n = ipToInt(r.ip) as number;
      expect(n).toBeGreaterThanOrEqual(lo);
      expect(n).toBeLessThanOrEqual(hi);
      expect(seen.has(r.ip)).toBe(false);
      seen.add(r.ip);
    }
  });

  it('the kind /16 has the same 256-address static band', () => {
    const a = new ClusterIpAllocator('10.96.0.0/16', createRng(2));
    expect(a.staticBand).toBe(256);
    for (let i = 0; i < 300; i++) {
      const r = a.allocate();
      expect(r.ok && r.ip.startsWith('10.96.') && !r.ip.startsWith('10.96.0.')).toBe(true);
    }
  });

  it('explicit IPs: honoured in range, refused outside, conflict when taken; release frees', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12', createRng(3));
    expect(a.allocateSpecific('10.96.0.10')).toEqual({ ok: true, ip: '10.96.0.10' });
    expect(a.allocateSpecific('10.96.0.10')).toEqual({ ok: false, reason: 'allocated' });
    expect(a.allocateSpecific('10.200.0.1')).toEqual({ ok: false, reason: 'range' });
    expect(a.allocateSpecific('10.96.0.0')).toEqual({ ok: false, reason: 'range' });
    a.release('10.96.0.10');
    expect(a.allocateSpecific('10.96.0.10').ok).toBe(true);
  });

  it('a small range fills up and then reports full, without duplicates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const a = new ClusterIpAllocator('10.0.0.0/28', createRng(seed));
        const got = new Set<string>();
        for (let i = 0; i < 14; i++) {
          const r = a.allocate();
          expect(r.ok).toBe(true);
          if (r.ok) got.add(r.ip);
        }
        expect(got.size).toBe(14);
        expect(a.allocate()).toEqual({ ok: false, reason: 'full' });
      }),
      { seed: 7, numRuns: 30 },
    );
  });
});

describe('NodePort allocator', () => {
  it('random ports are within 30086–32767 and unique; explicit ports honoured or refused', () => {
    const a = new NodePortAllocator(createRng(4));
    expect(a.staticBandEnd).toBe(30085);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const r = a.allocate();
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.port).toBeGreaterThanOrEqual(30086);
      expect(r.port).toBeLessThanOrEqual(32767);
      expect(seen.has(r.port)).toBe(false);
      seen.add(r.port);
    }
    expect(a.allocateSpecific(30080)).toEqual({ ok: true, port: 30080 });
    expect(a.allocateSpecific(30080)).toEqual({ ok: false, reason: 'allocated' });
    expect(a.allocateSpecific(80)).toEqual({ ok: false, reason: 'range' });
  });
});
