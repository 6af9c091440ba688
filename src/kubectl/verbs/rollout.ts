// kubectl rollout status|restart for Deployments, DaemonSets and StatefulSets [KUBECTL cmd/rollout;
// polymorphichelpers rollout_status.go DeploymentStatusViewer, DaemonSetStatusViewer, ./rollout-sts]; history,
// undo, pause and resume in ./rollout-history, ./rollout-undo, ./rollout-pause. status waits on
// the simulated clock and prints each distinct progress message, as the watch would.
import type { K8sObject } from '../../sim/api/types';
import { str } from '../flags';
import { notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { DRY_RUN_FLAG } from './dryrun';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { rollbackDaemonSet } from './rollout-ds-history';
import { rolloutSubHelp } from './rollout-help';
import { rolloutHistory } from './rollout-history';
import { rolloutPause } from './rollout-pause';
import { rolloutRestart } from './rollout-restart';
import { statefulSetStatus } from './rollout-sts';
import { rollbackStatefulSet } from './rollout-sts-history';
import { rolloutUndo } from './rollout-undo';
import { waitUntil } from './util';
import { parseGoDuration } from './wait';

const HELP = `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/**
 * What the DeploymentStatusViewer says now, and whether the rollout is done. `revision` > 0 is
 * `--revision`: a Deployment whose deployment.kubernetes.io/revision differs is an error
 * (polymorphichelpers/rollout_status.go; a missing annotation reads as revision 0).
 */
export function deploymentStatus(
  d: K8sObject,
  revision = 0,
): { message: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  if (revision > 0) {
    const running = Number.parseInt(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0', 10);
    if (running !== revision) {
      return {
        message: '',
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${running})`,
      };
    }
  }
  const st = d.status ?? {};
  const want = d.spec?.replicas ?? 1;
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    }
    const updated = st.updatedReplicas ?? 0;
    if (updated < want) {
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`,
        done: false,
      };
    }
    if ((st.replicas ?? 0) > updated) {
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`,
        done: false,
      };
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`,
        done: false,
      };
    }
    return { message: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...', done: false };
}

/**
 * What the DaemonSetStatusViewer says now (kubectl v0.34.9 polymorphichelpers/rollout_status.go):
 * only a RollingUpdate DaemonSet has a rollout status; the generation observed, then the updated
 * and the available counts against desiredNumberScheduled.
 */
export function daemonSetStatus(d: K8sObject): { message: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if (d.spec?.updateStrategy?.type !== 'RollingUpdate')
    return {
      message: '',
      done: true,
      error: 'rollout status is only available for RollingUpdate strategy type',
    };
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    const updated = st.updatedNumberScheduled ?? 0;
    if (updated < desired)
      return {
        message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
        done: false,
      };
    const available = st.numberAvailable ?? 0;
    if (available < desired)
      return {
        message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
        done: false,
      };
    return { message: `daemon set "${name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...', done: false };
}

/** The kinds `rollout status` and `restart` handle here. */
const ROLLOUT_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** The simulated kind of a rollout target and its status viewer. */
const KIND_OF = (t: ResourceType) =>
  t.simulated === 'DaemonSet' || t.simulated === 'StatefulSet' ? t.simulated : 'Deployment';
const VIEWERS = { Deployment: deploymentStatus, DaemonSet: daemonSetStatus, StatefulSet: statefulSetStatus };

