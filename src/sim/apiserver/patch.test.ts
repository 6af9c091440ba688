// Server-side PATCH (patch.ts, patch-strategic.ts, patch-json.ts): what each patch type changes,
// the handler's error shapes, no-op and dry-run behaviour.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { drive } from '../testing/driver';
import { goJsonParse } from './patch-json';
import { applyJsonPatch } from './patch-jsonpatch';
import { goValue, strategicMergePatch } from './patch-strategic';

const TWO_CONTAINERS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: two
spec:
  selector:
    matchLabels:
      app: two
  template:
    metadata:
      labels:
        app: two
    spec:
      containers:
        - name: web
          image: kiamol/ch03-numbers-web
          env:
            - name: A
              value: "1"
            - name: B
              value: "2"
          ports:
            - containerPort: 80
        - name: sleep
          image: kiamol/ch03-sleep
`;

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: two
  ports:
    - name: http
      port: 80
      targetPort: 80
    - name: other
      port: 8080
      targetPort: 8080
`;

function setup() {
  const d = drive().applyOk(TWO_CONTAINERS).applyOk(SVC).advance(20_000);
  return d;
}

const containersOf = (o: K8sObject | undefined) =>
  o?.spec?.template?.spec?.containers as Record<string, unknown>[];

describe('strategic merge patch', () => {
  it('merges containers by name: the named one changes, the other stays', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"kiamol/ch03-numbers-web:v2"}]}}}}',
    );
    expect(r.ok).toBe(true);
    const cs = containersOf(d.get('Deployment', 'two'));
    expect(cs.map((c) => [c.name, c.image])).toEqual([
      ['web', 'kiamol/ch03-numbers-web:v2'],
      ['sleep', 'kiamol/ch03-sleep'],
    ]);
    // The untouched fields of the merged container are kept (env, ports, defaults).
    expect(cs[0]?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(d.get('Deployment', 'two')?.metadata.generation).toBe(2);
  });

  it('a JSON merge patch replaces the whole list', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'merge',
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"kiamol/ch03-numbers-web:v2"}]}}}}',
    );
    expect(r.ok).toBe(true);
    const cs = containersOf(d.get('Deployment', 'two'));
    expect(cs.map((c) => [c.name, c.image])).toEqual([['web', 'kiamol/ch03-numbers-web:v2']]);
    // Defaulted again by the update: the env of the old container is gone.
    expect(cs[0]?.env).toBeUndefined();
    expect(cs[0]?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('env merges by name; $patch: delete removes one; null deletes a map key', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      JSON.stringify({
        metadata: { labels: { extra: 'x' } },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'web',
                  env: [
                    { name: 'C', value: '3' },
                    { name: 'A', $patch: 'delete' },
                  ],
                },
              ],
            },
          },
        },
      }),
    );
    expect(r.ok).toBe(true);
    // mergeSortedSlice: an item the live list does not have is not "greater" than a server-only
    // one, so the new variable comes first (as on a real server without $setElementOrder).
    expect(containersOf(d.get('Deployment', 'two'))[0]?.env).toEqual([
      { name: 'C', value: '3' },
      { name: 'B', value: '2' },
    ]);
    expect(d.get('Deployment', 'two')?.metadata.labels).toEqual({ extra: 'x' });
    d.cluster.patch('Deployment', 'default', 'two', 'strategic', '{"metadata":{"labels":{"extra":null}}}');
    expect(d.get('Deployment', 'two')?.metadata.labels).toBeUndefined();
  });

  it('Service ports merge by port: a new port is added, a named one changed, the rest kept', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Service',
      'default',
      'web',
      'strategic',
      '{"spec":{"type":"NodePort","ports":[{"port":8080,"targetPort":9090},{"name":"x","port":9000}]}}',
    );
    expect(r.ok).toBe(true);
    const ports = d.get('Service', 'web')?.spec?.ports as {
      name: string;
      port: number;
      targetPort: number;
    }[];
    expect(ports.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ['http', 80, 80],
      ['other', 8080, 9090],
      ['x', 9000, 9000],
    ]);
    expect(d.get('Service', 'web')?.spec?.type).toBe('NodePort');
  });

  it('list order follows the patch for named items, server-only items by their live order', () => {
    const original = { spec: { ports: [{ port: 1 }, { port: 2 }, { port: 3 }] } };
    const out = strategicMergePatch(original, { spec: { ports: [{ port: 4 }, { port: 1 }] } }, 'Service') as {
      spec: { ports: { port: number }[] };
    };
    expect(out.spec.ports.map((p) => p.port)).toEqual([4, 1, 2, 3]);
    // $patch: replace makes the other items the whole list.
    const rep = strategicMergePatch(
      original,
      { spec: { ports: [{ $patch: 'replace' }, { port: 9 }] } },
      'Service',
    );
    expect(rep).toEqual({ spec: { ports: [{ port: 9 }] } });
  });

  it('$retainKeys keeps only the listed keys (Recreate without rollingUpdate); a key outside it is a 400', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}',
    );
    expect(r.ok).toBe(true);
    expect(d.get('Deployment', 'two')?.spec?.strategy).toEqual({ type: 'Recreate' });
    const bad = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{"maxSurge":1}}}}',
    );
    expect(bad).toEqual({
      ok: false,
      error: { code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys' },
    });
  });

  it('a list item without the merge key: 500 with no reason, Go map text', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"template":{"spec":{"containers":[{"image":"x","ports":[80]}]}}}}',
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 500,
        reason: 'Unknown',
        message: 'map: map[image:x ports:[80]] does not contain declared merge key: name',
      },
    });
    expect(goValue({ b: 1e21, a: [true, null, 'x'], c: { d: 0.5 } })).toBe(
      'map[a:[true <nil> x] b:1e+21 c:map[d:0.5]]',
    );
  });
});

