// kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]
// [KUBECTL pkg/cmd/create/create_job.go v0.34.9]. The Job kubectl builds (createJob): the name,
// the namespace only when -n was given, one container named after the Job with the image and the
// command (the words after `--`), restartPolicy Never. Validate: exactly one of --image and --from
// (`either --image or --from must be specified`), no command with --from (`cannot specify --from
// and command`). --from=cronjob/NAME (createJobFromCronJob): the CronJob's job template's labels,
// its annotations plus `cronjob.kubernetes.io/instantiate: manual`, its spec, and an owner
// reference to the CronJob with controller true but no blockOwnerDeletion; another kind is
// `unknown object type *v1.<Kind>`. Server errors read `error: failed to create job: <server message>`.
import type { CronJob, K8sObject } from '../../sim/api/types';
import { str, strs } from '../flags';
import { doesNotHaveType, notFoundMessage, resolveResourceType } from '../resources';
import { prepare, type Subcommand, send } from './create-common';
import type { KubectlContext, ParsedArgs } from './registry';

export const JOB: Subcommand = {
  path: 'job',
  flags: ['dry-run', 'from', 'image', 'output'],
};

export function buildJob(o: {
  name: string;
  image: string;
  command: readonly string[];
  namespace: string | undefined;
}): K8sObject {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.command.length > 0) container.command = [...o.command];
  container.resources = {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) },
    spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  } as unknown as K8sObject;
}

/** The builder's lookup of `--from` (TYPE/NAME), then createJobFromCronJob; an error's text. */
function jobFromCronJob(
  ctx: KubectlContext,
  from: string,
  name: string,
  namespace: string | undefined,
): K8sObject | string {
  const slash = from.indexOf('/');
  const typeName = slash < 0 ? from : from.slice(0, slash);
  const t = resolveResourceType(typeName);
  if (!t) return `${doesNotHaveType(typeName)}\n`;
  const kind = t.simulated;
  let obj: K8sObject | undefined;
  if (slash < 0) {
    // A bare type lists them all: exactly one must come back.
    const all = kind ? ctx.cluster.list(kind, { namespace: ctx.namespace }) : [];
    if (all.length !== 1) return 'error: from must be an existing cronjob\n';
    obj = all[0];
  } else {
    const objName = from.slice(slash + 1);
    obj = kind ? ctx.cluster.get(kind, ctx.namespace, objName) : undefined;
    if (!obj) return `${notFoundMessage(t, objName)}\n`;
  }
  if (kind !== 'CronJob') return `error: unknown object type *v1.${t.kind}\n`;
  const cj = obj as CronJob;
  const jt = cj.spec.jobTemplate ?? { spec: {} };
  const metadata: Record<string, unknown> = {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...jt.metadata?.annotations },
  };
  if (jt.metadata?.labels) metadata.labels = jt.metadata.labels;
  // Not metav1.NewControllerRef: no blockOwnerDeletion (create_job.go).
  metadata.ownerReferences = [
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      name: cj.metadata.name,
      uid: cj.metadata.uid,
      controller: true,
    },
  ];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: structuredClone(jt.spec),
    status: {},
  } as unknown as K8sObject;
}

export function runCreateJob(args: ParsedArgs, ctx: KubectlContext, nameArgs: readonly string[]): number {
  const prep = prepare(args, ctx, JOB, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  // StringVar: the last --image given wins.
  const image = strs(args.flags, 'image').at(-1) ?? '';
  const from = str(args.flags, 'from') ?? '';
  const command = args.dashArgs ?? [];
  if ((image === '' && from === '') || (image !== '' && from !== '')) {
    ctx.proc.err('error: either --image or --from must be specified\n');
    return 1;
  }
  if (command.length > 0 && from !== '') {
    ctx.proc.err('error: cannot specify --from and command\n');
    return 1;
  }
  const namespace = ctx.namespaceExplicit ? ctx.namespace : undefined;
  let job: K8sObject;
  if (from !== '') {
    const built = jobFromCronJob(ctx, from, p.name, namespace);
    if (typeof built === 'string') {
      ctx.proc.err(built);
      return 1;
    }
    job = built;
  } else job = buildJob({ name: p.name, image, command, namespace });
  return send(job, 'Job', p, ctx, (e) => `failed to create job: ${e.message}`);
}
