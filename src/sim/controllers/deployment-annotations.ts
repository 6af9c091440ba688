// The annotations a Deployment's ReplicaSets carry [K8S deployment/util/deployment_util.go]:
// the revision and its history, desired/max-replicas, and the Deployment's own annotations
// copied on (SetNewReplicaSetAnnotations); with getNewReplicaSet's update of an existing new
// ReplicaSet (annotations and minReadySeconds).
import type { Deployment, K8sObject, ReplicaSet } from '../api/types';
import { copyOwn } from '../apiserver/copy';
import type { ControllerContext } from '../runtime/interfaces';

// biome-ignore lint/suspicious/noExplicitAny: spec fields are loosely typed JSON.
type Any = any;

export const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** The deployment controller's maxRevHistoryLengthInChars. */
const MAX_REV_HISTORY_CHARS = 2000;
export const DESIRED = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

export function revisionOf(rs: K8sObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/**
 * Annotations a Deployment does not pass on to its ReplicaSets (annotationsToSkip): kubectl's
 * last-applied configuration, and those the controller keeps itself on each.
 */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** The Deployment's annotations a new ReplicaSet starts with (before its revision and replicas). */
export function newReplicaSetAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  copyDeploymentAnnotations(d, out);
  return out;
}

/** Whether copyDeploymentAnnotationsToReplicaSet would add or change a value on `rs`. */
function needsCopy(d: Deployment, rs: Record<string, string>): boolean {
  const from = d.metadata.annotations;
  if (from === undefined) return false;
  // Object.keys, not for-in: annotation maps are often dictionary-mode objects, which for-in
  // walks slowly.
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (!SKIP_COPY.has(k) && rs[k] !== from[k]) return true;
  }
  return false;
}

/** copyDeploymentAnnotationsToReplicaSet into `into`. */
function copyDeploymentAnnotations(d: Deployment, into: Record<string, string>): void {
  const from = d.metadata.annotations;
  if (from === undefined) return;
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (!SKIP_COPY.has(k)) into[k] = from[k] as string;
  }
}

/**
 * The objects a syncNewReplicaSet without old ReplicaSets last found nothing to do with: its
 * answer depends on these alone (stored objects are immutable; every write copies metadata, but
 * one that does not change the annotations keeps the map, and status writes keep the spec).
 */
export interface NewRSCheck {
  dAnnotations: object | undefined;
  dSpec: object;
  rsAnnotations: object | undefined;
  rsSpec: object;
}

/** One more than the highest revision among `olds`. */
function nextRevision(olds: readonly ReplicaSet[]): number {
  let maxOld = 0;
  for (let i = 0; i < olds.length; i++) maxOld = Math.max(maxOld, revisionOf(olds[i] as ReplicaSet));
  return maxOld + 1;
}

/**
 * Whether the revision annotation `oldText` ('' when absent) is raised to `next`. A revision that
 * is not an integer fails ParseInt: no annotation update (a minReadySeconds update still carries
 * the copied annotations, as the controller's copy does).
 */
function revisionRaise(oldText: string, next: number): boolean {
  return revisionParses(oldText) && (oldText === '' ? 0 : Number(oldText)) < next;
}

function revisionParses(oldText: string): boolean {
  return oldText === '' || /^[+-]?\d+$/.test(oldText);
}

/**
 * Whether syncNewReplicaSet finds nothing to update on `newRS` (then remembered in `memo` when
 * there are no old ReplicaSets: the answer depends on the objects NewRSCheck keeps alone).
 */
export function newReplicaSetInSync(
  d: Deployment,
  newRS: ReplicaSet,
  olds: readonly ReplicaSet[],
  memo?: { annotationsOk: NewRSCheck | undefined },
): boolean {
  const ok = memo?.annotationsOk;
  if (
    ok !== undefined &&
    olds.length === 0 &&
    ok.dAnnotations === d.metadata.annotations &&
    ok.dSpec === d.spec &&
    ok.rsAnnotations === newRS.metadata.annotations &&
    ok.rsSpec === newRS.spec
  )
    return true;
  const annotations = newRS.metadata.annotations ?? {};
  const oldText = Object.hasOwn(annotations, REVISION) ? (annotations[REVISION] as string) : '';
  const parses = revisionParses(oldText);
  const raise = revisionRaise(oldText, nextRevision(olds));
  const minReadyStale = (newRS.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
  if ((parses && (needsCopy(d, annotations) || raise)) || minReadyStale) return false;
  if (memo && olds.length === 0)
    memo.annotationsOk = {
      dAnnotations: d.metadata.annotations,
      dSpec: d.spec,
      rsAnnotations: newRS.metadata.annotations,
      rsSpec: newRS.spec,
    };
  return true;
}

/**
 * getNewReplicaSet for an existing new ReplicaSet: SetNewReplicaSetAnnotations (the Deployment's
 * annotations copied on; its revision must exceed every old one's, an adopted or rolled-back-to
 * ReplicaSet's raised, with the number it had appended to revision-history within
 * maxRevHistoryLengthInChars) and minReadySeconds kept equal to the Deployment's; one update if
 * either changed.
 */
export function syncNewReplicaSet(
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet,
  olds: readonly ReplicaSet[],
  memo?: { annotationsOk: NewRSCheck | undefined },
): ReplicaSet {
  if (newReplicaSetInSync(d, newRS, olds, memo)) return newRS;
  const annotations = newRS.metadata.annotations ?? {};
  const next = nextRevision(olds);
  const had = Object.hasOwn(annotations, REVISION);
  const oldText = had ? (annotations[REVISION] as string) : '';
  const raise = revisionRaise(oldText, next);
  const copy = needsCopy(d, annotations);
  const minReady = d.spec.minReadySeconds ?? 0;
  const updated: Record<string, string> = copyOwn(annotations);
  if (copy) copyDeploymentAnnotations(d, updated);
  if (raise) {
    updated[REVISION] = String(next);
    if (had) {
      const history = annotations[REVISION_HISTORY] ?? '';
      if (history === '') updated[REVISION_HISTORY] = oldText;
      else {
        const revs = history.split(',');
        let total = history.length + oldText.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < revs.length) {
          total -= (revs[start] as string).length + 1;
          start++;
        }
        if (total <= MAX_REV_HISTORY_CHARS)
          updated[REVISION_HISTORY] = [...revs.slice(start), oldText].join(',');
      }
    }
  }
  const spec: Any = { ...newRS.spec };
  if (minReady === 0) delete spec.minReadySeconds;
  else spec.minReadySeconds = minReady;
  const r = ctx.api.update({ ...newRS, metadata: { ...newRS.metadata, annotations: updated }, spec });
  return r.ok ? (r.object as ReplicaSet) : newRS;
}
