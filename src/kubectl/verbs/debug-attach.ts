// kubectl debug's handleAttachPod [KUBECTL v0.34.9 pkg/cmd/debug/debug.go waitForContainer,
// handleAttachPod, logOpts; pkg/cmd/attach/attach.go Run, reattachMessage]:
// - waitForContainer watches the Pod (list, then each event) with no timeout until the debug
//   container's status is running or terminated; each event whose status is waiting with a
//   message prints `Warning: container NAME: MESSAGE` (WarningPrinter; ErrImagePull,
//   ImagePullBackOff…) unless -q; a deleted Pod is `pods "" not found`. Only Ctrl-C ends the wait
//   (kubectl's interrupt handler cancels and exits 1). Here the wait runs on the simulated clock
//   until the container runs or a waiting message appears; from then on it is a foreground job
//   that prints each later warning as the cluster writes it.
// - a terminated container falls back to its logs (logOpts), on stdout;
// - attach: a TTY asked for but not allocated (`error: Unable to use a TTY - container X did not
//   allocate one`), the two notices on stderr unless -q, the stream (a shell: the terminal's shell
//   inside the Pod, with the debug image's tools in the Pod's network namespace; a command: its
//   output as it is written), then the reattach notice on stdout (a TTY with stdin, Pod
//   restartPolicy Always; the ephemeral container's own wording). The shell's `exit N` ends the
//   ephemeral container (Terminated with N), as its process ending does on a real node.
import type { Container, ContainerStatus, Pod } from '../../sim/api/types';
import type { ObjectWatchEvent } from '../../sim/contract';
import { endAttachedProcess } from '../../sim/kubelet/ephemeral';
import { containerArgv, programOf } from '../../sim/kubelet/program';
import { containerRunChunks } from '../../sim/workloads/oneshot';
import type { DebugOptions } from './debug';
import type { JobHandle, KubectlContext } from './registry';
import { POLL_MS, waitUntil } from './util';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed JSON.
type Any = any;

/** How long the wait runs on the simulated clock before it becomes a job (pulls take seconds). */
const SYNC_WAIT_MS = 30_000;
const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash']);
const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** getContainerStatusByName: init containers, containers, ephemeral containers. */
function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  const st = pod.status as Any;
  for (const list of [st?.initContainerStatuses, st?.containerStatuses, st?.ephemeralContainerStatuses])
    for (const s of list ?? []) if (s?.name === name) return s;
  return undefined;
}

/** The container's spec and whether it is ephemeral (podcmd.FindContainerByName's path). */
function specOf(pod: Pod, name: string): { c: Container; ephemeral: boolean } | undefined {
  const s = pod.spec as Any;
  for (const c of [...(s.initContainers ?? []), ...(s.containers ?? [])])
    if (c.name === name) return { c, ephemeral: false };
  for (const c of s.ephemeralContainers ?? []) if (c.name === name) return { c, ephemeral: true };
  return undefined;
}

type Outcome = { pod: Pod } | { error: string };

export function attachDebugContainer(
  o: DebugOptions,
  created: Pod,
  name: string,
  ctx: KubectlContext,
): number {
  const { cluster, proc } = ctx;
  const ns = created.metadata.namespace ?? ctx.namespace;
  const podName = created.metadata.name;
  const queue: ObjectWatchEvent[] = [];
  const stop = cluster.watch('Pod', (ev) => {
    if (ev.object.metadata.name === podName && (ev.object.metadata.namespace ?? 'default') === ns)
      queue.push(ev);
  });
  let warn = (t: string) => proc.err(t);
  let outcome: Outcome | undefined;
  let warned = false;
  const see = (type: ObjectWatchEvent['type'], pod: Pod) => {
    if (outcome) return;
    if (type === 'DELETED') {
      outcome = { error: 'Error from server (NotFound): pods "" not found' };
      return;
    }
    const s = statusOf(pod, name);
    if (!s) return;
    if (s.state?.running || s.state?.terminated) {
      outcome = { pod };
      return;
    }
    const msg = s.state?.waiting?.message;
    if (!o.quiet && msg) {
      warn(`Warning: container ${name}: ${msg}\n`);
      warned = true;
    }
  };
  const drain = () => {
    for (const ev of queue.splice(0)) see(ev.type, ev.object as Pod);
  };
  // UntilWithSync: the list's Pod first.
  const now = cluster.get('Pod', ns, podName) as Pod | undefined;
  if (now) see('ADDED', now);
  else outcome = { error: 'Error from server (NotFound): pods "" not found' };
  queue.length = 0;
  waitUntil(
    ctx,
    () => {
      drain();
      return outcome !== undefined || warned;
    },
    SYNC_WAIT_MS,
  );
  if (!outcome) {
    // Still waiting (an image that cannot be pulled): kubectl waits until Ctrl-C.
    if (!ctx.host) {
      stop();
      return 1;
    }
    ctx.host.startJob({
      onSignal: (_s, h) => h.finish(1),
      onEnd: stop,
      onTick: (h) => {
        warn = (t) => h.err(t);
        drain();
        if (!outcome) return;
        if ('error' in outcome) {
          h.err(`${outcome.error}\n`);
          h.finish(1);
        } else h.finish(logsIfDone(ctx, outcome.pod, name, h.out) ?? 0);
      },
    });
    return 0;
  }
  stop();
  if ('error' in outcome) {
    proc.err(`${outcome.error}\n`);
    return 1;
  }
  const done = logsIfDone(ctx, outcome.pod, name, proc.out);
  if (done !== undefined) return done;
  return attach(o, outcome.pod, name, ctx);
}

