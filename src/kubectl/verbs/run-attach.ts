// `kubectl run -i/-t/--attach …`: what run.go does once the Pod exists [KUBECTL 1.34
// pkg/cmd/run/run.go Run / handleAttachPod / logOpts / removeCreatedObjects, pkg/cmd/attach/attach.go
// Run / reattachMessage]: wait (on the simulated clock, up to --pod-running-timeout) for the Pod
// to be Running and Ready — or to have completed, when kubectl prints its logs instead of
// attaching —, print attach's two notices on stderr, stream the container (its shell as the
// foreground job, or a command's output as it is written), print the reattach notice (restartPolicy
// Always, with a TTY), delete what run created (--rm), and for restartPolicy Never/OnFailure wait
// for the Pod to complete and return the container's exit code (`pod NS/NAME terminated (Error)`).
//
// A command that ends (`-- nslookup x`, `-- wget -qO- svc`, `-- sh -c '…'`): the simulated kubelet
// reports a process that ends within a second of its start as terminated without ever reporting it
// Running (as a real kubelet whose PLEG relist, every second, finds it exited already). So with
// --restart=Never kubectl's podRunningAndReady sees the Pod completed and takes run.go's logs path:
// the whole output on stdout, no attach notices. With Always/OnFailure such a Pod never becomes
// Ready (it crash-loops) and kubectl waits out --pod-running-timeout, as a real one does when it
// never sees the container running. A longer command (ping -c 3, sleep 5) is reported Running at
// its start, which kubectl sees at once: it attaches and streams the output from the first byte
// (the simulated attach is there when the process starts), until the process exits.
//
// A shell attached with -i -t is the container's process: `exit N` ends the container with N (the
// Pod completes under restartPolicy Never; Always restarts it), as on a real node.
//
// Still refused before anything is created: attaching to a server that is not a shell (nginx), a
// shell without -i -t, -i with `--restart=''` (run.go would wait for success on a Pod the
// generator gives restartPolicy Always).
import type { Container, K8sObject, Pod } from '../../sim/api/types';
import { endAttachedProcess } from '../../sim/kubelet/ephemeral';
import { programOf } from '../../sim/kubelet/program';
import { imageInfo } from '../../sim/workloads/images';
import { containerRunChunks } from '../../sim/workloads/oneshot';
import { bool, str } from '../flags';
import type { HelpFlag } from './generate-help';
import type { JobHandle, KubectlContext, ParsedArgs } from './registry';
import { isPodReady, POLL_MS, waitUntil } from './util';

export const RUN_ATTACH_FLAGS_HELP: HelpFlag[] = [
  {
    name: 'attach',
    def: 'false',
    usage:
      "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
  },
  {
    name: 'leave-stdin-open',
    def: 'false',
    usage:
      'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
  },
  {
    name: 'pod-running-timeout',
    def: '1m0s',
    usage:
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  },
  { name: 'quiet', short: 'q', def: 'false', usage: 'If true, suppress prompt messages.' },
  {
    name: 'rm',
    def: 'false',
    usage:
      "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
  },
  {
    name: 'stdin',
    short: 'i',
    def: 'false',
    usage: 'Keep stdin open on the container in the pod, even if nothing is attached.',
  },
  { name: 'tty', short: 't', def: 'false', usage: 'Allocate a TTY for the container in the pod.' },
];

const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash', '/usr/bin/bash']);
const BASH = new Set(['bash', '/bin/bash', '/usr/bin/bash']);

/** The container's process: --command's words, else the words replace the image's CMD. */
function containerArgv(pod: K8sObject): string[] | undefined {
  const c = (pod.spec as { containers: { image: string; command?: string[]; args?: string[] }[] })
    .containers[0];
  if (!c) return undefined;
  if (c.command) return c.command;
  const info = imageInfo(c.image);
  // nginx's ENTRYPOINT /docker-entrypoint.sh configures nginx only when $1 is nginx or nginx-debug
  // and ends with exec "$@": `-- bash` (Debian's image only) or `-- sh` is that shell itself.
  const one = c.args?.length === 1 ? (c.args[0] as string) : undefined;
  if (info.app === 'nginx' && one !== undefined && SHELLS.has(one)) {
    const debian = info.tools === 'debian-curl';
    return (debian ? !one.endsWith('ash') || BASH.has(one) : !BASH.has(one)) ? [one] : undefined;
  }
  // busybox and alpine have no ENTRYPOINT and CMD ["sh"] / ["/bin/sh"]; other images' entrypoints
  // are not modelled.
  if (info.app !== 'busybox') return undefined;
  return c.args ?? ['sh'];
}

