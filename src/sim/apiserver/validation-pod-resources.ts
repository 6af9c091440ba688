// A container's and the pod's `resources`, validated as ValidatePodSpec validates them in 1.34
// [K8S pkg/apis/core/validation/validation.go: ValidateContainerResourceRequirements,
// validatePodResourceRequirements, validateResourceRequirements, validateResourceName,
// validateContainerResourceName, validatePodResourceName, ValidateResourceQuantityValue,
// ValidateNonnegativeQuantity, validateResourceQuantityHugePageValue, validateResourceClaimNames,
// validatePodResources, validatePodResourceConsistency; pkg/apis/core/helper/helpers.go
// IsStandardResourceName, IsStandardContainerResourceName, IsNativeResource,
// IsExtendedResourceName, IsOvercommitAllowed, IsIntegerResourceName, IsHugePageResourceName,
// IsHugePageResourceValueDivisible; component-helpers resource/helpers.go
// IsSupportedPodLevelResource, AggregateContainerRequests]. Bound late with validation.ts.
//
// Values are printed as resource.Quantity's String() of the quantity the validator saw: the one
// ParseQuantity decoded and SetDefaults_ResourceList rounded up to milli units, so `0.5` prints
// `500m` and `1.5` `1500m` (../controllers/spew-quantity has the parse and the canonical form).
//
// Go ranges over a ResourceList (a map) in random order, so a list with several bad entries
// gives its causes in an order that changes from request to request (kubectl prints them in the
// server's order). We choose one: each map's keys in sorted (byte) order, limits before requests
// as the source loops them.
//
// PodLevelResources is Beta and on by default in 1.34 (pkg/features/kube_features.go), so the
// pod's own `resources` are validated too. Not modelled: SetDefaults_Pod's pod-level requests
// (the simulation does not default them, see defaults-late.ts), so where the pod sets limits, a
// request it leaves out is not compared with the containers' aggregate; and
// AllowIndivisibleHugePagesValues on an update of a Pod that already had such values; and the
// pod-level hugepages limit rule 1.34 added to validatePodResourceConsistency (kubernetes#131089,
// whose message the stored source predates).
// The stored validation.go copy predates 1.34 in validatePodResourceConsistency (it lacks
// kubernetes#132551); the rest used here is unchanged in 1.34 as far as we could establish.
import { qualifiedNameErrors } from '../api/labels';
import { canonical, divUp, type Parsed, parse } from '../controllers/spew-quantity';
import { isOwn } from '../runtime/own';
import { type FieldError, forbidden, formatValue, invalid, required, unsupported } from './errors';
import { pushNameErrors } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

/** A quantity as the validator sees it: worth n·10^e, printed `str` (Quantity.String()). */
export interface Qty {
  n: bigint;
  e: number;
  str: string;
  format: Parsed['format'];
}

const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);

const memo = new Map<string, Qty | null>();

/**
 * The decoded, defaulted Quantity of a ResourceList value (UnmarshalJSON's text, trimmed, then
 * RoundUp(-3)); undefined when it is not one (the strict decoder refuses those first) or when its
 * exponent is beyond what this model computes (|e| > 1000: ParseQuantity's int32 exponent).
 */
export function resourceQuantity(v: unknown): Qty | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const key = typeof v === 'number' ? String(v) : v; // a number is read as its text
  let q = memo.get(key);
  if (q === undefined) {
    // Templates repeat their few quantities across Pods; the parse uses BigInt.
    if (memo.size >= 512) memo.clear();
    q = computeQuantity(String(v).trim()) ?? null;
    memo.set(key, q);
  }
  return q ?? undefined;
}

const EXPONENT = /[eE]([-+]?\d+)$/;

function computeQuantity(s: string): Qty | undefined {
  const exp = EXPONENT.exec(s);
  if (exp && Math.abs(Number(exp[1])) > 1000) return undefined;
  let p: Parsed | undefined = parse(s);
  if (!p) return undefined;
  // SetDefaults_ResourceList: RoundUp(-3), which drops the kept string when it changes the scale.
  if (p.int && p.scale < -3) p = { ...p, value: divUp(p.value, -3 - p.scale), scale: -3, cached: false };
  else if (!p.int && p.e < -3) p = { ...p, n: divUp(p.n, -3 - p.e), e: -3 };
  const str = p.int && p.cached ? s : canonical(p);
  return p.int
    ? { n: p.value, e: p.scale, str, format: p.format }
    : { n: p.n, e: p.e, str, format: p.format };
}

