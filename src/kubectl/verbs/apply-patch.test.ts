// kubectl apply of an existing object (apply.go applyOneObject, patcher.go Patch): the three-way
// strategic merge patch, what `get -o yaml` shows after it, and how a refused patch is printed:
// AddSourceToErr twice around the server's status, `error when applying patch:` with the patch
// sent, the object's resource.Info and the file.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const FILE = '/home/student/web.yaml';

const svc = (ports: string, meta = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${meta}spec:
  type: NodePort
  selector:
    app: web
  ports:
${ports}`;

function applyFile(d: ReturnType<typeof kdrive>, text: string) {
  d.session.fs.write(FILE, text);
  return d.kubectl(`apply -f ${FILE}`);
}

/** The last-applied annotation of the file as kubectl writes it into the patch (JSON-quoted). */
const annotation = (d: ReturnType<typeof kdrive>) =>
  JSON.stringify(
    JSON.parse(d.kubectl('get svc web -o json').stdout()).metadata.annotations[
      'kubectl.kubernetes.io/last-applied-configuration'
    ],
  );

const INFO = `Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"\nName: "web", Namespace: "default"`;

describe('kubectl apply -f twice: the patch on the server', () => {
  it('a port renumbered under the same name: get svc -o yaml shows the new port and its targetPort', () => {
    const d = kdrive({ seed: 1 });
    expect(applyFile(d, svc('    - name: http\n      port: 80\n      nodePort: 30080\n')).text()).toBe(
      'service/web created\n',
    );
    expect(applyFile(d, svc('    - name: http\n      port: 8080\n      nodePort: 30080\n')).text()).toBe(
      'service/web configured\n',
    );
    const yaml = d.kubectl('get svc web -o yaml').stdout();
    expect(yaml).toContain(
      '  ports:\n  - name: http\n    nodePort: 30080\n    port: 8080\n    protocol: TCP\n    targetPort: 8080\n',
    );
    expect(applyFile(d, svc('    - name: http\n      port: 8080\n      nodePort: 30080\n')).text()).toBe(
      'service/web unchanged\n',
    );
  });

  it('a port kubectl patch added stays through the next apply; one the file drops goes', () => {
    const d = kdrive({ seed: 1 });
    applyFile(d, svc('    - name: a\n      port: 80\n    - name: b\n      port: 81\n'));
    d.kubectl(`patch svc web -p '{"spec":{"ports":[{"name":"admin","port":9000}]}}'`);
    expect(d.text()).toBe('service/web patched\n');
    expect(applyFile(d, svc('    - name: a\n      port: 80\n')).text()).toBe('service/web configured\n');
    d.kubectl(`get svc web -o jsonpath={.spec.ports[*].name}`);
    expect(d.stdout()).toBe('admin a');
  });
});

describe('kubectl apply: a refused patch', () => {
  it('a reasonless 500 (a Service repeating its nodePort): Error from server: error when applying patch:…', () => {
    const d = kdrive({ seed: 1 });
    const a = '    - name: a\n      port: 80\n      nodePort: 30080\n';
    const b = '    - name: b\n      port: 81\n      nodePort: 30080\n';
    applyFile(d, svc(a));
    const before = annotation(d);
    applyFile(d, svc(a + b));
    expect(d.exitCode()).toBe(1);
    expect(d.stdout()).toBe('');
    const la = JSON.parse(d.kubectl('get svc web -o json').stdout()).metadata.annotations;
    expect(JSON.stringify(la['kubectl.kubernetes.io/last-applied-configuration'])).toBe(before);
    // The file's new annotation, as the patch carries it.
    const next = JSON.stringify(
      `{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"name":"a","nodePort":30080,"port":80},{"name":"b","nodePort":30080,"port":81}],"selector":{"app":"web"},"type":"NodePort"}}\n`,
    );
    applyFile(d, svc(a + b));
    expect(d.stderr()).toBe(
      `Error from server: error when applying patch:\n{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${next}}},"spec":{"$setElementOrder/ports":[{"port":80},{"port":81}],"ports":[{"name":"b","nodePort":30080,"port":81}]}}\nto:\n${INFO}\nfor: "${FILE}": error when patching "${FILE}": duplicate nodePort: {TCP 30080}\n`,
    );
  });

  it('a conflict (the file pins an old resourceVersion): Error from server (Conflict) with the patch', () => {
    const d = kdrive({ seed: 1 });
    const ports = '    - name: a\n      port: 80\n      nodePort: 30080\n';
    applyFile(d, svc(ports));
    applyFile(d, svc(ports, '  resourceVersion: "1"\n'));
    expect(d.exitCode()).toBe(1);
    const next = JSON.stringify(
      `{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default","resourceVersion":"1"},"spec":{"ports":[{"name":"a","nodePort":30080,"port":80}],"selector":{"app":"web"},"type":"NodePort"}}\n`,
    );
    expect(d.stderr()).toBe(
      `Error from server (Conflict): error when applying patch:\n{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${next}},"resourceVersion":"1"}}\nto:\n${INFO}\nfor: "${FILE}": error when patching "${FILE}": Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again\n`,
    );
  });

  it('an Invalid update still prints from its details, without the wrapper', () => {
    const d = kdrive({ seed: 1 });
    applyFile(d, svc('    - name: a\n      port: 80\n'));
    applyFile(d, svc('    - name: a\n      port: 80\n      nodePort: 80\n'));
    expect(d.stderr()).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('an unknown field on an existing object fails field validation Strict on the patched object', () => {
    const d = kdrive({ seed: 1 });
    applyFile(d, svc('    - name: a\n      port: 80\n'));
    applyFile(d, `${svc('    - name: a\n      port: 80\n')}  selecter:\n    app: web\n`);
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{.*\\n\]\] spec:map\[selecter:map\[app:web\]\]\]": strict decoding error: unknown field "spec\.selecter"\n$/,
    );
  });

  it('a merge-list item without its merge key: kubectl cannot compute the patch (warnings, then error:)', () => {
    const d = kdrive({ seed: 1 });
    applyFile(d, svc('    - name: a\n      port: 80\n'));
    applyFile(d, svc('    - name: a\n      targetPort: 80\n'));
    expect(d.exitCode()).toBe(1);
    const why = 'map: map[name:a targetPort:80] does not contain declared merge key: port';
    const err = d.stderr();
    expect(err).toMatch(
      new RegExp(
        `^warning: error calculating patch from openapi v3 spec: ${why.replace(/[[\]]/g, '\\$&')}\nwarning: error calculating patch from openapi spec: ${why.replace(/[[\]]/g, '\\$&')}\nerror: error when applying patch:\n\nto:\n`,
      ),
    );
    expect(err).toContain(
      `\nfor: "${FILE}": error when patching "${FILE}": creating patch with:\noriginal:\n{`,
    );
    expect(err).toContain('}\n\nmodified:\n{');
    expect(err).toContain('}\n\ncurrent:\n{');
    expect(err.endsWith(`}\n\nfor: ${why}\n`)).toBe(true);
  });
});