const NOT_HERE =
  'error: "kubectl run" attaches here only to a command that ends (e.g. kubectl run -it --rm tmp --image=busybox --restart=Never -- nslookup kubernetes) or, with -i -t, to a shell (kubectl run -it --rm tmp --image=busybox -- sh); this form is not available in this playground\n';

function firstContainer(pod: K8sObject): Container | undefined {
  return (pod.spec as { containers: Container[] }).containers[0];
}

/** Whether the Pod's (only) container runs a process that ends. */
function endingProcess(pod: K8sObject): boolean {
  const c = firstContainer(pod);
  return c !== undefined && programOf(c).kind !== 'server';
}

/** Whether this playground can attach as kubectl would; checked before anything is created. */
export function attachProblem(ctx: KubectlContext, args: ParsedArgs, pod: K8sObject): string | undefined {
  const f = args.flags;
  const restart = str(f, 'restart') ?? 'Always';
  if (endingProcess(pod)) return restart === '' ? NOT_HERE : undefined;
  const argv = containerArgv(pod);
  const ok =
    bool(f, 'stdin') &&
    bool(f, 'tty') &&
    // (`--restart=''` waits for success with -i although the Pod gets Always: refused too.)
    (restart === 'Always' || restart === 'Never') &&
    argv !== undefined &&
    argv.length === 1 &&
    SHELLS.has(argv[0] as string) &&
    ctx.host?.openPodShell !== undefined;
  return ok ? undefined : NOT_HERE;
}

export interface AttachRequest {
  pod: K8sObject;
  /** What run created, in its order (the Pod, then the --expose Service). */
  created: K8sObject[];
  quiet: boolean;
  /** --leave-stdin-open: run.go does not wait for the exit code. */
  leaveStdinOpen: boolean;
  /** --rm: delete what was created once done. */
  remove: boolean;
  /** -i and -t as given (attach.go: the reattach notice needs both, a TTY merges stderr). */
  stdin: boolean;
  tty: boolean;
  timeoutMs: number;
}

/** removeCreatedObjects with kubectl run's DeleteOptions (background, not waiting); only with --rm. */
function removeCreated(ctx: KubectlContext, req: AttachRequest, out: (t: string) => void): void {
  if (!req.remove) return;
  for (const obj of req.created) {
    const ns = obj.metadata.namespace ?? ctx.namespace;
    const kind = obj.kind === 'Service' ? 'Service' : 'Pod';
    const r = ctx.cluster.delete(kind, ns, obj.metadata.name);
    if (r.ok && !req.quiet)
      out(`${kind.toLowerCase()} "${obj.metadata.name}" deleted from ${ns} namespace\n`);
  }
}

