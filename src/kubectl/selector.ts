// Label selector checking as the apiserver does it when a list request carries `?labelSelector=`
// [APIMACH labels/selector.go Parse: Lexer, Parser, NewRequirement, validateLabelKey/Value], and
// the message kubectl prints for the resulting 400 [CLI-RT resource/selector.go
// EnhanceListError]:
//   Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label
//   selector "app=x…", field selector "": unable to parse requirement: values[0][app]: …
// kubectl itself never parses `-l`; the text goes to the server as is. The simulated store's
// parser is lenient (no key/value validation) and throws plain text on syntax it does not know,
// so every kubectl verb checks here first and prints the real server wording.
import type { K8sObject } from '../sim/api/types';
import type { ListOptions } from '../sim/contract';
import type { ResourceType } from './resources';

type Tok = 'err' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const TOKENS: Record<string, Tok> = {
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
        const t = TOKENS[buf];
        if (t) last = { tok: t, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'err', lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos] as string) && !isWhite(s[pos] as string)) buf += s[pos++];
    items.push({ tok: TOKENS[buf] ?? 'id', lit: buf });
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
function goQuote(s: string): string {
  return JSON.stringify(s);
}

const BINARY_OPS = 'in, notin, =, ==, !=, gt, lt';

/**
 * labels.Parse: undefined when the selector is valid, else the server's error text, e.g.
 * `unable to parse requirement: found '', expected: ',' or ')'`.
 */
export function selectorParseError(selector: string): string | undefined {
  const items = scan(selector);
  let p = 0;
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
  const requirement = (): string | undefined => {
    // parseKeyAndInferOperator
    let { tok, lit } = consume();
    let op = '';
    if (tok === '!') {
      op = '!';
      ({ tok, lit } = consume());
    }
    if (tok !== 'id') return `found '${lit}', expected: identifier`;
    const key = lit;
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length) return `<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`;
    const next = look().tok;
    if (next === 'eos' || next === ',') return undefined;
    if (op === '!') return undefined;
    // parseOperator
    const o = consume(false);
    let vals: string[];
    if (o.tok === 'in' || o.tok === 'notin') {
      // parseValues
      const open = consume();
      if (open.tok !== '(') return `found '${open.lit}' expected: '('`;
      const first = look();
      if (first.tok === ')') {
        consume();
        vals = [''];
      } else if (first.tok === 'id' || first.tok === ',') {
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
    } else if (['=', '==', '!=', '>', '<'].includes(o.tok)) {
      // parseExactValue
      const n = look().tok;
      if (n === 'eos' || n === ',') vals = [''];
      else {
        const v = consume();
        if (v.tok !== 'id') return `found '${v.lit}', expected: identifier`;
        vals = [v.lit];
      }
    } else return `found '${o.lit}', expected: ${BINARY_OPS}`;
    // NewRequirement (values arrive sorted: sets.String.List()).
    vals.sort();
    const errs: string[] = [];
    if ((o.tok === '>' || o.tok === '<') && !/^[-+]?\d+$/.test(vals[0] as string))
      errs.push(
        `values[0]: Invalid value: ${goQuote(vals[0] as string)}: for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    vals.forEach((v, i) => {
      const ve = labelValueErrors(v);
      if (ve.length) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${ve.join('; ')}`);
    });
    if (errs.length === 1) return errs[0];
    if (errs.length > 1) return `[${errs.join(', ')}]`;
    return undefined;
  };
  for (;;) {
    const { tok, lit } = look();
    if (tok === 'eos') return undefined;
    if (tok !== 'id' && tok !== '!') return `found '${lit}', expected: !, identifier, or 'end of string'`;
    const err = requirement();
    if (err !== undefined) return `unable to parse requirement: ${err}`;
    const t = consume();
    if (t.tok === 'eos') return undefined;
    if (t.tok === ',') {
      const n = look().tok;
      if (n !== 'id' && n !== '!') return `found '${look().lit}', expected: identifier after ','`;
      continue;
    }
    return `found '${t.lit}', expected: ',' or 'end of string'`;
  }
}

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function gvrString(t: Pick<ResourceType, 'group' | 'version' | 'resource'>): string {
  return `${t.group}/${t.version}, Resource=${t.resource}`;
}

/** EnhanceListError's message for a 400 on a list with a label selector. */
export function listSelectorError(
  t: Pick<ResourceType, 'group' | 'version' | 'resource'>,
  labelSelector: string,
  fieldSelector: string,
  message: string,
): string {
  return `Error from server (BadRequest): Unable to find ${goQuote(gvrString(t))} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${message}`;
}

/**
 * The line kubectl prints (without newline) when a list of `t` with this selector would be
 * rejected, or undefined when the selector is fine.
 */
export function checkListSelector(
  t: Pick<ResourceType, 'group' | 'version' | 'resource'>,
  labelSelector: string | undefined,
  fieldSelector = '',
): string | undefined {
  if (labelSelector === undefined) return undefined;
  const err = selectorParseError(labelSelector);
  return err === undefined ? undefined : listSelectorError(t, labelSelector, fieldSelector, err);
}

/** The slice of the cluster facade a selector list needs. */
interface Lister {
  list(kind: NonNullable<ResourceType['simulated']>, opts?: ListOptions): K8sObject[];
}

/**
 * `cluster.list` for a kubectl verb: the selector is checked as the server would, and anything
 * the store still throws becomes the same BadRequest line instead of an exception.
 */
export function listForKubectl(
  cluster: Lister,
  t: ResourceType,
  opts: {
    namespace?: string | undefined;
    labelSelector?: string | undefined;
    fieldSelector?: string | undefined;
  },
): { objs: K8sObject[]; error?: undefined } | { objs?: undefined; error: string } {
  if (!t.simulated) return { objs: [] };
  const bad = checkListSelector(t, opts.labelSelector, opts.fieldSelector ?? '');
  if (bad) return { error: bad };
  try {
    return {
      objs: cluster.list(t.simulated, {
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
        ...(opts.labelSelector !== undefined ? { labelSelector: opts.labelSelector } : {}),
        ...(opts.fieldSelector ? { fieldSelector: opts.fieldSelector } : {}),
      }),
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      error:
        opts.labelSelector !== undefined || opts.fieldSelector
          ? listSelectorError(t, opts.labelSelector ?? '', opts.fieldSelector ?? '', msg)
          : `Error from server (BadRequest): Unable to list ${goQuote(gvrString(t))}: ${msg}`,
    };
  }
}
