// IsValidIP's canonical-form check against an independent serializer: the WHATWG URL host
// serializer compresses the first longest run of two or more zero groups and prints hex groups in
// lower case without leading zeros, as Go's net.IP.String() does for addresses that are not
// IPv4-mapped (those print dotted, and IsValidIP refuses them before the canonical check).
// And the kubelet's search-line limits as invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSearches } from '../net/pod-dns';
import { ipErrors } from './validation-pod-dns';

const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));

describe('IsValidIP on IPv6 written out in full (seeded)', () => {
  it('accepts exactly the canonical form and names it otherwise', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.boolean(), (groups, upper) => {
        const full = groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
        const typed = upper ? full.toUpperCase() : full;
        const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
        const canon = new URL(`http://[${typed}]/`).hostname.slice(1, -1);
        if (mapped) expect(ipErrors(typed)).toEqual(['must not be an IPv4-mapped IPv6 address']);
        else {
          expect(ipErrors(canon)).toEqual([]);
          expect(ipErrors(typed)).toEqual(typed === canon ? [] : [`must be in canonical form ("${canon}")`]);
        }
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

describe('formDNSSearchFitsLimits invariants (seeded)', () => {
  it('a prefix of the paths that fit, at most 32 and 2048 characters, cut no further than needed', () => {
    const path = fc.string({ minLength: 1, maxLength: 300, unit: fc.constantFrom('a', 'b', '.') });
    fc.assert(
      fc.property(fc.array(path, { maxLength: 45 }), (searches) => {
        const fit = fitSearches(searches);
        const kept = searches.slice(0, 32).filter((s) => s.length <= 253);
        expect(fit).toEqual(kept.slice(0, fit.length));
        expect(fit.length).toBeLessThanOrEqual(32);
        expect(fit.join(' ').length).toBeLessThanOrEqual(2048);
        if (fit.length < kept.length)
          expect(kept.slice(0, fit.length + 1).join(' ').length).toBeGreaterThan(2048);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
