// The patch kubectl apply sends for an existing object (CreateThreeWayMergePatch), byte for byte,
// and what the server makes of it. Expected patches follow patch.go's rules: merge lists by their
// patchMergeKey with `$setElementOrder`, deleted items as `$patch: delete` (after the others),
// removed map keys as null, other lists whole, json.Marshal's sorted keys.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import type { Cluster } from '../contract';
import { applyPatchFor, LAST_APPLIED } from './apply';
import { goJsonMarshal, threeWayPatch } from './apply-patch';

// biome-ignore lint/suspicious/noExplicitAny: loosely typed documents.
type Any = any;

const svc = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', ...meta },
  spec: { selector: { app: 'web' }, ...spec },
});

const deploy = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    ...spec,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1', ...container }] },
    },
  },
});

const live = (c: Cluster, kind: 'Service' | 'Deployment'): Any => c.get(kind, 'default', 'web') as K8sObject;

/** The patch for `doc` against what `c` has, and the annotation it carries, as JSON text. */
function patchOf(c: Cluster, doc: Any): { patch: string; annotation: string } {
  const l = live(c, doc.kind);
  const p = applyPatchFor(doc, l, doc.kind, 'default');
  if (!p.ok) throw new Error(p.message);
  const annotation = JSON.parse(p.patch)?.metadata?.annotations?.[LAST_APPLIED];
  return { patch: p.patch, annotation: JSON.stringify(annotation ?? '') };
}

const applied = (c: Cluster, doc: unknown) => {
  const [o] = c.apply([doc]);
  if (!o?.result.ok) throw new Error(JSON.stringify(o?.result));
  return o.result.op;
};

describe('kubectl apply: the three-way patch', () => {
  it('a Service port renumbered under the same name: the old item deleted, targetPort defaulted anew', () => {
    const c = createCluster({ seed: 1 });
    applied(c, svc({ ports: [{ name: 'http', port: 80 }] }));
    const next = svc({ ports: [{ name: 'http', port: 8080 }] });
    const { patch, annotation } = patchOf(c, next);
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"$setElementOrder/ports":[{"port":8080}],"ports":[{"name":"http","port":8080},{"$patch":"delete","port":80}]}}`,
    );
    expect(applied(c, next)).toBe('configured');
    expect(live(c, 'Service').spec.ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080 },
    ]);
  });

  it('a container image change: the item with its merge key and the element order', () => {
    const c = createCluster({ seed: 1 });
    applied(c, deploy({}));
    const { patch, annotation } = patchOf(c, deploy({ image: 'nginx:2' }));
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:2","name":"web"}]}}}}`,
    );
  });

  it('a field removed from the file is null in the patch; the server defaults it again', () => {
    const c = createCluster({ seed: 1 });
    applied(c, deploy({}, { replicas: 3 }));
    const { patch, annotation } = patchOf(c, deploy({}));
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"replicas":null}}`,
    );
    expect(applied(c, deploy({}))).toBe('configured');
    expect(live(c, 'Deployment').spec.replicas).toBe(1);
  });

  it('an item removed from a merge list is `$patch: delete`, after the changed items', () => {
    const c = createCluster({ seed: 1 });
    const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));
    applied(c, deploy({ env: env('A', 'B', 'C') }));
    const next = deploy({ env: [...env('A'), { name: 'C', value: 'x' }] });
    const { patch, annotation } = patchOf(c, next);
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"x"},{"$patch":"delete","name":"B"}],"name":"web"}]}}}}`,
    );
    applied(c, next);
    expect(live(c, 'Deployment').spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: 'a' },
      { name: 'C', value: 'x' },
    ]);
  });

  it('items only the live object has (added by kubectl patch) are kept: Service ports, env', () => {
    const c = createCluster({ seed: 1 });
    applied(c, svc({ ports: [{ name: 'http', port: 80 }] }));
    c.patch('Service', 'default', 'web', 'strategic', '{"spec":{"ports":[{"name":"admin","port":9000}]}}');
    // The patch's new item goes first (mergeSortedSlice); apply's $setElementOrder names only the
    // file's items, so the server-only one keeps its place by the live order.
    expect(live(c, 'Service').spec.ports.map((p: Any) => p.name)).toEqual(['admin', 'http']);
    applied(c, svc({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
    expect(live(c, 'Service').spec.ports.map((p: Any) => [p.name, p.port, p.targetPort])).toEqual([
      ['admin', 9000, 9000],
      ['http', 80, 8080],
    ]);
    applied(c, deploy({ env: [{ name: 'A', value: '1' }] }));
    c.patch(
      'Deployment',
      'default',
      'web',
      'strategic',
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"EXTRA","value":"x"}]}]}}}}',
    );
    applied(c, deploy({ image: 'nginx:2', env: [{ name: 'A', value: '1' }] }));
    const [ctr] = live(c, 'Deployment').spec.template.spec.containers;
    expect(ctr.image).toBe('nginx:2');
    expect(ctr.env.map((e: Any) => e.name).sort()).toEqual(['A', 'EXTRA']);
  });

  it('lists without a merge strategy are sent whole: args, selector.matchExpressions', () => {
    const c = createCluster({ seed: 1 });
    applied(c, deploy({ args: ['a', 'b'] }));
    const { patch, annotation } = patchOf(c, deploy({ args: ['b'] }));
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"args":["b"],"name":"web"}]}}}}`,
    );
    const exprs = (values: string[]) => ({
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values }],
      },
    });
    const original = deploy({}, exprs(['x', 'y']));
    const p = threeWayPatch({}, deploy({}, exprs(['y'])), original as Any, 'Deployment');
    expect(goJsonMarshal(p)).toBe(
      '{"spec":{"selector":{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["y"]}]}}}',
    );
  });

  it('a strategy switch carries $retainKeys; the server drops the defaulted rollingUpdate', () => {
    const c = createCluster({ seed: 1 });
    applied(c, deploy({}));
    const next = deploy({}, { strategy: { type: 'Recreate' } });
    const { patch, annotation } = patchOf(c, next);
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}`,
    );
    applied(c, next);
    expect(live(c, 'Deployment').spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('a strategy of type only, applied again: $retainKeys alone (the live one has a defaulted rollingUpdate)', () => {
    // diffMaps builds $retainKeys when the patch is empty but the live map has a key the file
    // lacks (hasAdditionalNewField): the patch is not `{}`, so kubectl says configured.
    const c = createCluster({ seed: 1 });
    const doc = deploy({}, { strategy: { type: 'RollingUpdate' } });
    applied(c, doc);
    expect(patchOf(c, doc).patch).toBe('{"spec":{"strategy":{"$retainKeys":["type"]}}}');
    expect(applied(c, doc)).toBe('configured');
    expect(live(c, 'Deployment').spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
  });

  it('finalizers (a merge list of scalars): $deleteFromPrimitiveList and the element order', () => {
    const meta = (finalizers: string[]) => ({
      metadata: { name: 'x', finalizers },
    });
    const p = threeWayPatch(
      meta(['a/x', 'b/y']),
      meta(['b/y', 'c/z']),
      meta(['a/x', 'b/y', 'd/w']),
      'Service',
    );
    expect(goJsonMarshal(p)).toBe(
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a/x"],"$setElementOrder/finalizers":["b/y","c/z"],"finalizers":["c/z"]}}',
    );
  });

  it('the same file again is `{}`: unchanged, nothing sent', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc({ ports: [{ port: 80 }] });
    applied(c, doc);
    const rv = live(c, 'Service').metadata.resourceVersion;
    expect(patchOf(c, doc).patch).toBe('{}');
    expect(applied(c, doc)).toBe('unchanged');
    expect(live(c, 'Service').metadata.resourceVersion).toBe(rv);
  });

  it('configured whenever the patch is not `{}`, even if the server changes nothing', () => {
    const c = createCluster({ seed: 1 });
    const doc = svc({ ports: [{ port: 80 }] }, { labels: null });
    applied(c, doc);
    const before = live(c, 'Service');
    expect(patchOf(c, doc).patch).toBe('{"metadata":{"labels":null}}');
    expect(applied(c, doc)).toBe('configured');
    expect(live(c, 'Service').spec).toEqual(before.spec);
  });

  it('json.Marshal escapes HTML characters in the patch and the annotation', () => {
    const c = createCluster({ seed: 1 });
    applied(c, svc({ ports: [{ port: 80 }] }));
    const { patch } = patchOf(c, svc({ ports: [{ port: 80 }] }, { annotations: { note: 'a<b & c>d' } }));
    expect(patch).toContain('"note":"a\\u003cb \\u0026 c\\u003ed"');
    expect(patch).toContain('\\"note\\":\\"a\\\\u003cb \\\\u0026 c\\\\u003ed\\"');
  });
});

