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

  it('statusCausesToAggrError: a cause without a field keeps its ": ", and a repeated line is printed once', () => {
    const invalid = (causes: { field: string; message: string }[]) => ({
      code: 422,
      reason: 'Invalid' as const,
      message: '',
      details: { kind: 'ConfigMap', name: 'big', causes },
    });
    const tooLong = { field: '', message: 'Too long: may not be more than 1048576 bytes' };
    expect(formatError(invalid([tooLong]))).toBe(
      'The ConfigMap "big" is invalid: : Too long: may not be more than 1048576 bytes',
    );
    const req = { field: 'data[a b]', message: 'Required value' };
    expect(formatError(invalid([req, tooLong, req]))).toBe(
      'The ConfigMap "big" is invalid: \n* data[a b]: Required value\n* : Too long: may not be more than 1048576 bytes',
    );
    expect(formatError(invalid([req, req]))).toBe(
      'The ConfigMap "big" is invalid: data[a b]: Required value',
    );
  });

  it('kubectl create and apply of a ConfigMap over 1 MiB', () => {
    const d = kdrive();
    const big = 'x'.repeat(600_000);
    d.session.fs.write(
      '/home/student/big.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: ${big}\n  b: ${big}\n`,
    );
    // create sends the object alone; apply also writes it into the last-applied annotation,
    // which is over the 256 KiB annotation limit as well (the well-known apply failure).
    expect(d.kubectl('create -f /home/student/big.yaml').text()).toBe(
      'The ConfigMap "big" is invalid: : Too long: may not be more than 1048576 bytes\n',
    );
    expect(d.kubectl('apply -f /home/student/big.yaml').text()).toBe(
      'The ConfigMap "big" is invalid: \n' +
        '* metadata.annotations: Too long: may not be more than 262144 bytes\n' +
        '* : Too long: may not be more than 1048576 bytes\n',
    );
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
