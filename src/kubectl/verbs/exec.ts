// kubectl exec (reference §B10) [KUBECTL cmd/exec]: find the Pod (a name, pod/, deploy/, rs/,
// svc/), run the command in its container, stream stdout/stderr, and pass the remote exit code
// through (`command terminated with exit code N` on stderr). `-it … sh` opens the container's
// BusyBox shell as an interactive session in the terminal. `-c` may name any container of the Pod,
// an init or an ephemeral one too (the API server's podHasContainerWithName visits all three);
// the kubelet's GetExec finds only a running one (`container not found ("NAME")`). Without `-c`,
// podcmd.FindOrDefaultContainerByName: the default-container annotation, else the first container
// and `Defaulted container "x" out of: …` when the Pod has any other (AllContainerNames).
import type { ContainerStatus, Pod } from '../../sim/api/types';
import { makeProc, processEnv } from '../../sim/workloads/proc';
import { bool, str } from '../flags';
import { allContainerNames } from './logs';
import { findExecutable } from './podcommands';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { attachablePod } from './util';

const HELP = `Execute a command in a container.

Examples:
  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first
  container by default
  kubectl exec deploy/mydeployment -- date
  
  # Get output from running 'date' command from the first pod of the service myservice, using the first container
  by default
  kubectl exec svc/myservice -- date

Options:
    -c, --container='':
	Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the
	container to be attached or the first container in the pod will be chosen

    --pod-running-timeout=1m0s:
	The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running

    -q, --quiet=false:
	Only print output from the remote session

    -i, --stdin=false:
	Pass stdin to the container

    -t, --tty=false:
	Stdin is a TTY

Usage:
  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

// The shells an interactive exec opens in the terminal, when the container has them (its command
// table: BusyBox's sh/ash, Debian's sh, dash and bash, whose merged /usr also makes /usr/bin/…).
const SHELLS = new Set([
  'sh',
  '/bin/sh',
  '/usr/bin/sh',
  'dash',
  '/bin/dash',
  '/usr/bin/dash',
  'ash',
  '/bin/ash',
  'bash',
  '/bin/bash',
  '/usr/bin/bash',
]);

// biome-ignore lint/suspicious/noExplicitAny: init and ephemeral containers are optional extras.
type Any = any;

/** The kubelet's findContainer: the runtime's running containers of the Pod, by name. */
function containerRunning(pod: Pod, container: string): boolean {
  const st = pod.status as Any;
  for (const list of [st?.containerStatuses, st?.initContainerStatuses, st?.ephemeralContainerStatuses])
    for (const s of (list ?? []) as ContainerStatus[])
      if (s.name === container) return s.state?.running !== undefined;
  return false;
}

/** podHasContainerWithName: containers, init containers, ephemeral containers. */
export function podHasContainer(pod: Pod, name: string): boolean {
  const s = pod.spec as Any;
  return [s.containers, s.initContainers, s.ephemeralContainers].some((l) =>
    ((l ?? []) as { name: string }[]).some((c) => c.name === name),
  );
}

/**
 * podcmd.FindOrDefaultContainerByName without a name: the default-container annotation when it
 * names a container, else the first container, with the notice (unless quiet) when there are others.
 */
export function defaultContainer(pod: Pod, quiet: boolean, err: (t: string) => void): string {
  const preset = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (preset && podHasContainer(pod, preset)) return preset;
  const first = pod.spec.containers[0]?.name ?? '';
  const s = pod.spec as Any;
  if (
    !quiet &&
    (pod.spec.containers.length > 1 || s.initContainers?.length > 0 || s.ephemeralContainers?.length > 0)
  )
    err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const target = args.positional[0];
  if (target === undefined) {
    proc.err('error: pod, type/name or --filename must be specified\n');
    return 1;
  }
  if (args.dashArgs === undefined && args.positional.length > 1) {
    proc.err(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    return 1;
  }
  if (args.positional.length > 1) {
    proc.err(`error: unexpected arguments: [${args.positional.slice(1).join(' ')}]\n`);
    return 1;
  }
  const command = args.dashArgs ?? [];
  if (command.length === 0) {
    proc.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  const pod = attachablePod(ctx, target);
  if (!pod) return 1;
  const podName = pod.metadata.name;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    proc.err(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  let container = str(args.flags, 'container');
  if (container === undefined) container = defaultContainer(pod, bool(args.flags, 'quiet'), proc.err);
  else if (!podHasContainer(pod, container)) {
    proc.err(`Error from server (BadRequest): container ${container} is not valid for pod ${podName}\n`);
    return 1;
  }
  if (!containerRunning(pod, container)) {
    proc.err(`error: unable to upgrade connection: container not found ("${container}")\n`);
    return 1;
  }
  const podKey = `Pod/${pod.metadata.namespace ?? ctx.namespace}/${podName}`;
  const cmd = command[0] as string;
  const lookup = findExecutable(cluster, podKey, cmd, container);
  if (!lookup.ok) {
    if (lookup.runtime === 'docker') {
      proc.out(lookup.stdout);
      proc.err(`command terminated with exit code ${lookup.exitCode}\n`);
      return lookup.exitCode;
    }
    proc.err(`error: ${lookup.error}\n`);
    return 1;
  }
  const interactive = bool(args.flags, 'stdin') && bool(args.flags, 'tty');
  if (interactive && SHELLS.has(cmd) && command.length === 1 && ctx.host?.openPodShell) {
    ctx.host.openPodShell(podKey, container, command);
    return 0;
  }
  const p = makeProc(cluster, podKey, pod, {}, container);
  const env = p ? Object.fromEntries(processEnv(p)) : {};
  const code = lookup.run(command, {
    ...proc,
    env,
    stdin: bool(args.flags, 'stdin') ? proc.stdin : '',
    tty: bool(args.flags, 'tty'),
  });
  if (code !== 0) proc.err(`command terminated with exit code ${code}\n`);
  return code;
}

export const execVerb: KubectlVerb = {
  name: 'exec',
  short: 'Execute a command in a container',
  help: HELP,
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run,
};
