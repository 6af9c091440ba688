// A StatefulSet's history as kubectl reads it [kubectl v0.34.9 pkg/polymorphichelpers/history.go
// StatefulSetHistoryViewer, statefulSetHistory, controlledHistoryV1, applyStatefulSetHistory;
// rollback.go StatefulSetRollbacker, statefulsetMatch, getStatefulSetPatch]: the ControllerRevisions
// its selector lists and it controls; a revision's template is its data (a `$patch: replace` of
// spec.template) applied; undo patches the revision's data back (strategic merge), skipped when
// getStatefulSetPatch's bytes already equal it. The lookup and the rollback are
// ./rollout-ds-history's, as kubectl's two Rollback methods take the same steps.
import { goJson, statefulSetPatch } from '../../sim/controllers/statefulset-history';
import type { DryRunStrategy } from './dryrun';
import type { KubectlContext } from './registry';
import { type RevisionHistory, revisionHistory, rollbackToRevision } from './rollout-ds-history';

export function statefulSetHistory(ctx: KubectlContext, name: string): RevisionHistory {
  // "Statefulset", as statefulSetHistory spells it.
  return revisionHistory(
    ctx,
    'StatefulSet',
    name,
    `failed to retrieve Statefulset ${name}: statefulsets.apps "${name}" not found`,
  );
}

/** StatefulSetRollbacker.Rollback. */
export function rollbackStatefulSet(
  ctx: KubectlContext,
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
): { ok: string } | { error: string } {
  return rollbackToRevision(
    ctx,
    'StatefulSet',
    name,
    toRevision,
    dry,
    statefulSetHistory,
    (sts, data) => goJson(statefulSetPatch(sts)) === goJson(data),
  );
}
