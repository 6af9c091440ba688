// drain's pod filters (pkg/drain/filters.go v0.34.9) on hand-made Pods: the cases a booted
// cluster cannot show (an orphaned DaemonSet Pod, finished Pods, another DaemonSet apiVersion).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { aggregateText, type DrainOptions, podsForDeletion } from './drain-pods';

function pod(
  name: string,
  extra: { owner?: [string, string, string]; phase?: string; emptyDir?: boolean; mirror?: boolean } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ns',
      ...(extra.owner
        ? {
            ownerReferences: [
              {
                apiVersion: extra.owner[0],
                kind: extra.owner[1],
                name: extra.owner[2],
                uid: 'u',
                controller: true,
              },
            ],
          }
        : {}),
      ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'abc' } } : {}),
    },
    spec: {
      nodeName: 'n1',
      containers: [],
      ...(extra.emptyDir ? { volumes: [{ name: 'v', emptyDir: {} }] } : {}),
    },
    status: { phase: extra.phase ?? 'Running' },
  } as unknown as Pod;
}

/** A cluster with these Pods on node n1 and one DaemonSet `ds` in ns. */
function fake(pods: Pod[]): Cluster {
  return {
    list: (_kind: string, opts?: { fieldSelector?: string }) => {
      expect(opts?.fieldSelector).toBe('spec.nodeName=n1');
      return pods;
    },
    get: (kind: string, ns: string, name: string) =>
      kind === 'DaemonSet' && ns === 'ns' && name === 'ds'
        ? { kind: 'DaemonSet', metadata: { name } }
        : undefined,
  } as unknown as Cluster;
}

const OPTS: DrainOptions = {
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  podSelector: undefined,
  skipWaitSeconds: 0,
  now: () => 0,
};

describe('drain pod filters', () => {
  it('an orphaned DaemonSet Pod: the Get error, a warning with --force', () => {
    const ps = [pod('a', { owner: ['apps/v1', 'DaemonSet', 'gone'] })];
    expect(podsForDeletion(fake(ps), 'n1', OPTS)).toEqual({
      pods: [],
      warnings: '',
      errors: ['cannot delete daemonsets.apps "gone" not found: ns/a'],
    });
    const forced = podsForDeletion(fake(ps), 'n1', { ...OPTS, force: true });
    expect(forced.warnings).toBe('daemonsets.apps "gone" not found: ns/a');
    expect(forced.pods.map((p) => p.metadata.name)).toEqual(['a']);
    expect(forced.errors).toEqual([]);
  });

  it('finished Pods may always go; a DaemonSet of another apiVersion counts as a controller', () => {
    const ps = [
      pod('done', { owner: ['apps/v1', 'DaemonSet', 'ds'], phase: 'Succeeded' }),
      pod('failed', { phase: 'Failed', emptyDir: true }),
      pod('old', { owner: ['extensions/v1beta1', 'DaemonSet', 'ds'] }),
    ];
    const r = podsForDeletion(fake(ps), 'n1', OPTS);
    expect(r).toEqual({ pods: ps, warnings: '', errors: [] });
  });

  it('mirror Pods are skipped silently; messages group their Pods in list order', () => {
    const ps = [
      pod('m', { mirror: true }),
      pod('b1'),
      pod('d1', { owner: ['apps/v1', 'DaemonSet', 'ds'] }),
      pod('b2'),
      pod('e1', { owner: ['apps/v1', 'ReplicaSet', 'rs'], emptyDir: true }),
    ];
    expect(podsForDeletion(fake(ps), 'n1', OPTS).errors).toEqual([
      'cannot delete cannot delete Pods that declare no controller (use --force to override): ns/b1, ns/b2',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ns/d1',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): ns/e1',
    ]);
    const all = podsForDeletion(fake(ps), 'n1', {
      ...OPTS,
      force: true,
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
    });
    expect(all.pods.map((p) => p.metadata.name)).toEqual(['b1', 'b2', 'e1']);
    expect(all.warnings).toBe(
      'deleting Pods that declare no controller: ns/b1, ns/b2; ignoring DaemonSet-managed Pods: ns/d1',
    );
  });

  it('--skip-wait-for-delete-timeout: a Pod deleted more than N seconds ago is skipped', () => {
    const gone = pod('old');
    (gone.metadata as { deletionTimestamp?: string }).deletionTimestamp = '2026-01-08T09:30:00Z';
    const at = (s: number) => () => Date.parse('2026-01-08T09:30:00Z') + s * 1000;
    const ps = [gone];
    // int(seconds since) must exceed N; 0 turns it off.
    expect(
      podsForDeletion(fake(ps), 'n1', { ...OPTS, skipWaitSeconds: 5, now: at(5.9) }).errors,
    ).toHaveLength(1);
    expect(podsForDeletion(fake(ps), 'n1', { ...OPTS, skipWaitSeconds: 5, now: at(6) })).toEqual({
      pods: [],
      warnings: '',
      errors: [],
    });
    expect(podsForDeletion(fake(ps), 'n1', { ...OPTS, now: at(600) }).errors).toHaveLength(1);
  });

  it('aggregateText: one error bare, several in brackets, repeats once', () => {
    expect(aggregateText(['a'])).toBe('a');
    expect(aggregateText(['a', 'b'])).toBe('[a, b]');
    expect(aggregateText(['a', 'a'])).toBe('a');
  });
});
