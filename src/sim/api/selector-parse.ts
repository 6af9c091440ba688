// The label selector string syntax (`app=x,tier!=y,env in (a,b),!k,n>5`) parsed and validated
// exactly as apimachinery's labels.Parse does it (Lexer, Parser, NewRequirement, validateLabelKey /
// validateLabelValue). [APIMACH labels/selector.go] This is the one parser: the store's list,
// kubectl's `-l` check and its BadRequest wording all use it. The store reaches it through
// ../late (nothing before the first graph lists by a selector string).
import {
  goQuote,
  labelValueErrors,
  parseInt64,
  qualifiedNameErrors,
  type Requirement,
  type Selector,
} from './labels';

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

const BINARY_OPS = 'in, notin, =, ==, !=, gt, lt';

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