describe('JSON patch and the handler', () => {
  it('applies RFC 6902 operations; a failing one is the generic 422 and nothing changes', () => {
    const d = setup();
    const ok = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'json',
      '[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/metadata/labels","value":{"a":"b"}},{"op":"remove","path":"/spec/template/spec/containers/1"}]',
    );
    expect(ok.ok).toBe(true);
    const dep = d.get('Deployment', 'two');
    expect([dep?.spec?.replicas, dep?.metadata.labels, containersOf(dep).length]).toEqual([2, { a: 'b' }, 1]);
    const before = d.get('Deployment', 'two');
    for (const bad of [
      '[{"op":"replace","path":"/spec/template/spec/containers/7","value":{}}]',
      '[{"op":"remove","path":"/spec/nope"}]',
      '[{"op":"remove","path":"/spec/template/spec/containers/5"}]',
      '[{"op":"test","path":"/spec/replicas","value":3}]',
      '[{"op":"frobnicate","path":"/spec"}]',
    ]) {
      expect(d.cluster.patch('Deployment', 'default', 'two', 'json', bad)).toEqual({
        ok: false,
        error: {
          code: 422,
          reason: 'Invalid',
          message: 'the server rejected our request due to an error in our request',
          details: {},
        },
      });
    }
    expect(d.get('Deployment', 'two')).toBe(before);
  });

  it('json-patch v4.12 semantics: replace of an absent member sets it, negative indices, its error texts', () => {
    const doc = { a: { b: 1 }, l: [1, 2, 3], n: null };
    const apply = (ops: unknown[]) => applyJsonPatch(doc, ops);
    expect(apply([{ op: 'replace', path: '/a/c', value: 2 }])).toEqual({
      ok: true,
      doc: { a: { b: 1, c: 2 }, l: [1, 2, 3], n: null },
    });
    expect(
      apply([
        { op: 'add', path: '/l/-1', value: 9 },
        { op: 'remove', path: '/l/0' },
      ]),
    ).toEqual({
      ok: true,
      // -1 counts from the end of the longer list (size+1): the same as '-'.
      doc: { a: { b: 1 }, l: [2, 3, 9], n: null },
    });
    expect(apply([{ op: 'move', from: '/a/b', path: '/l/-' }])).toEqual({
      ok: true,
      doc: { a: {}, l: [1, 2, 3, 1], n: null },
    });
    const msg = (ops: unknown[]) => {
      const r = apply(ops);
      return r.ok ? 'ok' : r.message;
    };
    expect(msg([{ op: 'replace', path: '/l/5', value: 1 }])).toBe(
      'replace operation does not apply: doc is missing key: /l/5: missing value',
    );
    expect(msg([{ op: 'replace', path: '/x/y', value: 1 }])).toBe(
      'replace operation does not apply: doc is missing path: /x/y: missing value',
    );
    expect(msg([{ op: 'remove', path: '/a/zz' }])).toBe(
      "error in remove for path: '/a/zz': Unable to remove nonexistent key: zz: missing value",
    );
    expect(msg([{ op: 'add', path: '/n/x', value: 1 }])).toBe(
      'add operation does not apply: doc is missing path: "/n/x": missing value',
    );
    expect(msg([{ op: 'add', path: '/l/7', value: 1 }])).toBe(
      "error in add for path: '/l/7': Unable to access invalid index: 7: invalid index referenced",
    );
    expect(msg([{ op: 'add', path: '/l/x', value: 1 }])).toBe(
      `error in add for path: '/l/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    );
    expect(msg([{ op: 'test', path: '/a/b', value: 2 }])).toBe('testing value /a/b failed: test failed');
    expect(msg([{ op: 'frob', path: '/a' }])).toBe('Unexpected kind: frob');
    expect(msg([{ path: '/a' }])).toBe('Unexpected kind: unknown');
  });

  it('bodies that are not JSON: encoding/json syntax errors, `error decoding patch: ` for json/merge', () => {
    const d = setup();
    const msg = (type: 'strategic' | 'merge' | 'json', body: string) => {
      const r = d.cluster.patch('Service', 'default', 'web', type, body);
      return r.ok ? 'ok' : `${r.error.reason}: ${r.error.message}`;
    };
    expect(msg('strategic', '{"spec":{"type":"NodePort"}')).toBe('BadRequest: unexpected end of JSON input');
    expect(msg('merge', '{"spec":{"type":"NodePort"}')).toBe(
      'BadRequest: error decoding patch: unexpected end of JSON input',
    );
    expect(msg('strategic', '{spec: 1}')).toBe(
      "BadRequest: invalid character 's' looking for beginning of object key string",
    );
    expect(msg('strategic', '{"a":1,}')).toBe(
      "BadRequest: invalid character '}' looking for beginning of object key string",
    );
    expect(msg('merge', 'null')).toBe('BadRequest: Invalid JSON Patch');
    expect(msg('strategic', 'null')).toBe('ok');
    expect(msg('strategic', '[1]')).toBe(
      'BadRequest: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
    expect(msg('json', '{"op":"add"}')).toBe(
      'BadRequest: error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    );
    expect(goJsonParse('[1 2]')).toEqual({ ok: false, message: "invalid character '2' after array element" });
    expect(goJsonParse('{"a" 1}')).toEqual({ ok: false, message: "invalid character '1' after object key" });
    expect(goJsonParse('{"a":1 "b"}')).toEqual({
      ok: false,
      message: `invalid character '"' after object key:value pair`,
    });
    expect(goJsonParse('tru')).toEqual({ ok: false, message: 'unexpected end of JSON input' });
    expect(goJsonParse('trux')).toEqual({
      ok: false,
      message: "invalid character 'x' in literal true (expecting 'e')",
    });
    expect(goJsonParse('01')).toEqual({ ok: false, message: "invalid character '1' after top-level value" });
    expect(goJsonParse('"a\tb"')).toEqual({
      ok: false,
      message: "invalid character '\\t' in string literal",
    });
    expect(goJsonParse("'x'")).toEqual({
      ok: false,
      message: "invalid character '\\'' looking for beginning of value",
    });
    expect(goJsonParse('-')).toEqual({ ok: false, message: 'unexpected end of JSON input' });
    expect(goJsonParse('1.e3')).toEqual({
      ok: false,
      message: "invalid character 'e' after decimal point in numeric literal",
    });
  });

  it('goJsonParse accepts exactly what JSON.parse accepts (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(s);
        } catch {
          nativeOk = false;
        }
        const go = goJsonParse(s);
        expect(go.ok).toBe(nativeOk);
        if (go.ok) expect(go.value).toEqual(native);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('a strategic patch of the wrong type: the unstructured converter’s text under `patch`', () => {
    const d = setup();
    const detail = (kind: 'Deployment' | 'Service', name: string, body: string) => {
      const r = d.cluster.patch(kind, 'default', name, 'strategic', body);
      return r.ok ? 'ok' : (r.error.details?.causes?.[0]?.message ?? r.error.message);
    };
    expect(detail('Deployment', 'two', '{"spec":{"replicas":"3"}}')).toBe(
      'Invalid value: "map[spec:map[replicas:3]]": unrecognized type: int32',
    );
    expect(detail('Service', 'web', '{"spec":{"type":1}}')).toBe(
      'Invalid value: "map[spec:map[type:1]]": cannot convert int64 to v1.ServiceType',
    );
    expect(detail('Service', 'web', '{"spec":{"ports":{"port":80}}}')).toBe(
      'Invalid value: "map[spec:map[ports:map[port:80]]]": cannot restore slice from map',
    );
    expect(detail('Deployment', 'two', '{"spec":{"selector":"app=two"}}')).toBe(
      'Invalid value: "map[spec:map[selector:app=two]]": cannot restore struct from: string',
    );
    expect(detail('Deployment', 'two', '{"spec":{"replicas":1.5}}')).toBe(
      'Invalid value: "map[spec:map[replicas:1.5]]": cannot convert float64 to int32',
    );
    // Unknown fields inside list items are named with their index.
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"template":{"spec":{"containers":[{"name":"sleep","imagee":"x"}]}}}}',
    );
    expect(r.ok && r.warnings).toEqual(['unknown field "spec.template.spec.containers[1].imagee"']);
  });

  it('no change answers the stored object itself; unknown fields are warnings', () => {
    const d = setup();
    const live = d.get('Service', 'web');
    const same = d.cluster.patch(
      'Service',
      'default',
      'web',
      'strategic',
      '{"spec":{"selector":{"app":"two"}}}',
    );
    expect(same.ok && same.object).toBe(live);
    const warned = d.cluster.patch(
      'Service',
      'default',
      'web',
      'merge',
      '{"spec":{"bogus":1,"sessionAffinity":"ClientIP"}}',
    );
    expect(warned.ok && warned.warnings).toEqual(['unknown field "spec.bogus"']);
    expect(d.get('Service', 'web')?.spec?.sessionAffinity).toBe('ClientIP');
    expect(Object.keys(d.get('Service', 'web')?.spec ?? {})).not.toContain('bogus');
  });

  it('validation after the patch: the immutable selector, a name change, a stale resourceVersion', () => {
    const d = setup();
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"selector":{"matchLabels":{"app":"y"}}}}',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).toBe('Invalid');
      expect(r.error.details?.causes).toContainEqual({
        field: 'spec.selector',
        message: 'Invalid value: {"matchLabels":{"app":"y"}}: field is immutable',
      });
    }
    const n = d.cluster.patch('Deployment', 'default', 'two', 'merge', '{"metadata":{"name":"three"}}');
    expect(n.ok ? '' : n.error.message).toBe(
      'the name of the object (three) does not match the name on the URL (two)',
    );
    const c = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'merge',
      '{"metadata":{"resourceVersion":"1"}}',
    );
    expect(c.ok ? '' : c.error.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "two": the object has been modified; please apply your changes to the latest version and try again',
    );
    const missing = d.cluster.patch('Deployment', 'default', 'nope', 'merge', '{}');
    expect(missing.ok ? '' : missing.error.message).toBe('deployments.apps "nope" not found');
  });

  it('a dry run answers the patched object and changes nothing', () => {
    const d = setup();
    const before = d.cluster.internals.store.list('ReplicaSet').length;
    const live = d.get('Deployment', 'two');
    const r = d.cluster.patch(
      'Deployment',
      'default',
      'two',
      'strategic',
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"kiamol/ch03-numbers-web:v2"}]}}}}',
      { dryRun: true },
    );
    expect(r.ok && containersOf(r.object)[0]?.image).toBe('kiamol/ch03-numbers-web:v2');
    expect(r.ok && r.object.metadata.resourceVersion).toBe(live?.metadata.resourceVersion);
    d.advance(5000);
    expect(d.get('Deployment', 'two')).toBe(live);
    expect(d.cluster.internals.store.list('ReplicaSet').length).toBe(before);
  });
});
