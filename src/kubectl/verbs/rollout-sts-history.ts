// A StatefulSet's history as kubectl reads it [kubectl v0.34.9 pkg/polymorphichelpers/history.go
// StatefulSetHistoryViewer, statefulSetHistory, controlledHistoryV1, applyStatefulSetHistory;
// rollback.go StatefulSetRollbacker, statefulsetMatch, getStatefulSetPatch]: the ControllerRevisions
// its selector lists and it controls; a revision's template is its data (a `$patch: replace` of
// spec.template) applied; undo patches the revision's data back (strategic merge), skipped when
// getStatefulSetPatch's bytes already equal it. The same shapes as ./rollout-ds-history.
import { matchesLabelSelector } from '../../sim/api/labels';
import type { ControllerRevision, K8sObject } from '../../sim/api/types';
import { goJson, statefulSetPatch } from '../../sim/controllers/statefulset-history';
import { clusterDryRun, type DryRunStrategy } from './dryrun';
import type { KubectlContext } from './registry';
import { printTemplate } from './rollout-common';
import { daemonSetRevisionTemplate } from './rollout-ds-history';
import { revisionNotFound } from './rollout-undo';

export function statefulSetHistory(
  ctx: KubectlContext,
  name: string,
): { ds: K8sObject; history: ControllerRevision[] } | { error: string } {
  const sts = ctx.cluster.get('StatefulSet', ctx.namespace, name);
  // "Statefulset", as statefulSetHistory spells it.
  if (!sts) return { error: `failed to retrieve Statefulset ${name}: statefulsets.apps "${name}" not found` };
  const history = (
    ctx.cluster.list('ControllerRevision', { namespace: ctx.namespace }) as ControllerRevision[]
  ).filter(
    (cr) =>
      matchesLabelSelector(sts.spec.selector, cr.metadata.labels) &&
      cr.metadata.ownerReferences?.some((o) => o.controller && o.uid === sts.metadata.uid),
  );
  return { ds: sts, history };
}

/** StatefulSetRollbacker.Rollback. */
export function rollbackStatefulSet(
  ctx: KubectlContext,
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
): { ok: string } | { error: string } {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const h = statefulSetHistory(ctx, name);
  if ('error' in h) return h;
  if (toRevision === 0 && h.history.length <= 1) return { error: 'no last revision to roll back to' };
  // findHistory: with 0 the second highest revision.
  const sorted = [...h.history].sort((a, b) => a.revision - b.revision);
  const to =
    toRevision === 0 ? sorted[sorted.length - 2] : h.history.find((cr) => cr.revision === toRevision);
  if (!to) return revisionNotFound(toRevision);
  if (dry === 'client')
    return { ok: `will roll back to ${printTemplate(daemonSetRevisionTemplate(h.ds, to))}` };
  if (goJson(statefulSetPatch(h.ds)) === goJson(to.data))
    return { ok: `skipped rollback (current template already matches revision ${toRevision})` };
  const r = ctx.cluster.patch(
    'StatefulSet',
    ctx.namespace,
    name,
    'strategic',
    JSON.stringify(to.data),
    clusterDryRun(dry),
  );
  if (!r.ok) return { error: `failed restoring revision ${toRevision}: ${r.error.message}` };
  return { ok: 'rolled back' };
}
