// kubectl create [KUBECTL pkg/cmd/create/create.go v0.34.9]: `-f FILENAME` (like apply's create
// path, but an existing object is an AlreadyExists error), and the subcommands `deployment`
// (create-deployment.ts), `service clusterip|nodeport|loadbalancer|externalname`
// (create-service.ts), `namespace`, `serviceaccount`, `configmap` and `secret generic` with --from-literal
// (create-config.ts), `poddisruptionbudget` (create-pdb.ts). All of them take `-o` and `--dry-run`
// (create-output.ts, dryrun.ts). cobra does not reject an unknown subcommand of a non-root command: `kubectl create
// foo` runs create itself, whose Complete answers `Unexpected args: [foo]`.
import { isKindName, KINDS } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import { isClientSide, printErrors, withSource } from '../errors';
import { str, strs } from '../flags';
import { warningLine } from '../warnings';
import { readDocs } from './apply';
import { prepare, type Subcommand, send } from './create-common';
import { runCreateConfigMap, runCreateSecretGeneric, runCreateServiceAccount } from './create-config';
import { runCreateCronJob } from './create-cronjob';
import { runCreateDeployment } from './create-deployment';
import {
  CREATE_HELP,
  CRONJOB_HELP,
  DEPLOYMENT_HELP,
  JOB_HELP,
  NAMESPACE_HELP,
  PDB_HELP,
} from './create-help';
import { runCreateJob } from './create-job';
import { CreatePrinter, parseCreateOutput } from './create-output';
import { runCreatePdb } from './create-pdb';
import { runCreateService, serviceHelp } from './create-service';
import { clusterDryRun, DRY_RUN_FLAG, getDryRunStrategy } from './dryrun';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const CREATE_FLAGS: readonly string[] = ['dry-run', 'filename', 'output', 'recursive'];

const NAMESPACE: Subcommand = { path: 'namespace', flags: ['dry-run', 'output'] };

function runCreateNamespace(args: ParsedArgs, ctx: KubectlContext, nameArgs: readonly string[]): number {
  const prep = prepare(args, ctx, NAMESPACE, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  if (p.name === '') {
    ctx.proc.err('error: name must be specified\n');
    return 1;
  }
  const ns = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: p.name },
    spec: {},
    status: {},
  } as K8sObject;
  // NamespaceOptions.Run returns the client's error as it is: CheckErr prints the API status.
  return send(ns, 'Namespace', p, ctx, () => undefined);
}

/**
 * What a client dry run of `create -f` prints for one document: the object as read, with the
 * namespace the builder puts on a namespaced object that has none (SetNamespace, or
 * RequireNamespace under an explicit -n, whose mismatch is an error). Decode and mapping failures
 * are client-side in kubectl too; the cluster's dry-run create reports them without writing.
 */
function clientDryRunDoc(
  doc: unknown,
  ctx: KubectlContext,
): { ok: true; obj: K8sObject } | { ok: false; error: ApiError } {
  const probe = ctx.cluster.create(doc, {
    ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
    dryRun: true,
  });
  if (!probe.ok && isClientSide(probe.error)) return { ok: false, error: probe.error };
  const obj = structuredClone(doc) as K8sObject;
  const namespaced = isKindName(obj.kind) && KINDS[obj.kind].namespaced;
  if (namespaced) {
    obj.metadata ??= { name: '' } as K8sObject['metadata'];
    if (!obj.metadata.namespace) obj.metadata.namespace = ctx.namespace;
  }
  return { ok: true, obj };
}

