// The container's processes and BusyBox 1.34.1 `ps` (procps/ps.c, Alpine's config: DESKTOP,
// FEATURE_PS_TIME, no PS_WIDE/PS_LONG, no SELinux).
//
// PIDs: a container is a new PID namespace. PID 1 is the image's command; `runc init` (a Go
// program) is PID 1 before it execs that command, and its runtime threads take PIDs 2–6, so the
// first process forked afterwards is PID 7. Each `kubectl exec` starts another `runc init` inside
// the namespace: the exec'd process keeps that PID and its threads take the next six. Real
// `kubectl exec -it POD -- sh` transcripts on Alpine 3.15 show exactly this shape: PID 1 the
// command, `7 root 0:00 sh`, then `15 root 0:00 ps -e` after one `cat` (14) in between.
import type { ProcContext } from '../../../kubectl/shell/types';
import type { ExecProcess, ExecSession, PodProc } from '../proc';
import { containerStartedAt } from '../proc';
import { type PidState, procState } from '../state';
import { parseOpts } from './getopt';
import { usageText } from './usage';

/** `runc init`'s Go threads that live in the namespace before it execs the process. */
const INIT_THREADS = 5;
const EXEC_THREADS = 6;

/** The sleep image's CMD after Docker's shell form and the `exec`: ash with this script. */
export const SLEEP_CMD = ['/bin/sh', '-c', 'trap : TERM INT; (while true; do sleep 1000; done) & wait'];
/** `sleep 1000` in a loop: a new sleep process every 1000 s. */
const SLEEP_PERIOD_MS = 1_000_000;

/** The container's own processes (not started by an exec), as ps lists them. */
interface InitTree {
  argv: string[];
  /** The sleep image's subshell and its periodically restarted `sleep 1000`. */
  loop: boolean;
}

/**
 * PID 1's argv: the Pod spec's command/args over the image's ENTRYPOINT/CMD (Kubernetes rules:
 * command replaces ENTRYPOINT and drops CMD; args alone replace CMD). Undefined for images whose
 * process tree is not modelled (.NET and nginx start threads/workers whose PIDs we cannot know).
 */
export function initTree(p: PodProc): InitTree | undefined {
  const { command, args } = p.container;
  if (command?.length) return { argv: [...command, ...(args ?? [])], loop: false };
  if (p.info.app === 'sleep')
    return args?.length ? { argv: [...args], loop: false } : { argv: SLEEP_CMD, loop: true };
  if (p.info.app === 'busybox') {
    // alpine's CMD is ["/bin/sh"], busybox's ["sh"].
    const cmd = p.info.repository === 'alpine' ? ['/bin/sh'] : ['sh'];
    return { argv: args?.length ? [...args] : cmd, loop: false };
  }
  return undefined;
}

function pidState(p: PodProc, tree: InitTree | undefined): PidState {
  const state = procState(p.cluster, p.pod.metadata.uid);
  const startedAt = containerStartedAt(p.pod, p.container) ?? p.cluster.now();
  if (!state.pids || state.pids.startedAt !== startedAt) {
    const first = 2 + INIT_THREADS;
    // The loop forks the subshell (7), which forks `sleep 1000` (8).
    state.pids = tree?.loop
      ? { startedAt, next: first + 2, restarts: 0, childPid: first + 1 }
      : { startedAt, next: first, restarts: 0, childPid: 0 };
  }
  const pids = state.pids;
  if (tree?.loop) {
    // Each `sleep 1000` that ended before now was followed by a new one: one PID each.
    const due = Math.floor((p.cluster.now() - pids.startedAt) / SLEEP_PERIOD_MS);
    while (pids.restarts < due) {
      pids.childPid = pids.next++;
      pids.restarts++;
    }
  }
  return pids;
}

/** A process starts in this exec: the first one is the exec'd process (runc's threads follow it). */
export function spawn(p: PodProc, session: ExecSession, argv: string[]): ExecProcess {
  const pids = pidState(p, initTree(p));
  const pid = pids.next;
  const parent = session.live[session.live.length - 1];
  pids.next += session.started ? 1 : 1 + EXEC_THREADS;
  session.started = true;
  const proc: ExecProcess = { pid, ppid: parent?.pid ?? 0, argv };
  session.live.push(proc);
  return proc;
}

export function exit(session: ExecSession, proc: ExecProcess): void {
  const i = session.live.indexOf(proc);
  if (i >= 0) session.live.splice(i, 1);
}

/** /proc/PID/cmdline as ps prints it: NULs (and other control characters) become spaces. */
function cmdline(argv: string[]): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: read_cmdline maps bytes < ' ' to ' '.
  return argv.join(' ').replace(/[\u0000-\u001f]/g, ' ');
}

interface Row {
  pid: number;
  args: string;
}

/** Every process in the container now, by PID. */
export function processList(p: PodProc): Row[] | undefined {
  const tree = initTree(p);
  if (!tree) return undefined;
  const pids = pidState(p, tree);
  const rows: Row[] = [{ pid: 1, args: cmdline(tree.argv) }];
  if (tree.loop) {
    rows.push({ pid: 2 + INIT_THREADS, args: cmdline(tree.argv) });
    rows.push({ pid: pids.childPid, args: 'sleep 1000' });
  }
  for (const proc of p.session?.live ?? []) rows.push({ pid: proc.pid, args: cmdline(proc.argv) });
  return rows.sort((a, b) => a.pid - b.pid);
}

/**
 * ps: `PID   USER     TIME  COMMAND`, pid `%5u`, user padded to 8, TIME `%2u:%02u` of CPU
 * seconds (these processes sleep: 0:00), then the command line. Every process runs as root.
 * On a terminal lines are cut at the terminal width minus one; into a pipe at 2048.
 */
export function ps(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'Zo:aAdefl');
  if (!parsed.ok) {
    if (parsed.error) ctx.err(`ps: ${parsed.error}\n`);
    ctx.err(usageText('ps'));
    return 1;
  }
  if (parsed.opts.has('o')) {
    ctx.err('ps: -o is not simulated in this playground\n');
    return 1;
  }
  const rows = processList(p);
  if (!rows) {
    // The .NET runtime's threads take PIDs nobody can predict: no made-up process list.
    ctx.err(`ps: the processes of ${p.container.image} are not simulated in this playground\n`);
    return 1;
  }
  const width = ctx.tty ? 79 : 2048;
  const cut = (line: string) => `${line.slice(0, width)}\n`;
  let out = cut('PID   USER     TIME  COMMAND');
  for (const r of rows) out += cut(`${String(r.pid).padStart(5, ' ')} root      0:00 ${r.args}`);
  ctx.out(out);
  return 0;
}
