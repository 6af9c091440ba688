// Label selectors: the kubectl string syntax (`app=x,tier!=y,env in (a,b),!k`) and the API's
// LabelSelector object (matchLabels + matchExpressions). [APIMACH labels/selector.go]
import type { LabelSelector, Labels } from './types';

export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

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
  return matches(fromLabelSelector(ls), labels);
}

/**
 * Parse kubectl's selector syntax. Throws Error with the apimachinery message on bad input, e.g.
 * `unable to parse requirement: found '', expected: identifier`.
 */
export function parseSelector(text: string): Selector {
  const out: Selector = [];
  const s = text.trim();
  if (s === '') return out;
  for (const part of splitTopLevel(s)) {
    const p = part.trim();
    let m = /^!\s*([^\s=!(),]+)$/.exec(p);
    if (m) {
      out.push({ key: m[1] as string, op: 'notexists' });
      continue;
    }
    m = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const values = (m[3] as string)
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      out.push({ key: m[1] as string, op: m[2] === 'in' ? 'in' : 'notin', values });
      continue;
    }
    m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(p);
    if (m) {
      out.push({ key: m[1] as string, op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] as string });
      continue;
    }
    m = /^([^\s=!(),]+)$/.exec(p);
    if (m) {
      out.push({ key: m[1] as string, op: 'exists' });
      continue;
    }
    throw new Error(`unable to parse requirement: ${JSON.stringify(p)}`);
  }
  return out;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** `app=sleep-1,pod-template-hash=8f68bd59d`: keys sorted, as `--show-labels` and SELECTOR print. */
export function formatLabels(labels: Labels | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
