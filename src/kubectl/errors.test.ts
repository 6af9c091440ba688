// How kubectl prints a server error: with the status's reason in parentheses, or without them when
// the status has none (StatusReasonUnknown is "": the registry returned a plain Go error, which the
// apiserver answers as a 500 with an empty reason). [KUBECTL cmd/util/helpers.go StandardErrorMessage]
import { describe, expect, it } from 'vitest';
import { formatError, formatErrorRaw } from './errors';
import { kdrive } from './testing';

describe('formatError', () => {
  it('puts a reason in parentheses', () => {
    const e = { code: 404, reason: 'NotFound' as const, message: 'pods "x" not found' };
    expect(formatError(e)).toBe('Error from server (NotFound): pods "x" not found');
    expect(formatErrorRaw(e)).toBe('Error from server (NotFound): pods "x" not found');
  });

  it('prints no parentheses for a status without a reason', () => {
    const e = { code: 500, reason: 'Unknown' as const, message: 'duplicate nodePort: {TCP 30080}' };
    expect(formatError(e)).toBe('Error from server: duplicate nodePort: {TCP 30080}');
    expect(formatErrorRaw(e)).toBe('Error from server: duplicate nodePort: {TCP 30080}');
  });

  it('kubectl apply of a Service update that repeats a nodePort answers the registry error without a reason', () => {
    const svc = (ports: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
${ports}`;
    const a = '    - name: a\n      port: 80\n      nodePort: 30080\n';
    const b = '    - name: b\n      port: 81\n      nodePort: 30080\n';
    const d = kdrive({ seed: 1 });
    const file = '/home/student/web.yaml';
    d.session.fs.write(file, svc(a));
    d.kubectl(`apply -f ${file}`);
    expect(d.text()).toBe('service/web created\n');
    d.session.fs.write(file, svc(a + b));
    d.kubectl(`apply -f ${file}`);
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toContain('Error from server: ');
    expect(d.stderr()).toContain('duplicate nodePort: {TCP 30080}');
    expect(d.stderr()).not.toContain('(Unknown)');
  });
});
