// Label selectors: matching requirements and the API's LabelSelector object (matchLabels +
// matchExpressions), and the label key/value checks [APIMACH labels/selector.go,
// util/validation/validation.go]. The string syntax's parser is ./selector-parse (only kubectl's
// `-l` and list calls with a labelSelector use it, so the page loads it with kubectl).

import { isOwn } from '../runtime/own';
import type { LabelSelector, Labels } from './types';

export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' }
  /** `a>5` / `a<5` (selection.GreaterThan / LessThan): the label must exist and parse as an int64. */
  | { key: string; op: 'gt' | 'lt'; value: number };

export type Selector = Requirement[];

export function matches(sel: Selector, labels: Labels | undefined): boolean {
  const l = labels ?? {};
  for (const r of sel) {
    const has = Object.hasOwn(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case 'eq':
        if (!has || v !== r.value) return false;
        break;
      case 'neq':
        if (has && v === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v as string)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v as string)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        // Requirement.Matches: strconv.ParseInt(label, 10, 64); a label that is not an integer never matches.
        const n = has ? parseInt64(v as string) : undefined;
        if (n === undefined || (r.op === 'gt' ? !(n > r.value) : !(n < r.value))) return false;
        break;
      }
    }
  }
  return true;
}

/** Equality-based map selector (Service.spec.selector, matchLabels). Empty map selects everything. */
export function matchesMap(selector: Labels | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  for (const k of Object.keys(selector)) if (l[k] !== selector[k]) return false;
  return true;
}

export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const out: Selector = [];
  if (!ls) return out;
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) out.push({ key, op: 'eq', value });
  for (const e of ls.matchExpressions ?? []) {
    if (e.operator === 'In') out.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn') out.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') out.push({ key: e.key, op: 'exists' });
    else out.push({ key: e.key, op: 'notexists' });
  }
  return out;
}

export function matchesLabelSelector(ls: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!ls) return true;
  // The API server validates every Deployment/ReplicaSet write with this: for the well-formed
  // selectors decoding produces, answer without building the Requirement list; anything else
  // takes the general path (which is also where any TypeError would come from).
  const ml = ls.matchLabels;
  const me = ls.matchExpressions;
  if (
    (ml !== undefined && ml !== null && (typeof ml !== 'object' || Array.isArray(ml))) ||
    (me !== undefined && me !== null && !wellFormedExpressions(me))
  )
    return matches(fromLabelSelector(ls), labels);
  const l: Labels = labels ?? {};
  if (ml) {
    for (const key in ml) {
      if (!isOwn(ml, key)) continue;
      if (!Object.hasOwn(l, key) || l[key] !== ml[key]) return false;
    }
  }
  if (me) {
    for (const e of me) {
      const has = Object.hasOwn(l, e.key);
      if (e.operator === 'In') {
        if (!has || !(e.values ?? []).includes(l[e.key] as string)) return false;
      } else if (e.operator === 'NotIn') {
        if (has && (e.values ?? []).includes(l[e.key] as string)) return false;
      } else if (e.operator === 'Exists') {
        if (!has) return false;
      } else if (has) return false;
    }
  }
  return true;
}

/** An array of objects whose `values`, where In/NotIn read them, are absent or an array. */
function wellFormedExpressions(me: unknown): boolean {
  if (!Array.isArray(me)) return false;
  for (const e of me) {
    if (typeof e !== 'object' || e === null) return false;
    if ((e.operator === 'In' || e.operator === 'NotIn') && e.values != null && !Array.isArray(e.values))
      return false;
  }
  return true;
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** NAME_RE over k[from, to), to > from, by character. */
function isQualifiedNamePart(k: string, from: number, to: number): boolean {
  if (!isAlnumCode(k.charCodeAt(from)) || !isAlnumCode(k.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = k.charCodeAt(i);
    if (!isAlnumCode(c) && c !== 45 && c !== 95 && c !== 46) return false; // - _ .
  }
  return true;
}

function isLowerAlnumCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** SUBDOMAIN_RE over k[0, to), by character: DNS-1123 labels joined by single dots. */
function isSubdomainPrefix(k: string, to: number): boolean {
  let from = 0;
  for (;;) {
    let end = k.indexOf('.', from);
    if (end < 0 || end > to) end = to;
    if (end <= from) return false;
    if (!isLowerAlnumCode(k.charCodeAt(from)) || !isLowerAlnumCode(k.charCodeAt(end - 1))) return false;
    for (let i = from + 1; i < end - 1; i++) {
      const c = k.charCodeAt(i);
      if (!isLowerAlnumCode(c) && c !== 45) return false;
    }
    if (end === to) return true;
    from = end + 1;
  }
}

/**
 * Whether IsQualifiedName finds nothing wrong with `k` (qualifiedNameErrors(k) is empty), by a
 * character scan that allocates nothing: label keys are checked on every write.
 */
export function isQualifiedName(k: string): boolean {
  if (typeof k !== 'string') return false;
  const slash = k.indexOf('/');
  if (slash < 0) return k.length > 0 && k.length <= 63 && isQualifiedNamePart(k, 0, k.length);
  if (k.indexOf('/', slash + 1) >= 0) return false;
  const n = k.length - slash - 1;
  return (
    slash > 0 &&
    slash <= 253 &&
    isSubdomainPrefix(k, slash) &&
    n > 0 &&
    n <= 63 &&
    isQualifiedNamePart(k, slash + 1, k.length)
  );
}

/** validation.IsQualifiedName (label keys). */
export function qualifiedNameErrors(k: string): string[] {
  if (isQualifiedName(k)) return [];
  const errs: string[] = [];
  const parts = k.split('/');
  let name = k;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!SUBDOMAIN_RE.test(prefix)) errs.push(`prefix part ${SUBDOMAIN_MSG}`);
    }
  } else if (parts.length > 2) {
    return [
      `a qualified name ${NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!NAME_RE.test(name)) errs.push(`name part ${NAME_MSG}`);
  return errs;
}

/** validation.IsValidLabelValue. */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (v !== '' && !NAME_RE.test(v)) errs.push(VALUE_MSG);
  return errs;
}

/** Go's %q for the strings a selector can hold (printable ASCII is the common case). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, in range; else undefined. */
export function parseInt64(s: string): number | undefined {
  if (!/^[-+]?\d+$/.test(s)) return undefined;
  const b = BigInt(s);
  return b < INT64_MIN || b > INT64_MAX ? undefined : Number(b);
}

/** `app=sleep-1,pod-template-hash=8f68bd59d`: keys sorted, as `--show-labels` and SELECTOR print. */
export function formatLabels(labels: Labels | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