describe('the server applies $setElementOrder', () => {
  it('a file that only reorders its ports sends the order alone, and the live list follows it', () => {
    const c = createCluster({ seed: 1 });
    const a = { name: 'a', port: 80 };
    const b = { name: 'b', port: 81 };
    applied(c, svc({ ports: [a, b] }));
    const next = svc({ ports: [b, a] });
    const { patch, annotation } = patchOf(c, next);
    expect(patch).toBe(
      `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"$setElementOrder/ports":[{"port":81},{"port":80}]}}`,
    );
    expect(applied(c, next)).toBe('configured');
    expect(live(c, 'Service').spec.ports.map((p: Any) => p.name)).toEqual(['b', 'a']);
  });
});

describe('finalizers through the server', () => {
  it('a finalizer dropped from the file goes, a new one is added, one kubectl patch added stays', () => {
    const c = createCluster({ seed: 1 });
    const doc = (finalizers: string[]) => svc({ ports: [{ port: 80 }] }, { finalizers });
    applied(c, doc(['example.com/a', 'example.com/b']));
    c.patch('Service', 'default', 'web', 'strategic', '{"metadata":{"finalizers":["example.com/z"]}}');
    // A strategic patch's new item goes before the server's (mergeSortedSlice).
    expect(live(c, 'Service').metadata.finalizers).toEqual([
      'example.com/z',
      'example.com/a',
      'example.com/b',
    ]);
    const next = doc(['example.com/b', 'example.com/c']);
    const { patch, annotation } = patchOf(c, next);
    expect(patch).toBe(
      `{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/b","example.com/c"],"annotations":{"${LAST_APPLIED}":${annotation}},"finalizers":["example.com/c"]}}`,
    );
    expect(applied(c, next)).toBe('configured');
    // The server-only finalizer keeps its place by the live order; the deletion list runs last.
    expect(live(c, 'Service').metadata.finalizers).toEqual([
      'example.com/z',
      'example.com/b',
      'example.com/c',
    ]);
  });
});
