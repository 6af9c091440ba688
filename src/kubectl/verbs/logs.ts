// kubectl logs [KUBECTL cmd/logs]: a Pod's container output (from the workloads' log model:
// startup lines, then one line per request for the apps that log them). `-f` keeps following
// as a foreground job; `--tail N` keeps the last N lines; `-p` reads the last terminated instance.
// A container whose process ended (oneshot: `kubectl run t --image=busybox -- nslookup x`) has
// the log of that instance, byte for byte; which instance follows the kubelet's rules.
// `-c` names a container, an init container or an ephemeral one (podcmd.FindContainerByName:
// spec.containers, spec.initContainers, spec.ephemeralContainers; the kubelet's
// validateContainerLogStatus looks the status up in the same three lists, and an ephemeral
// container's log is its instance's, kept by container ID as any ending process's);
// `--all-containers` reads the init containers, the containers, then the ephemeral ones
// (logsForObjectWithClient builds them in that order; kubectl then consumes them from a Go map,
// in no fixed order — here always that one).
import type { ContainerStatus, Pod } from '../../sim/api/types';
import { logTimestamp, podLogEntries } from '../../sim/workloads';
import { containerRunChunks, containerRunLog } from '../../sim/workloads/oneshot';
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
    --all-containers=false:
	Get all containers' logs in the pod(s).

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

/**
 * kubelet_pods.go validateContainerLogStatus: which container instance's log to read (`-p`: the
 * last terminated one), or the kubelet's error. `cid` undefined: the running server's log.
 */
type LogSource = { ok: true; cid: string | undefined; running: boolean } | { ok: false; message: string };

