// A container whose process ends (`kubectl run t --image=busybox -- nslookup sleep-2`, busybox's
// own `sh` with no stdin): the kubelet runs it once when the container starts, through the same
// command table `kubectl exec` uses, with the Pod's network view. Its stdout and stderr become the
// container's log (one log per container ID, as the runtime keeps one file per container); the
// kubelet gets the exit code and how long it ran.
//
// The process runs ahead of the shared clock: the kubelet must not let time pass inside its own
// sync, so it gets a view of the cluster whose clock is the process's own (starting at the
// container's start and moved by the process's sleeps: ping's seconds, wget's timeout). Every
// network answer is the cluster's at the container's start; log lines carry the instant they were
// written, and `kubectl logs` shows those up to now. Traces are not kept: no terminal or traffic
// control is waiting for them (the graph animates only what the student runs).
import type { OutputChunk, ProcContext } from '../../kubectl/shell/types';
import type { Cluster, ObjectKey } from '../contract';
import { podCommands } from './commands';
import { getPod } from './pods';
import { makeProc, processEnv, type RunScript } from './proc';
import { type LogLine, procState, registerClusterView } from './state';

/** A process still running after this much simulated time is taken to run until stopped. */
export const RUN_HORIZON_MS = 3_600_000;

export interface ContainerRunResult {
  exitCode: number;
  /** Simulated ms the process ran; undefined: it does not end by itself (a loop, ping without -c). */
  durationMs: number | undefined;
  /** The runtime could not start the process (its executable does not exist). */
  startError?: string;
}

let shell: RunScript | undefined;

/**
 * The BusyBox shell for `sh -c` in containers, provided by the kubectl layer when it loads
 * (src/sim never imports src/kubectl at runtime). Without it a shell script exits 2.
 */
export function provideContainerShell(run: RunScript): void {
  shell = run;
}

/** A facade whose clock is `clock.now` (the process's own); everything else is the cluster's. */
function viewWithClock(cluster: Cluster, clock: { now: number }): Cluster {
  const view = Object.create(cluster) as Cluster;
  Object.defineProperty(view, 'now', { value: () => clock.now });
  registerClusterView(view, cluster);
  return view;
}

/**
 * containerd's error when the process's executable is missing (kind, k3s): the container is
 * terminated with reason StartError and exit code 128 [containerd/runc].
 */
function startErrorMessage(command: string): string {
  const what = command.includes('/')
    ? `exec: "${command}": stat ${command}: no such file or directory`
    : `exec: "${command}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`;
}

/**
 * Run the process `argv` of container `containerName` of the Pod at `podKey`, started at
 * `startedAt` with ID `containerID`. Its output is kept as that container's log.
 */
export function runContainerProcess(
  cluster: Cluster,
  podKey: ObjectKey,
  containerName: string,
  argv: string[],
  startedAt: number,
  containerID: string,
): ContainerRunResult {
  const pod = getPod(cluster, podKey);
  if (!pod) return { exitCode: 0, durationMs: undefined };
  const state = procState(cluster, pod.metadata.uid);
  const lines: LogLine[] = [];
  state.runs ??= new Map();
  state.runs.set(containerID, lines);
  const clock = { now: startedAt };
  const view = viewWithClock(cluster, clock);
  // The table and the process see the view: what the command writes (touch, rm, >) lands at the
  // process's own instant, so `touch /tmp/healthy; sleep 30; rm /tmp/healthy` is seen by an exec
  // probe for 30 s of the shared clock.
  const table = podCommands(view, podKey, { ...(shell ? { runScript: shell } : {}) }, containerName);
  const cmd = argv[0] ?? '';
  const fn = Object.hasOwn(table, cmd) ? table[cmd] : undefined;
  if (!fn) return { exitCode: 128, durationMs: 0, startError: startErrorMessage(cmd) };
  const p = makeProc(view, podKey, pod, {}, containerName);
  const write = (stream: OutputChunk['stream']) => (text: string) => {
    if (text !== '') lines.push({ at: clock.now, text, ...(stream === 'stderr' ? { stderr: true } : {}) });
  };
  const ctx: ProcContext = {
    cluster: view,
    stdin: '',
    env: p ? Object.fromEntries(processEnv(p)) : {},
    out: write('stdout'),
    err: write('stderr'),
    trace: () => {},
    sleep: (ms) => {
      clock.now += Math.max(0, ms);
    },
    tty: pod.spec.containers.find((c) => c.name === containerName)?.tty === true,
  };
  const exitCode = fn(argv, ctx);
  const ran = clock.now - startedAt;
  if (ran >= RUN_HORIZON_MS) {
    // The shell's loop guard (or ping's packet cap) stopped it as if interrupted: a container has
    // no one to press Ctrl-C, so it keeps running; drop the guard's `^C`.
    const last = lines[lines.length - 1];
    if (last?.text === '^C\n') lines.pop();
    return { exitCode, durationMs: undefined };
  }
  return { exitCode, durationMs: ran };
}

/** The log of the container with ID `containerID` up to `now` (undefined: none was kept). */
export function containerRunLog(cluster: Cluster, uid: string, containerID: string): string | undefined {
  const lines = procState(cluster, uid).runs?.get(containerID);
  if (!lines) return undefined;
  const now = cluster.now();
  let text = '';
  for (const l of lines) if (l.at <= now) text += l.text;
  return text;
}

/** The chunks a container instance wrote, each with the instant it was written (undefined: none kept). */
export function containerRunChunks(
  cluster: Cluster,
  uid: string,
  containerID: string,
): readonly LogLine[] | undefined {
  return procState(cluster, uid).runs?.get(containerID);
}

/**
 * Run `argv` in container `containerName` as an exec probe does (no terminal, no stdin), on a view
 * of the cluster whose clock starts at `now`: its combined output, exit code and how long it ran.
 * The caller has checked that argv[0] exists in the container.
 */
export function runInContainer(
  cluster: Cluster,
  podKey: ObjectKey,
  containerName: string,
  argv: string[],
  now: number,
): { exitCode: number; output: string; durationMs: number } {
  const pod = getPod(cluster, podKey);
  const table = podCommands(cluster, podKey, { ...(shell ? { runScript: shell } : {}) }, containerName);
  const fn = Object.hasOwn(table, argv[0] ?? '') ? table[argv[0] ?? ''] : undefined;
  if (!pod || !fn) return { exitCode: 126, output: '', durationMs: 0 };
  const clock = { now };
  const p = makeProc(cluster, podKey, pod, {}, containerName);
  let output = '';
  const ctx: ProcContext = {
    cluster: viewWithClock(cluster, clock),
    stdin: '',
    env: p ? Object.fromEntries(processEnv(p)) : {},
    out: (t) => {
      output += t;
    },
    err: (t) => {
      output += t;
    },
    trace: () => {},
    sleep: (ms) => {
      clock.now += Math.max(0, ms);
    },
  };
  const exitCode = fn(argv, ctx);
  return { exitCode, output, durationMs: clock.now - now };
}
