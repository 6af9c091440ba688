// The Service's cluster IPs as the registry sees them before validation: the client's clusterIP
// and clusterIPs made consistent (beginCreate/beginUpdate), then initIPFamilyFields' checks, which
// answer alone when they fail. The simulated clusters are single-stack IPv4.
// [K8S pkg/registry/core/service/storage/storage.go patchAllocatedValues, normalizeClusterIPs;
//  alloc.go initIPFamilyFields; pkg/apis/core/validation ValidateServiceClusterIPsRelatedFields]
import { duplicate, type FieldError, invalid, required, unsupported } from './errors';
import { isValidIPv4 } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** The Service's clusterIP and clusterIPs as the registry hands them to validation. */
export interface IPs {
  clusterIP: string;
  ips: string[];
}

export const list = (v: unknown): string[] => (Array.isArray(v) ? v : []);
const sameList = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * beginCreate / beginUpdate before anything looks at the IPs: patchAllocatedValues (an update that
 * leaves the IPs out keeps the old ones) and normalizeClusterIPs (a singular clusterIP the client
 * set or changed becomes clusterIPs).
 */
export function normalizedIPs(s: Any, o: Any | undefined): IPs {
  let clusterIP: string = typeof s.clusterIP === 'string' ? s.clusterIP : '';
  let ips = list(s.clusterIPs);
  if (!o) {
    if (clusterIP !== '' && ips.length === 0) ips = [clusterIP];
    return { clusterIP, ips };
  }
  const oldIP: string = typeof o.clusterIP === 'string' ? o.clusterIP : '';
  const oldIPs = list(o.clusterIPs);
  if (o.type !== 'ExternalName' && s.type !== 'ExternalName') {
    if (clusterIP === '') clusterIP = oldIP;
    if (ips.length === 0 && oldIPs.length > 0) ips = oldIPs;
  }
  if (oldIPs.length > 0 && ips.length === 0 && oldIP === clusterIP) ips = oldIPs;
  if (oldIP !== clusterIP) {
    if (oldIP !== '' && clusterIP === '' && sameList(oldIPs, ips)) ips = [];
    if (clusterIP !== '' && sameList(oldIPs, ips)) ips = [clusterIP];
  }
  return { clusterIP, ips };
}

export const isHeadless = (ips: string[]): boolean => ips.length === 1 && ips[0] === 'None';

/** IPv6 text as net.ParseIP takes it: hex groups, one `::` at most, an IPv4 tail allowed. */
export function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    const half = halves[h] as string;
    if (half === '') continue;
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (h === halves.length - 1 && i === parts.length - 1 && p.includes('.')) {
        if (!isValidIPv4(p)) return false;
        groups += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) groups++;
      else return false;
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

/**
 * What netutils.ParseIPSloppy makes of a string: a valid IPv4 address, an IPv6 one, not an IP,
 * or IPv4 with leading zeros, which sloppy parsing takes but whose strict-validation wording
 * varies across 1.3x; that case is left alone rather than given a message we cannot vouch for.
 */
export function ipKind(s: string): 'ok' | 'v6' | 'bad' | 'other' {
  if (isValidIPv4(s)) return 'ok';
  if (s.includes(':')) return isIPv6(s) ? 'v6' : 'bad';
  const octets = /^\d{1,3}(\.\d{1,3}){3}$/.test(s) ? s.split('.').map(Number) : [];
  return octets.length === 4 && octets.every((x) => x <= 255) ? 'other' : 'bad';
}

/**
 * ValidateServiceClusterIPsRelatedFields. The registry runs it while allocating (initIPFamilyFields),
 * before validation, and answers with these errors alone when there are any.
 */
export function clusterIPsErrors(s: Any, { clusterIP, ips }: IPs): FieldError[] {
  const out: FieldError[] = [];
  if (clusterIP !== '') {
    if (ips.length === 0) out.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP)
      out.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    out.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const families = list(s.ipFamilies);
  families.forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) out.push(unsupported(`spec.ipFamilies[${i}]`, f, IP_FAMILIES));
    if (families.indexOf(f) < i) out.push(duplicate(`spec.ipFamilies[${i}]`, f));
  });
  const policy = s.ipFamilyPolicy;
  if (policy != null && !IP_FAMILY_POLICIES.includes(policy))
    out.push(unsupported('spec.ipFamilyPolicy', policy, IP_FAMILY_POLICIES));
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        out.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    if (ipKind(ip) === 'bad') {
      badIPs = true;
      out.push(invalid(`spec.clusterIPs[${i}]`, ip, IP_MSG));
    }
  });
  if (ips.length > 2) out.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return out;
  if (ips.length > 1 && (ips.every((ip) => !ip.includes(':')) || ips.every((ip) => ip.includes(':'))))
    out.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  if (!isHeadless(ips))
    for (let i = 0; i < ips.length && i < families.length; i++) {
      const v6 = (ips[i] as string).includes(':');
      if (families[i] === 'IPv4' && v6)
        out.push(
          invalid(
            `spec.clusterIPs[${i}]`,
            ips[i],
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      if (families[i] === 'IPv6' && !v6)
        out.push(
          invalid(
            `spec.clusterIPs[${i}]`,
            ips[i],
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
    }
  return out;
}

/**
 * initIPFamilyFields after ValidateServiceClusterIPsRelatedFields passed, on a cluster with IPv4
 * service IPs only: a policy or family list that needs two families, an IPv6 clusterIP, an IPv6
 * family. Not for ExternalName Services.
 */
export function ipFamilyErrors(s: Any, o: Any | undefined, { clusterIP, ips }: IPs): FieldError[] {
  const families = list(s.ipFamilies);
  const selectorless = !s.selector || Object.keys(s.selector).length === 0;
  const policy: string =
    s.ipFamilyPolicy ??
    o?.ipFamilyPolicy ??
    (clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack');
  // isMatchingPreferDualStackClusterIPFields: an unchanged PreferDualStack Service is left as it is.
  if (
    o &&
    s.type === o.type &&
    policy === 'PreferDualStack' &&
    (o.ipFamilyPolicy ?? 'PreferDualStack') === 'PreferDualStack' &&
    sameList(list(o.clusterIPs), ips) &&
    sameList(list(o.ipFamilies), families)
  )
    return [];
  const out: FieldError[] = [];
  if (policy === 'SingleStack') {
    if (ips.length === 2)
      out.push(
        invalid(
          'spec.ipFamilyPolicy',
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    if (families.length === 2)
      out.push(
        invalid(
          'spec.ipFamilyPolicy',
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
  }
  // ipFamilies inferred from clusterIPs: an IPv6 one names a family this cluster lacks.
  for (let i = families.length; i < ips.length; i++) {
    const ip = ips[i] as string;
    if (ip === 'None') break;
    if (ip.includes(':'))
      out.push(invalid(`spec.clusterIPs[${i}]`, ips, 'IPv6 is not configured on this cluster'));
  }
  if (out.length > 0) return out;
  if (clusterIP === 'None' && selectorless) return out;
  if (policy === 'RequireDualStack')
    out.push(
      invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'),
    );
  families.forEach((f, i) => {
    if (f !== 'IPv4') out.push(invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  return out;
}
