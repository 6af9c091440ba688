// netutils.ParseIPSloppy / ParseCIDRSloppy (Go 1.16's net parser, kept by k8s.io/utils/net) and
// the 1.34 legacy-field checks built on them (validation-ip.ts). The expectations are Go's
// documented behaviour: leading zeros in IPv4 octets taken, hex groups of any length up to 0xFFFF,
// one `::` standing for at least one group, an IPv4 tail only in the last 32 bits, no zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  endpointIPErrors,
  isCIDRSloppy,
  isIPv6String,
  legacyCIDRErrors,
  legacyIPErrors,
  parseIPSloppy,
} from './validation-ip';

const v4 = (a: number, b: number, c: number, d: number) => [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  255,
  255,
  a,
  b,
  c,
  d,
];

describe('ParseIPSloppy', () => {
  it.each([
    ['10.96.0.1', v4(10, 96, 0, 1)],
    ['10.096.0.1', v4(10, 96, 0, 1)],
    ['010.0000.00.001', v4(10, 0, 0, 1)],
    ['::ffff:1.2.3.4', v4(1, 2, 3, 4)],
    ['::', new Array(16).fill(0)],
    ['::1', [...new Array(15).fill(0), 1]],
    ['2001:db8::ffff', [0x20, 0x01, 0x0d, 0xb8, ...new Array(10).fill(0), 0xff, 0xff]],
    ['0002001:db8::', [0x20, 0x01, 0x0d, 0xb8, ...new Array(12).fill(0)]],
    ['1:2:3:4:5:6:1.2.3.4', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4]],
  ])('%s parses', (text, bytes) => {
    expect(parseIPSloppy(text)).toEqual(bytes);
  });

  it.each([
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1.2.3.4 ',
    '',
    'localhost',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7::8',
    '1:2:3:4:5:6:7:8::',
    'fe80::1%eth0',
    '10000::1',
    '1:2:3:4:5:1.2.3.4',
    '::1.2.3',
    ':1::',
    '1:',
  ])('%j does not parse', (text) => {
    expect(parseIPSloppy(text)).toBeUndefined();
  });

  it('an IPv4-mapped address is IPv4 to IsIPv6String', () => {
    expect(isIPv6String('::ffff:10.96.0.1')).toBe(false);
    expect(isIPv6String('::10.96.0.1')).toBe(true);
    expect(isIPv6String('fd00::1')).toBe(true);
    expect(isIPv6String('10.96.0.1')).toBe(false);
    expect(isIPv6String('nope')).toBe(false);
  });

  it('property: any 8 hex groups, written in full or with zero padding, parse to their bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
        (groups, pads) => {
          const text = groups.map((g, i) => '0'.repeat(pads[i] ?? 0) + g.toString(16)).join(':');
          expect(parseIPSloppy(text)).toEqual(groups.flatMap((g) => [g >> 8, g & 0xff]));
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('property: a run of zero groups written as `::` parses to the same bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 8 }),
        (groups, start, len) => {
          const end = Math.min(8, start + len);
          const zeroed = groups.map((g, i) => (i >= start && i < end ? 0 : g));
          const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
          const text = `${hex(zeroed.slice(0, start))}::${hex(zeroed.slice(end))}`;
          expect(parseIPSloppy(text)).toEqual(zeroed.flatMap((g) => [g >> 8, g & 0xff]));
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('property: dotted quads parse with any leading zeros, and only when each octet is at most 255', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        (octets, pads) => {
          const text = octets.map((o, i) => '0'.repeat(pads[i] ?? 0) + String(o)).join('.');
          const [a = 0, b = 0, c = 0, d = 0] = octets;
          expect(parseIPSloppy(text)).toEqual(octets.every((o) => o <= 255) ? v4(a, b, c, d) : undefined);
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

describe('ParseCIDRSloppy', () => {
  it.each([
    ['10.0.0.0/8', true],
    ['10.0.0.1/8', true],
    [' 10.0.0.0/8', false],
    ['10.0.0.0/008', true],
    ['010.0.0.0/8', true],
    ['10.0.0.0/8x', false],
    ['10.0.0.0/33', false],
    ['10.0.0.0/-1', false],
    ['10.0.0.0', false],
    ['10.0.0.0/', false],
    ['2001:db8::/64', true],
    ['2001:db8::/128', true],
    ['2001:db8::/129', false],
    ['::ffff:1.2.3.0/120', true],
    ['1.2.3.4/32/1', false],
  ])('%j: %s', (text, ok) => {
    expect(isCIDRSloppy(text)).toBe(ok);
  });
});

describe('legacy field checks (StrictIPCIDRValidation off, as in 1.34)', () => {
  it('only what does not parse fails, and a value the old object held passes', () => {
    expect(legacyIPErrors('f', '10.096.0.1')).toEqual([]);
    expect(legacyIPErrors('f', '::ffff:1.2.3.4')).toEqual([]);
    expect(legacyIPErrors('f', '1.2.3')).toEqual([
      {
        field: 'f',
        message: 'Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ]);
    expect(legacyIPErrors('f', '1.2.3', ['1.2.3'])).toEqual([]);
    expect(legacyCIDRErrors('f', '10.0.0.1/8')).toEqual([]);
    expect(legacyCIDRErrors('f', '10.0.0.0/8x')).toEqual([
      {
        field: 'f',
        message:
          'Invalid value: "10.0.0.0/8x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      },
    ]);
    expect(legacyCIDRErrors('f', '10.0.0.0/8x', ['10.0.0.0/8x'])).toEqual([]);
  });

  it.each([
    ['0.0.0.0', ['may not be unspecified (0.0.0.0)']],
    ['::', ['may not be unspecified (::)']],
    ['::ffff:0.0.0.0', ['may not be unspecified (::ffff:0.0.0.0)']],
    ['127.0.0.53', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['::1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['::ffff:127.0.0.1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['169.254.1.1', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['febf::1', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['224.0.0.251', ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
    ['ff12::1', ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
    ['224.0.1.1', []],
    ['fec0::1', []],
    ['ff05::1', []],
    ['::2', []],
    ['1.2.3', ['must be a valid IP address']],
  ])('ValidateEndpointIP(%j)', (ip, details) => {
    expect(endpointIPErrors('f', ip).map((e) => e.message)).toEqual(
      details.map((d) => `Invalid value: ${JSON.stringify(ip)}: ${d}`),
    );
  });
});
