// kubectl rollout history TYPE/NAME [--revision=N] [kubectl v0.34.9 pkg/cmd/rollout/rollout_history.go,
// pkg/polymorphichelpers/history.go DeploymentHistoryViewer, DaemonSetHistoryViewer, StatefulSetHistoryViewer]: the NamePrinter
// with the operation "\n<REVISION CHANGE-CAUSE table>" or "with revision #N\n<printTemplate>".
import type { K8sObject, PodTemplateSpec } from '../../sim/api/types';
import { str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage } from '../resources';
import type { KubectlContext, ParsedArgs } from './registry';
import {
  deploymentReplicaSets,
  groupKind,
  nameOf,
  printTemplate,
  revisionOf,
  rolloutTargets,
} from './rollout-common';
import { daemonSetHistory, daemonSetRevisionTemplate } from './rollout-ds-history';
import { statefulSetHistory } from './rollout-sts-history';

const KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** A DaemonSet's or (StatefulSetHistoryViewer, the same printHistory) a StatefulSet's revisions. */
const setHistory = (ctx: KubectlContext, name: string, sts?: boolean) =>
  (sts ? statefulSetHistory : daemonSetHistory)(ctx, name);

/** tabbedString of the REVISION / CHANGE-CAUSE table (tabwriter padding 2). */
function table(causes: Map<number, string>): string {
  const revs = [...causes.keys()].sort((a, b) => a - b);
  const w = Math.max('REVISION'.length, ...revs.map((r) => String(r).length)) + 2;
  let out = `${'REVISION'.padEnd(w)}CHANGE-CAUSE\n`;
  for (const r of revs) out += `${String(r).padEnd(w)}${causes.get(r) || '<none>'}\n`;
  return out;
}

const CAUSE = 'kubernetes.io/change-cause';

/** DeploymentHistoryViewer.ViewHistory: the text after the NamePrinter's name, or an error. */
function deploymentHistory(ctx: KubectlContext, name: string, revision: number): string | { error: string } {
  const d = ctx.cluster.get('Deployment', ctx.namespace, name);
  if (!d) return { error: `failed to retrieve deployment ${name}: deployments.apps "${name}" not found` };
  const info = new Map<number, PodTemplateSpec>();
  for (const rs of deploymentReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const t = structuredClone(rs.spec.template) as PodTemplateSpec;
    const cause = rs.metadata.annotations?.[CAUSE];
    t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}) } };
    if (cause) (t.metadata.annotations as Record<string, string>)[CAUSE] = cause;
    info.set(v, t);
  }
  if (info.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const t = info.get(revision);
    return t ? printTemplate(t) : { error: 'unable to find the specified revision' };
  }
  const causes = new Map<number, string>();
  for (const [r, t] of info) causes.set(r, t.metadata?.annotations?.[CAUSE] ?? '');
  return table(causes);
}

/** DaemonSetHistoryViewer.ViewHistory (printHistory over its ControllerRevisions). */
function dsHistory(
  ctx: KubectlContext,
  name: string,
  revision: number,
  sts?: boolean,
): string | { error: string } {
  const h = setHistory(ctx, name, sts);
  if ('error' in h) return h;
  if (h.history.length === 0) return 'No rollout history found.';
  const byRev = new Map(h.history.map((cr) => [Number(cr.revision), cr]));
  if (revision > 0) {
    const cr = byRev.get(revision);
    if (!cr) return { error: 'unable to find the specified revision' };
    return printTemplate(daemonSetRevisionTemplate(h.ds, cr));
  }
  const causes = new Map<number, string>();
  for (const [r, cr] of byRev) causes.set(r, cr.metadata.annotations?.[CAUSE] ?? '');
  return table(causes);
}

/**
 * GetHistory: revision -> the Deployment's ReplicaSet of it, or the DaemonSet with that revision's
 * template applied (applyDaemonSetHistory).
 */
function historyObjects(
  ctx: KubectlContext,
  name: string,
  ds: boolean,
  sts?: boolean,
): Map<number, K8sObject> | { error: string } {
  const out = new Map<number, K8sObject>();
  if (ds) {
    const h = setHistory(ctx, name, sts);
    if ('error' in h) return h;
    for (const cr of h.history)
      out.set(cr.revision, {
        ...h.ds,
        spec: { ...h.ds.spec, template: daemonSetRevisionTemplate(h.ds, cr) },
      });
    return out;
  }
  const d = ctx.cluster.get('Deployment', ctx.namespace, name);
  if (!d) return { error: `failed to retrieve deployment ${name}: deployments.apps "${name}" not found` };
  for (const rs of deploymentReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (v !== undefined) out.set(v, rs);
  }
  return out;
}

export function rolloutHistory(args: ParsedArgs, ctx: KubectlContext, rest: string[]): number {
  const revision = typeof args.flags.revision === 'number' ? args.flags.revision : 0;
  if (revision < 0) {
    ctx.proc.err(`error: revision must be a positive integer: ${revision}\n`);
    return 1;
  }
  const list = rolloutTargets(
    rest,
    ctx,
    KINDS,
    (t) => `no history viewer has been implemented for ${groupKind(t)}`,
  );
  if (!list) return 1;
  const format = parseOperationOutput(str(args.flags, 'output'));
  if (!format.ok) {
    ctx.proc.err(`${format.message}\n`);
    return 1;
  }
  // OutputFlagSpecified: the history's objects through the printer, built once.
  const printer = format.format.kind === 'default' ? undefined : new OperationPrinter(format.format, '');
  for (const { t, name } of list) {
    const sts = t.simulated === 'StatefulSet';
    const ds = t.simulated === 'DaemonSet' || sts;
    if (!ctx.cluster.get(sts ? 'StatefulSet' : ds ? 'DaemonSet' : 'Deployment', ctx.namespace, name)) {
      ctx.proc.err(`${notFoundMessage(t, name)}\n`);
      return 1;
    }
    if (printer) {
      const objs = historyObjects(ctx, name, ds, sts);
      if ('error' in objs) {
        ctx.proc.err(`error: ${objs.error}\n`);
        return 1;
      }
      const revs = revision > 0 ? [revision] : [...objs.keys()].sort((a, b) => a - b);
      for (const rev of revs) {
        const o = objs.get(rev);
        if (!o) {
          ctx.proc.err('error: unable to find the specified revision\n');
          return 1;
        }
        const p = printer.print(o);
        ctx.proc.out(p.out);
        if (p.error) {
          ctx.proc.err(`${p.error}\n`);
          return 1;
        }
      }
      continue;
    }
    const r = ds ? dsHistory(ctx, name, revision, sts) : deploymentHistory(ctx, name, revision);
    if (typeof r !== 'string') {
      ctx.proc.err(`error: ${r.error}\n`);
      return 1;
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    ctx.proc.out(`${nameOf(t, name)} ${withRevision}\n${r}\n`);
  }
  return 0;
}
