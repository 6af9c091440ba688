// The API server's object-shape helpers (split from ./server): the no-op update check without
// resourceVersion, and the served key order (apiVersion, kind, metadata, spec, status) kept cheap
// for V8 (spread copies of objects already in order).

import { isOwn } from '../runtime/own';
import { copyTop } from './copy';
import { deepEqual } from './json';

// biome-ignore lint/suspicious/noExplicitAny: writes handle loosely typed objects.
type Any = any;

/**
 * deepEqual(a, b) with metadata.resourceVersion left out (the no-op update check), without
 * copying either object: a key whose value is undefined does not count, as in deepEqual.
 */
export function equalExceptResourceVersion(a: Any, b: Any): boolean {
  let na = 0;
  for (const k in a) {
    if (!isOwn(a, k) || k === 'metadata') continue;
    const x = a[k];
    if (x === undefined) continue;
    na++;
    if (!deepEqual(x, b[k])) return false;
  }
  let nb = 0;
  for (const k in b) if (isOwn(b, k) && k !== 'metadata' && b[k] !== undefined) nb++;
  return na === nb && metaEqualExceptResourceVersion(a.metadata ?? {}, b.metadata ?? {});
}

function metaEqualExceptResourceVersion(a: Any, b: Any): boolean {
  if (a === b) return true;
  let na = 0;
  for (const k in a) {
    if (!isOwn(a, k) || k === 'resourceVersion') continue;
    const x = a[k];
    if (x === undefined) continue;
    na++;
    if (!deepEqual(x, b[k])) return false;
  }
  let nb = 0;
  for (const k in b) if (isOwn(b, k) && k !== 'resourceVersion' && b[k] !== undefined) nb++;
  return na === nb;
}

/** Whether every own key of `o` is one of apiVersion, kind, metadata, spec, status. */
export function onlyServedKeys(o: Any): boolean {
  for (const k in o) {
    if (!isOwn(o, k)) continue;
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && k !== 'spec' && k !== 'status')
      return false;
  }
  return true;
}

/** orderKeys, as a spread copy when `o` is already in order (see create). */
export function compactKeys(o: Any): Any {
  return inServedOrder(o) ? copyTop(o) : orderKeys(o);
}

/** apiVersion, kind, metadata, spec, status first (how the API server serialises objects). */
export function orderKeys(o: Any): Any {
  if (inServedOrder(o)) return o;
  const { apiVersion, kind, metadata, spec, status, ...rest } = o;
  const out: Any = { apiVersion, kind, metadata, ...rest };
  if (spec !== undefined) out.spec = spec;
  if (status !== undefined) out.status = status;
  return out;
}

/** Whether orderKeys(o) would only copy `o`: its own keys already in that order, spec/status set. */
function inServedOrder(o: Any): boolean {
  let i = 0;
  let tail = 0; // 1 once spec was seen, 2 once status was seen
  for (const k in o) {
    if (!isOwn(o, k)) return false;
    if (i === 0) {
      if (k !== 'apiVersion') return false;
    } else if (i === 1) {
      if (k !== 'kind') return false;
    } else if (i === 2) {
      if (k !== 'metadata') return false;
    } else if (k === 'spec') {
      if (tail !== 0 || o.spec === undefined) return false;
      tail = 1;
    } else if (k === 'status') {
      if (tail === 2 || o.status === undefined) return false;
      tail = 2;
    } else if (tail !== 0) return false;
    i++;
  }
  return i >= 3;
}