function runCreateFiles(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  const first = Object.keys(args.flags).find((k) => !CREATE_FLAGS.includes(k));
  if (first !== undefined) {
    proc.err(`error: unknown flag: --${first}\nSee 'kubectl create --help' for usage.\n`);
    return 1;
  }
  if (args.positional.length > 0) {
    proc.err(
      `error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`,
    );
    return 1;
  }
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const out = parseCreateOutput(str(args.flags, 'output'), true);
  if (!out.ok) {
    proc.err(`${out.message.replace(/\n$/, '')}\n`);
    return 1;
  }
  if (strs(args.flags, 'filename').length === 0) {
    proc.err('error: must specify one of -f and -k\n');
    return 1;
  }
  const printer = new CreatePrinter(out.format, dry.strategy);
  const { docs, error } = readDocs(ctx, args);
  const errors: ApiError[] = [];
  const printerErrors: string[] = [];
  let count = 0;
  for (const { doc, source } of docs) {
    let obj: K8sObject;
    if (dry.strategy === 'client') {
      const r = clientDryRunDoc(doc, ctx);
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      obj = r.obj;
    } else {
      const r = ctx.cluster.create(doc, {
        ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
        ...clusterDryRun(dry.strategy),
      });
      if (!r.ok) {
        errors.push(withSource(r.error, 'creating', source));
        continue;
      }
      for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
      obj = r.object;
    }
    count++;
    const printed = printer.print(obj);
    proc.out(printed.out);
    if (printed.error)
      printerErrors.push(printed.error.endsWith('\n') ? printed.error : `${printed.error}\n`);
  }
  if (dry.strategy === 'none') ctx.cluster.runUntilIdle();
  if (errors.length) printErrors(errors, proc.err);
  for (const e of printerErrors) proc.err(e);
  if (error) proc.err(`${error}\n`);
  else if (count === 0 && errors.length === 0) {
    proc.err('error: no objects passed to create\n');
    return 1;
  }
  return errors.length || printerErrors.length || error ? 1 : 0;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const [sub, ...rest] = args.positional;
  switch (sub) {
    case 'deployment':
    case 'deploy':
      return runCreateDeployment(args, ctx, rest);
    case 'service':
    case 'svc':
      return runCreateService(args, ctx, rest);
    case 'namespace':
    case 'ns':
      return runCreateNamespace(args, ctx, rest);
    case 'job':
      return runCreateJob(args, ctx, rest);
    case 'cronjob':
    case 'cj':
      return runCreateCronJob(args, ctx, rest);
    case 'configmap':
    case 'cm':
      return runCreateConfigMap(args, ctx, rest);
    case 'serviceaccount':
    case 'sa':
      return runCreateServiceAccount(args, ctx, rest);
    case 'poddisruptionbudget':
    case 'pdb':
      return runCreatePdb(args, ctx, rest);
    case 'secret':
      if (rest[0] === 'generic') return runCreateSecretGeneric(args, ctx, rest.slice(1));
      return runCreateFiles(args, ctx);
    default:
      return runCreateFiles(args, ctx);
  }
}

/**
 * The help cobra would print for `kubectl create <positional…> --help`: the deepest subcommand
 * named. The dispatcher prints `createVerb.help` for any `create … --help` today; it can call this
 * with the positional words to print the subcommand's own help.
 */
export function createHelpFor(positional: readonly string[]): string {
  const [sub, which] = positional;
  if (sub === 'deployment' || sub === 'deploy') return DEPLOYMENT_HELP;
  if (sub === 'namespace' || sub === 'ns') return NAMESPACE_HELP;
  if (sub === 'job') return JOB_HELP;
  if (sub === 'cronjob' || sub === 'cj') return CRONJOB_HELP;
  if (sub === 'poddisruptionbudget' || sub === 'pdb') return PDB_HELP;
  if (sub === 'service' || sub === 'svc') return serviceHelp(which);
  return CREATE_HELP;
}

export const createVerb: KubectlVerb & { helpFor(words: readonly string[]): string } = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  help: CREATE_HELP,
  helpFor: createHelpFor,
  // One flag set for create and its subcommands (the dispatcher parses before the subcommand is
  // known); each subcommand rejects the ones it does not have. Int flags are strings here so the
  // subcommand can answer pflag's strconv errors itself.
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    DRY_RUN_FLAG,
    { name: 'image', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'replicas', short: 'r', type: 'string' },
    { name: 'tcp', type: 'stringArray' },
    { name: 'clusterip', type: 'string' },
    { name: 'node-port', type: 'string' },
    { name: 'external-name', type: 'string' },
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'schedule', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
  ],
  run,
};
