// The update rules of ValidatePodUpdate (1.34 pkg/apis/core/validation/validation.go), which run
// after ValidateObjectMetaUpdate's labels and annotations and validatePodMetadataAndSpec (the new
// Pod validated as on create: validation.ts). In its order: ValidateContainerUpdates for the
// containers and the init containers (a count that changed stops here), activeDeadlineSeconds
// (its causes stop here too), validateOnlyAddedTolerations, validateOnlyDeletedSchedulingGates,
// then the spec with the updatable fields put back compared with the stored one
// (apiequality.Semantic: quantities by value, an empty list or map as none).
// A gated Pod may gain nodeSelector entries. Not modelled: ValidatePodSpecificAnnotationUpdates
// (mirror-pod and AppArmor annotations) and a gated Pod's node affinity additions
// (validateNodeAffinityMutation prints the internal NodeSelectorTerm list, whose JSON form we
// could not establish): a change there gets the Forbidden cause below.
// Bound late with validation.ts.

import { type FieldError, forbidden, invalid, required } from './errors';
import { deepEqual } from './json';
import { pushTolerationErrors } from './validation-pod-fields';
import { resourceQuantity } from './validation-pod-resources';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

// The real message goes on with "\n" and a go-cmp diff of the old and the munged spec
// (cmp.Diff). go-cmp's output is deliberately unstable (it randomizes its spacing between
// runs), so it is not reproduced: the message stops after the list of updatable fields.
const POD_MUTABLE_MSG =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
const MAX_INT32 = 2147483647;

const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);

