// Test helper for the controllers' "a settled object: a second reconcile writes nothing" tests: a
// ControllerContext over the cluster's own store whose API writes and events are only recorded,
// so a sync function run by hand shows what it would have written.
import type { K8sObject } from '../api/types';
import type { ClusterInternals } from '../cluster-core';
import type { ControllerContext } from '../runtime/interfaces';

/**
 * `writes` gets `<op> <Kind>/<name>` for each API write and the reason of each event; with
 * `recordRequeue` a requeue is written there too (`requeue`), else it goes to `requeueAfter`.
 */
export function recordingContext(
  internals: Pick<ClusterInternals, 'api' | 'clock'>,
  opts: { recordRequeue?: boolean; requeueAfter?: (key: string, ms: number) => void } = {},
): { ctx: ControllerContext; writes: string[] } {
  const { api, clock } = internals;
  const writes: string[] = [];
  const w = (op: string) => (o: K8sObject) => {
    writes.push(`${op} ${o.kind}/${o.metadata.name}`);
    return { ok: true, object: o } as const;
  };
  const ctx = {
    store: api.store,
    api: { create: w('create'), update: w('update'), updateStatus: w('updateStatus'), delete: w('delete') },
    clock,
    events: { record: (_o: K8sObject, _t: string, reason: string) => writes.push(reason) },
    requeueAfter: opts.recordRequeue
      ? () => writes.push('requeue')
      : (key: string, ms: number) => opts.requeueAfter?.(key, ms),
  } as unknown as ControllerContext;
  return { ctx, writes };
}
