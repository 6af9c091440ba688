// For the --dry-run tests: run a kubectl line and assert it changed nothing on the cluster.
import { expect } from 'vitest';
import { KIND_NAMES } from '../../sim/api/kinds';
import type { ChangeBatch } from '../../sim/contract';
import type { KubectlDriver } from '../testing';

/** Everything a dry run must leave alone. */
export function clusterState(d: KubectlDriver) {
  const c = d.cluster;
  return {
    objects: JSON.stringify(KIND_NAMES.map((k) => c.list(k))),
    revision: c.internals.store.revision,
    events: c.list('Event').length,
    now: c.now(),
  };
}

/** Run a kubectl line; assert it changed nothing and published no ChangeBatch. */
export function dry(d: KubectlDriver, line: string): KubectlDriver {
  const before = clusterState(d);
  const batches: ChangeBatch[] = [];
  const off = d.cluster.subscribe((b) => batches.push(b));
  d.kubectl(line);
  off();
  expect(batches, line).toEqual([]);
  expect(clusterState(d), line).toEqual(before);
  return d;
}
