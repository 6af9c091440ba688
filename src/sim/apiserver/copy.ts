import { isOwn } from '../runtime/own';

// Shallow copies for the write path. In V8 (Node 20) an object made by spreading (`{ ...x }`)
// takes a slow path (about 1 µs, against 0.1 µs) the first time each of its copies gets a key
// `x` did not have, whether the key is written in the same literal (`{ ...x, status }`) or
// assigned after; overriding keys `x` already had stays fast. The API server adds keys to nearly
// every object it writes (defaults, uid, resourceVersion, nodeName, volumes), so those copies are
// made with copyOwn instead. Pure spreads and spreads that only override keys stay as they are.

// biome-ignore lint/suspicious/noExplicitAny: copies loosely typed objects.
type Any = any;

/**
 * `{ ...x }` for plain data: the same own enumerable string keys in the same order with the same
 * values (a `__proto__` key stays an own data property, as with spread), built by assignment.
 */
export function copyOwn(x: Any): Any {
  if (x === null || x === undefined) return {};
  // Object.assign onto a new empty literal copies the same keys in the same order, to an object of
  // the same map as the loop below gives, and is faster than the loop (about 1.4x on objects of
  // many shapes, as at the API server's copies). Only an own `__proto__` key needs the loop:
  // assigned, it would set the copy's prototype.
  if (!Object.hasOwn(x, '__proto__')) return Object.assign({}, x);
  const o: Any = {};
  for (const k in x) {
    if (!isOwn(x, k)) continue;
    if (k === '__proto__')
      Object.defineProperty(o, k, { value: x[k], enumerable: true, writable: true, configurable: true });
    else o[k] = x[k];
  }
  return o;
}

/**
 * `{ ...x, [key]: value }` built by assignment (copyOwn, then the key). Beyond the slow path above,
 * each such spread copy that gets a new key also gets a map of its own once the site has feedback
 * (checked with %HaveSameMap): label and annotation maps made so (a ReplicaSet's pod-template-hash,
 * a Deployment's revision) each had a shape no other object shared, and the optimized code reading
 * them deoptimized on the new shapes of every fresh cluster.
 */
export function copyWith(x: Any, key: string, value: unknown): Any {
  const o = copyOwn(x);
  o[key] = value;
  return o;
}

/**
 * `{ ...o }` for a top-level object. The API server copies objects of every kind at the same few
 * places, where a spread is slow (V8's copy cache holds only a few shapes); the usual shapes are
 * written out as literals, anything else goes through copyOwn.
 */
export function copyTop(o: Any): Any {
  let n = 0;
  let std = true; // apiVersion, kind, metadata, spec, status (Pods, workloads, Services, Nodes, Namespaces)
  let ep = true; // apiVersion, kind, metadata, subsets (Endpoints)
  let slice = true; // apiVersion, kind, metadata, addressType, endpoints, ports (EndpointSlices)
  for (const k in o) {
    if (!isOwn(o, k)) return copyOwn(o);
    if (k !== STD_KEYS[n]) std = false;
    if (k !== ENDPOINTS_KEYS[n]) ep = false;
    if (k !== SLICE_KEYS[n]) slice = false;
    n++;
  }
  if (std && n === 5)
    return { apiVersion: o.apiVersion, kind: o.kind, metadata: o.metadata, spec: o.spec, status: o.status };
  if (ep && n === 4)
    return { apiVersion: o.apiVersion, kind: o.kind, metadata: o.metadata, subsets: o.subsets };
  if (slice && n === 6)
    return {
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: o.metadata,
      addressType: o.addressType,
      endpoints: o.endpoints,
      ports: o.ports,
    };
  return copyOwn(o);
}

const STD_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const ENDPOINTS_KEYS = ['apiVersion', 'kind', 'metadata', 'subsets'];
const SLICE_KEYS = ['apiVersion', 'kind', 'metadata', 'addressType', 'endpoints', 'ports'];

/**
 * Whether `x` (an object) has exactly `keys` as its own enumerable keys, in that order: the check
 * before a copy written as a literal for a usual key order (copyTop's way). A literal costs no
 * property-adding stores and, for a version kept as long as its object, is pretenurable (a copy by
 * copyOwn or a spread has no allocation site); anything else takes the generic copy.
 */
export function keysAre(x: Any, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in x) {
    if (!isOwn(x, k) || k !== keys[n]) return false;
    n++;
  }
  return n === keys.length;
}