function status(args: ParsedArgs, ctx: KubectlContext, rest: string[]): number {
  // Validate(): a negative --revision is refused before anything is read (rollout_status.go).
  const revision = Number(args.flags.revision ?? 0);
  if (revision < 0) {
    ctx.proc.err(`error: revision must be a positive integer: ${revision}\n`);
    return 1;
  }
  const list = statusTargets(rest, ctx);
  if (!list) return 1;
  const timeout = parseGoDuration(str(args.flags, 'timeout') ?? '0s') ?? 0;
  const limit = timeout > 0 ? timeout : 10 * 60_000;
  const watch = args.flags.watch !== false;
  // rollout_status.go Run: r.Visit under ContinueOnError, so a missing name, a viewer's error or
  // a timeout does not stop the next object; the errors come after (checkErr: one as it is,
  // several one line each as messageForError prints them, without `error: `).
  const errors: { pretty: string; raw: string }[] = [];
  const fail = (msg: string) => errors.push({ pretty: `error: ${msg}`, raw: msg });
  let found = false;
  for (const target of list) {
    if ('notFound' in target) {
      errors.push({ pretty: target.notFound, raw: target.notFound });
      continue;
    }
    found = true;
    const { name } = target;
    let last = '';
    let result: ReturnType<typeof deploymentStatus> | undefined;
    let deleted = false;
    const kind = KIND_OF(target.t);
    const viewer = VIEWERS[kind];
    const check = () => {
      const d = ctx.cluster.get(kind, ctx.namespace, name);
      if (!d) {
        deleted = true;
        return true;
      }
      // Only the Deployment viewer reads --revision; the DaemonSet and StatefulSet ones ignore it.
      result = kind === 'Deployment' ? deploymentStatus(d, revision) : viewer(d);
      if (result.error) return true;
      if (result.message !== last) {
        ctx.proc.out(`${result.message}\n`);
        last = result.message;
      }
      return result.done || !watch;
    };
    const ok = waitUntil(ctx, check, limit);
    // The watch's Deleted event (UntilWithSync's condition).
    if (deleted) fail('object has been deleted');
    else if (result?.error) fail(result.error);
    else if (!ok) fail('timed out waiting for the condition');
  }
  if (errors.length === 1) ctx.proc.err(`${(errors[0] as { pretty: string }).pretty}\n`);
  else for (const e of errors) ctx.proc.err(`${e.raw}\n`);
  if (errors.length > 0) return 1;
  if (!found) ctx.proc.err(`No resources found in ${ctx.namespace} namespace.\n`);
  return 0;
}

/**
 * rollout status's objects in visiting order: a name fetched (missing: its NotFound), a bare
 * TYPE listed (ResourceTypeOrNameArgs(true, …): every object of it). A kind without a status
 * viewer is refused before anything is read, as before.
 */
function statusTargets(
  args: string[],
  ctx: KubectlContext,
): ({ t: ResourceType; name: string } | { notFound: string })[] | undefined {
  if (args.length === 0) {
    ctx.proc.err('error: required resource not specified\n');
    return undefined;
  }
  const parsed = parseResourceArgs(args, 'rollout');
  if (!parsed.ok) {
    ctx.proc.err(`${parsed.message}\n`);
    return undefined;
  }
  const out: ({ t: ResourceType; name: string } | { notFound: string })[] = [];
  for (const r of parsed.requests) {
    const t = r.type;
    if (!ROLLOUT_KINDS.has(t.simulated ?? '')) {
      ctx.proc.err(`error: no status viewer has been implemented for ${t.kind}\n`);
      return undefined;
    }
    const kind = KIND_OF(t);
    if (r.names) {
      for (const name of r.names)
        out.push(
          ctx.cluster.get(kind, ctx.namespace, name) ? { t, name } : { notFound: notFoundMessage(t, name) },
        );
      continue;
    }
    for (const o of ctx.cluster.list(kind, { namespace: ctx.namespace }))
      out.push({ t, name: o.metadata.name });
  }
  return out;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const [sub, ...rest] = args.positional;
  switch (sub) {
    case 'status':
      return status(args, ctx, rest);
    case 'restart':
      return rolloutRestart(ctx, rest);
    case 'history':
      return rolloutHistory(args, ctx, rest);
    case 'undo':
      return rolloutUndo(args, ctx, rest, rollbackDaemonSet, rollbackStatefulSet);
    case 'pause':
      return rolloutPause(ctx, rest, true);
    case 'resume':
      return rolloutPause(ctx, rest, false);
    case undefined:
      ctx.proc.out(HELP);
      return 0;
    default:
      ctx.proc.err(`error: unknown command "${sub}" for "kubectl rollout"\n`);
      return 1;
  }
}

export const rolloutVerb: KubectlVerb & { helpFor(words: readonly string[]): string } = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  help: HELP,
  helpFor: (words) => rolloutSubHelp(words) ?? HELP,
  flags: [
    { name: 'timeout', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'to-revision', type: 'int' },
    { name: 'output', short: 'o', type: 'string' },
    DRY_RUN_FLAG,
  ],
  run,
};
