// The Deployment's conditions list as syncRolloutStatus keeps it: SetDeploymentCondition leaves a
// condition with the same status and reason alone, and otherwise filters the old one out and
// appends the new one (so the list's order is the order of the changes); progress replaces
// Progressing even with the same reason so that its lastUpdateTime moves; a ReplicaSet's
// ReplicaFailure is copied last. [K8S 1.34 pkg/controller/deployment/progress.go,
// sync.go getNewReplicaSet, util/deployment_util.go]
import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { ControllerContext } from '../runtime/interfaces';
import type { SpecInfo } from './deployment';
import { syncStatus } from './deployment-status';
// The ReplicaFailure copy is a late part (the page binds it with kubectl; the cluster imports it).
import '../late-impl';

const T0 = '2026-01-08T09:30:00Z';
const NOW = Date.UTC(2026, 0, 8, 9, 31);
const T1 = '2026-01-08T09:31:00Z';

const cond = (
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  at = T0,
): DeploymentCondition => ({ type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message });

const AVAILABLE = cond(
  'Available',
  'True',
  'MinimumReplicasAvailable',
  'Deployment has minimum availability.',
);
const UNAVAILABLE = cond(
  'Available',
  'False',
  'MinimumReplicasUnavailable',
  'Deployment does not have minimum availability.',
);

function rs(name: string, status: Record<string, unknown>): ReplicaSet {
  return { metadata: { name, uid: `uid-${name}` }, status } as unknown as ReplicaSet;
}

/** One syncStatus over stored objects (`unchanged`): the conditions it writes, or undefined. */
function sync(
  conditions: DeploymentCondition[],
  counts: Record<string, number>,
  owned: ReplicaSet[],
  opts: { created?: boolean; replicas?: number } = {},
): DeploymentCondition[] | undefined {
  const d = {
    metadata: { name: 'web', namespace: 'default', generation: 1 },
    spec: { replicas: opts.replicas ?? 2, progressDeadlineSeconds: 600 },
    status: { observedGeneration: 1, ...counts, conditions },
  } as unknown as Deployment;
  let written: DeploymentCondition[] | undefined;
  const ctx = {
    clock: { now: () => NOW },
    api: {
      updateStatus: (o: Deployment) => {
        written = o.status.conditions;
        return { ok: true, object: o };
      },
    },
    requeueAfter: () => {},
  } as unknown as ControllerContext;
  const info = { unavailable: 0, deadlineDue: -1 } as SpecInfo;
  syncStatus({} as Store, ctx, d, owned, true, owned[owned.length - 1], opts.created ?? false, info);
  return written;
}

describe('Deployment conditions (SetDeploymentCondition order)', () => {
  it('a new ReplicaSet: NewReplicaSetCreated, then Available False after it', () => {
    const fresh = rs('web-1', { replicas: 0 });
    expect(sync([], {}, [fresh], { created: true })).toEqual([
      cond('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "web-1"', T1),
      cond(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        T1,
      ),
    ]);
  });

  it('progress with the same reason moves Progressing to the end with a new lastUpdateTime', () => {
    const progressing = cond(
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      'ReplicaSet "web-1" is progressing.',
    );
    const one = rs('web-1', { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    const out = sync([progressing, UNAVAILABLE], { replicas: 2, updatedReplicas: 2 }, [one]);
    expect(out).toEqual([UNAVAILABLE, { ...progressing, lastUpdateTime: T1 }]);
  });

  it('a status change moves the condition to the end; the same status and reason keep it as it is', () => {
    const done = cond(
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      'ReplicaSet "web-0" has successfully progressed.',
    );
    const full = rs('web-1', { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const counts = { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 };
    // Complete again under another ReplicaSet's name: same status and reason, the message stays.
    expect(sync([AVAILABLE, done], counts, [full])).toBeUndefined();
    // A Pod stops being ready: Available turns False and goes last; the rollout stays complete
    // (isCompleteDeployment: as many replicas as updated ones, NewReplicaSetAvailable).
    const ours = { ...done, message: 'ReplicaSet "web-1" has successfully progressed.' };
    const lost = rs('web-1', { replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    const out = sync([AVAILABLE, ours], counts, [lost]);
    expect(out?.map((c) => `${c.type}=${c.status}`)).toEqual(['Progressing=True', 'Available=False']);
    expect(out?.[1]).toEqual({ ...UNAVAILABLE, lastUpdateTime: T1, lastTransitionTime: T1 });
  });

  it("ReplicaFailure is copied last from the ReplicaSet's condition and dropped once the ReplicaSet has none", () => {
    const created = cond('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "web-1"');
    const failure = {
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: T1,
      reason: 'FailedCreate',
      message: 'pods "web-1-" is forbidden: x',
    };
    const failing = rs('web-1', { replicas: 0, conditions: [failure] });
    const out = sync([created, UNAVAILABLE], {}, [failing]);
    expect(out).toEqual([
      created,
      UNAVAILABLE,
      cond('ReplicaFailure', 'True', 'FailedCreate', 'pods "web-1-" is forbidden: x', T1),
    ]);
    // The ReplicaSet's condition cleared (its Pods created): the copy goes.
    const ok = rs('web-1', { replicas: 2 });
    const after = sync(out ?? [], {}, [ok]);
    expect(after?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
  });
});
