// Label selectors: the string syntax (`app=x,tier!=y,env in (a,b),!k,n>5`) parsed and validated
// exactly as apimachinery's labels.Parse does it (Lexer, Parser, NewRequirement, validateLabelKey /
// validateLabelValue), and the API's LabelSelector object (matchLabels + matchExpressions).
// [APIMACH labels/selector.go, util/validation/validation.go] This is the one parser: the store's
// list, kubectl's `-l` check and its BadRequest wording all use it.
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
      if (!Object.hasOwn(ml, key)) continue;
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

// ---------------------------------------------------------------- labels.Parse

type Tok = 'err' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const TOKENS: Readonly<Record<string, Tok>> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

/** Own keys only: an identifier such as `constructor` is not a token. */
const token = (lit: string): Tok | undefined => (Object.hasOwn(TOKENS, lit) ? TOKENS[lit] : undefined);

const isWhite = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

/** Lexer.Lex over the whole string (Parser.scan). */
function scan(s: string): { tok: Tok; lit: string }[] {
  const items: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhite(s[pos] as string)) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[pos] as string)) {
      // scanSpecialSymbol: the longest run of special characters that is still a token.
      let buf = '';
      let last: { tok: Tok; lit: string } | undefined;
      while (pos < s.length && isSpecial(s[pos] as string)) {
        buf += s[pos];
        const t = token(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'err', lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos] as string) && !isWhite(s[pos] as string)) buf += s[pos++];
    items.push({ tok: token(buf) ?? 'id', lit: buf });
  }
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** validation.IsQualifiedName (label keys). */
export function qualifiedNameErrors(k: string): string[] {
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

const BINARY_OPS = 'in, notin, =, ==, !=, gt, lt';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, in range; else undefined. */
function parseInt64(s: string): number | undefined {
  if (!/^[-+]?\d+$/.test(s)) return undefined;
  const b = BigInt(s);
  return b < INT64_MIN || b > INT64_MAX ? undefined : Number(b);
}

/** A selector the API server refuses (400 BadRequest); `message` is labels.Parse's error text. */
export class LabelSelectorParseError extends Error {
  override readonly name = 'LabelSelectorParseError';
}

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

const OPS: Partial<Record<Tok, Requirement['op']>> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'neq',
  in: 'in',
  notin: 'notin',
  '>': 'gt',
  '<': 'lt',
};

/**
 * labels.Parse, without throwing: the requirements, or the server's error text, e.g.
 * `unable to parse requirement: found '', expected: ',' or ')'`.
 */
