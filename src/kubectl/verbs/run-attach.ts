// `kubectl run -it --rm … [-- sh]`: what run.go does once the Pod exists [KUBECTL 1.34
// pkg/cmd/run/run.go handleAttachPod / removeCreatedObjects, pkg/cmd/attach/attach.go Run]:
// wait (on the simulated clock, up to --pod-running-timeout) for the Pod to be Running and Ready,
// print attach's two notices on stderr, hand the terminal to the container's shell, and when it
// exits print the reattach notice (restartPolicy Always), delete what run created (--rm) and
// return the container's exit code (restartPolicy Never: `pod NS/NAME terminated (Error)`).
//
// Only a shell as the container's process is attached to: the simulated kubelet runs every
// container forever, so a one-shot command (`-- nslookup x`) would never exit, and which of
// its outputs real kubectl shows races the container (attach vs. the logs fallback). Without --rm
// the Pod would be left Running where a real one has exited; -i without -t has no terminal to
// hand over. Those forms are refused before anything is created (attachProblem).
import type { K8sObject } from '../../sim/api/types';
import { imageInfo } from '../../sim/workloads/images';
import { bool, str } from '../flags';
import type { HelpFlag } from './generate-help';
import type { JobHandle, KubectlContext, ParsedArgs } from './registry';
import { isPodReady, waitUntil } from './util';

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

const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash']);

/** The container's process: --command's words, else the words replace the image's CMD. */
function containerArgv(pod: K8sObject): string[] | undefined {
  const c = (pod.spec as { containers: { image: string; command?: string[]; args?: string[] }[] })
    .containers[0];
  if (!c) return undefined;
  if (c.command) return c.command;
  // busybox and alpine have no ENTRYPOINT and CMD ["sh"] / ["/bin/sh"]; other images' entrypoints
  // are not modelled.
  if (imageInfo(c.image).app !== 'busybox') return undefined;
  return c.args ?? ['sh'];
}

const NOT_HERE =
  'error: "kubectl run" attaches here only with -i -t --rm to a shell (e.g. kubectl run -it --rm tmp --image=busybox -- sh); this form is not available in this playground\n';

/** Whether this playground can attach as kubectl would; checked before anything is created. */
export function attachProblem(ctx: KubectlContext, args: ParsedArgs, pod: K8sObject): string | undefined {
  const f = args.flags;
  const restart = str(f, 'restart') ?? 'Always';
  const argv = containerArgv(pod);
  const ok =
    bool(f, 'stdin') &&
    bool(f, 'tty') &&
    bool(f, 'rm') &&
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
  timeoutMs: number;
}

/** removeCreatedObjects with kubectl run's DeleteOptions (background, not waiting). */
function removeCreated(ctx: KubectlContext, req: AttachRequest, out: (t: string) => void): void {
  for (const obj of req.created) {
    const ns = obj.metadata.namespace ?? ctx.namespace;
    const kind = obj.kind === 'Service' ? 'Service' : 'Pod';
    const r = ctx.cluster.delete(kind, ns, obj.metadata.name);
    if (r.ok && !req.quiet)
      out(`${kind.toLowerCase()} "${obj.metadata.name}" deleted from ${ns} namespace\n`);
  }
}

export function attachToRunPod(ctx: KubectlContext, req: AttachRequest): number {
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