/** Quantity.Cmp: -1, 0 or 1. */
export function cmpQuantity(a: Qty, b: Qty): number {
  const m = Math.min(a.e, b.e);
  const x = a.n * 10n ** BigInt(a.e - m);
  const y = b.n * 10n ** BigInt(b.e - m);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Add: the sum keeps the first operand's format (the second's when the first is 0). */
function addQuantity(a: Qty, b: Qty): Qty {
  const m = Math.min(a.e, b.e);
  const n = a.n * 10n ** BigInt(a.e - m) + b.n * 10n ** BigInt(b.e - m);
  const format = a.n === 0n ? b.format : a.format;
  return { n, e: m, str: canonical({ int: false, n, e: m, format }), format };
}

/**
 * q·10^-k rounded away from zero (ScaledValue(k): MilliValue for k = -3, Value for 0, as
 * int64Amount.AsScaledInt64's negativeScaleInt64 rounds).
 */
function scaled(q: Qty, k: number): bigint {
  const shift = q.e - k;
  if (shift >= 0) return q.n * 10n ** BigInt(shift);
  const d = 10n ** BigInt(-shift);
  const t = q.n / d;
  return t * d === q.n ? t : q.n < 0n ? t - 1n : t + 1n;
}

const STANDARD = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const INTEGER = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
const HUGEPAGES = 'hugepages-';
/** sets.List(SupportedPodLevelResources()): cpu, memory and the hugepages- prefix, sorted. */
const POD_LEVEL_SUPPORTED = ['cpu', 'hugepages-', 'memory'];

const isHugePages = (name: string) => name.startsWith(HUGEPAGES);
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
const isExtended = (name: string) =>
  !isNative(name) && !name.startsWith('requests.') && qualifiedNameErrors(`requests.${name}`).length === 0;
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);
const isInteger = (name: string) => INTEGER.has(name) || isExtended(name);
const isCpuOrMemory = (name: string) => name === 'cpu' || name === 'memory';

/** validateResourceName: a qualified name, and a standard one when it has no prefix. */
function pushResourceNameErrors(out: FieldError[], name: string, field: string): boolean {
  const msgs = qualifiedNameErrors(name);
  for (const m of msgs) out.push(invalid(field, name, m));
  if (msgs.length > 0) return false;
  if (
    !name.includes('/') &&
    !STANDARD.has(name) &&
    !isHugePages(name) &&
    !name.startsWith('requests.hugepages-')
  )
    out.push(invalid(field, name, 'must be a standard resource type or fully qualified'));
  return true;
}

