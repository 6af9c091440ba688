// kubectl attach [KUBECTL v0.34.9 pkg/cmd/attach/attach.go Complete/Validate/Run,
// polymorphichelpers/attachablepodforobject.go, cmd/util/podcmd FindOrDefaultContainerByName]:
// the Pod (POD, TYPE/NAME or TYPE NAME: a Pod as named, else the most active Pod of the owner's
// selector, GetFirstPod waiting --pod-running-timeout for one), refused when it has completed,
// the container (-c: any container, init or ephemeral; else the default-container annotation or
// the first, with `Defaulted container "x" out of: …`), then attach.go Run as kubectl debug runs
// it (debug-attach.ts attachRunning): with -i a shell reopens as the terminal's session inside the
// container (its `exit` ends the container's process), otherwise the process's output from now on,
// until it ends or Ctrl-C.
import { bool, str } from '../flags';
import { attachRunning, specOf } from './debug-attach';
import { defaultContainer } from './exec';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { attachablePod } from './util';

const HELP = `Attach to a process that is already running inside an existing container.

Examples:
  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
  # for selecting the container to be attached or the first container in the pod will be chosen
  kubectl attach mypod
  
  # Get output from ruby-container from pod mypod
  kubectl attach mypod -c ruby-container
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl attach mypod -c ruby-container -i -t
  
  # Get output from the first pod of a replica set named nginx
  kubectl attach rs/nginx

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
  kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  const resources = args.positional;
  // Validate
  if (resources.length === 0) {
    proc.err('error: at least 1 argument is required for attach\n');
    return 1;
  }
  if (resources.length > 2) {
    proc.err(
      `error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${resources.length}: [${resources.join(' ')}]\n`,
    );
    return 1;
  }
  // Run: the builder's object (`pods` when one name is given), then AttachablePodForObject.
  const target = resources.length === 2 ? `${resources[0]}/${resources[1]}` : (resources[0] as string);
  const pod = attachablePod(ctx, target);
  if (!pod) return 1;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    proc.err(`error: cannot attach a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const quiet = bool(args.flags, 'quiet');
  const named = str(args.flags, 'container');
  let container: string;
  if (named) {
    if (!specOf(pod, named)) {
      proc.err(
        `error: cannot attach to the container: container ${named} not found in pod ${pod.metadata.name}\n`,
      );
      return 1;
    }
    container = named;
  } else container = defaultContainer(pod, quiet, proc.err);
  return attachRunning(
    { stdin: bool(args.flags, 'stdin'), tty: bool(args.flags, 'tty'), quiet, from: 'now' },
    pod,
    container,
    ctx,
  );
}

export const attachVerb: KubectlVerb = {
  name: 'attach',
  short: 'Attach to a running container',
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
