// How a container given its own command/args answers the SIGTERM that stops it: the program that
// is PID 1, not the image's, decides (its ENTRYPOINT/CMD's behaviour is ImageSpec.stopMs/termExit).
// The runtime signals only the container's init process [containerd StopContainer → the task's
// Kill]; the kernel drops a signal whose action is SIG_DFL for the init of a PID namespace
// (SIGNAL_UNKILLABLE), even from an ancestor namespace, unless it is SIGKILL or SIGSTOP [Linux
// kernel/signal.c sig_task_ignored; pid_namespaces(7) "The namespace init process"]. So a PID 1
// without a SIGTERM handler runs on until the kubelet's SIGKILL at the grace period: exit 137
// Error after terminationGracePeriodSeconds. Bound late (terminate.ts).
//
// Only the BusyBox images (Alpine-based: the book's, busybox, alpine) and programs whose handling
// is established from BusyBox source are answered; any other program keeps its image's behaviour.
import type { Container } from '../api/types';
import { parseImage } from './images';
import { containerArgv } from './program';

export interface Pid1Stop {
  /** How long PID 1 takes to exit after SIGTERM (infinite: it ignores it). */
  readonly stopMs: [number, number];
  /** Its exit code when it does. */
  readonly termExit: number;
}

/** PID 1 with SIGTERM at SIG_DFL: the kernel drops it; SIGKILLed at the grace period (137). */
export const IGNORES: Pid1Stop = Object.freeze({
  stopMs: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as [number, number],
  termExit: 0,
});

/**
 * BusyBox ash as PID 1 with `trap : TERM` in `wait`: the trap's signal_handler ends waitcmd at once,
 * wait returns 128|SIGTERM, dotrap keeps that status and the -c string (EV_EXIT) exits with it —
 * the kiamol/ch03-sleep image's own process (images.ts: same stop time, 143).
 */
export const TRAP_WAIT: Pid1Stop = Object.freeze({ stopMs: [700, 1200] as [number, number], termExit: 143 });

const BUSYBOX = new Set([
  'docker.io/kiamol/ch03-sleep',
  'docker.io/library/busybox',
  'docker.io/library/alpine',
]);

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** How container `c`'s own command/args answer SIGTERM; undefined: its image's (or not known). */
export function pid1Stop(c: Pick<Container, 'image' | 'command' | 'args'>): Pid1Stop | undefined {
  if (!c.command?.length && !c.args?.length) return undefined;
  if (!BUSYBOX.has(parseImage(c.image).repository)) return undefined;
  const argv = containerArgv(c);
  return argv ? ofArgv(argv, 0) : undefined;
}

function ofArgv(argv: readonly string[], depth: number): Pid1Stop | undefined {
  const name = base(argv[0] ?? '');
  // BusyBox sleep (1.34.1, 1.36.1 coreutils/sleep.c → libbb/duration.c sleep_for_duration): a
  // nanosleep loop that installs no handler. Where ash has it as a builtin (ASH_SLEEP, 1.36+) the
  // PID 1 is ash, whose SIGTERM is SIG_DFL too (below).
  if (name === 'sleep') return IGNORES;
  // BusyBox httpd -f (foreground; 1.34.1 networking/httpd.c): it sets SIGPIPE/SIGHUP/SIGCHLD/SIGALRM
  // only, never SIGTERM.
  if (name === 'httpd' && argv.includes('-f')) return IGNORES;
  if ((name === 'sh' || name === 'ash') && argv[1] === '-c' && argv[2] !== undefined && depth < 3)
    return ofScript(argv[2], depth);
  return undefined;
}

/** Words of a simple command (plain words, '…', "…" without expansions); undefined otherwise. */
function words(s: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*((?:[A-Za-z0-9_@%+=:,./-]|'[^']*'|"[^"$`\\]*")+)\s*/y;
  while (re.lastIndex < s.length) {
    const at = re.lastIndex;
    const m = re.exec(s);
    if (!m || re.lastIndex === at) return undefined;
    out.push((m[1] as string).replace(/'([^']*)'|"([^"]*)"/g, (_, a, b) => a ?? b));
  }
  return out.length > 0 ? out : undefined;
}

/**
 * BusyBox 1.34.1 shell/ash.c for `sh -c SCRIPT`, not interactive: setsignal leaves SIGTERM at
 * SIG_DFL unless a trap is set (only iflag ignores it), so ash as PID 1 ignores it; evalstring(minusc,
 * EV_EXIT) keeps EV_EXIT for the last command, and evalcommand execs a simple command under EV_EXIT
 * when !may_have_traps — that program becomes PID 1; evalloop/evalfor drop EV_EXIT (ash stays).
 */
function ofScript(script: string, depth: number): Pid1Stop | undefined {
  const s = script.trim();
  const exec = /^exec\s+([\s\S]*)$/.exec(s);
  if (exec) {
    const argv = words(exec[1] as string);
    return argv ? ofArgv(argv, depth + 1) : undefined;
  }
  // `trap : TERM [INT…]; BODY & wait`: the trap (signal_handler) ends the closing wait (TRAP_WAIT).
  const t = /^trap\s+(?::|true)\s+([A-Z0-9 ]+?)\s*;([\s\S]+)&\s*wait\s*;?$/.exec(s);
  if (t) {
    const sigs = (t[1] as string).split(/\s+/);
    const body = t[2] as string;
    if (
      sigs.some((x) => x === 'TERM' || x === 'SIGTERM' || x === '15') &&
      !/\b(trap|exec|eval|source|wait|kill|exit)\b/.test(body) &&
      !/&\s*$/.test(body) // `x && wait`: no background job
    )
      return TRAP_WAIT;
    return undefined;
  }
  if (/\b(trap|exec|eval|source)\b/.test(s) || /(^|[;&|(\s])\.\s/.test(s)) return undefined;
  const argv = words(s);
  if (argv) return ofArgv(argv, depth + 1);
  // ash itself stays PID 1 in a closing loop or `wait`, with SIGTERM at SIG_DFL.
  if (/(^|[;&\n]\s*)wait\s*;?$/.test(s) || /(^|[;\s])done\s*;?$/.test(s)) return IGNORES;
  return undefined;
}
