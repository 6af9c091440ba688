// GetWarningsForIP / GetWarningsForCIDR (apimachinery v0.34 ip.go) and the IP/CIDR lines of
// GetWarningsForService, as validation-ip-warnings.ts words them. Texts are the Go format strings
// filled in by hand: %q of the value and of net.IP.String() / net.IPNet.String().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIPSloppy } from './validation-ip';
import { cidrWarnings, formatIP, ipWarnings, serviceIPWarnings } from './validation-ip-warnings';

describe('net.IP.String', () => {
  it.each([
    ['10.096.0.1', '10.96.0.1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['::', '::'],
    ['::1.2.3.4', '::102:304'],
    ['fe80::0001', 'fe80::1'],
  ])('%s prints as %s', (text, want) => {
    const ip = parseIPSloppy(text);
    expect(ip && formatIP(ip)).toBe(want);
  });

  it('property: the printed form parses back to the same address', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }), (bytes) => {
        expect(parseIPSloppy(formatIP(bytes))).toEqual(bytes);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

describe('GetWarningsForIP', () => {
  it('leading zeros and IPv4-mapped addresses: non-standard, use the plain form', () => {
    expect(ipWarnings('spec.externalIPs[0]', '10.096.0.1')).toEqual([
      'spec.externalIPs[0]: non-standard IP address "10.096.0.1" will be considered invalid in a future Kubernetes release: use "10.96.0.1"',
    ]);
    expect(ipWarnings('spec.externalIPs[0]', '::ffff:1.2.3.4')).toEqual([
      'spec.externalIPs[0]: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future Kubernetes release: use "1.2.3.4"',
    ]);
  });

  it('IPv6 not in RFC 5952 form; canonical and unparsable values have none', () => {
    expect(ipWarnings('spec.loadBalancerIP', '2001:DB8::1')).toEqual([
      'spec.loadBalancerIP: IPv6 address "2001:DB8::1" should be in RFC 5952 canonical format ("2001:db8::1")',
    ]);
    expect(ipWarnings('f', '00001::1')).toEqual([
      'f: non-standard IP address "00001::1" will be considered invalid in a future Kubernetes release: use "1::1"',
    ]);
    expect(ipWarnings('f', '10.96.0.1')).toEqual([]);
    expect(ipWarnings('f', '2001:db8::1')).toEqual([]);
    expect(ipWarnings('f', '1.2.3')).toEqual([]);
  });
});

describe('GetWarningsForCIDR', () => {
  it('bits past the prefix: ambiguous, the network or the single address', () => {
    expect(cidrWarnings('spec.loadBalancerSourceRanges[0]', '10.0.0.1/8')).toEqual([
      'spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
    ]);
    expect(cidrWarnings('f', '2001:db8::1/64')).toEqual([
      'f: CIDR value "2001:db8::1/64" is ambiguous in this context (should be "2001:db8::/64" or "2001:db8::1/128"?)',
    ]);
  });

  it('leading zeros (address or length) and IPv4-mapped: non-standard, use the network', () => {
    expect(cidrWarnings('f', '010.0.0.0/8')).toEqual([
      'f: non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
    expect(cidrWarnings('f', '10.0.0.0/08')).toEqual([
      'f: non-standard CIDR value "10.0.0.0/08" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
    expect(cidrWarnings('f', '::ffff:1.2.3.0/120')).toEqual([
      'f: non-standard CIDR value "::ffff:1.2.3.0/120" will be considered invalid in a future Kubernetes release: use "1.2.3.0/24"',
    ]);
    expect(cidrWarnings('f', '010.0.0.1/8')).toEqual([
      'f: CIDR value "010.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
      'f: non-standard CIDR value "010.0.0.1/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]);
  });

  it('IPv6 not in RFC 5952 form only when nothing else is said; valid ones have none', () => {
    expect(cidrWarnings('f', '2001:DB8::/64')).toEqual([
      'f: IPv6 CIDR value "2001:DB8::/64" should be in RFC 5952 canonical format ("2001:db8::/64")',
    ]);
    expect(cidrWarnings('f', '10.0.0.0/8')).toEqual([]);
    expect(cidrWarnings('f', '2001:db8::/64')).toEqual([]);
    expect(cidrWarnings('f', ' 10.0.0.0/8')).toEqual([]);
  });
});

describe('GetWarningsForService (IP and CIDR lines)', () => {
  it('clusterIPs when set, externalIPs, loadBalancerIP, source ranges, in that order', () => {
    expect(
      serviceIPWarnings({
        clusterIP: '10.096.0.7',
        clusterIPs: ['10.096.0.7'],
        externalIPs: ['10.0.0.5', '::ffff:10.0.0.6'],
        loadBalancerIP: '2001:DB8::9',
        loadBalancerSourceRanges: ['10.0.0.1/8'],
      }),
    ).toEqual([
      'spec.clusterIPs[0]: non-standard IP address "10.096.0.7" will be considered invalid in a future Kubernetes release: use "10.96.0.7"',
      'spec.externalIPs[1]: non-standard IP address "::ffff:10.0.0.6" will be considered invalid in a future Kubernetes release: use "10.0.0.6"',
      'spec.loadBalancerIP: IPv6 address "2001:DB8::9" should be in RFC 5952 canonical format ("2001:db8::9")',
      'spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
    ]);
    expect(serviceIPWarnings({ clusterIP: 'None', clusterIPs: ['None'] })).toEqual([]);
  });
});
