// The Service's cluster IPs as the registry sees them before validation: the client's clusterIP
// and clusterIPs made consistent (beginCreate/beginUpdate), then initIPFamilyFields' checks, which
// answer alone when they fail. The simulated clusters are single-stack IPv4.
// [K8S pkg/registry/core/service/storage/storage.go patchAllocatedValues, normalizeClusterIPs;
//  alloc.go initIPFamilyFields; pkg/apis/core/validation ValidateServiceClusterIPsRelatedFields]
import { duplicate, type FieldError, invalid, required, unsupported } from './errors';
import { isIPv6String, legacyIPErrors } from './validation-ip';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

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

/**
 * ValidateServiceClusterIPsRelatedFields(service, oldService). The registry runs it while
 * allocating (initIPFamilyFields), before validation, and answers with these errors alone when
 * there are any. An address the old object held stays valid (IsValidIPForLegacyField). Families
 * are told apart as netutils.IsIPv6String does: an IPv4-mapped IPv6 address is IPv4.
 */
export function clusterIPsErrors(s: Any, { clusterIP, ips }: IPs, o?: Any): FieldError[] {
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
    const errs = legacyIPErrors(`spec.clusterIPs[${i}]`, ip, list(o?.clusterIPs));
    if (errs.length > 0) badIPs = true;
    for (const e of errs) out.push(e);
  });
  if (ips.length > 2) out.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return out;
  if (ips.length > 1 && (ips.every((ip) => !isIPv6String(ip)) || ips.every(isIPv6String)))
    out.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  if (!isHeadless(ips))
    for (let i = 0; i < ips.length && i < families.length; i++) {
      const v6 = isIPv6String(ips[i] as string);
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
    if (isIPv6String(ip))
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