/** ValidateContainerUpdates: the same number of containers, each with an image; true to stop. */
function pushContainerUpdateErrors(out: FieldError[], next: unknown, old: unknown, path: string): boolean {
  const cs = list(next);
  if (cs.length !== list(old).length) {
    out.push(forbidden(path, 'pod updates may not add or remove containers'));
    return true;
  }
  for (let i = 0; i < cs.length; i++) {
    const image = cs[i]?.image;
    if (!image) out.push(required(`${path}[${i}].image`));
    if (typeof image === 'string' && image.trim() !== image)
      out.push(invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  }
  return false;
}

/** A toleration's fields as Go's struct holds them ("" for a missing string), seconds aside. */
const tolerationKey = (t: Any) =>
  JSON.stringify([t?.key ?? '', t?.operator ?? '', t?.value ?? '', t?.effect ?? '']);

/** validateOnlyAddedTolerations: each stored toleration kept (its seconds may change). */
function pushTolerationUpdateErrors(out: FieldError[], next: unknown, old: unknown): void {
  const kept = new Set(list(next).map(tolerationKey));
  for (const t of list(old))
    if (!kept.has(tolerationKey(t))) {
      out.push(
        forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'),
      );
      return;
    }
  pushTolerationErrors(out, next, 'spec.tolerations');
}

/**
 * validateOnlyDeletedSchedulingGates: a gate the stored Pod did not have. Go ranges over a map of
 * name to (last) index, in random order; we report them by index.
 */
function pushGateUpdateErrors(out: FieldError[], next: unknown, old: unknown): void {
  const gates = list(next);
  if (gates.length === 0) return;
  const added = new Map<string, number>();
  for (let i = 0; i < gates.length; i++) added.set(String(gates[i]?.name ?? ''), i);
  for (const g of list(old)) added.delete(String(g?.name ?? ''));
  for (const [name, i] of [...added].sort((a, b) => a[1] - b[1]))
    out.push(
      forbidden(
        `spec.schedulingGates[${i}].name`,
        `only deletion is allowed, but found new scheduling gate '${name}'`,
      ),
    );
}

/**
 * validateNodeSelectorMutation: every stored entry kept with its value (Go stops at the first
 * one missing, in map order; the cause is the same whichever it is).
 */
function pushNodeSelectorMutationErrors(out: FieldError[], next: Any, old: Any): void {
  const n = typeof next === 'object' && next !== null ? next : {};
  for (const [k, v] of Object.entries(typeof old === 'object' && old !== null ? old : {}))
    if (!Object.hasOwn(n, k) || n[k] !== v) {
      out.push(
        invalid(
          'spec.nodeSelector',
          next ?? null,
          'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
        ),
      );
      return;
    }
}

/** A ResourceList with each quantity as its value (n·10^e with no trailing zeros in n). */
function quantities(m: unknown): unknown {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return m;
  const out: Any = {};
  for (const [k, v] of Object.entries(m)) {
    const q = resourceQuantity(v);
    if (!q) out[k] = v;
    else {
      let { n, e } = q;
      while (n !== 0n && n % 10n === 0n) [n, e] = [n / 10n, e + 1];
      out[k] = n === 0n ? 'q0' : `q${n}e${e}`;
    }
  }
  return out;
}

const RESOURCE_LISTS = new Set(['limits', 'requests', 'overhead']);

/** What apiequality.Semantic compares: quantities by value, empty lists and maps as none. */
function semantic(x: unknown, key = ''): unknown {
  if (Array.isArray(x)) return x.length === 0 ? undefined : x.map((v) => semantic(v));
  if (typeof x !== 'object' || x === null) return x;
  if (RESOURCE_LISTS.has(key)) {
    const q = quantities(x) as Any;
    return Object.keys(q).length === 0 ? undefined : q;
  }
  if (key === 'nodeSelector' && Object.keys(x).length === 0) return undefined;
  const out: Any = {};
  for (const [k, v] of Object.entries(x)) {
    const s = k === 'sizeLimit' ? (quantities({ v }) as Any).v : semantic(v, k);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** The rules above for an external update of a Pod from `old` to `spec`, after its own checks. */
export function pushPodUpdateErrors(out: FieldError[], spec: Any, old: Any): void {
  if (pushContainerUpdateErrors(out, spec?.containers, old?.containers, 'spec.containers')) return;
  if (pushContainerUpdateErrors(out, spec?.initContainers, old?.initContainers, 'spec.initContainers'))
    return;
  const ads = spec?.activeDeadlineSeconds;
  const oldAds = old?.activeDeadlineSeconds;
  if (ads != null) {
    if (ads < 0 || ads > MAX_INT32) {
      out.push(invalid('spec.activeDeadlineSeconds', ads, `must be between 0 and ${MAX_INT32}, inclusive`));
      return;
    }
    if (oldAds != null && oldAds < ads) {
      out.push(invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value'));
      return;
    }
  } else if (oldAds != null)
    out.push(
      invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'),
    );
  pushTolerationUpdateErrors(out, spec?.tolerations, old?.tolerations);
  pushGateUpdateErrors(out, spec?.schedulingGates, old?.schedulingGates);
  // The updatable fields put back (munged) before the comparison.
  const munged: Any = { ...spec };
  const withOldImages = (cs: unknown, olds: unknown) =>
    Array.isArray(cs) ? cs.map((c: Any, i: number) => ({ ...c, image: list(olds)[i]?.image })) : cs;
  munged.containers = withOldImages(spec?.containers, old?.containers);
  munged.initContainers = withOldImages(spec?.initContainers, old?.initContainers);
  munged.activeDeadlineSeconds = oldAds;
  munged.schedulingGates = old?.schedulingGates;
  munged.tolerations = old?.tolerations;
  const tgps = old?.terminationGracePeriodSeconds;
  if (tgps != null && tgps < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = tgps;
  // A gated Pod (scheduling gates remain) may gain nodeSelector entries (validateNodeSelectorMutation).
  if (
    list(old?.schedulingGates).length > 0 &&
    !deepEqual(semantic(munged.nodeSelector, 'nodeSelector'), semantic(old?.nodeSelector, 'nodeSelector'))
  ) {
    pushNodeSelectorMutationErrors(out, munged.nodeSelector, old?.nodeSelector);
    munged.nodeSelector = old?.nodeSelector;
  }
  if (!deepEqual(semantic(munged), semantic(old))) out.push(forbidden('spec', POD_MUTABLE_MSG));
}
