// IP and CIDR checks of the "legacy" API fields (clusterIPs, externalIPs, loadBalancerSourceRanges,
// Endpoints addresses) as Kubernetes 1.34 runs them. Those fields go through
// IsValidIPForLegacyField / IsValidCIDRForLegacyField with strictValidation set from the
// StrictIPCIDRValidation gate, which is alpha and off by default in 1.34 (kube_features.go: only
// the 1.33 Alpha entry, Default false). So only what netutils.ParseIPSloppy / ParseCIDRSloppy (Go
// 1.16's net.ParseIP / ParseCIDR, kept by k8s.io/utils/net) rejects fails: IPv4 octets with
// leading zeros ("10.096.0.1"), IPv4-mapped IPv6 ("::ffff:1.2.3.4") and "ifaddr" CIDRs
// ("10.0.0.1/8") are accepted. A value the old object already held is accepted as it is.
// Bound late with the Service validation (../late).
// [K8S apimachinery pkg/util/validation/ip.go (v0.34) parseIP, IsValidIPForLegacyField, parseCIDR,
//  IsValidCIDRForLegacyField; pkg/apis/core/validation/validation.go IsValidIPForLegacyField,
//  IsValidCIDRForLegacyField, ValidateEndpointIP; k8s.io/utils/net/ipnet.go, parse.go]
import { type FieldError, invalid } from './errors';

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const BIG = 0xffffff; // net's `big`: dtoi and xtoi give up past it

/** net.dtoi: the decimal number at the start of s and its length; leading zeros allowed. */
function dtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

/** net.xtoi: the hexadecimal number at the start of s and its length (any number of digits). */
function xtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s.charAt(i), 16);
    if (Number.isNaN(d)) break;
    n = n * 16 + d;
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

/** An IP as Go holds it: 16 bytes, IPv4 as ::ffff:a.b.c.d. */
export type IP = number[];

const v4InV6 = (a: number, b: number, c: number, d: number): IP => [
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
  0xff,
  0xff,
  a,
  b,
  c,
  d,
];

/** Go 1.16 parseIPv4 (k8s.io/utils/net's sloppy copy: no leading-zero check). */
function parseIPv4(s: string): IP | undefined {
  const p: IP = v4InV6(0, 0, 0, 0);
  let rest = s;
  for (let i = 0; i < 4; i++) {
    if (rest.length === 0) return undefined;
    if (i > 0) {
      if (rest[0] !== '.') return undefined;
      rest = rest.slice(1);
    }
    const r = dtoi(rest);
    if (!r || r[0] > 0xff) return undefined;
    rest = rest.slice(r[1]);
    p[12 + i] = r[0];
  }
  return rest.length === 0 ? p : undefined;
}

/** Go 1.16 parseIPv6: hex groups of any length up to 0xFFFF, one `::`, a trailing IPv4 part. */
function parseIPv6(input: string): IP | undefined {
  const ip: IP = new Array(16).fill(0);
  let s = input;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const r = xtoi(s);
    if (!r || r[0] > 0xffff) return undefined;
    const [n, c] = r;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const ip4 = parseIPv4(s);
      if (!ip4) return undefined;
      ip.splice(i, 4, ...ip4.slice(12));
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i; // the groups the ellipsis stands for, shifted past
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] ?? 0;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined; // the ellipsis must stand for at least one group
  }
  return ip;
}

/** netutils.ParseIPSloppy: the first '.' or ':' decides which parser reads the whole string. */
export function parseIPSloppy(s: string): IP | undefined {
  if (typeof s !== 'string') return undefined;
  for (const ch of s) {
    if (ch === '.') return parseIPv4(s);
    if (ch === ':') return parseIPv6(s);
  }
  return undefined;
}

/** net.IP.To4 is non-nil: an IPv4 address, written plainly or IPv4-mapped. */
export const isV4 = (ip: IP): boolean =>
  ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;

/** netutils.IsIPv6String: parses, and is not IPv4 (an IPv4-mapped address counts as IPv4). */
export function isIPv6String(s: string): boolean {
  const ip = parseIPSloppy(s);
  return ip !== undefined && !isV4(ip);
}

/** netutils.ParseCIDRSloppy succeeds: the address before the first '/', a decimal prefix length. */
export function isCIDRSloppy(s: string): boolean {
  if (typeof s !== 'string') return false;
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  let bits = 32;
  let ip = parseIPv4(addr);
  if (!ip) {
    bits = 128;
    ip = parseIPv6(addr);
  }
  const n = dtoi(mask);
  return ip !== undefined && n !== undefined && n[1] === mask.length && n[0] <= bits;
}

/** IsValidIPForLegacyField with strictValidation off (1.34's default). */
export function legacyIPErrors(
  field: string,
  value: string,
  validOld: readonly unknown[] = [],
): FieldError[] {
  if (validOld.includes(value)) return [];
  return parseIPSloppy(value) ? [] : [invalid(field, value, IP_MSG)];
}

/** IsValidCIDRForLegacyField with strictValidation off (1.34's default). */
export function legacyCIDRErrors(
  field: string,
  value: string,
  validOld: readonly unknown[] = [],
): FieldError[] {
  if (validOld.includes(value)) return [];
  return isCIDRSloppy(value) ? [] : [invalid(field, value, CIDR_MSG)];
}

/**
 * ValidateEndpointIP (also run on externalIPs): an address that does not parse, then the special
 * ranges net.IP's methods name, each its own cause. The unspecified message repeats the text given.
 */
export function endpointIPErrors(field: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(field, value, 'must be a valid IP address')];
  const out: FieldError[] = [];
  const v4 = isV4(ip);
  const [a = 0, b = 0, c = 0] = v4 ? ip.slice(12) : ip.slice(0, 2);
  const zero = (from: number, to: number) => ip.slice(from, to).every((x) => x === 0);
  if (v4 ? zero(12, 16) : zero(0, 16)) out.push(invalid(field, value, `may not be unspecified (${value})`));
  if (v4 ? a === 127 : zero(0, 15) && ip[15] === 1)
    out.push(invalid(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4 ? a === 169 && b === 254 : a === 0xfe && (b & 0xc0) === 0x80)
    out.push(invalid(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (v4 ? a === 224 && b === 0 && c === 0 : a === 0xff && (b & 0x0f) === 0x02)
    out.push(invalid(field, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return out;
}
