// kubectl logs [KUBECTL cmd/logs]: a Pod's container output (from the workloads' log model:
// startup lines, then one line per request for the apps that log them). `-f` keeps following
// as a foreground job; `--tail N` keeps the last N lines.
import type { Pod } from '../../sim/api/types';
import { bool, str } from '../flags';
import { resourceTypeByKind } from '../resources';
import { listForKubectl } from '../selector';
import { logsOf } from './podcommands';
import type { JobHandle, KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { podForObject } from './util';

const HELP = `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is
optional.

Examples:
  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello

Options:
    -c, --container='':
	Print the logs of this container

    -f, --follow=false:
	Specify if the logs should be streamed.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2).
	Matching objects must satisfy all of the specified label constraints.

    --tail=-1:
	Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a
	selector is provided.

Usage:
  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function waitingReason(pod: Pod, container: string): string | undefined {
  const st = pod.status?.containerStatuses?.find((c) => c.name === container);
  if (st?.state?.running || st?.state?.terminated) return undefined;
  return st?.state?.waiting?.reason ?? 'ContainerCreating';
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const selector = str(args.flags, 'selector');
  let pods: Pod[] = [];
  // logs.go Complete: an empty -l counts as no selector (the usage error below).
  if (selector) {
    const r = listForKubectl(cluster, resourceTypeByKind('Pod'), {
      namespace: ctx.namespace,
      labelSelector: selector,
    });
    if (r.error !== undefined) {
      proc.err(`${r.error}\n`);
      return 1;
    }
    pods = r.objs as Pod[];
    if (pods.length === 0) {
      proc.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
  } else {
    const target = args.positional[0];
    if (target === undefined) {
      proc.err(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      );
      return 1;
    }
    const found = podForObject(ctx, target);
    if (!found.ok) {
      proc.err(`${found.message}\n`);
      return 1;
    }
    pods = [found.pod];
  }
  const tailFlag = args.flags.tail;
  const tail = typeof tailFlag === 'number' ? tailFlag : selector ? 10 : -1;
  const follow = bool(args.flags, 'follow');
  const streams: { key: string; container: string; printed: number }[] = [];
  for (const pod of pods) {
    const names = pod.spec.containers.map((c) => c.name);
    const container = str(args.flags, 'container') ?? names[0] ?? '';
    if (!names.includes(container)) {
      proc.err(`error: container ${container} is not valid for pod ${pod.metadata.name}\n`);
      return 1;
    }
    if (str(args.flags, 'container') === undefined && names.length > 1) {
      proc.err(`Defaulted container "${container}" out of: ${names.join(', ')}\n`);
    }
    const waiting = waitingReason(pod, container);
    if (waiting) {
      proc.err(
        `Error from server (BadRequest): container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting}\n`,
      );
      return 1;
    }
    const key = `Pod/${pod.metadata.namespace ?? ctx.namespace}/${pod.metadata.name}`;
    const lines = logsOf(cluster, key, container);
    const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
    for (const l of shown) proc.out(`${l}\n`);
    streams.push({ key, container, printed: lines.length });
  }
  if (follow && ctx.host) {
    let unsubscribe: (() => void) | undefined;
    const follow = (h: JobHandle) => {
      for (const s of streams) {
        const [, ns, name] = s.key.split('/');
        if (!cluster.get('Pod', ns, name as string)) {
          h.finish(0);
          return;
        }
        const lines = logsOf(cluster, s.key, s.container);
        for (const l of lines.slice(s.printed)) h.out(`${l}\n`);
        s.printed = lines.length;
      }
    };
    const handle = ctx.host.startJob({
      onSignal: (_sig, h) => h.finish(130),
      onEnd: () => unsubscribe?.(),
      onTick: follow,
    });
    unsubscribe = cluster.subscribe(() => {
      if (!handle.done) follow(handle);
    });
  }
  return 0;
}

export const logsVerb: KubectlVerb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  help: HELP,
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'tail', type: 'int' },
    { name: 'timestamps', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
  ],
  run,
};
