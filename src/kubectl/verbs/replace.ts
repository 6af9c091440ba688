// kubectl replace -f (kubectl v0.34.9 pkg/cmd/replace/replace.go): a PUT of each object of the
// files, `deployment.apps/web replaced`. The whole object is replaced: what the file leaves out is
// defaulted again or dropped (the last-applied annotation too, unless --save-config or the file
// carries one), a Pod's immutable spec is refused, and a file with another resourceVersion (one
// saved from `kubectl get -o yaml` before a change) meets the optimistic-lock Conflict.
// `--force` deletes every object first (DeleteResult's lines), waits until each is gone, then
// creates them again.
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject, KindName } from '../../sim/api/types';
import { LAST_APPLIED, lastAppliedFor } from '../../sim/apiserver/apply';
import type { ApiError } from '../../sim/contract';
import { printErrors, withSource } from '../errors';
import { bool, str, strs } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { kindPrefix, resourceTypeByKind } from '../resources';
import { warningLine } from '../warnings';
import { readDocs } from './apply';
import { DRY_RUN_FLAG, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { waitUntil } from './util';
import { parseGoDuration } from './wait';

const HELP = composeHelp({
  long:
    'Replace a resource by file name or stdin.\n\n' +
    ' JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n' +
    '  $ kubectl get TYPE NAME -o yaml',
  examples:
    '  # Replace a pod using the data in pod.json\n  kubectl replace -f ./pod.json\n  \n' +
    '  # Replace a pod based on the JSON passed into stdin\n  cat pod.json | kubectl replace -f -\n  \n' +
    "  # Update a single-container pod's image version (tag) to v4\n" +
    "  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -\n  \n" +
    '  # Force replace, delete and then re-create the resource\n  kubectl replace --force -f ./pod.json',
  flags: [
    {
      name: 'cascade',
      def: "'background'",
      usage:
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    {
      name: 'field-manager',
      def: "'kubectl-replace'",
      usage: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'filename',
      short: 'f',
      def: '[]',
      usage: 'The files that contain the configurations to replace.',
    },
    {
      name: 'force',
      def: 'false',
      usage:
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'grace-period',
      def: '-1',
      usage:
        'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    {
      name: 'recursive',
      short: 'R',
      def: 'false',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    {
      name: 'save-config',
      def: 'false',
      usage:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    },
    {
      name: 'timeout',
      def: '0s',
      usage:
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    },
    {
      name: 'wait',
      def: 'false',
      usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
    },
  ],
  usage: 'kubectl replace -f FILENAME',
});

// biome-ignore lint/suspicious/noExplicitAny: documents are plain JSON here.
type Any = any;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  // Complete: the dry-run strategy, the printer, the delete options, then -f.
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const strategy = dry.strategy;
  const output = str(args.flags, 'output') ?? '';
  const format = parseOperationOutput(output);
  if (!format.ok) {
    proc.err(`${format.message}\n`);
    return 1;
  }
  const cascade = str(args.flags, 'cascade') ?? 'background';
  if (!['background', 'orphan', 'foreground', 'true', 'false'].includes(cascade)) {
    proc.err(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".\n`);
    return 1;
  }
  const force = bool(args.flags, 'force');
  let grace = Number(args.flags['grace-period'] ?? -1);
  // "To preserve backwards compatibility, but prevent accidental data loss": 0 becomes 1.
  if (grace === 0) grace = 1;
  const timeoutText = str(args.flags, 'timeout') ?? '0s';
  const timeout = parseGoDuration(timeoutText);
  if (timeout === undefined) {
    proc.err(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\n`,
    );
    return 1;
  }
  if (strs(args.flags, 'filename').length === 0) {
    proc.err('error: must specify one of -f and -k\n');
    return 1;
  }
  // Validate.
  const refusal =
    grace >= 0 && !force
      ? '--grace-period must have --force specified'
      : timeout !== 0 && !force
        ? '--timeout must have --force specified'
        : force && strategy !== 'none'
          ? '--dry-run can not be used when --force is set'
          : undefined;
  if (refusal) {
    proc.err(`error: ${refusal}\n`);
    return 1;
  }
  const saveConfig = bool(args.flags, 'save-config');
  const { docs, error } = readDocs(ctx, args);
  if (error) {
    proc.err(`${error}\n`);
    return 1;
  }
  const printer = new OperationPrinter(format.format, `replaced${dryRunSuffix(strategy)}`);
  const print = (obj: K8sObject): boolean => {
    const r = printer.print(obj);
    proc.out(r.out);
    if (r.error) proc.err(`${r.error}\n`);
    return !r.error;
  };
  const nsOpt = ctx.namespaceExplicit ? { namespace: ctx.namespace } : {};
  if (force) return forceReplace(ctx, docs, { saveConfig, grace, timeout, cascade, nsOpt, print });
  const errors: ApiError[] = [];
  for (const { doc, source } of docs) {
    if (strategy === 'client') {
      // Nothing is sent: the file's object, annotated as CreateOrUpdateAnnotation leaves it.
      print(annotated(doc, saveConfig, ctx.namespace) as K8sObject);
      continue;
    }
    const r = cluster.replace(doc, {
      ...nsOpt,
      saveConfig,
      ...(strategy === 'server' ? { dryRun: true } : {}),
    });
    if (!r.ok) {
      errors.push(withSource(r.error, 'replacing', source));
      continue;
    }
    for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
    print(r.object);
  }
  if (strategy === 'none') cluster.runUntilIdle();
  if (errors.length) {
    printErrors(errors, proc.err);
    return 1;
  }
  return 0;
}

/** util.CreateOrUpdateAnnotation on the file's object (--save-config, or it already has one). */
function annotated(doc: unknown, saveConfig: boolean, namespace: string): unknown {
  const d = doc as Any;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return doc;
  if (!saveConfig && d.metadata?.annotations?.[LAST_APPLIED] === undefined) return doc;
  const ns = typeof d.metadata?.namespace === 'string' ? d.metadata.namespace : namespace;
  const kind = typeof d.kind === 'string' && isKindName(d.kind) ? d.kind : undefined;
  const nsFor = kind && resourceTypeByKind(kind)?.namespaced === false ? undefined : ns;
  return {
    ...d,
    metadata: {
      ...(d.metadata ?? {}),
      annotations: { ...(d.metadata?.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(d, nsFor) },
    },
  };
}

/** forceReplace: delete every object (not-found ignored), wait until each is gone, create them. */
function forceReplace(
  ctx: KubectlContext,
  docs: { doc: unknown; source: string }[],
  o: {
    saveConfig: boolean;
    grace: number;
    timeout: number;
    cascade: string;
    nsOpt: { namespace?: string };
    print: (obj: K8sObject) => boolean;
  },
): number {
  const { proc, cluster } = ctx;
  const gone: { kind: KindName; ns: string | undefined; name: string; uid: string }[] = [];
  const propagation =
    o.cascade === 'orphan' || o.cascade === 'false'
      ? 'Orphan'
      : o.cascade === 'foreground'
        ? 'Foreground'
        : 'Background';
  for (const { doc } of docs) {
    const d = doc as Any;
    const kind = typeof d?.kind === 'string' ? d.kind : '';
    const name = typeof d?.metadata?.name === 'string' ? d.metadata.name : '';
    if (!isKindName(kind) || name === '') continue;
    const t = resourceTypeByKind(kind);
    const ns = t.namespaced
      ? typeof d.metadata.namespace === 'string'
        ? d.metadata.namespace
        : ctx.namespace
      : undefined;
    const live = cluster.get(kind, ns, name);
    const r = cluster.delete(kind, ns, name, {
      ...(o.grace >= 0 ? { gracePeriodSeconds: o.grace } : {}),
      propagationPolicy: propagation,
    });
    if (!r.ok) continue; // IgnoreNotFound
    // DeleteResult's line (delete.go PrintObj, 1.34).
    proc.out(`${kindPrefix(t)} "${name}" deleted${ns !== undefined ? ` from ${ns} namespace` : ''}\n`);
    gone.push({ kind, ns, name, uid: live?.metadata.uid ?? '' });
  }
  cluster.runUntilIdle();
  // wait.PollUntilContextTimeout: every second until each object is gone (5 minutes by default).
  const limit = o.timeout > 0 ? o.timeout : 5 * 60_000;
  const deleted = () =>
    gone.every(({ kind, ns, name, uid }) => cluster.get(kind, ns, name)?.metadata.uid !== uid);
  if (!waitUntil(ctx, deleted, limit)) {
    proc.err('error: timed out waiting for the condition\n');
    return 1;
  }
  let count = 0;
  for (const { doc } of docs) {
    const r = cluster.create(annotated(doc, o.saveConfig, ctx.namespace), o.nsOpt);
    if (!r.ok) {
      // The visitor stops at the first error, returned as the Create gave it.
      printErrors([r.error], proc.err);
      return 1;
    }
    count++;
    o.print(r.object);
  }
  cluster.runUntilIdle();
  if (count === 0) {
    proc.err('error: no objects passed to replace\n');
    return 1;
  }
  return 0;
}

export const replaceVerb: KubectlVerb = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  help: HELP,
  flags: [
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'string' },
    { name: 'cascade', type: 'string' },
    { name: 'wait', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string' },
    { name: 'field-manager', type: 'string' },
  ],
  run,
};
