// validatePodDNSConfig (pkg/apis/core/validation/validation.go, 1.34), called by ValidatePodSpec
// right after dnsPolicy's own check (nothing this simulation validates comes between them), for
// Pods and for the pod templates of Deployments and ReplicaSets alike. Bound late (../late): only
// the student's Pods have a dnsConfig. RelaxedDNSSearchValidation is GA and locked on in 1.34
// (kube_features.go), so a search path may be "." and may hold underscores.
// [K8S pkg/apis/core/validation/validation.go validatePodDNSConfig, ValidateDNS1123SubdomainWithUnderScore;
//  APIMACH pkg/util/validation/ip.go IsValidIP, validation.go IsDNS1123SubdomainWithUnderscore]
import { MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS, MAX_DNS_SEARCH_PATHS } from '../net/pod-dns';
import { type FieldError, invalid } from './errors';
import { isV4, parseIPSloppy } from './validation-ip';
import { formatIP } from './validation-ip-warnings';

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
 * IsValidIP (apimachinery v0.34 ip.go: parseIP with strictValidation, then the canonical form):
 * netutils.ParseIPSloppy must parse it (./validation-ip, the legacy fields' parser); netip.ParseAddr
 * must too (else it had leading zeros); it must not be IPv4-mapped IPv6; and it must be written as
 * net.IP's String() writes it (./validation-ip-warnings formatIP). The strict parser, not the
 * sloppy IsValidIPForLegacyField: validatePodDNSConfig calls validation.IsValidIP.
 */
export function ipErrors(value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
  // netip.ParseAddr failing leaves the zero Addr, whose Is4In6 is false: one cause, not two.
  if (!strictOk(value)) return ['must not have leading 0s'];
  // netip's Is4In6: an IPv6 text whose bytes are ::ffff:a.b.c.d (ParseIPSloppy holds IPv4 so too).
  if (value.includes(':') && isV4(ip)) return ['must not be an IPv4-mapped IPv6 address'];
  const canon = formatIP(ip);
  return value === canon ? [] : [`must be in canonical form (${JSON.stringify(canon)})`];
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
