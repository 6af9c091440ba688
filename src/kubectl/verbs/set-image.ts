// kubectl set image (TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) CONTAINER=IMAGE… (`*=IMAGE`
// for every container) [KUBECTL cmd/set/set_image.go v0.34.9]. Each object's pod spec is changed
// locally (init containers and containers alike); an object that did not change is skipped
// silently; the change is sent as a strategic merge patch, so a Deployment's template changes and
// its controller rolls out a new ReplicaSet. Errors are gathered (utilerrors.NewAggregate) and
// printed after the objects that were updated.
import type { K8sObject } from '../../sim/api/types';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { type LabelError, resourcesAndPairs } from './label';
import { filenameHelpFlags } from './patch-files';
import type { KubectlContext, ParsedArgs } from './registry';
import {
  type Container,
  noPodTemplate,
  type PodSpecLike,
  parsePairs,
  patchFailure,
  podSpecPatch,
  printAggregate,
  sendPodSpecPatch,
  setTargets,
  withChangeCause,
  withPodSpec,
} from './set-common';
import { RECORD_HELP_FLAG, recordCause } from './set-record';

export const SELECTOR_USAGE =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.";

export const SET_RESOURCES =
  '  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)';

export const SET_IMAGE_HELP = composeHelp({
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

${SET_RESOURCES}`,
  examples: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  flags: [
    {
      name: 'all',
      def: 'false',
      usage: 'Select all resources, in the namespace of the specified resource types',
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    ...filenameHelpFlags(
      'Filename, directory, or URL to files identifying the resource to get from a server.',
    ),
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    RECORD_HELP_FLAG,
    { name: 'selector', short: 'l', def: "''", usage: SELECTOR_USAGE },
  ],
  usage:
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
});

/** The flags `set image` has (the others of `set` are refused as pflag would). */
export const SET_IMAGE_FLAGS = ['all', 'dry-run', 'filename', 'output', 'record', 'recursive', 'selector'];

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

export function runSetImage(args: ParsedArgs, ctx: KubectlContext, words: string[]): number {
  const { proc } = ctx;
  const fail = (m: string) => {
    proc.err(`${m}\n`);
    return 1;
  };
  // Complete: --record, the dry-run strategy, the printer, the arguments, the builder.
  const cause = recordCause(args, ctx, 'set');
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(dry.message);
  const format = parseOperationOutput(str(args.flags, 'output'));
  if (!format.ok) return fail(format.message);
  const split = resourcesAndPairs(words, 'image');
  if (!split.ok) return fail(`error: ${split.message}`);
  const images = parsePairs(split.pairs, 'image');
  if (!images.ok) return fail(`error: ${images.message}`);
  const resolved = setTargets(args, ctx, split.resources);
  if (!resolved.ok) return resolved.code;
  // Validate: every problem at once (an aggregate).
  const invalid: LabelError[] = [];
  const problem = (m: string) => invalid.push({ pretty: `error: ${m}`, raw: m });
  if (bool(args.flags, 'all') && (str(args.flags, 'selector') ?? '') !== '') {
    problem('cannot set --all and --selector at the same time');
  }
  if (images.pairs.size < 1) problem('at least one image update is required');
  else if (images.pairs.size > 1 && images.pairs.has('*')) {
    problem(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  }
  if (invalid.length > 0) return printAggregate(ctx, invalid);

  // Run: CalculatePatches first (its errors lead the aggregate), then one PATCH per change.
  const errors: LabelError[] = [];
  const changed: {
    obj: ReturnType<typeof withPodSpec> & object;
    before: PodSpecLike;
    recorded: K8sObject;
  }[] = [];
  for (const { t, obj } of resolved.targets) {
    const w = withPodSpec(obj);
    if (!w) {
      errors.push(noPodTemplate(t, obj));
      continue;
    }
    const before = structuredClone(w.spec);
    for (const [name, image] of images.pairs) {
      const init = setImage(w.spec.initContainers, name, image);
      const main = setImage(w.spec.containers, name, image);
      if (!init && !main) {
        const m = `error: unable to find container named "${name}"`;
        errors.push({ pretty: m, raw: m });
      }
    }
    // The recorder writes the change-cause into the object the patch is computed from.
    const recorded = withChangeCause(w.obj, cause);
    if (JSON.stringify(before) !== JSON.stringify(w.spec) || recorded !== w.obj) {
      changed.push({ obj: w, before, recorded });
    }
  }
  const printer = new OperationPrinter(format.format, `image updated${dryRunSuffix(dry.strategy)}`);
  for (const { obj: w, before, recorded } of changed) {
    let out = recorded;
    if (dry.strategy !== 'client') {
      const specPatch = podSpecPatch(before, w.spec, ['image']);
      const r = sendPodSpecPatch(ctx, w.obj, specPatch, dry.strategy === 'server', recorded);
      if (!r.ok) {
        errors.push(patchFailure('image', r.error));
        continue;
      }
      out = r.object;
    }
    const p = printer.print(out);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  return printAggregate(ctx, errors);
}
