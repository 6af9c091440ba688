// A student's CronJob on the graph: a workload node (ACTIVE over itself) owning the Jobs it made,
// each Job owning its Pod.
import { expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, KindName } from '../../sim/api/types';
import { deriveGraph } from './derive';
import { nodeSize } from './sizes';

const KINDS: KindName[] = ['Node', 'Pod', 'Job', 'CronJob'];

it('a CronJob is a workload node owning its Jobs', () => {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.kubectl('create cronjob tick --image=busybox --schedule="*/1 * * * *" -- sleep 300');
  expect(d.exitCode()).toBe(0);
  d.advance(2 * 60_000 + 1_000);
  const g = deriveGraph(KINDS.flatMap((k) => d.cluster.list(k)) as K8sObject[]);
  const node = g.nodes.find((n) => n.id === 'CronJob/default/tick');
  expect(node).toMatchObject({ type: 'cronJob', data: { name: 'tick', replicas: '2/2' } });
  expect(nodeSize(node as never)).toEqual({ width: 180, height: 56 });
  const owned = (owner: string) =>
    g.edges.filter((e) => e.kind === 'owns' && e.source === owner).map((e) => e.target);
  const jobs = owned('CronJob/default/tick');
  expect(jobs).toHaveLength(2);
  for (const j of jobs) {
    expect(j).toMatch(/^Job\/default\/tick-\d{8}$/);
    expect(owned(j)).toHaveLength(1);
  }
});