function logSource(pod: Pod, container: string, previous: boolean): LogSource {
  const podName = pod.metadata.name;
  const st = statusOf(pod, container);
  // An ephemeral container the kubelet has not reported yet (just added by kubectl debug).
  if (!st && ephemeralsOf(pod).includes(container))
    return { ok: false, message: `container "${container}" in pod "${podName}" is not available` };
  const last = st?.lastState?.terminated;
  const state = st?.state ?? {};
  if (previous) {
    if (!last?.containerID)
      return {
        ok: false,
        message: `previous terminated container "${container}" in pod "${podName}" not found`,
      };
    return { ok: true, cid: last.containerID, running: false };
  }
  if (state.running) return { ok: true, cid: st?.containerID, running: true };
  if (state.terminated) {
    const cid = state.terminated.containerID || last?.containerID;
    if (!cid) return { ok: false, message: `container "${container}" in pod "${podName}" is terminated` };
    return { ok: true, cid, running: false };
  }
  if (last) {
    if (!last.containerID)
      return { ok: false, message: `container "${container}" in pod "${podName}" is terminated` };
    return { ok: true, cid: last.containerID, running: false };
  }
  const reason = state.waiting?.reason ?? 'ContainerCreating';
  const why =
    reason === 'ErrImagePull'
      ? "image can't be pulled"
      : reason === 'ImagePullBackOff'
        ? 'trying and failing to pull image'
        : reason;
  return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start: ${why}` };
}

/** The container's status: the containers', the init containers', the ephemeral ones' (GetContainerStatus). */
function statusOf(pod: Pod, container: string) {
  return (
    pod.status?.containerStatuses?.find((c) => c.name === container) ??
    initsOf(pod, 'initContainerStatuses')?.find((c) => c.name === container) ??
    // biome-ignore lint/suspicious/noExplicitAny: status.ephemeralContainerStatuses is an optional extra.
    ((pod.status as any)?.ephemeralContainerStatuses as ContainerStatus[] | undefined)?.find(
      (c) => c.name === container,
    )
  );
}

/** spec.ephemeralContainers' names (kubectl debug's). */
const ephemeralsOf = (pod: Pod): string[] =>
  // biome-ignore lint/suspicious/noExplicitAny: spec.ephemeralContainers is an optional extra.
  (((pod.spec as any).ephemeralContainers ?? []) as { name: string }[]).map((c) => c.name);

// biome-ignore lint/suspicious/noExplicitAny: spec.initContainers and their statuses are optional extras.
const initsOf = (pod: Pod, key: 'initContainers' | 'initContainerStatuses'): any[] | undefined =>
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  key === 'initContainers' ? (pod.spec as any).initContainers : (pod.status as any)?.initContainerStatuses;

/**
 * podcmd.AllContainerNames: the containers, each ephemeral container with ` (ephem)`, then each
 * init container with ` (init)`.
 */
export function allContainerNames(pod: Pod): string {
  const names = pod.spec.containers.map((c) => c.name);
  for (const n of ephemeralsOf(pod)) names.push(`${n} (ephem)`);
  for (const c of initsOf(pod, 'initContainers') ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

/**
 * Whether the server log (the workloads' line model) is this instance's: only the running
 * instance has one, so a named instance the status no longer shows has none.
 */
function serverLogIsInstance(pod: Pod, container: string, cid: string | undefined): boolean {
  return cid === undefined || statusOf(pod, container)?.containerID === cid;
}

/** One container instance's log as text; `logs` picks the plain or the `--timestamps` reader. */
type LogReader = (
  cluster: KubectlContext['cluster'],
  pod: Pod,
  key: string,
  container: string,
  cid: string | undefined,
) => string;

/**
 * The log text of one container instance: a process run to its end keeps its own bytes (exactly
 * as written, a last line without newline included); a server's is the workloads' line model.
 */
const logText: LogReader = (cluster, pod, key, container, cid) => {
  if (cid !== undefined) {
    const run = containerRunLog(cluster, pod.metadata.uid, cid);
    if (run !== undefined) return run;
  }
  if (!serverLogIsInstance(pod, container, cid)) return '';
  return logsOf(cluster, key, container)
    .map((l) => `${l}\n`)
    .join('');
};

/**
 * The same log with each line prefixed by the time it was written, as the kubelet's log reader
 * does for `--timestamps` (RFC3339NanoFixed, then a space): a line written in several pieces
 * carries the time of its first piece.
 */
const stampedLogText: LogReader = (cluster, pod, key, container, cid) => {
  const chunks = cid !== undefined ? containerRunChunks(cluster, pod.metadata.uid, cid) : undefined;
  if (chunks !== undefined) {
    const now = cluster.now();
    let out = '';
    let lineOpen = false;
    for (const c of chunks) {
      if (c.at > now) continue;
      for (const piece of c.text.split(/(?<=\n)/)) {
        if (piece === '') continue;
        if (!lineOpen) out += `${logTimestamp(c.at)} `;
        out += piece;
        lineOpen = !piece.endsWith('\n');
      }
    }
    return out;
  }
  const entries = serverLogIsInstance(pod, container, cid) ? podLogEntries(cluster, key, container) : [];
  return entries.map((e) => `${logTimestamp(e.at)} ${e.text}\n`).join('');
};

/** The last `n` lines of `text` (all when n < 0); a last line without newline counts as one. */
function tailText(text: string, n: number): string {
  if (n < 0) return text;
  if (n === 0) return '';
  const lines = text.split('\n');
  const partial = lines.pop() as string; // '' when the text ends with a newline
  const keep = partial === '' ? n : n - 1;
  const kept = keep > 0 ? lines.slice(Math.max(0, lines.length - keep)) : [];
  return (kept.length > 0 ? `${kept.join('\n')}\n` : '') + partial;
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
    const found = podForObject(ctx, target, 'logging');
    if (!found.ok) {
      proc.err(`${found.message}\n`);
      return 1;
    }
    // logsForObject [polymorphichelpers/logsforobject.go]: several Pods behind deploy/, rs/, svc/.
    if (found.matched > 1) proc.err(`Found ${found.matched} pods, using pod/${found.pod.metadata.name}\n`);
    pods = [found.pod];
  }
  // logs.go Validate (after Complete found the object).
  if (bool(args.flags, 'all-containers') && str(args.flags, 'container')) {
    proc.err(
      `error: --all-containers=true should not be specified with container name ${str(args.flags, 'container')}\n`,
    );
    return 1;
  }
  const tailFlag = args.flags.tail;
  const tail = typeof tailFlag === 'number' ? tailFlag : selector ? 10 : -1;
  const follow = bool(args.flags, 'follow');
  const previous = bool(args.flags, 'previous');
  const all = bool(args.flags, 'all-containers');
  const named = str(args.flags, 'container');
  const stamps = bool(args.flags, 'timestamps');
  const streams: { key: string; container: string; cid: string | undefined; printed: number }[] = [];
  for (const pod of pods) {
    const inits: string[] = (initsOf(pod, 'initContainers') ?? []).map((c) => c.name);
    const names = pod.spec.containers.map((c) => c.name);
    const ephems = ephemeralsOf(pod);
    const known = (n: string) => names.includes(n) || inits.includes(n) || ephems.includes(n);
    let containers: string[];
    if (all) containers = [...inits, ...names, ...ephems];
    else {
      let container = named;
      // The kubectl.kubernetes.io/default-container annotation, when it names a container.
      const preset = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
      if (container === undefined && preset) {
        if (known(preset)) container = preset;
        else proc.err(`Default container name "${preset}" not found in pod ${pod.metadata.name}\n`);
      }
      if (container === undefined) {
        container = names[0] ?? '';
        if (names.length > 1 || inits.length > 0 || ephems.length > 0)
          proc.err(`Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`);
      }
      if (!known(container)) {
        proc.err(`error: container ${container} is not valid for pod ${pod.metadata.name}\n`);
        return 1;
      }
      containers = [container];
    }
    for (const container of containers) {
      const source = logSource(pod, container, previous);
      if (!source.ok) {
        proc.err(`Error from server (BadRequest): ${source.message}\n`);
        return 1;
      }
      const key = `Pod/${pod.metadata.namespace ?? ctx.namespace}/${pod.metadata.name}`;
      const text = (stamps ? stampedLogText : logText)(cluster, pod, key, container, source.cid);
      proc.out(tailText(text, tail));
      // Following ends with the instance: only a running one has more to say.
      if (source.running) streams.push({ key, container, cid: source.cid, printed: text.length });
    }
  }
  if (follow && ctx.host && streams.length > 0) {
    let unsubscribe: (() => void) | undefined;
    const follow = (h: JobHandle) => {
      let open = 0;
      for (const s of streams) {
        const [, ns, name] = s.key.split('/');
        const pod = cluster.get('Pod', ns, name as string) as Pod | undefined;
        if (!pod) continue;
        const text = (stamps ? stampedLogText : logText)(cluster, pod, s.key, s.container, s.cid);
        if (text.length > s.printed) h.out(text.slice(s.printed));
        s.printed = text.length;
        const st = statusOf(pod, s.container);
        if (st?.state?.running && st.containerID === s.cid) open++;
      }
      if (open === 0) h.finish(0);
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
    { name: 'all-containers', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'tail', type: 'int' },
    { name: 'timestamps', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
  ],
  run,
};
