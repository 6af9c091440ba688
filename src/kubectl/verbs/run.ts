// kubectl run [KUBECTL 1.34 pkg/cmd/run/run.go, pkg/generate/versioned/run.go]: generate a bare
// Pod (label run=NAME unless --labels), create it (or print it: --dry-run=client), and with
// --expose --port a ClusterIP Service selecting it, created and printed first. The checks run in
// kubectl's order: cobra's required --image, then dry-run and -o (Complete), then Run's own.
// -i/-t/--attach hand over to run-attach.ts once the Pod is created.
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import { formatError } from '../errors';
import { bool, str, strs } from '../flags';
import { warningLine } from '../warnings';
import { clusterDryRun, DRY_RUN_FLAG, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { type GenFormat, parseGenOutput, printGenerated } from './generate-output';
import { generatePod } from './generate-pod';
import { generateService, NO_SERVICE_PARAMS, withNamespace } from './generate-service';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { attachProblem, attachToRunPod, RUN_ATTACH_FLAGS_HELP } from './run-attach';
import { parseGoDuration } from './wait';

const HELP = composeHelp({
  long: 'Create and run a particular image in a pod.',
  examples: `  # Start a nginx pod
  kubectl run nginx --image=nginx
  
  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701
  
  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"
  
  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"
  
  # Dry run; print the corresponding API objects without creating them
  kubectl run nginx --image=nginx --dry-run=client
  
  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'
  
  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never
  
  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>
  
  # Start the nginx pod using a different command and custom arguments
  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  flags: [
    { name: 'annotations', def: '[]', usage: 'Annotations to apply to the pod.' },
    {
      name: 'command',
      def: 'false',
      usage:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    { name: 'env', def: '[]', usage: 'Environment variables to set in the container.' },
    {
      name: 'expose',
      def: 'false',
      usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.',
    },
    { name: 'image', def: "''", usage: 'The image for the container to run.' },
    {
      name: 'image-pull-policy',
      def: "''",
      usage:
        'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
    },
    {
      name: 'labels',
      short: 'l',
      def: "''",
      usage: 'Comma separated labels to apply to the pod. Will override previous values.',
    },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    { name: 'port', def: "''", usage: 'The port that this container exposes.' },
    { name: 'privileged', def: 'false', usage: 'If true, run the container in privileged mode.' },
    {
      name: 'restart',
      def: "'Always'",
      usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    },
    ...RUN_ATTACH_FLAGS_HELP,
  ],
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
});

/** cmdutil.UsageErrorf. */
function usageError(msg: string): string {
  return `error: ${msg}\nSee 'kubectl run -h' for help and examples\n`;
}

// distribution/reference ReferenceRegexp: [domain[:port]/]path[/path…][:tag][@digest].
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])`;
const REFERENCE = new RegExp(
  `^(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);

export function validImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

const RESTART = new Set(['Always', 'OnFailure', 'Never']);
const PULL = new Set(['Always', 'IfNotPresent', 'Never']);

/** Client-side checks of Run, in order; the first failure's full text. */
function check(args: ParsedArgs, attach: boolean, dryRun: string): string | undefined {
  const f = args.flags;
  const image = str(f, 'image') ?? '';
  if (image === '') return 'error: --image is required\n';
  if (!validImageReference(image)) return `error: Invalid image name "${image}": invalid reference format\n`;
  if (bool(f, 'tty') && !bool(f, 'stdin'))
    return usageError('-i/--stdin is required for containers with -t/--tty=true');
  if (bool(f, 'expose') && (str(f, 'port') ?? '') === '')
    return usageError('--port must be set when exposing a service');
  const restart = str(f, 'restart') ?? 'Always';
  if (restart !== '' && !RESTART.has(restart)) return usageError(`invalid restart policy: ${restart}`);
  if (!attach && bool(f, 'rm')) return usageError('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') {
    return usageError(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  const pull = str(f, 'image-pull-policy') ?? '';
  if (pull !== '' && !PULL.has(pull)) return usageError(`invalid image pull policy: ${pull}`);
  return undefined;
}

type Created = { ok: true; obj: K8sObject } | { ok: false; error: ApiError };

function createOrShow(ctx: KubectlContext, obj: K8sObject, dry: string): Created {
  if (dry === 'client')
    return { ok: true, obj: ctx.namespaceExplicit ? withNamespace(obj, ctx.namespace) : obj };
  const r = ctx.cluster.create(obj, {
    namespace: ctx.namespace,
    ...clusterDryRun(dry as 'none' | 'server'),
  });
  if (!r.ok) return { ok: false, error: r.error };
  for (const w of r.warnings ?? []) ctx.proc.err(warningLine(ctx.proc, w));
  return { ok: true, obj: r.object };
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const f = args.flags;
  const timeoutText = str(f, 'pod-running-timeout') ?? '1m0s';
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) {
    proc.err(
      `error: invalid argument "${timeoutText}" for "--pod-running-timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl run --help' for usage.\n`,
    );
    return 1;
  }
  // cobra's ValidateRequiredFlags (MarkFlagRequired("image")) runs before the command.
  if (f.image === undefined) {
    proc.err('error: required flag(s) "image" not set\n');
    return 1;
  }
  const dry = getDryRunStrategy(f, { err: proc.err, now: cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const attach = f.attach === undefined ? bool(f, 'stdin') : bool(f, 'attach');
  const out = parseGenOutput(str(f, 'output'));
  if (!out.ok) {
    proc.err(`${out.message}\n`);
    return 1;
  }
  // cobra's args: the words before `--` and after it; ArgsLenAtDash 0 means no NAME.
  const words = [...args.positional, ...(args.dashArgs ?? [])];
  if (words.length === 0 || (args.dashArgs !== undefined && args.positional.length === 0)) {
    proc.err(usageError('NAME is required for run'));
    return 1;
  }
  if (timeoutMs <= 0) {
    proc.err(usageError('--pod-running-timeout must be higher than zero'));
    return 1;
  }
  const bad = check(args, attach, dry.strategy);
  if (bad) {
    proc.err(bad);
    return 1;
  }
  const name = words[0] as string;
  const gen = generatePod({
    name,
    image: str(f, 'image') ?? '',
    labels: str(f, 'labels') ?? '',
    annotations: strs(f, 'annotations'),
    env: strs(f, 'env'),
    port: str(f, 'port') ?? '',
    restart: str(f, 'restart') ?? 'Always',
    command: bool(f, 'command'),
    args: words.slice(1),
    stdin: bool(f, 'stdin'),
    tty: bool(f, 'tty'),
    leaveStdinOpen: bool(f, 'leave-stdin-open'),
    imagePullPolicy: str(f, 'image-pull-policy') ?? '',
    privileged: bool(f, 'privileged'),
  });
  if (!gen.ok) {
    proc.err(`error: ${gen.message}\n`);
    return 1;
  }
  if (attach) {
    const problem = attachProblem(ctx, args, gen.pod);
    if (problem) {
      proc.err(problem);
      return 1;
    }
  }
  const pod = createOrShow(ctx, gen.pod, dry.strategy);
  if (!pod.ok) {
    proc.err(`${formatError(pod.error)}\n`);
    return 1;
  }
  const operation = `created${dryRunSuffix(dry.strategy)}`;
  const yamlCount = { n: 0 };
  const typed = dry.strategy === 'client';
  const errors: string[] = [];
  const print = (format: GenFormat, obj: K8sObject): boolean => {
    const p = printGenerated(format, obj, operation, typed, yamlCount);
    proc.out(p.out);
    if (p.error) errors.push(p.error);
    return !p.error;
  };
  let service: K8sObject | undefined;
  if (bool(f, 'expose')) {
    // generateService: the service/v2 generator with run's string parameters.
    const labels = str(f, 'labels') ?? '';
    const svc = generateService({
      ...NO_SERVICE_PARAMS,
      name,
      selector: labels !== '' ? labels : `run=${name}`,
      labels,
      port: str(f, 'port') ?? '',
    });
    if (!svc.ok) errors.push(`error: ${svc.message}`);
    else {
      const s = createOrShow(ctx, svc.service, dry.strategy);
      if (!s.ok) errors.push(formatError(s.error));
      else if (print(out.format, s.obj)) {
        service = s.obj;
        // run.go separates the two YAML documents itself (and the YAML printer adds its own).
        if (out.format.kind === 'yaml') proc.out('---\n');
      }
    }
  }
  if (dry.strategy === 'none') cluster.runUntilIdle();
  if (attach) {
    // run.go's attach branch returns without its aggregate: a failed --expose goes unreported.
    return attachToRunPod(ctx, {
      pod: pod.obj,
      created: service ? [pod.obj, service] : [pod.obj],
      quiet: bool(f, 'quiet'),
      leaveStdinOpen: bool(f, 'leave-stdin-open'),
      remove: bool(f, 'rm'),
      stdin: bool(f, 'stdin'),
      tty: bool(f, 'tty'),
      timeoutMs,
    });
  }
  print(out.format, pod.obj);
  if (errors.length === 1) proc.err(`${errors[0]}\n`);
  else for (const e of errors) proc.err(`${e.replace(/^error: /, '')}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const runVerb: KubectlVerb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  help: HELP,
  flags: [
    { name: 'annotations', type: 'stringArray' },
    { name: 'attach', type: 'bool' },
    { name: 'command', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'env', type: 'stringArray' },
    { name: 'expose', type: 'bool' },
    { name: 'image', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'restart', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run,
};
