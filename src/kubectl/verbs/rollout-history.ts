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
  // rollout_history.go Run: r.Visit under ContinueOnError, so a missing name or a viewer's error
  // does not stop the later objects; the errors come after (checkErr: one as it is, several one
  // line each, raw).
  const errors: { pretty: string; raw: string }[] = [];
  const fail = (msg: string) => errors.push({ pretty: `error: ${msg}`, raw: msg });
  for (const { t, name } of list) {
    const sts = t.simulated === 'StatefulSet';
    const ds = t.simulated === 'DaemonSet' || sts;
    if (!ctx.cluster.get(sts ? 'StatefulSet' : ds ? 'DaemonSet' : 'Deployment', ctx.namespace, name)) {
      const nf = notFoundMessage(t, name);
      errors.push({ pretty: nf, raw: nf });
      continue;
    }
    if (printer) {
      const objs = historyObjects(ctx, name, ds, sts);
      if ('error' in objs) {
        fail(objs.error);
        continue;
      }
      if (revision > 0) {
        const o = objs.get(revision);
        if (!o) {
          fail('unable to find the specified revision');
          continue;
        }
        const p = printer.print(o);
        ctx.proc.out(p.out);
        if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
        continue;
      }
      // Every revision: PrintObj's error is not checked there.
      for (const rev of [...objs.keys()].sort((a, b) => a - b))
        ctx.proc.out(printer.print(objs.get(rev) as K8sObject).out);
      continue;
    }
    const r = ds ? dsHistory(ctx, name, revision, sts) : deploymentHistory(ctx, name, revision);
    if (typeof r !== 'string') {
      fail(r.error);
      continue;
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    ctx.proc.out(`${nameOf(t, name)} ${withRevision}\n${r}\n`);
  }
  if (errors.length === 1) ctx.proc.err(`${(errors[0] as { pretty: string }).pretty}\n`);
  else for (const e of errors) ctx.proc.err(`${e.raw}\n`);
  return errors.length > 0 ? 1 : 0;
}
