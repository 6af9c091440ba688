import { describe, expect, it } from 'vitest';
import { toJson } from './json';
import { toYaml } from './yaml';

describe('toYaml (go-yaml v2 style, as kubectl -o yaml prints)', () => {
  it('sorts keys, indents maps by 2 and does not indent sequences under their key', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, name: 'http' }], b: [] }, a: {}, kind: 'Service' })).toBe(
      'a: {}\nkind: Service\nspec:\n  b: []\n  ports:\n  - name: http\n    port: 80\n',
    );
  });

  it('double-quotes strings that would read back as another type', () => {
    const o = {
      a: 'true',
      b: '80',
      c: '',
      d: '2026-01-01T00:00:00Z',
      e: 'yes',
      f: '1.5',
      g: 'null',
      h: '0x1F',
      i: '1:20',
    };
    expect(toYaml(o)).toBe(
      'a: "true"\nb: "80"\nc: ""\nd: "2026-01-01T00:00:00Z"\ne: "yes"\nf: "1.5"\ng: "null"\nh: "0x1F"\ni: "1:20"\n',
    );
  });

  it('keeps plain what plain YAML can carry, single-quotes the rest', () => {
    expect(
      toYaml({
        a: 'kiamol/ch03-sleep',
        b: 'http://x:8080/y',
        c: '25%',
        d: '*',
        e: 'a: b',
        f: "it's",
        g: '- x',
        h: 'x #y',
      }),
    ).toBe(
      "a: kiamol/ch03-sleep\nb: http://x:8080/y\nc: 25%\nd: '*'\ne: 'a: b'\nf: it's\ng: '- x'\nh: 'x #y'\n",
    );
  });

  it('uses literal blocks for multi-line strings (the last-applied annotation)', () => {
    expect(toYaml({ metadata: { annotations: { x: '{"a":1}\n' } } })).toBe(
      'metadata:\n  annotations:\n    x: |\n      {"a":1}\n',
    );
    expect(toYaml({ m: 'a\nb' })).toBe('m: |-\n  a\n  b\n');
  });

  it('folds long plain strings at the first space past column 80', () => {
    const msg = 'word '.repeat(30).trim();
    const out = toYaml({ status: { message: msg } });
    const lines = out.trimEnd().split('\n');
    expect(lines[1]?.startsWith('  message: word')).toBe(true);
    expect(lines[1]?.length).toBeGreaterThan(80);
    expect(lines[1]?.length).toBeLessThanOrEqual(86);
    expect(lines[2]?.startsWith('    word')).toBe(true);
    expect(
      lines
        .slice(1)
        .map((l) => l.trim())
        .join(' '),
    ).toBe(`message: ${msg}`);
  });

  it('prints null, booleans and numbers bare; nested sequences and empty items', () => {
    expect(toYaml({ a: null, b: false, c: 3, d: [[1, 2], {}], e: [null] })).toBe(
      'a: null\nb: false\nc: 3\nd:\n- - 1\n  - 2\n- {}\ne:\n- null\n',
    );
  });
});

describe('toJson (Go encoding/json + MarshalIndent with 4 spaces)', () => {
  it('sorts keys, indents 4, escapes HTML characters like Go', () => {
    expect(toJson({ b: [1, { y: '<a&b>' }], a: {}, c: [] })).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "y": "\\u003ca\\u0026b\\u003e"\n        }\n    ],\n    "c": []\n}\n',
    );
  });
});