/** validateContainerResourceName (it goes on after validateResourceName's causes). */
function pushContainerResourceNameErrors(out: FieldError[], name: string, field: string): void {
  pushResourceNameErrors(out, name, field);
  if (!name.includes('/')) {
    if (!(name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePages(name)))
      out.push(invalid(field, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !isExtended(name))
    out.push(invalid(field, name, "doesn't follow extended resource name standard"));
}

/** validatePodResourceName: validateResourceName, then only cpu, memory and hugepages-*. */
function pushPodResourceNameErrors(out: FieldError[], name: string, field: string): void {
  const before = out.length;
  pushResourceNameErrors(out, name, field);
  if (out.length > before) return;
  if (!isCpuOrMemory(name) && !isHugePages(name)) out.push(unsupported(field, name, POD_LEVEL_SUPPORTED));
}

/** ValidateResourceQuantityValue: not negative, and whole for an integer resource. */
function pushQuantityErrors(out: FieldError[], name: string, q: Qty, field: string): void {
  if (q.n < 0n) out.push(invalid(field, q.str, 'must be greater than or equal to 0'));
  if (isInteger(name) && scaled(q, -3) % 1000n !== 0n) out.push(invalid(field, q.str, 'must be an integer'));
}

/** validateResourceQuantityHugePageValue: a whole number of pages of the name's size. */
function pushHugePageErrors(out: FieldError[], name: string, q: Qty, field: string): void {
  const page = resourceQuantity(name.slice(HUGEPAGES.length));
  const ok =
    page !== undefined &&
    page.n > 0n &&
    scaled(page, -3) % 1000n === 0n &&
    scaled(q, 0) % scaled(page, 0) === 0n;
  if (!ok) out.push(invalid(field, q.str, `${q.str} is not positive integer multiple of ${name}`));
}

function sortedKeys(list: unknown): string[] {
  if (!isObj(list)) return [];
  const keys: string[] = [];
  for (const k in list) if (isOwn(list, k)) keys.push(k);
  return keys.sort();
}

type NameCheck = (out: FieldError[], name: string, field: string) => void;

/** validateResourceRequirements at `path` (`….resources`) of a container or the pod of `spec`. */
function pushRequirementErrors(
  out: FieldError[],
  r: Any,
  nameCheck: NameCheck,
  spec: Any,
  path: string,
): void {
  let cpuOrMemory = false;
  let hugePages = false;
  const limits = isObj(r.limits) ? r.limits : undefined;
  for (const name of sortedKeys(limits)) {
    const field = `${path}.limits[${name}]`;
    nameCheck(out, name, field);
    const q = resourceQuantity(limits[name]);
    if (!q) continue;
    pushQuantityErrors(out, name, q, field);
    if (isHugePages(name)) {
      hugePages = true;
      pushHugePageErrors(out, name, q, field);
    }
    if (isCpuOrMemory(name)) cpuOrMemory = true;
  }
  const requests = isObj(r.requests) ? r.requests : undefined;
  for (const name of sortedKeys(requests)) {
    const field = `${path}.requests[${name}]`;
    nameCheck(out, name, field);
    const q = resourceQuantity(requests[name]);
    if (!q) continue;
    pushQuantityErrors(out, name, q, field);
    // request <= limit; a resource that cannot be overcommitted needs them equal (the cause is at
    // `requests`, without the key, as the source writes it).
    const lim = limits && Object.hasOwn(limits, name) ? resourceQuantity(limits[name]) : undefined;
    if (lim) {
      const c = cmpQuantity(q, lim);
      if (c !== 0 && !overcommitAllowed(name))
        out.push(invalid(`${path}.requests`, q.str, `must be equal to ${name} limit of ${lim.str}`));
      else if (c > 0)
        out.push(
          invalid(`${path}.requests`, q.str, `must be less than or equal to ${name} limit of ${lim.str}`),
        );
    } else if (!overcommitAllowed(name) && !(limits && Object.hasOwn(limits, name)))
      out.push({
        field: `${path}.limits`,
        message: 'Required value: Limit must be set for non overcommitable resources',
      });
    if (isHugePages(name)) {
      hugePages = true;
      pushHugePageErrors(out, name, q, field);
    }
    if (isCpuOrMemory(name)) cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) out.push(forbidden(path, 'HugePages require cpu or memory'));
  if (Array.isArray(r.claims)) pushClaimNameErrors(out, r.claims, podClaimNames(spec), `${path}.claims`);
}

/** validateResourceClaimNames: each claim names one of spec.resourceClaims, once. */
function pushClaimNameErrors(out: FieldError[], claims: Any[], claimNames: string[], path: string): void {
  const names = new Set<string>();
  for (let i = 0; i < claims.length; i++) {
    const name: string = claims[i]?.name ?? '';
    const request: string = claims[i]?.request ?? '';
    const at = `${path}[${i}]`;
    if (name === '') {
      out.push(required(at));
      continue;
    }
    if (names.has(name)) out.push({ field: at, message: `Duplicate value: ${formatValue(name)}` });
    else {
      let key = name;
      if (request !== '') {
        pushNameErrors(out, request, 'label', `${at}.request`, request);
        key += `/${request}`;
      }
      if (names.has(key)) out.push({ field: at, message: `Duplicate value: ${formatValue(key)}` });
      else if (request === '')
        // Go ranges over the set of keys; each earlier `name/request` repeats the cause.
        for (const k of names)
          if (k.indexOf('/') >= 0 && k.slice(0, k.indexOf('/')) === name)
            out.push({ field: at, message: `Duplicate value: ${formatValue(name)}` });
      names.add(key);
    }
    if (!claimNames.includes(name)) {
      const which = claimNames.length === 0 ? ' which is empty' : `: ${[...claimNames].sort().join(', ')}`;
      out.push({
        field: at,
        message: `Not found: ${formatValue(name)}: must be one of the names in pod.spec.resourceClaims${which}`,
      });
    }
  }
}

/** gatherPodResourceClaimNames: the names of spec.resourceClaims. */
function podClaimNames(spec: Any): string[] {
  const out: string[] = [];
  if (Array.isArray(spec?.resourceClaims))
    for (const c of spec.resourceClaims) if (typeof c?.name === 'string' && c.name !== '') out.push(c.name);
  return out;
}

/** ValidateContainerResourceRequirements for container `c` at `path` (the container's). */
export function pushContainerResourceErrors(out: FieldError[], c: Any, spec: Any, path: string): void {
  const r = c.resources;
  // Most containers have none, or `resources: {}`: nothing to walk.
  if (!isObj(r) || (r.limits == null && r.requests == null && r.claims == null)) return;
  pushRequirementErrors(out, r, pushContainerResourceNameErrors, spec, `${path}.resources`);
}

/** validatePodResources: the pod-level `resources` (claims, requirements, consistency). */
export function pushPodResourceErrors(out: FieldError[], spec: Any, path: string): void {
  const r = spec?.resources;
  if (!isObj(r)) return;
  const at = `${path}.resources`;
  if (r.claims != null)
    out.push(forbidden(`${at}.claims`, 'claims cannot be set for Resources at pod-level'));
  pushRequirementErrors(out, r, pushPodResourceNameErrors, spec, at);
  pushConsistencyErrors(out, spec, r, at);
}

/** AggregateContainerRequests: containers and sidecars summed, then the max with each init step. */
function aggregateRequests(spec: Any): Map<string, Qty> {
  const reqs = new Map<string, Qty>();
  const add = (into: Map<string, Qty>, list: unknown) => {
    for (const name of sortedKeys(list)) {
      const q = resourceQuantity((list as Any)[name]);
      if (!q) continue;
      const had = into.get(name);
      into.set(name, had ? addQuantity(had, q) : q);
    }
  };
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) add(reqs, c?.resources?.requests);
  const sidecars = new Map<string, Qty>();
  const inits = new Map<string, Qty>();
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) {
    let step: Map<string, Qty>;
    if (c?.restartPolicy === 'Always') {
      add(reqs, c?.resources?.requests);
      add(sidecars, c?.resources?.requests);
      step = sidecars;
    } else {
      step = new Map();
      add(step, c?.resources?.requests);
      for (const [k, v] of sidecars) step.set(k, step.has(k) ? addQuantity(step.get(k) as Qty, v) : v);
    }
    for (const [k, v] of step) {
      const had = inits.get(k);
      if (!had || cmpQuantity(v, had) > 0) inits.set(k, v);
    }
  }
  for (const [k, v] of inits) {
    const had = reqs.get(k);
    if (!had || cmpQuantity(v, had) > 0) reqs.set(k, v);
  }
  return reqs;
}

