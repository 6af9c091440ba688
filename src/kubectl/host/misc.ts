// Shell-level host commands: clear, sleep, history, jobs, kill, help.
import type { CommandTable, ProcContext } from '../shell/types';
import type { HostEnv, JobInfo } from './env';

/** Longest `sleep` the playground lets pass in one go (the clock is simulated; a typo should not fast-forward a day). */
export const MAX_SLEEP_S = 3600;

/** bash's job line: `[1]+  Running                 kubectl port-forward … &`. */
export function jobLine(j: JobInfo, marker: string, withPid = false): string {
  const status = j.state === 'Exit' ? `Exit ${j.exitCode}` : j.state === 'Interrupt' ? 'Interrupt' : j.state;
  const cmd = j.state === 'Running' ? `${j.command} &` : j.command;
  return `[${j.id}]${marker}  ${withPid ? `${j.pid} ` : ''}${status.padEnd(24)}${cmd}`;
}

/** `+` for the current job (the newest), `-` for the previous one. */
export function jobMarkers(jobs: JobInfo[]): Map<number, string> {
  const m = new Map<number, string>();
  const ids = jobs.map((j) => j.id).sort((a, b) => b - a);
  for (const j of jobs) m.set(j.id, j.id === ids[0] ? '+' : j.id === ids[1] ? '-' : ' ');
  return m;
}

function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number.parseFloat(m[1] as string) * mult;
}

function sleep(argv: string[], ctx: ProcContext): number {
  const args = argv.slice(1);
  if (args.length === 0) {
    ctx.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const s = parseDuration(a);
    if (s === undefined) {
      ctx.err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += s;
  }
  ctx.sleep(Math.round(Math.min(total, MAX_SLEEP_S) * 1000));
  return 0;
}

const HELP = `Commands that work in this terminal:

  kubectl <verb> …     apply, create, delete, get, describe, explain, events, wait,
                       exec, port-forward, logs, scale, rollout, version, cluster-info
                       (kubectl --help and kubectl <verb> --help show the details)
  ls [-l] [-a] [PATH]  cat FILE…   cd DIR   pwd   mkdir [-p] DIR   rm [-r] PATH   touch FILE
  echo TEXT            grep [-v -i -E -c -n] PATTERN [FILE]   head/tail [-n N]
  wc [-l -w -c]        sort [-r -n -u]
  curl URL / wget URL  reach localhost: port-forwards, LoadBalancer and NodePort Services
  sleep N              let N seconds of simulated time pass
  jobs, kill %N        background jobs (end a command with & to run it in the background)
  history, clear, help

The shell understands 'single' and "double" quotes, $VAR, $( … ), pipes |, ;, && and ||,
> and >> into files, and Ctrl-C to stop a command that keeps running (port-forward, get -w).
`;

export function miscCommands(env: HostEnv): CommandTable {
  return {
    sleep,
    clear: () => {
      env.clear();
      return 0;
    },
    history: (_argv, ctx) => {
      env.history().forEach((line, i) => {
        ctx.out(`${String(i + 1).padStart(5)}  ${line}\n`);
      });
      return 0;
    },
    jobs: (argv, ctx) => {
      const jobs = env.jobs();
      const marks = jobMarkers(jobs);
      const withPid = argv.includes('-l');
      for (const j of jobs) ctx.out(`${jobLine(j, marks.get(j.id) ?? ' ', withPid)}\n`);
      return 0;
    },
    kill: (argv, ctx) => {
      const targets = argv.slice(1).filter((a) => !/^-(\d+|[A-Z]+|s)$/.test(a));
      if (targets.length === 0) {
        ctx.err(
          'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
        );
        return 2;
      }
      let code = 0;
      for (const t of targets) {
        if (t.startsWith('%')) {
          const spec = t.slice(1);
          const jobs = env.jobs();
          const id =
            spec === '' || spec === '+' || spec === '%'
              ? jobs[jobs.length - 1]?.id
              : spec === '-'
                ? jobs[jobs.length - 2]?.id
                : /^\d+$/.test(spec)
                  ? Number(spec)
                  : undefined;
          if (id === undefined || !env.killJob(id, 'job')) {
            ctx.err(`bash: kill: ${t}: no such job\n`);
            code = 1;
          }
        } else if (/^\d+$/.test(t)) {
          if (!env.killJob(Number(t), 'pid')) {
            ctx.err(`bash: kill: (${t}) - No such process\n`);
            code = 1;
          }
        } else {
          ctx.err(`bash: kill: ${t}: arguments must be process or job IDs\n`);
          code = 1;
        }
      }
      return code;
    },
    help: (_argv, ctx) => {
      ctx.out(HELP);
      return 0;
    },
  };
}
