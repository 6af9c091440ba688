// kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]
// [KUBECTL pkg/cmd/create/create_job.go v0.34.9]. The Job kubectl builds (createJob): the name,
// the namespace only when -n was given, one container named after the Job with the image and the
// command (the words after `--`), restartPolicy Never. Validate: exactly one of --image and --from
// (`either --image or --from must be specified`), no command with --from (`cannot specify --from
// and command`). --from looks the CronJob up first; this cluster serves no CronJobs, so it is
// never found. Server errors read `error: failed to create job: <server message>`.
import type { K8sObject } from '../../sim/api/types';
import { str, strs } from '../flags';
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
  if (from !== '') {
    const name = from.slice(from.indexOf('/') + 1);
    ctx.proc.err(`Error from server (NotFound): cronjobs.batch "${name}" not found\n`);
    return 1;
  }
  const job = buildJob({
    name: p.name,
    image,
    command,
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
  });
  return send(job, 'Job', p, ctx, (e) => `failed to create job: ${e.message}`);
}
