import { describe, expect, it } from 'vitest';
import { parseCustomColumns, printCustomColumns } from './customcolumns';

const pods = [
  {
    metadata: { name: 'numbers-api-7c599bfcf6-fd4qz', labels: { app: 'numbers-api' } },
    status: { podIP: '10.1.0.33' },
  },
  { metadata: { name: 'sleep-1-8f68bd59d-4s7j5' }, status: {} },
];

function table(spec: string, objs: unknown[], noHeaders = false): string {
  const p = parseCustomColumns(spec);
  if (!p.ok) throw new Error(p.message);
  return printCustomColumns(p.columns, objs, noHeaders);
}

describe('custom-columns (reference §B5)', () => {
  it('prints the book table with headers as written', () => {
    expect(table('NAME:metadata.name,POD_IP:status.podIP', pods.slice(0, 1))).toBe(
      'NAME                           POD_IP\nnumbers-api-7c599bfcf6-fd4qz   10.1.0.33\n',
    );
  });

  it('prints <none> for missing values, keeps lowercase headers', () => {
    expect(table('name:.metadata.name,ip:{.status.podIP}', pods)).toBe(
      'name                           ip\n' +
        'numbers-api-7c599bfcf6-fd4qz   10.1.0.33\n' +
        'sleep-1-8f68bd59d-4s7j5        <none>\n',
    );
  });

  it('joins several values with commas and prints maps the Go way', () => {
    const o = {
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      metadata: { labels: { x: '1', a: '2' } },
    };
    expect(table('C:spec.containers[*].name,L:metadata.labels', [o])).toBe('C     L\na,b   map[a:2 x:1]\n');
  });

  it('prints only the header for an empty list, nothing with --no-headers', () => {
    expect(table('NAME:metadata.name', [])).toBe('NAME\n');
    expect(table('NAME:metadata.name', [], true)).toBe('');
  });

  it('rejects a spec without a colon with kubectl’s message', () => {
    expect(parseCustomColumns('NAME')).toEqual({
      ok: false,
      message: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    });
    expect(parseCustomColumns('')).toEqual({
      ok: false,
      message: 'custom-columns format specified but no custom columns given',
    });
  });
});
