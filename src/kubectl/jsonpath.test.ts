import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPathPrinter } from './jsonpath';

function run(tmpl: string, data: unknown, opts = {}): string {
  const p = JsonPathPrinter.create(tmpl, opts);
  if ('error' in p) throw new Error(p.error);
  const r = p.print(data);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

const pod = (name: string, ip?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'sleep-2' } },
  spec: { containers: [{ name: 'sleep', image: 'kiamol/ch03-sleep' }] },
  status: {
    phase: 'Running',
    ...(ip ? { podIP: ip } : {}),
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False' },
    ],
  },
});
const list = (...items: unknown[]) => ({
  apiVersion: 'v1',
  items,
  kind: 'List',
  metadata: { resourceVersion: '' },
});

describe('jsonpath (client-go semantics)', () => {
  it('prints the book expression without a trailing newline', () => {
    expect(run('{.items[0].status.podIP}', list(pod('a', '10.1.0.24')))).toBe('10.1.0.24');
  });

  it('joins several values of one expression with a single space', () => {
    expect(run('{.items[*].status.podIP}', list(pod('a', '10.1.0.28'), pod('b', '10.1.0.29')))).toBe(
      '10.1.0.28 10.1.0.29',
    );
    expect(run('{.items[*].metadata.name}', list(pod('a'), pod('b')))).toBe('a b');
  });

  it('allows missing keys by default: .items on a single object prints nothing', () => {
    expect(run('{.items[0].status.podIP}', pod('a', '1.2.3.4'))).toBe('');
    expect(run('{.status.podIP}', list(pod('a', '1.2.3.4')))).toBe('');
    expect(run('{.status.podIP}', pod('a'))).toBe('');
  });

  it('keeps literal text around expressions (the LoadBalancer wildcard case)', () => {
    const svc = { status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } } };
    expect(run('http://{.status.loadBalancer.ingress[0].*}:8080', svc)).toBe('http://localhost:8080');
    const k3s = { status: { loadBalancer: { ingress: [{ ip: '172.28.132.127', ipMode: 'VIP' }] } } };
    expect(run('http://{.status.loadBalancer.ingress[0].*}:8080', k3s)).toBe(
      'http://172.28.132.127 VIP:8080',
    );
    expect(run('http://{.status.loadBalancer.ingress[0].*}:8080', { status: { loadBalancer: {} } })).toBe(
      'http://:8080',
    );
  });

  it('ranges with quoted escapes', () => {
    expect(
      run(
        '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}',
        list(pod('a', '1.1.1.1'), pod('b')),
      ),
    ).toBe('a\t1.1.1.1\nb\t\n');
    expect(run('{range .items[*]}[{.metadata.name}]{end}done', list(pod('x'), pod('y')))).toBe('[x][y]done');
    expect(run('{range .items[*]}{.metadata.name}{end}', list())).toBe('');
  });

  it('filters, unions, slices, recursive descent', () => {
    expect(run('{.status.conditions[?(@.type=="Ready")].status}', pod('a'))).toBe('False');
    expect(run("{.status.conditions[?(@.status=='True')].type}", pod('a'))).toBe('Initialized');
    expect(run('{.items[0:2].metadata.name}', list(pod('a'), pod('b'), pod('c')))).toBe('a b');
    expect(run('{.items[-1:].metadata.name}', list(pod('a'), pod('b'), pod('c')))).toBe('c');
    expect(run('{.items[0,2].metadata.name}', list(pod('a'), pod('b'), pod('c')))).toBe('a c');
    expect(run("{.metadata['name']}", pod('q'))).toBe('q');
    expect(run('{..image}', list(pod('a'), pod('b')))).toBe('kiamol/ch03-sleep kiamol/ch03-sleep');
    expect(run('{.items[?(@.status.podIP)].metadata.name}', list(pod('a', '1.1.1.1'), pod('b')))).toBe('a');
  });

  it('prints maps and arrays as compact JSON with sorted keys', () => {
    expect(run('{.metadata.labels}', pod('a'))).toBe('{"app":"sleep-2"}');
    expect(run('{.spec.containers[0]}', pod('a'))).toBe('{"image":"kiamol/ch03-sleep","name":"sleep"}');
    expect(run('{.n} {.b} {.z}', { n: 80, b: true, z: null })).toBe('80 true <nil>');
  });

  it('reports the out-of-bounds error with the Go-syntax dump (reference §B4)', () => {
    const p = JsonPathPrinter.create('{.items[0].status.podIP}');
    if ('error' in p) throw new Error(p.error);
    const r = p.print(list());
    expect(r).toEqual({
      ok: false,
      message:
        'error executing jsonpath "{.items[0].status.podIP}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[0].status.podIP}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n',
    });
  });

  it('fails on missing keys when --allow-missing-template-keys=false', () => {
    const p = JsonPathPrinter.create('{.items[0].status.podIP}', { allowMissingKeys: false });
    if ('error' in p) throw new Error(p.error);
    const r = p.print({ kind: 'Pod', spec: { n: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('Error executing template: items is not found. Printing more information');
      expect(r.message).toContain(
        'map[string]interface {}{"kind":"Pod", "spec":map[string]interface {}{"n":1}}',
      );
    }
  });

  it('reports parse errors like client-go', () => {
    expect(JsonPathPrinter.create('{.items[0]')).toEqual({
      error: 'error parsing jsonpath {.items[0], unclosed action',
    });
    expect(JsonPathPrinter.create('{.a[x]}')).toEqual({
      error: 'error parsing jsonpath {.a[x]}, invalid array index x',
    });
    expect(JsonPathPrinter.create('{!}')).toEqual({
      error: "error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'",
    });
    expect(JsonPathPrinter.create('{.a[0}')).toEqual({
      error: 'error parsing jsonpath {.a[0}, unterminated array',
    });
  });

  it('jsonpath-as-json prints each expression as an indented JSON array', () => {
    expect(run('{.items[*].metadata.name}', list(pod('a'), pod('b')), { outputJSON: true })).toBe(
      '[\n    "a",\n    "b"\n]\n',
    );
  });

  it('survives a 10,000-character template without overflowing the stack', () => {
    const tmpl = `{${'.a'.repeat(5000)}}`;
    expect(run(tmpl, { a: 1 })).toBe('');
  });
});

describe('jsonpath robustness (seeded fuzz)', () => {
  it('any template either parses or fails with a kubectl parse error; execution never throws', () => {
    const alphabet = fc.constantFrom(
      ...'{}[]().*@$?=!<>~,:\'"\\ abn0-1'.split(''),
      '{.a}',
      '{range .items[*]}',
      '{end}',
      '[?(@.x=="y")]',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (tmpl) => {
          const p = JsonPathPrinter.create(tmpl);
          if ('error' in p) {
            expect(p.error.startsWith(`error parsing jsonpath ${tmpl}, `)).toBe(true);
            return;
          }
          const r = p.print({ a: [1, { x: 'y' }], items: [{ metadata: { name: 'n' } }], b: 'bb' });
          if (!r.ok) expect(r.message.startsWith('error executing jsonpath ')).toBe(true);
        },
      ),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});