/** A terminated container: logOpts prints its log (the instance's output). */
function logsIfDone(
  ctx: KubectlContext,
  pod: Pod,
  name: string,
  out: (t: string) => void,
): number | undefined {
  const term = statusOf(pod, name)?.state?.terminated;
  if (!term) return undefined;
  let text = '';
  for (const l of (term.containerID && containerRunChunks(ctx.cluster, pod.metadata.uid, term.containerID)) ||
    [])
    text += l.text;
  out(text);
  return 0;
}

/** attach.go Run on the running debug container. */
function attach(o: DebugOptions, pod: Pod, name: string, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const found = specOf(pod, name);
  if (!found) {
    proc.err(
      `error: cannot attach to the container: container ${name} not found in pod ${pod.metadata.name}\n`,
    );
    return 1;
  }
  const { c, ephemeral } = found;
  const argv = containerArgv(c) ?? [];
  const shell = programOf(c).kind === 'server' && argv.length === 1 && SHELLS.has(argv[0] as string);
  const program = programOf(c);
  if (!shell && program.kind === 'server') {
    proc.err(
      'error: "kubectl debug" attaches here only to a shell (kubectl debug -it POD --image=busybox) or to a command that ends; this form is not available in this playground\n',
    );
    return 1;
  }
  let tty = o.tty;
  if (tty && !c.tty) {
    tty = false;
    if (!o.quiet) proc.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
  } else if (!tty && c.tty) tty = true;
  const raw = tty && o.interactive;
  if (!o.quiet) {
    proc.err(RECORDED);
    proc.err(PROMPT);
  }
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const podKey = `Pod/${ns}/${pod.metadata.name}`;
  const reattach = () => {
    if (o.quiet || !o.interactive || !raw || (pod.spec as Any).restartPolicy !== 'Always') return undefined;
    return ephemeral
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${pod.metadata.name} -c ${name} -i -t' if it is still running\n`
      : `Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${name} -i -t' command when the pod is running\n`;
  };
  if (shell && ctx.host?.openPodShell) {
    const onExit = (code: number, h: JobHandle): number => {
      // The shell is the container's process: its end ends the container.
      if (ephemeral) {
        endAttachedProcess(cluster, podKey, name, code);
        cluster.runUntilIdle();
      }
      const msg = reattach();
      if (msg) h.out(msg);
      return 0;
    };
    ctx.host.openPodShell(podKey, name, argv, { attached: true, onExit });
    return 0;
  }
  // A command still running: its output as it is written, until the instance ends.
  const current = () => cluster.get('Pod', ns, pod.metadata.name) as Pod | undefined;
  const cid = statusOf(pod, name)?.containerID ?? '';
  const chunks = containerRunChunks(cluster, pod.metadata.uid, cid) ?? [];
  let i = 0;
  const flush = () => {
    for (; i < chunks.length && (chunks[i] as (typeof chunks)[number]).at <= cluster.now(); i++) {
      const ch = chunks[i] as (typeof chunks)[number];
      if (ch.stderr && !raw) proc.err(ch.text);
      else proc.out(ch.text);
    }
  };
  const attached = () => {
    const p = current();
    const s = p && statusOf(p, name);
    return s?.containerID === cid && s.state?.running !== undefined;
  };
  flush();
  while (attached()) {
    const next = chunks[i]?.at;
    proc.sleep(next !== undefined && next > cluster.now() ? next - cluster.now() : POLL_MS);
    flush();
  }
  flush();
  const msg = reattach();
  if (msg) proc.out(msg);
  return 0;
}
