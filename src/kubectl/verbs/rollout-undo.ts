// kubectl rollout undo TYPE/NAME [--to-revision=N] [--dry-run=…] [kubectl v0.34.9
// pkg/cmd/rollout/rollout_undo.go; pkg/polymorphichelpers/rollback.go DeploymentRollbacker]:
// the Rollbacker's result is the NamePrinter's operation (`rolled back`, `skipped rollback (…)`, or
// with --dry-run=client the revision's printTemplate), with the dry-run suffix.
import type { K8sObject, ReplicaSet } from '../../sim/api/types';
import { str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage } from '../resources';
import { clusterDryRun, type DryRunStrategy, dryRunSuffix, getDryRunStrategy } from './dryrun';
import type { KubectlContext, ParsedArgs } from './registry';
import {
  deploymentReplicaSets,
  equalIgnoreHash,
  groupKind,
  printTemplate,
  revisionOf,
  rolloutTargets,
} from './rollout-common';

type Result = { ok: string } | { error: string };

/** rollback.go revisionNotFoundErr. */
export const revisionNotFound = (r: number): Result => ({
  error: `unable to find specified revision ${r} in history`,
});

/** deploymentRevision: the ReplicaSet of `toRevision`, or with 0 the one before the newest. */
function deploymentRevision(ctx: KubectlContext, d: K8sObject, toRevision: number): ReplicaSet | Result {
  let latest: ReplicaSet | undefined;
  let latestRev = -1;
  let previous: ReplicaSet | undefined;
  let previousRev = -1;
  for (const rs of deploymentReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) return revisionNotFound(toRevision);
  if (!previous) return { error: `no rollout history found for deployment "${d.metadata.name}"` };
  return previous;
}

/** Annotations a rollback keeps from the Deployment and never copies from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

/** DeploymentRollbacker.Rollback. */
function rollbackDeployment(
  ctx: KubectlContext,
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
): Result {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const d = ctx.cluster.get('Deployment', ctx.namespace, name);
  if (!d) return { error: `failed to retrieve Deployment ${name}: deployments.apps "${name}" not found` };
  const rs = deploymentRevision(ctx, d, toRevision);
  if ('error' in rs || 'ok' in rs) return rs;
  if (dry === 'client') return { ok: printTemplate(rs.spec.template) };
  if (d.spec.paused)
    return {
      error:
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    };
  if (equalIgnoreHash(rs.spec.template, d.spec.template))
    return { ok: `skipped rollback (current template already matches revision ${toRevision})` };
  // The hash label is removed before the template is patched back into the Deployment.
  const template = structuredClone(rs.spec.template) as K8sObject['spec'];
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  const own = d.metadata.annotations ?? {};
  for (const k of ANNOTATIONS_TO_SKIP) if (Object.hasOwn(own, k)) annotations[k] = own[k] as string;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v;
  // getDeploymentPatch: a JSON patch replacing spec.template and metadata.annotations.
  const body = JSON.stringify([
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ]);
  const r = ctx.cluster.patch('Deployment', ctx.namespace, name, 'json', body, clusterDryRun(dry));
  if (!r.ok) return { error: `failed restoring revision ${toRevision}: ${r.error.message}` };
  return { ok: 'rolled back' };
}

/** The DaemonSet rollbacker (./rollout-ds-history), handed in by rollout.ts. */
export type Rollbacker = (
  ctx: KubectlContext,
  name: string,
  toRevision: number,
  dry: DryRunStrategy,
) => Result;

export function rolloutUndo(
  args: ParsedArgs,
  ctx: KubectlContext,
  rest: string[],
  daemonSets?: Rollbacker,
  statefulSets?: Rollbacker,
): number {
  const dry = getDryRunStrategy(args.flags, { err: ctx.proc.err, now: ctx.cluster.now() });
  if (!dry.ok) {
    ctx.proc.err(`${dry.message}\n`);
    return 1;
  }
  const kinds = new Set(daemonSets ? ['Deployment', 'DaemonSet'] : ['Deployment']);
  if (statefulSets) kinds.add('StatefulSet');
  const list = rolloutTargets(
    rest,
    ctx,
    kinds,
    (t) => `no rollbacker has been implemented for ${groupKind(t)}`,
  );
  if (!list) return 1;
  const to = typeof args.flags['to-revision'] === 'number' ? (args.flags['to-revision'] as number) : 0;
  // ToPrinter(result) per object: -o prints the object as the builder fetched it, before the rollback.
  const format = parseOperationOutput(str(args.flags, 'output'));
  // rollout_undo.go RunUndo: r.Visit under ContinueOnError, so a missing name, a refused rollback
  // or a printer error does not stop the later objects; the errors come after (checkErr: one as
  // it is, an error with no `error: ` getting one; several one line each, raw).
  const errors: { pretty: string; raw: string }[] = [];
  const fail = (msg: string) => {
    const raw = msg.replace(/^error: /, '');
    errors.push({
      pretty: msg.startsWith('error: ') ? msg : `error: ${msg}`,
      raw: msg.startsWith('error: ') ? msg : raw,
    });
  };
  for (const { t, name } of list) {
    const ds = t.simulated === 'DaemonSet';
    const sts = t.simulated === 'StatefulSet';
    const obj = ctx.cluster.get(sts ? 'StatefulSet' : ds ? 'DaemonSet' : 'Deployment', ctx.namespace, name);
    if (!obj) {
      const nf = notFoundMessage(t, name);
      errors.push({ pretty: nf, raw: nf });
      continue;
    }
    const r =
      sts && statefulSets
        ? statefulSets(ctx, name, to, dry.strategy)
        : ds && daemonSets
          ? daemonSets(ctx, name, to, dry.strategy)
          : rollbackDeployment(ctx, name, to, dry.strategy);
    if ('error' in r) {
      fail(r.error);
      continue;
    }
    if (!format.ok) {
      errors.push({ pretty: format.message, raw: format.message.replace(/^error: /, '') });
      continue;
    }
    const p = new OperationPrinter(format.format, `${r.ok}${dryRunSuffix(dry.strategy)}`).print(obj);
    ctx.proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  if (errors.length === 1) ctx.proc.err(`${(errors[0] as { pretty: string }).pretty}\n`);
  else for (const e of errors) ctx.proc.err(`${e.raw}\n`);
  return errors.length > 0 ? 1 : 0;
}
