// A Pod's QoS class, which the API server writes into status.qosClass when the Pod is created
// (podStrategy.PrepareForCreate: `pod.Status = api.PodStatus{Phase: Pending, QOSClass:
// qos.GetPodQOS(pod)}`, after defaulting, so requests defaulted from limits count; updates keep
// the stored status, and the status strategy backfills an empty qosClass from it: the class never
// changes). Bound late (src/sim/late): the boot's own Pods get it from ./defaults' small version.
// [K8S 1.34 pkg/registry/core/pod/strategy.go; pkg/apis/core/helper/qos/qos.go ComputePodQOS, as
// kubectl v0.34's pkg/util/qos/qos.go copies it]
//   - Only cpu and memory count (isSupportedQoSComputeResource; hugepages, ephemeral-storage and
//     extended resources do not), and only quantities above zero.
//   - With PodLevelResources (Beta, on by default in 1.34) a non-nil spec.resources decides alone:
//     its requests and limits, summed the same way. 1.34 tests `pod.Spec.Resources != nil`, so
//     even `resources: {}` does (PodLevelResourcesFixKubeletQOSClass, which asks for a supported
//     resource in it, is a later release's, kubernetes#135082).
//   - Otherwise the requests and limits of every container and init container (ephemeral
//     containers have none) are summed per resource; Guaranteed when every one of those
//     containers has cpu and memory limits and the summed requests equal the summed limits for
//     the same set of resources, BestEffort when nothing was summed, else Burstable.
// A quantity is compared by value at nano precision (ParseQuantity rounds a finer value up to
// 1n). A string that is not a quantity counts as absent: the real API server refuses it when it
// decodes the Pod, which our schema (resources: ANY) does not.

// biome-ignore lint/suspicious/noExplicitAny: the Pod spec is loosely typed decoded JSON.
type Any = any;

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `<sign><digits>[.<digits>]` then a decimal SI suffix, a binary one, or a decimal exponent. */
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:([numkMGTPE]?)|([KMGTPE]i)|[eE]([+-]?\d+))$/;
/** The decimal suffixes in steps of 10^3 from n (10^-9); ' ' stands for none. */
const DECIMAL = 'num kMGTPE';

/** The quantity's value in units of 10^-9 (rounded up), or undefined when it is not a quantity. */
export function quantityNano(v: unknown): bigint | undefined {
  const m = typeof v === 'string' || typeof v === 'number' ? QUANTITY.exec(String(v)) : null;
  if (!m) return undefined;
  const [, sign, int = '', frac = '', dec = '', bin, exp] = m;
  if (int === '' && frac === '') return undefined;
  let n = BigInt(int + frac);
  let e = 9 - frac.length;
  if (bin) n <<= BigInt(10 * ('KMGTPE'.indexOf(bin[0] as string) + 1));
  else e += exp !== undefined ? Number(exp) : 3 * (DECIMAL.indexOf(dec || ' ') - 3);
  // An absurd exponent is clamped rather than expanded (10^100 nano is beyond any real quantity).
  e = Math.max(-100, Math.min(100, e));
  if (e >= 0) n *= 10n ** BigInt(e);
  else {
    const d = 10n ** BigInt(-e);
    n = (n + d - 1n) / d;
  }
  return sign === '-' ? -n : n;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/** processResourceList: add the positive cpu/memory quantities of `list`; how many were found. */
function sum(into: Map<string, bigint>, list: unknown): number {
  let found = 0;
  if (!isObj(list)) return found;
  for (const name of QOS_RESOURCES) {
    if (!Object.hasOwn(list, name)) continue;
    const q = quantityNano(list[name]);
    if (q === undefined || q <= 0n) continue;
    into.set(name, (into.get(name) ?? 0n) + q);
    found++;
  }
  return found;
}

/** ComputePodQOS over a (defaulted) PodSpec. */
export function computePodQOS(spec: Any): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const podLevel = isObj(spec) ? spec.resources : undefined;
  if (isObj(podLevel)) {
    sum(requests, podLevel.requests);
    // Only limits that are set can make the Pod not Guaranteed here (`if Limits != nil`).
    if (isObj(podLevel.limits) && sum(limits, podLevel.limits) < 2) guaranteed = false;
  } else if (isObj(spec)) {
    for (const list of [spec.containers, spec.initContainers]) {
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        const r = isObj(c) && isObj(c.resources) ? c.resources : undefined;
        sum(requests, r?.requests);
        if (sum(limits, r?.limits) < 2) guaranteed = false;
      }
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
