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
// - attach (attachRunning, kubectl attach's too): a TTY asked for but not allocated (`error: Unable
//   to use a TTY - container X did not allocate one`), the two notices on stderr unless -q, the
//   kubelet's GetAttach (a container not running: `unable to upgrade connection: container X not
//   found in pod POD_NS`), the stream (a shell with -i: the terminal's shell inside the Pod, with
//   the debug image's tools in the Pod's network namespace; otherwise the process's output as it is
//   written, from its start for debug and from now on for attach, until it ends or Ctrl-C), then
//   the reattach notice on stdout (a TTY with stdin, Pod restartPolicy Always; the ephemeral
//   container's own wording). The shell's `exit N` ends the container's process (Terminated with
//   N): an ephemeral container stays so, a Pod's own container follows the restartPolicy.
import type { Container, ContainerStatus, Pod } from '../../sim/api/types';
import type { ObjectWatchEvent } from '../../sim/contract';
import { endAttachedProcess } from '../../sim/kubelet/ephemeral';
import { containerArgv, programOf } from '../../sim/kubelet/program';
import { containerRunChunks } from '../../sim/workloads/oneshot';
import type { LogLine } from '../../sim/workloads/state';
import { warningLine } from '../warnings';
import type { DebugOptions } from './debug';
import { logsOf } from './podcommands';
import type { JobHandle, KubectlContext } from './registry';
import { waitUntil } from './util';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed JSON.
type Any = any;

/** How long the wait runs on the simulated clock before it becomes a job (pulls take seconds). */
const SYNC_WAIT_MS = 30_000;
const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash']);
const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** getContainerStatusByName: init containers, containers, ephemeral containers. */
export function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  const st = pod.status as Any;
  for (const list of [st?.initContainerStatuses, st?.containerStatuses, st?.ephemeralContainerStatuses])
    for (const s of list ?? []) if (s?.name === name) return s;
  return undefined;
}

/** The container's spec and whether it is ephemeral (podcmd.FindContainerByName's path). */
export function specOf(pod: Pod, name: string): { c: Container; ephemeral: boolean } | undefined {
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
      warn(warningLine(proc, `container ${name}: ${msg}`));
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
  return attachRunning(
    { stdin: o.interactive, tty: o.tty, quiet: o.quiet, from: 'start' },
    outcome.pod,
    name,
    ctx,
  );
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

/** What attach.go streams: stdin (-i), a TTY (-t), the notices (-q), and from when. */
export interface AttachStreams {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /**
   * `start`: kubectl debug attaches as the process starts (its output from the first byte);
   * `now`: kubectl attach joins a running process (what it writes from now on).
   */
  from: 'start' | 'now';
}

/**
 * attach.go Run from containerToAttachTo on (the Pod found, not completed): the container's TTY
 * against -t, SetupTTY (no stdin, no TTY), the notices, the kubelet's GetAttach (only a running
 * container: `container NAME not found in pod POD_NAMESPACE`, through the stream's upgrade), the
 * stream, then reattachMessage. Shared by kubectl debug and kubectl attach.
 */
export function attachRunning(s: AttachStreams, pod: Pod, name: string, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const found = specOf(pod, name);
  if (!found) {
    proc.err(
      `error: cannot attach to the container: container ${name} not found in pod ${pod.metadata.name}\n`,
    );
    return 1;
  }
  const { c, ephemeral } = found;
  let tty = s.tty;
  if (tty && !c.tty) {
    tty = false;
    if (!s.quiet) proc.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
  } else if (!tty && c.tty) tty = true;
  // SetupTTY: without stdin there is no TTY; with both, the terminal goes raw.
  const raw = tty && s.stdin;
  if (!s.quiet) {
    proc.err(RECORDED);
    proc.err(PROMPT);
  }
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const podName = pod.metadata.name;
  const current = () => cluster.get('Pod', ns, podName) as Pod | undefined;
  const now = current() ?? pod;
  const st = statusOf(now, name);
  if (!st?.state?.running) {
    // kubelet GetAttach → findContainer: the runtime's running containers only.
    proc.err(`error: unable to upgrade connection: container ${name} not found in pod ${podName}_${ns}\n`);
    return 1;
  }
  const podKey = `Pod/${ns}/${podName}`;
  const reattach = () => {
    if (s.quiet || !s.stdin || !raw || (pod.spec as Any).restartPolicy !== 'Always') return undefined;
    return ephemeral
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${podName} -c ${name} -i -t' if it is still running\n`
      : `Session ended, resume using 'kubectl attach ${podName} -c ${name} -i -t' command when the pod is running\n`;
  };
  const argv = containerArgv(c) ?? [];
  const shell = programOf(c).kind === 'server' && argv.length === 1 && SHELLS.has(argv[0] as string);
  if (shell && s.stdin && ctx.host?.openPodShell) {
    const onExit = (code: number, h: JobHandle): number => {
      // The shell is the container's process: its end ends the container (ephemeral or not).
      endAttachedProcess(cluster, podKey, name, code);
      cluster.runUntilIdle();
      const msg = reattach();
      if (msg) h.out(msg);
      return 0;
    };
    ctx.host.openPodShell(podKey, name, argv, { attached: true, onExit });
    return 0;
  }
  // The process's output as it writes it, until the instance ends (or Ctrl-C).
  const cid = st.containerID ?? '';
  const chunks = containerRunChunks(cluster, pod.metadata.uid, cid);
  const serverLog = () =>
    logsOf(cluster, podKey, name)
      .map((l) => `${l}\n`)
      .join('');
  let i = 0;
  let printed = 0;
  if (s.from === 'now') {
    if (chunks) while (i < chunks.length && (chunks[i] as LogLine).at <= cluster.now()) i++;
    else printed = serverLog().length;
  }
  const flush = (out: (t: string) => void, err: (t: string) => void) => {
    if (chunks) {
      for (; i < chunks.length && (chunks[i] as LogLine).at <= cluster.now(); i++) {
        const ch = chunks[i] as LogLine;
        // With a TTY the container's stderr is the terminal too (DisableStderr).
        if (ch.stderr && !raw) err(ch.text);
        else out(ch.text);
      }
      return;
    }
    const text = serverLog();
    if (text.length > printed) out(text.slice(printed));
    printed = Math.max(printed, text.length);
  };
  const attached = () => {
    const st = statusOf(current() ?? pod, name);
    return current() !== undefined && st?.containerID === cid && st.state?.running !== undefined;
  };
  flush(proc.out, proc.err);
  if (!ctx.host) return 0;
  let unsubscribe: (() => void) | undefined;
  const tick = (h: JobHandle) => {
    flush(h.out, h.err);
    if (attached()) return;
    const msg = reattach();
    if (msg) h.out(msg);
    h.finish(0);
  };
  const handle = ctx.host.startJob({
    onSignal: (_sig, h) => h.finish(130),
    onEnd: () => unsubscribe?.(),
    onTick: tick,
  });
  unsubscribe = cluster.subscribe(() => {
    if (!handle.done) tick(handle);
  });
  return 0;
}