const completed = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** A command that ends: the logs path or an attach that streams its output, then its exit code. */
function attachToProcess(ctx: KubectlContext, req: AttachRequest): number {
  const { proc, cluster } = ctx;
  const ns = req.pod.metadata.namespace ?? ctx.namespace;
  const name = req.pod.metadata.name;
  const current = () => cluster.get('Pod', ns, name) as Pod | undefined;
  const notFound = () => {
    removeCreated(ctx, req, proc.out);
    // podRunningAndReady/podCompleted on a Deleted event: errors.NewNotFound(pods, "").
    proc.err('Error from server (NotFound): pods "" not found\n');
    return 1;
  };
  // handleAttachPod: waitForPod(podRunningAndReady), which also ends when the Pod completed.
  const ready = waitUntil(
    ctx,
    () => {
      const p = current();
      return p === undefined || completed(p) || (p.status?.phase === 'Running' && isPodReady(p as never));
    },
    req.timeoutMs,
  );
  if (!ready) {
    removeCreated(ctx, req, proc.out);
    proc.err('error: timed out waiting for the condition\n');
    return 1;
  }
  const pod = current();
  if (!pod) return notFound();
  const status = () => current()?.status?.containerStatuses?.[0];
  if (completed(pod)) {
    // logOpts: the completed container's log (the kubelet serves the terminated instance's).
    const st = pod.status?.containerStatuses?.[0];
    const cid = st?.state?.terminated?.containerID ?? st?.lastState?.terminated?.containerID;
    let text = '';
    for (const l of (cid && containerRunChunks(cluster, pod.metadata.uid, cid)) || []) text += l.text;
    proc.out(text);
  } else {
    if (!req.quiet) {
      proc.err(
        'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
      );
      proc.err("If you don't see a command prompt, try pressing enter.\n");
    }
    const cid = status()?.containerID ?? '';
    const chunks = containerRunChunks(cluster, pod.metadata.uid, cid) ?? [];
    let i = 0;
    const flush = () => {
      for (; i < chunks.length && (chunks[i] as (typeof chunks)[number]).at <= cluster.now(); i++) {
        const c = chunks[i] as (typeof chunks)[number];
        // With a TTY the container's stderr is the terminal too (attach.go DisableStderr).
        if (c.stderr && !req.tty) proc.err(c.text);
        else proc.out(c.text);
      }
    };
    // The stream ends when this container instance is no longer running.
    const attached = () => {
      const st = status();
      return st?.containerID === cid && st.state?.running !== undefined;
    };
    flush();
    while (attached()) {
      const next = chunks[i]?.at;
      proc.sleep(next !== undefined && next > cluster.now() ? next - cluster.now() : POLL_MS);
      flush();
    }
    flush();
    const restart = (req.pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always';
    if (restart === 'Always' && req.stdin && req.tty && !req.quiet)
      proc.out(
        `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`,
      );
  }
  return exitCodeOf(ctx, req);
}

/** run.go after the attach: wait for completion (Never/OnFailure), remove what was created, the code. */
function exitCodeOf(ctx: KubectlContext, req: AttachRequest): number {
  const { proc, cluster } = ctx;
  const ns = req.pod.metadata.namespace ?? ctx.namespace;
  const name = req.pod.metadata.name;
  const current = () => cluster.get('Pod', ns, name) as Pod | undefined;
  const restart = (req.pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always';
  if (req.leaveStdinOpen || (restart !== 'Never' && restart !== 'OnFailure')) {
    removeCreated(ctx, req, proc.out);
    return 0;
  }
  const done = waitUntil(
    ctx,
    () => {
      const p = current();
      return p === undefined || (restart === 'Never' ? completed(p) : p.status?.phase === 'Succeeded');
    },
    req.timeoutMs,
  );
  const pod = current();
  // The deferred removeCreatedObjects runs before CheckErr prints the error.
  removeCreated(ctx, req, proc.out);
  if (!done) {
    proc.err('error: timed out waiting for the condition\n');
    return 1;
  }
  if (!pod) {
    proc.err('Error from server (NotFound): pods "" not found\n');
    return 1;
  }
  if (pod.status?.phase === 'Succeeded') return 0;
  const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
  if (!term || term.exitCode === 0) {
    proc.err(`error: pod ${ns}/${name} failed with unknown exit code\n`);
    return 1;
  }
  // uexec.CodeExitError: printed as is (no "error: "), with a newline added when missing.
  const msg = `pod ${ns}/${name} terminated (${term.reason})\n${term.message ?? ''}`;
  proc.err(msg.endsWith('\n') ? msg : `${msg}\n`);
  return term.exitCode;
}

export function attachToRunPod(ctx: KubectlContext, req: AttachRequest): number {
  if (endingProcess(req.pod)) return attachToProcess(ctx, req);
  const { proc, cluster } = ctx;
  const ns = req.pod.metadata.namespace ?? ctx.namespace;
  const name = req.pod.metadata.name;
  const current = () => cluster.get('Pod', ns, name);
  // handleAttachPod: waitForPod(podRunningAndReady) within --pod-running-timeout.
  const ready = waitUntil(
    ctx,
    () => {
      const p = current();
      return p !== undefined && p.status?.phase === 'Running' && isPodReady(p as never);
    },
    req.timeoutMs,
  );
  if (!ready) {
    removeCreated(ctx, req, proc.out);
    proc.err('error: timed out waiting for the condition\n');
    return 1;
  }
  if (!req.quiet) {
    proc.err(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
    );
    proc.err("If you don't see a command prompt, try pressing enter.\n");
  }
  const restart = (req.pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always';
  const argv = containerArgv(req.pod) ?? ['sh'];
  const onExit = (code: number, h: JobHandle): number => {
    // The shell was the container's process: its end ends the container.
    endAttachedProcess(cluster, `Pod/${ns}/${name}`, firstContainer(req.pod)?.name ?? name, code);
    cluster.runUntilIdle();
    if (restart === 'Always' && !req.quiet) {
      h.out(
        `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`,
      );
    }
    removeCreated(ctx, req, h.out);
    // restartPolicy Never: run.go waits for the Pod to complete and returns the container's code.
    if (restart === 'Never' && !req.leaveStdinOpen && code !== 0) {
      h.err(`pod ${ns}/${name} terminated (Error)\n`);
      return code;
    }
    return 0;
  };
  ctx.host?.openPodShell?.(`Pod/${ns}/${name}`, name, argv, { onExit, attached: true });
  return 0;
}
