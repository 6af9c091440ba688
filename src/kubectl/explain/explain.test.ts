import { describe, expect, it } from 'vitest';
import { explain, SCHEMA, wrap } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('kubectl explain (reference §B13)', () => {
  it('prints the pod template format: header, wrapped description, sorted FIELDS with TAB', () => {
    const out = text('pod');
    expect(
      out.startsWith(
        'KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n' +
          '    Pod is a collection of containers that can run on a host. This resource is\n' +
          '    created by clients and scheduled onto hosts.\n' +
          '    \n' +
          'FIELDS:\n' +
          '  apiVersion\t<string>\n' +
          '    APIVersion defines the versioned schema of this representation of an object.\n' +
          '    Servers should convert recognized schemas to the latest internal value, and\n' +
          '    may reject unrecognized values. More info:\n' +
          '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\n' +
          '\n' +
          '  kind\t<string>\n',
      ),
    ).toBe(true);
    const names = [...out.matchAll(/^ {2}(\w+)\t/gm)].map((m) => m[1]);
    expect(names).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(out).toContain('  spec\t<PodSpec>\n');
  });

  it('adds GROUP for non-core kinds and resolves short names', () => {
    expect(text('deploy').startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n')).toBe(
      true,
    );
    expect(text('svc').startsWith('KIND:       Service\n')).toBe(true);
  });

  it('FIELD form for a path, with -required- markers and enums', () => {
    const out = text('pod.spec.containers');
    expect(out).toContain(
      '\nFIELD: containers <[]Container>\n\nDESCRIPTION:\n    List of containers belonging to the pod.',
    );
    expect(out).toContain('  name\t<string> -required-\n');
    expect(out).toContain('  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n');
    expect(text('pod.spec')).toContain('  containers\t<[]Container> -required-\n');
  });

  it('errors like kubectl for unknown types and fields', () => {
    expect(explain('podz')).toEqual({
      ok: false,
      message: 'error: the server doesn\'t have a resource type "podz"',
    });
    expect(explain('pod.spec.nope')).toEqual({ ok: false, message: 'error: field "nope" does not exist' });
  });

  it('wraps at 76 columns, never splitting a long word', () => {
    for (const line of wrap('a '.repeat(100))) expect(line.length).toBeLessThanOrEqual(76);
    expect(wrap(`x ${'y'.repeat(90)} z`)).toEqual(['x', 'y'.repeat(90), 'z']);
  });

  it('every object-typed field points at a schema type that exists', () => {
    for (const [name, t] of Object.entries(SCHEMA)) {
      for (const [field, f] of Object.entries(t.fields)) {
        const base = f.type.replace(/^\[\]/, '');
        if (/^[A-Z]/.test(base) && base !== 'IntOrString' && base !== 'Object') {
          expect(SCHEMA[base], `${name}.${field} → ${base}`).toBeDefined();
        }
      }
    }
  });
});
