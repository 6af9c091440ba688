// Reuse of the entries a controller wrote last time. Between two writes of a Service's Endpoints
// or EndpointSlice most entries are unchanged (one Pod got its IP, or turned Ready), so an entry
// whose stored object is exactly what would be built now — same keys, in the same order, with the
// same values, so the written JSON is byte-identical — is carried over instead of rebuilt. Stored
// objects are immutable snapshots, so sharing them between versions is safe; anything not
// provably identical (a user's hand-written entry, another key order) is built afresh.
import type { EndpointAddress, EndpointSliceEndpoint } from '../api/types';
import type { PodEntry } from './endpoints-state';

const TARGET_REF_KEYS = ['kind', 'namespace', 'name', 'uid'] as const;

/** Whether `ref` is exactly entryTargetRef(e) (kind, namespace, name, uid, in that order). */
export function isEntryTargetRef(ref: unknown, e: PodEntry): boolean {
  if (typeof ref !== 'object' || ref === null) return false;
  const r = ref as Record<string, unknown>;
  let n = 0;
  for (const k in r) {
    if (k !== TARGET_REF_KEYS[n]) return false;
    n++;
  }
  return n === 4 && r.kind === 'Pod' && r.namespace === e.namespace && r.name === e.name && r.uid === e.uid;
}

/** Whether `a` is exactly the address built for entry `e`: ip, [hostname], [nodeName], targetRef. */
export function isEntryAddress(a: EndpointAddress, e: PodEntry): boolean {
  const hostname = e.hostname;
  const nodeName = e.nodeName;
  let stage = 0;
  for (const k in a) {
    if (stage === 0 && k === 'ip') stage = hostname ? 1 : nodeName ? 2 : 3;
    else if (stage === 1 && k === 'hostname') stage = nodeName ? 2 : 3;
    else if (stage === 2 && k === 'nodeName') stage = 3;
    else if (stage === 3 && k === 'targetRef') stage = 4;
    else return false;
  }
  return (
    stage === 4 &&
    a.ip === e.ip &&
    a.hostname === hostname &&
    a.nodeName === nodeName &&
    isEntryTargetRef(a.targetRef, e)
  );
}

type Conditions = EndpointSliceEndpoint['conditions'];

/**
 * The eight possible `conditions` values, shared by every slice endpoint (frozen: stored objects
 * are never modified, and a shared one must not be).
 */
const CONDITIONS: readonly Conditions[] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
  Object.freeze({ ready: (i & 4) !== 0, serving: (i & 2) !== 0, terminating: (i & 1) !== 0 }),
);

export function conditions(ready: boolean, serving: boolean, terminating: boolean): Conditions {
  return CONDITIONS[(ready ? 4 : 0) + (serving ? 2 : 0) + (terminating ? 1 : 0)] as Conditions;
}

function isConditions(c: unknown, want: Conditions): boolean {
  if (c === want) return true;
  if (typeof c !== 'object' || c === null) return false;
  const r = c as Record<string, unknown>;
  let n = 0;
  for (const k in r) {
    if (k !== (n === 0 ? 'ready' : n === 1 ? 'serving' : n === 2 ? 'terminating' : '')) return false;
    n++;
  }
  return (
    n === 3 && r.ready === want.ready && r.serving === want.serving && r.terminating === want.terminating
  );
}

/**
 * Whether `ep` is exactly the slice endpoint built for entry `e` with conditions `cond`:
 * addresses, conditions, [hostname], targetRef, [nodeName].
 */
export function isEntrySliceEndpoint(ep: EndpointSliceEndpoint, e: PodEntry, cond: Conditions): boolean {
  const hostname = e.hostname;
  const nodeName = e.nodeName;
  let stage = 0;
  for (const k in ep) {
    if (stage === 0 && k === 'addresses') stage = 1;
    else if (stage === 1 && k === 'conditions') stage = hostname ? 2 : 3;
    else if (stage === 2 && k === 'hostname') stage = 3;
    else if (stage === 3 && k === 'targetRef') stage = nodeName ? 4 : 5;
    else if (stage === 4 && k === 'nodeName') stage = 5;
    else return false;
  }
  const addresses = ep.addresses;
  return (
    stage === 5 &&
    Array.isArray(addresses) &&
    addresses.length === 1 &&
    addresses[0] === e.ip &&
    ep.hostname === hostname &&
    ep.nodeName === nodeName &&
    isConditions(ep.conditions, cond) &&
    isEntryTargetRef(ep.targetRef, e)
  );
}

/**
 * Last time's entries by IP (the first for an IP; a candidate is then checked exactly). A few
 * entries are scanned; many are put in a map once. One instance per controller is reused:
 * `clear()` after each use drops the references.
 */
const NONE: readonly never[] = [];

export class PreviousEntries<T> {
  /** The first `nLists` are this use's (the array is reused, see endpoints-util truncated). */
  private readonly lists: (readonly T[])[] = [];
  private nLists = 0;
  private count = 0;
  private map: Map<string, T> | undefined;

  constructor(private readonly ipOf: (e: T) => string | undefined) {}

  add(entries: readonly T[] | null | undefined): void {
    if (!entries?.length) return;
    this.lists[this.nLists++] = entries;
    this.count += entries.length;
  }

  get(ip: string): T | undefined {
    if (this.count <= 8) {
      for (let l = 0; l < this.nLists; l++) {
        const list = this.lists[l] as readonly T[];
        for (let i = 0; i < list.length; i++) if (this.ipOf(list[i] as T) === ip) return list[i];
      }
      return undefined;
    }
    if (!this.map) {
      this.map = new Map();
      for (let l = 0; l < this.nLists; l++) {
        for (const e of this.lists[l] as readonly T[]) {
          const k = this.ipOf(e);
          if (k !== undefined && !this.map.has(k)) this.map.set(k, e);
        }
      }
    }
    return this.map.get(ip);
  }

  clear(): void {
    for (let l = 0; l < this.nLists; l++) this.lists[l] = NONE; // no references kept
    this.nLists = 0;
    this.count = 0;
    this.map = undefined;
  }
}
