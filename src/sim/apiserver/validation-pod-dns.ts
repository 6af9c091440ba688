// validatePodDNSConfig (pkg/apis/core/validation/validation.go, 1.34), called by ValidatePodSpec
// right after dnsPolicy's own check (nothing this simulation validates comes between them), for
// Pods and for the pod templates of Deployments and ReplicaSets alike. Bound late (../late): only
// the student's Pods have a dnsConfig. RelaxedDNSSearchValidation is GA and locked on in 1.34
// (kube_features.go), so a search path may be "." and may hold underscores.
// [K8S pkg/apis/core/validation/validation.go validatePodDNSConfig, ValidateDNS1123SubdomainWithUnderScore;
//  APIMACH pkg/util/validation/ip.go IsValidIP, validation.go IsDNS1123SubdomainWithUnderscore]
import { MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS, MAX_DNS_SEARCH_PATHS } from '../net/pod-dns';
import { type FieldError, invalid } from './errors';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const SUBDOMAIN_US_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*';
const SUBDOMAIN_US = new RegExp(`^${SUBDOMAIN_US_FMT}$`);
const SUBDOMAIN_US_MSG = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN_US_FMT}')`;

const requiredMsg = (field: string, detail: string): FieldError => ({
  field,
  message: `Required value: ${detail}`,
});

/** The causes of spec.dnsConfig (and of dnsPolicy None without one), in the API server's order. */
export function pushPodDnsErrors(out: FieldError[], spec: Any, path: string): void {
  const fld = `${path}.dnsConfig`;
  const cfg: Any = spec?.dnsConfig ?? undefined;
  const nameservers: unknown[] = Array.isArray(cfg?.nameservers) ? cfg.nameservers : [];
  if (spec?.dnsPolicy === 'None') {
    if (cfg === undefined) {
      out.push(requiredMsg(fld, 'must provide `dnsConfig` when `dnsPolicy` is None'));
      return;
    }
    if (nameservers.length === 0) {
      out.push(
        requiredMsg(
          `${fld}.nameservers`,
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      );
      return;
    }
  }
  if (cfg === undefined) return;
  if (nameservers.length > MAX_DNS_NAMESERVERS)
    out.push(
      invalid(
        `${fld}.nameservers`,
        nameservers,
        `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`,
      ),
    );
  for (let i = 0; i < nameservers.length; i++) {
    for (const m of ipErrors(String(nameservers[i])))
      out.push(invalid(`${fld}.nameservers[${i}]`, nameservers[i], m));
  }
  const searches: string[] = Array.isArray(cfg.searches) ? cfg.searches.map(String) : [];
  if (searches.length > MAX_DNS_SEARCH_PATHS)
    out.push(
      invalid(`${fld}.searches`, searches, `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`),
    );
  // The length includes the spaces between search paths.
  if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS)
    out.push(
      invalid(
        `${fld}.searches`,
        searches,
        `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
      ),
    );
  for (let i = 0; i < searches.length; i++) {
    const s = searches[i] as string;
    if (s === '.') continue;
    const d = s.endsWith('.') ? s.slice(0, -1) : s;
    if (d.length > 253) out.push(invalid(`${fld}.searches[${i}]`, d, 'must be no more than 253 characters'));
    if (!SUBDOMAIN_US.test(d)) out.push(invalid(`${fld}.searches[${i}]`, d, SUBDOMAIN_US_MSG));
  }
  const options: Any[] = Array.isArray(cfg.options) ? cfg.options : [];
  for (let i = 0; i < options.length; i++) {
    const name = options[i]?.name;
    if (name === undefined || name === null || String(name).length === 0)
      out.push(requiredMsg(`${fld}.options[${i}]`, 'must not be empty'));
  }
}

/**
 * IsValidIP: netutils.ParseIPSloppy must parse it; netip.ParseAddr must too (else it had leading
 * zeros); it must not be IPv4-mapped IPv6; and it must be written as net.IP's String() writes it.
 */
export function ipErrors(value: string): string[] {
  const ip = parseSloppy(value);
  if (!ip) return ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
  const errs: string[] = [];
  if (!strictOk(value)) errs.push('must not have leading 0s');
  if (value.includes(':') && isMapped(ip)) errs.push('must not be an IPv4-mapped IPv6 address');
  if (errs.length) return errs;
  const canon = ipString(ip);
  return value === canon ? [] : [`must be in canonical form (${JSON.stringify(canon)})`];
}

const isMapped = (ip: number[]) =>
  ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;

/** Go 1.16 net.parseIPv4 (leading zeros allowed): 4 bytes, or undefined. */
function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** Go 1.16 net.ParseIP (netutils.ParseIPSloppy): 16 bytes, IPv4 as ::ffff:a.b.c.d. */
function parseSloppy(s: string): number[] | undefined {
  const firstDot = s.indexOf('.');
  const firstColon = s.indexOf(':');
  if (firstColon < 0 || (firstDot >= 0 && firstDot < firstColon)) {
    if (firstDot < 0) return undefined;
    const v4 = parseV4(s);
    return v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] : undefined;
  }
  return parseV6(s);
}

function parseV6(src: string): number[] | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = src;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    const m = /^[0-9a-fA-F]+/.exec(s);
    // xtoi takes every hex digit (leading zeros too); a trailing dotted IPv4 part starts with
    // decimal digits the scan also took.
    if (!m || Number.parseInt(m[0], 16) > 0xffff) return undefined;
    const c = m[0].length;
    if (s[c] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const v4 = parseV4(s);
      if (!v4) return undefined;
      ip.splice(i, 4, ...v4);
      s = '';
      i += 4;
      break;
    }
    const n = Number.parseInt(m[0], 16);
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] as number;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) return undefined;
  return ip;
}

/** What netip.ParseAddr adds to the sloppy parse: no leading zeros, at most 4 hex digits a group. */
function strictOk(s: string): boolean {
  const v4ok = (p: string) => p.split('.').every((o) => o === '0' || !o.startsWith('0'));
  if (!s.includes(':')) return v4ok(s);
  const groups = s.split(':');
  const last = groups[groups.length - 1] ?? '';
  if (last.includes('.') && !v4ok(last)) return false;
  return groups.every((g) => g.includes('.') || g.length <= 4);
}

/** net.IP.String(): dotted IPv4, else RFC 5952 (the first longest run of 2+ zero groups as ::). */
function ipString(ip: number[]): string {
  if (isMapped(ip)) return ip.slice(12).join('.');
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && ip[j] === 0 && ip[j + 1] === 0) j += 2;
    if (j > i && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  if (e1 - e0 <= 2) {
    e0 = -1;
    e1 = -1;
  }
  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) out += ':';
    out += (((ip[i] as number) << 8) | (ip[i + 1] as number)).toString(16);
  }
  return out;
}