const ZERO: Qty = { n: 0n, e: 0, str: '0', format: 'DecimalSI' };

/**
 * validatePodResourceConsistency: for each resource the pod level supports (1.34 skips the others,
 * kubernetes#132551), the pod's request at least the containers' aggregate, and each container's
 * limit at most the pod's. A request the pod leaves out is Go's zero Quantity ("0") when the pod
 * sets no limits (SetDefaults_Pod's defaultPodRequests then fills nothing); with pod limits it
 * may be defaulted, which is not modelled (see the header), so it is not compared.
 */
function pushConsistencyErrors(out: FieldError[], spec: Any, r: Any, at: string): void {
  const podReqs = isObj(r.requests) ? r.requests : undefined;
  const noLimits = sortedKeys(r.limits).length === 0;
  const aggregate = aggregateRequests(spec);
  for (const name of [...aggregate.keys()].sort()) {
    if (!isCpuOrMemory(name) && !isHugePages(name)) continue;
    const set = podReqs !== undefined && Object.hasOwn(podReqs, name);
    if (!set && !noLimits) continue;
    const pod = set ? resourceQuantity(podReqs[name]) : ZERO;
    const ctr = aggregate.get(name) as Qty;
    if (pod && cmpQuantity(ctr, pod) > 0)
      out.push(
        invalid(
          `${at}.requests[${name}]`,
          pod.str,
          `must be greater than or equal to aggregate container requests of ${ctr.str}`,
        ),
      );
  }
  const podLimits = isObj(r.limits) ? r.limits : undefined;
  if (!podLimits || !Array.isArray(spec.containers)) return;
  for (let i = 0; i < spec.containers.length; i++) {
    const limits = spec.containers[i]?.resources?.limits;
    for (const name of sortedKeys(limits)) {
      if (!Object.hasOwn(podLimits, name)) continue;
      const c = resourceQuantity(limits[name]);
      const p = resourceQuantity(podLimits[name]);
      if (c && p && cmpQuantity(c, p) > 0)
        out.push(
          invalid(
            `${at}.containers[${i}][${name}].limits`,
            c.str,
            `must be less than or equal to pod limits of ${p.str}`,
          ),
        );
    }
  }
}
