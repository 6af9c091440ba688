// labels.Parse ported from apimachinery (labels/selector.go): the requirements it builds, the
// server's exact error texts, gt/lt matching, and — for every selector the old lenient parser
// accepted — the same store.list matches as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matches, type Selector } from './labels';
import {
  LabelSelectorParseError,
  parseSelector,
  selectorParseError,
  tryParseSelector,
} from './selector-parse';
import type { Labels } from './types';

const NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseSelector builds the requirements labels.Parse does', () => {
  it.each<[string, Selector]>([
    ['', []],
    ['app=sleep-2', [{ key: 'app', op: 'eq', value: 'sleep-2' }]],
    ['app == x', [{ key: 'app', op: 'eq', value: 'x' }]],
    ['app!=x', [{ key: 'app', op: 'neq', value: 'x' }]],
    ['app=', [{ key: 'app', op: 'eq', value: '' }]],
    ['app', [{ key: 'app', op: 'exists' }]],
    ['!app', [{ key: 'app', op: 'notexists' }]],
    ['env in (b, a,b)', [{ key: 'env', op: 'in', values: ['a', 'b'] }]],
    ['x notin ()', [{ key: 'x', op: 'notin', values: [''] }]],
    ['x in (a,)', [{ key: 'x', op: 'in', values: ['', 'a'] }]],
    ['in in (in,notin)', [{ key: 'in', op: 'in', values: ['in', 'notin'] }]],
    ['a>5', [{ key: 'a', op: 'gt', value: 5 }]],
    ['a < 3', [{ key: 'a', op: 'lt', value: 3 }]],
    [
      'k8s-app=kube-dns,example.com/tier,!b',
      [
        { key: 'k8s-app', op: 'eq', value: 'kube-dns' },
        { key: 'example.com/tier', op: 'exists' },
        { key: 'b', op: 'notexists' },
      ],
    ],
    ['constructor=x', [{ key: 'constructor', op: 'eq', value: 'x' }]],
  ])('%j', (text, want) => {
    expect(parseSelector(text)).toEqual(want);
    expect(selectorParseError(text)).toBeUndefined();
  });
});

describe('parse errors carry the server’s text', () => {
  it.each<[string, string]>([
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app in b', "unable to parse requirement: found 'b' expected: '('"],
    ['app=(', "unable to parse requirement: found '(', expected: identifier"],
    ['app in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['!!!', "unable to parse requirement: found '!', expected: identifier"],
    ['app=a b', "found 'b', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['===', "found '==', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['app x', "unable to parse requirement: found 'x', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_MSG}`],
    [
      'a>x',
      `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'a<9223372036854775808',
      `unable to parse requirement: values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'a>-x-',
      `unable to parse requirement: [values[0]: Invalid value: "-x-": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "-x-": ${VALUE_MSG}]`,
    ],
    // A negative bound is an integer, but not a valid label value (it must start alphanumeric).
    ['a<-3', `unable to parse requirement: values[0][a]: Invalid value: "-3": ${VALUE_MSG}`],
    ['a=-x', `unable to parse requirement: values[0][a]: Invalid value: "-x": ${VALUE_MSG}`],
  ])('%j', (text, message) => {
    expect(tryParseSelector(text)).toEqual({ ok: false, error: message });
    expect(selectorParseError(text)).toBe(message);
    let thrown: unknown;
    try {
      parseSelector(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LabelSelectorParseError);
    expect((thrown as Error).message).toBe(message);
  });

  it('a label value over 63 characters: values[0][key], both limits reported', () => {
    const v = 'x'.repeat(64);
    expect(selectorParseError(`app=${v}`)).toBe(
      `unable to parse requirement: values[0][app]: Invalid value: "${v}": must be no more than 63 characters`,
    );
    expect(selectorParseError(`app=${'x'.repeat(63)}`)).toBeUndefined();
    const bad = `-${'x'.repeat(63)}`;
    expect(selectorParseError(`app=${bad}`)).toBe(
      `unable to parse requirement: values[0][app]: Invalid value: "${bad}": must be no more than 63 characters; ${VALUE_MSG}`,
    );
  });

  it('key checks: prefix and name parts', () => {
    expect(selectorParseError(`${'a'.repeat(64)}=x`)).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`,
    );
    expect(selectorParseError('/a=x')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty',
    );
  });
});

describe('matching', () => {
  it('gt / lt need the label present and an integer (Requirement.Matches)', () => {
    const gt = parseSelector('n>5');
    expect(matches(gt, { n: '6' })).toBe(true);
    expect(matches(gt, { n: '5' })).toBe(false);
    expect(matches(gt, { n: 'six' })).toBe(false);
    expect(matches(gt, {})).toBe(false);
    expect(matches(parseSelector('n<5'), { n: '-1' })).toBe(true);
    expect(matches(parseSelector('n<5'), { n: '+7' })).toBe(false);
  });

  it('notin and != select objects without the label; in and = do not', () => {
    expect(matches(parseSelector('a notin (x)'), {})).toBe(true);
    expect(matches(parseSelector('a!=x'), {})).toBe(true);
    expect(matches(parseSelector('a in (x)'), {})).toBe(false);
    expect(matches(parseSelector('a='), { a: '' })).toBe(true);
  });
});

/** The lenient parser this module used before (regexes, no validation), kept as the reference. */
function legacyParse(text: string): Selector {
  const out: Selector = [];
  const s = text.trim();
  if (s === '') return out;
  for (const part of s.split(',')) {
    const p = part.trim();
    let m = /^!\s*([^\s=!(),]+)$/.exec(p);
    if (m) {
      out.push({ key: m[1] as string, op: 'notexists' });
      continue;
    }
    m = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const values = (m[3] as string)
        .split(' ')
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

describe('valid selectors match exactly what they matched before (store.list unchanged)', () => {
  const key = fc.constantFrom('app', 'tier', 'example.com/x', 'k8s-app');
  const val = fc.constantFrom('a', 'b', 'sleep-2', 'x.y_z', '1');
  // Single-value `in` sets: the old parser split `(a,b)` at the comma as if it were two requirements.
  const req = fc.oneof(
    fc.tuple(key, fc.constantFrom('=', '==', '!='), val).map(([k, o, v]) => `${k}${o}${v}`),
    fc.tuple(key, fc.constantFrom(' in ', ' notin '), val).map(([k, o, v]) => `${k}${o}(${v})`),
    key,
    key.map((k) => `!${k}`),
  );
  const labels = fc.dictionary(key, val, { maxKeys: 4 }) as fc.Arbitrary<Labels>;
  it('for random selectors and label sets (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(req, { minLength: 1, maxLength: 4 }),
        fc.array(labels, { maxLength: 6 }),
        (reqs, sets) => {
          const text = reqs.join(',');
          const now = parseSelector(text);
          const before = legacyParse(text);
          for (const l of sets)
            expect(matches(now, l), `${text} on ${JSON.stringify(l)}`).toBe(matches(before, l));
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
