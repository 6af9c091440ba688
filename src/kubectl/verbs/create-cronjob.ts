// kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]
// [KUBECTL pkg/cmd/create/create_cronjob.go v0.34.9]. --image and --schedule are required
// (MarkFlagRequired); --restart defaults to OnFailure (any value is sent: the API server's
// ValidateCronJob answers). The CronJob kubectl builds (createCronJob): the name, the namespace only
// when -n was given, the schedule, a job template whose metadata carries the name too, one
// container named after the CronJob with the image and the command (the words after `--`), the
// restart policy. Server errors read `error: failed to create cronjob: <server message>`.
import type { K8sObject } from '../../sim/api/types';
import { str, strs } from '../flags';
import { prepare, type Subcommand, send } from './create-common';
import type { KubectlContext, ParsedArgs } from './registry';

export const CRONJOB: Subcommand = {
  path: 'cronjob',
  flags: ['dry-run', 'image', 'output', 'restart', 'schedule'],
  required: ['image', 'schedule'],
};

export function buildCronJob(o: {
  name: string;
  image: string;
  schedule: string;
  restart: string;
  command: readonly string[];
  namespace: string | undefined;
}): K8sObject {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.command.length > 0) container.command = [...o.command];
  container.resources = {};
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: o.name, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) },
    spec: {
      schedule: o.schedule,
      jobTemplate: {
        metadata: { name: o.name },
        spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: o.restart } } },
      },
    },
    status: {},
  } as unknown as K8sObject;
}

export function runCreateCronJob(args: ParsedArgs, ctx: KubectlContext, nameArgs: readonly string[]): number {
  const prep = prepare(args, ctx, CRONJOB, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  const cj = buildCronJob({
    name: p.name,
    image: strs(args.flags, 'image').at(-1) ?? '',
    schedule: str(args.flags, 'schedule') ?? '',
    restart: str(args.flags, 'restart') || 'OnFailure',
    command: args.dashArgs ?? [],
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
  });
  return send(cj, 'CronJob', p, ctx, (e) => `failed to create cronjob: ${e.message}`);
}
