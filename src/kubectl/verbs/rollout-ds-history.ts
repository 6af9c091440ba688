// A DaemonSet's history as kubectl reads it [kubectl v0.34.9 pkg/polymorphichelpers/history.go
// daemonSetHistory, controlledHistory, applyDaemonSetHistory; rollback.go DaemonSetRollbacker,
// findHistory, daemonSetMatch, printPodTemplate]: the ControllerRevisions its selector lists and
// it controls; a revision's template is its data (a `$patch: replace` of spec.template) applied.
// The lookup and the rollback are shared with ./rollout-sts-history, as history.go's
// controlledHistory/controlledHistoryV1 and rollback.go's two Rollback methods do the same steps.
import { matchesLabelSelector } from '../../sim/api/labels';
import type { ControllerRevision, K8sObject, PodTemplateSpec } from '../../sim/api/types';
import { daemonSetPatch, patchBytes } from '../../sim/controllers/daemonset-history';
import { clusterDryRun, type DryRunStrategy } from './dryrun';
import type { KubectlContext } from './registry';
import { printTemplate } from './rollout-common';
import { revisionNotFound } from './rollout-undo';

export type RevisionHistory = { ds: K8sObject; history: ControllerRevision[] } | { error: string };

/**
 * daemonSetHistory / statefulSetHistory with controlledHistory(V1): the workload, then the
 * namespace's ControllerRevisions its selector matches that it controls; `notFound` when it is absent.
 */
export function revisionHistory(
  ctx: KubectlContext,
  kind: 'DaemonSet' | 'StatefulSet',
  name: string,
  notFound: string,
): RevisionHistory {
  const ds = ctx.cluster.get(kind, ctx.namespace, name);
  if (!ds) return { error: notFound };
  const history = (
    ctx.cluster.list('ControllerRevision', { namespace: ctx.namespace }) as ControllerRevision[]
  ).filter(
    (cr) =>
      matchesLabelSelector(ds.spec.selector, cr.metadata.labels) &&
      cr.metadata.ownerReferences?.some((o) => o.controller && o.uid === ds.metadata.uid),
  );
  return { ds, history };
}

export function daemonSetHistory(ctx: KubectlContext, name: string): RevisionHistory {
  return revisionHistory(
    ctx,
    'DaemonSet',
    name,
    `failed to retrieve DaemonSet ${name}: daemonsets.apps "${name}" not found`,
  );
}

/** applyDaemonSetHistory's spec.template: the patch's template (the replace directive dropped). */
export function daemonSetRevisionTemplate(ds: K8sObject, cr: ControllerRevision): PodTemplateSpec {
  const t = cr.data?.spec?.template;
  if (!t) return ds.spec.template as PodTemplateSpec;
  const { $patch: _, ...template } = t;
  return template as PodTemplateSpec;
}

/**
 * DaemonSetRollbacker.Rollback / StatefulSetRollbacker.Rollback: findHistory picks the revision,
 * `matches` is daemonSetMatch / statefulsetMatch (the current patch's bytes equal the revision's),
 * and the revision's data is patched back (strategic merge).
 */
export function rollbackToRevision(
  ctx: KubectlContext,
  kind: 'DaemonSet' | 'StatefulSet',
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
  history: (ctx: KubectlContext, name: string) => RevisionHistory,
  matches: (obj: K8sObject, data: unknown) => boolean,
): { ok: string } | { error: string } {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const h = history(ctx, name);
  if ('error' in h) return h;
  if (toRevision === 0 && h.history.length <= 1) return { error: 'no last revision to roll back to' };
  // findHistory: with 0 the second highest revision.
  const sorted = [...h.history].sort((a, b) => a.revision - b.revision);
  const to =
    toRevision === 0 ? sorted[sorted.length - 2] : h.history.find((cr) => cr.revision === toRevision);
  if (!to) return revisionNotFound(toRevision);
  if (dry === 'client')
    return { ok: `will roll back to ${printTemplate(daemonSetRevisionTemplate(h.ds, to))}` };
  if (matches(h.ds, to.data))
    return { ok: `skipped rollback (current template already matches revision ${toRevision})` };
  const r = ctx.cluster.patch(
    kind,
    ctx.namespace,
    name,
    'strategic',
    JSON.stringify(to.data),
    clusterDryRun(dry),
  );
  if (!r.ok) return { error: `failed restoring revision ${toRevision}: ${r.error.message}` };
  return { ok: 'rolled back' };
}

/** DaemonSetRollbacker.Rollback. */
export function rollbackDaemonSet(
  ctx: KubectlContext,
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
): { ok: string } | { error: string } {
  return rollbackToRevision(
    ctx,
    'DaemonSet',
    name,
    toRevision,
    dry,
    daemonSetHistory,
    (ds, data) => patchBytes(daemonSetPatch(ds)) === patchBytes(data),
  );
}
