// The node lifecycle controller's NoSchedule tainting pass (doNoScheduleTaintingPass) on hand-made
// Nodes: condition taints and the unschedulable taint added with timeAdded, stale ones removed,
// taints it does not own (another key, or its keys with NoExecute) kept, no write when in step.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext } from '../runtime/interfaces';
import { nodeTaintKeys, nodeTaintSync } from './node-taints';

const NOW = Date.UTC(2026, 0, 8, 9, 30);

const recorded: string[] = [];

function run(node: K8sObject, store: object = {}): K8sObject[] {
  const writes: K8sObject[] = [];
  const get = (kind: string, _ns: unknown, name: string) =>
    kind === 'Node' && name === 'n1' ? node : undefined;
  const ctx = {
    store: Object.assign(store, { get }),
    events: {
      record: (
        o: K8sObject,
        type: string,
        reason: string,
        message: string,
        source: { component: string; host?: string },
      ) =>
        recorded.push(`${o.metadata.name} ${type} ${reason} ${message} ${source.component}/${source.host}`),
    },
    api: {
      update: (o: K8sObject) => {
        writes.push(o);
        return { ok: true, object: o };
      },
    },
    clock: { now: () => NOW },
  } as unknown as ControllerContext;
  nodeTaintSync('Node/n1', ctx);
  return writes;
}

function node(spec: object, conditions: { type: string; status: string }[] = []): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    spec,
    status: { conditions },
  } as K8sObject;
}

describe('node lifecycle NoSchedule tainting', () => {
  it('cordoned: the unschedulable taint is appended after the Node’s own, with timeAdded', () => {
    const [w] = run(node({ unschedulable: true, taints: [{ key: 'a', effect: 'NoSchedule' }] }));
    expect(w?.spec?.taints).toEqual([
      { key: 'a', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(NOW) },
    ]);
  });

  it('conditions map to their taints (in condition order, before unschedulable)', () => {
    const [w] = run(
      node({ unschedulable: true }, [
        { type: 'MemoryPressure', status: 'True' },
        { type: 'DiskPressure', status: 'False' },
        { type: 'Ready', status: 'Unknown' },
      ]),
    );
    expect(((w?.spec?.taints ?? []) as { key: string }[]).map((t) => t.key)).toEqual([
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/unschedulable',
    ]);
  });

  it('uncordoned: its taint goes, the list is dropped when empty; NoExecute and foreign taints stay', () => {
    const [w] = run(node({ taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }));
    expect(w?.spec).toEqual({});
    const keep = [
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
      { key: 'x', effect: 'NoSchedule' },
    ];
    const [w2] = run(
      node({ taints: [...keep, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }, [
        { type: 'Ready', status: 'True' },
      ]),
    );
    expect(w2?.spec?.taints).toEqual(keep);
  });

  it('the kubelet’s NodeNotSchedulable / NodeSchedulable events, once per change, per cluster', () => {
    recorded.length = 0;
    const store = {};
    run(node({ unschedulable: true }), store);
    run(node({ unschedulable: true }), store);
    run(node({}), store);
    run(node({}), store);
    // Another cluster's kubelet starts from schedulable again.
    run(node({}), {});
    expect(recorded).toEqual([
      'n1 Normal NodeNotSchedulable Node n1 status is now: NodeNotSchedulable kubelet/n1',
      'n1 Normal NodeSchedulable Node n1 status is now: NodeSchedulable kubelet/n1',
    ]);
  });

  it('in step: no write; keys for Node events only', () => {
    expect(run(node({}, [{ type: 'Ready', status: 'True' }]))).toEqual([]);
    expect(
      run(
        node({
          unschedulable: true,
          taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
        }),
      ),
    ).toEqual([]);
    const n = node({});
    expect(
      nodeTaintKeys({
        type: 'MODIFIED',
        kind: 'Node',
        key: { kind: 'Node', name: 'n1' },
        object: n,
      } as never),
    ).toEqual(['Node/n1']);
  });
});
