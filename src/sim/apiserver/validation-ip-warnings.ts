// The warnings a 1.34 API server sends back (kubectl prints each as `Warning: …`) for IPs and
// CIDRs in a Service's legacy fields that it accepts but that strict parsing (netip.ParseAddr /
// ParsePrefix) would refuse or that are not in canonical form: "10.096.0.1", "::ffff:1.2.3.4",
// "2001:DB8::1", "10.0.0.1/8". Only these IP/CIDR lines of GetWarningsForService are here (the
// others are not established for 1.34). Not yet sent: the server's write path must add
// serviceIPWarnings(spec) to a Service create/update answer's warnings (see the helper's report).
// [K8S apimachinery pkg/util/validation/ip.go (v0.34) GetWarningsForIP, GetWarningsForCIDR;
//  pkg/api/service/warnings.go GetWarningsForService (clusterIPs when set, externalIPs,
//  loadBalancerIP, loadBalancerSourceRanges untrimmed); Go net.IP.String, net.IPNet.String]
import { isValidIPv4 } from './validation';
import { type IP, isV4, parseIPSloppy } from './validation-ip';

// biome-ignore lint/suspicious/noExplicitAny: the Service spec is decoded JSON.
type Any = any;

/** net.IP.String(): dotted IPv4 (also for IPv4-mapped), else RFC 5952 (longest zero run of 2+). */
export function formatIP(ip: IP): string {
  if (isV4(ip)) return ip.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** Whether netip.ParseAddr also takes text ParseIPSloppy took: no 0-led IPv4 field, no 5+ digit group. */
function strictAddr(text: string): boolean {
  const parts = text.split(':');
  const tail = parts[parts.length - 1] ?? '';
  const v4 = tail.includes('.') ? tail.split('.') : [];
  if (v4.some((o) => o.length > 1 && o.startsWith('0'))) return false;
  return (tail.includes('.') ? parts.slice(0, -1) : parts).every((g) => g.length <= 4);
}

/** GetWarningsForIP for a value ParseIPSloppy accepts (nothing for one it refuses). */
export function ipWarnings(field: string, value: string): string[] {
  // A canonical dotted IPv4 address (what the allocator hands out) has nothing to warn about.
  if (isValidIPv4(value)) return [];
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const q = JSON.stringify;
  const mapped = isV4(ip) && value.includes(':');
  if (!strictAddr(value) || mapped)
    return [
      `${field}: non-standard IP address ${q(value)} will be considered invalid in a future Kubernetes release: use ${q(formatIP(ip))}`,
    ];
  if (!isV4(ip) && formatIP(ip) !== value)
    return [`${field}: IPv6 address ${q(value)} should be in RFC 5952 canonical format (${q(formatIP(ip))})`];
  return [];
}

/** ParseCIDRSloppy's pieces: the address, its width (32 or 128 by how it parsed) and the prefix. */
function parseCIDR(s: string): { ip: IP; bits: number; n: number; addr: string; len: string } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const len = s.slice(slash + 1);
  const ip = parseIPSloppy(addr);
  if (!ip || !/^\d+$/.test(len)) return undefined;
  const bits = addr.includes(':') ? 128 : 32;
  const n = Number(len);
  return n <= bits ? { ip, bits, n, addr, len } : undefined;
}

/** ip.Mask(CIDRMask(n, bits)) on the 16-byte form. */
function masked(ip: IP, n16: number): IP {
  return ip.map((b, i) => {
    const keep = Math.max(0, Math.min(8, n16 - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

/** GetWarningsForCIDR for a value ParseCIDRSloppy accepts (nothing for one it refuses). */
export function cidrWarnings(field: string, value: string): string[] {
  const c = parseCIDR(value);
  if (!c) return [];
  const q = JSON.stringify;
  const n16 = c.bits === 32 ? c.n + 96 : c.n;
  const net = masked(c.ip, n16);
  // net.IPNet.String(): an IPv4 network (also IPv4-mapped with 96+ bits) prints as IPv4.
  const netText = isV4(net) && n16 >= 96 ? `${formatIP(net)}/${n16 - 96}` : `${formatIP(net)}/${c.n}`;
  const out: string[] = [];
  if (net.some((b, i) => b !== c.ip[i]))
    out.push(
      `${field}: CIDR value ${q(value)} is ambiguous in this context (should be ${q(netText)} or ${q(`${formatIP(c.ip)}/${c.bits}`)}?)`,
    );
  const strict = strictAddr(c.addr) && (c.len === '0' || !c.len.startsWith('0'));
  const mapped = isV4(c.ip) && c.addr.includes(':');
  if (!strict || mapped)
    out.push(
      `${field}: non-standard CIDR value ${q(value)} will be considered invalid in a future Kubernetes release: use ${q(netText)}`,
    );
  if (out.length === 0 && c.bits === 128 && `${formatIP(c.ip)}/${c.n}` !== value)
    out.push(
      `${field}: IPv6 CIDR value ${q(value)} should be in RFC 5952 canonical format (${q(`${formatIP(c.ip)}/${c.n}`)})`,
    );
  return out;
}

/**
 * The IP/CIDR lines of GetWarningsForService, in its order: clusterIPs (when set: not empty, not
 * "None"), externalIPs, loadBalancerIP, loadBalancerSourceRanges (as written, not trimmed).
 */
export function serviceIPWarnings(spec: Any): string[] {
  const s: Any = spec ?? {};
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const out: string[] = [];
  const clusterIP = str(s.clusterIP);
  if (clusterIP !== '' && clusterIP !== 'None') {
    // Every Service the allocator gave its address: the field's name is spelt only for a warning.
    const ips = list(s.clusterIPs);
    for (let i = 0; i < ips.length; i++) {
      const ip = str(ips[i]);
      if (!isValidIPv4(ip)) out.push(...ipWarnings(`spec.clusterIPs[${i}]`, ip));
    }
  }
  list(s.externalIPs).forEach((ip, i) => {
    out.push(...ipWarnings(`spec.externalIPs[${i}]`, str(ip)));
  });
  if (str(s.loadBalancerIP) !== '') out.push(...ipWarnings('spec.loadBalancerIP', s.loadBalancerIP));
  list(s.loadBalancerSourceRanges).forEach((r, i) => {
    out.push(...cidrWarnings(`spec.loadBalancerSourceRanges[${i}]`, str(r)));
  });
  return out;
}