export function tryParseSelector(selector: string): ParseResult {
  const items = scan(selector);
  let p = 0;
  const out: Selector = [];
  // Lexer contexts: in `Values` the keywords `in` / `notin` are plain identifiers.
  const values = (t: Tok): Tok => (t === 'in' || t === 'notin' ? 'id' : t);
  const look = (v = true) => {
    const it = items[p] as { tok: Tok; lit: string };
    return { tok: v ? values(it.tok) : it.tok, lit: it.lit };
  };
  const consume = (v = true) => {
    const r = look(v);
    p = Math.min(p + 1, items.length - 1);
    return r;
  };
  const requirement = (): string | Requirement => {
    // parseKeyAndInferOperator (the key is validated here, with a nil field path: `<nil>: …`)
    let { tok, lit } = consume();
    let not = false;
    if (tok === '!') {
      not = true;
      ({ tok, lit } = consume());
    }
    if (tok !== 'id') return `found '${lit}', expected: identifier`;
    const key = lit;
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length) return `<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`;
    if (not) return { key, op: 'notexists' };
    const next = look().tok;
    if (next === 'eos' || next === ',') return { key, op: 'exists' };
    // parseOperator
    const o = consume(false);
    const op = OPS[o.tok];
    if (!op || op === 'exists' || op === 'notexists') return `found '${o.lit}', expected: ${BINARY_OPS}`;
    let vals: string[];
    if (op === 'in' || op === 'notin') {
      // parseValues
      const open = consume();
      if (open.tok !== '(') return `found '${open.lit}' expected: '('`;
      const first = look();
      if (first.tok === ')') {
        consume();
        vals = [''];
      } else if (first.tok === 'id' || first.tok === ',') {
        // parseIdentifiersList
        const set = new Set<string>();
        for (;;) {
          const c = consume();
          if (c.tok === 'id') {
            set.add(c.lit);
            const n = look();
            if (n.tok === ',') continue;
            if (n.tok === ')') break;
            return `found '${n.lit}', expected: ',' or ')'`;
          }
          if (c.tok === ',') {
            if (set.size === 0) set.add('');
            const n = look().tok;
            if (n === ')') {
              set.add('');
              break;
            }
            if (n === ',') set.add('');
            continue;
          }
          return `found '${c.lit}', expected: ',', or identifier`;
        }
        if (consume().tok !== ')') return `found '${first.lit}', expected: ')'`;
        vals = [...set];
      } else return `found '${first.lit}', expected: ',', ')' or identifier`;
    } else {
      // parseExactValue
      const n = look().tok;
      if (n === 'eos' || n === ',') vals = [''];
      else {
        const v = consume();
        if (v.tok !== 'id') return `found '${v.lit}', expected: identifier`;
        vals = [v.lit];
      }
    }
    // NewRequirement (values arrive sorted: sets.String.List()); errors aggregate.
    vals.sort();
    const errs: string[] = [];
    const n = op === 'gt' || op === 'lt' ? parseInt64(vals[0] as string) : undefined;
    if ((op === 'gt' || op === 'lt') && n === undefined)
      errs.push(
        `values[0]: Invalid value: ${goQuote(vals[0] as string)}: for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    vals.forEach((v, i) => {
      const ve = labelValueErrors(v);
      if (ve.length) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${ve.join('; ')}`);
    });
    if (errs.length === 1) return errs[0] as string;
    if (errs.length > 1) return `[${errs.join(', ')}]`;
    if (op === 'in' || op === 'notin') return { key, op, values: vals };
    if (op === 'gt' || op === 'lt') return { key, op, value: n as number };
    return { key, op, value: vals[0] as string };
  };
  for (;;) {
    const { tok, lit } = look();
    if (tok === 'eos') return { ok: true, selector: out };
    if (tok !== 'id' && tok !== '!')
      return { ok: false, error: `found '${lit}', expected: !, identifier, or 'end of string'` };
    const r = requirement();
    if (typeof r === 'string') return { ok: false, error: `unable to parse requirement: ${r}` };
    out.push(r);
    const t = consume();
    if (t.tok === 'eos') return { ok: true, selector: out };
    if (t.tok === ',') {
      const n = look().tok;
      if (n !== 'id' && n !== '!')
        return { ok: false, error: `found '${look().lit}', expected: identifier after ','` };
      continue;
    }
    return { ok: false, error: `found '${t.lit}', expected: ',' or 'end of string'` };
  }
}

/** labels.Parse's error text for a selector, or undefined when it is valid. */
export function selectorParseError(selector: string): string | undefined {
  const r = tryParseSelector(selector);
  return r.ok ? undefined : r.error;
}

/** Parsed selectors by text: every store list parses one, and the same few recur. */
const cache = new Map<string, Selector>();

/**
 * Parse the selector syntax (labels.Parse). Throws LabelSelectorParseError with the server's
 * message on bad input. The result is shared between callers: do not mutate it.
 */
export function parseSelector(text: string): Selector {
  const hit = cache.get(text);
  if (hit) return hit;
  const r = tryParseSelector(text);
  if (!r.ok) throw new LabelSelectorParseError(r.error);
  if (cache.size >= 256) cache.clear();
  cache.set(text, r.selector);
  return r.selector;
}

/** `app=sleep-1,pod-template-hash=8f68bd59d`: keys sorted, as `--show-labels` and SELECTOR print. */
export function formatLabels(labels: Labels | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
