// The executables `kubectl exec` finds in a container, as a CommandTable for the shell's process
// model. What exists depends on the image (images.ts): the sleep image is Alpine 3.15 with
// BusyBox 1.34.1 applets plus curl; the .NET images are Alpine with BusyBox but no curl; nginx is
// Debian (sh, bash, coreutils, curl); CoreDNS is distroless (nothing at all).
import type { CommandFn, CommandTable, ProcContext } from '../../kubectl/shell/types';
import type { Cluster, ObjectKey } from '../contract';
import { chmod } from './busybox/chmod';
import { date } from './busybox/date';
import { mkdir, rm, touch } from './busybox/files';
import { gnuPwd, id, printenv, pwd, uname, which, whoami, workdir } from './busybox/info';
import { ls } from './busybox/ls';
import { nc } from './busybox/nc';
import { netstat } from './busybox/netstat';
import { nslookup } from './busybox/nslookup';
import { ping } from './busybox/ping';
import { printf } from './busybox/printf';
import { exit, ps, spawn } from './busybox/procs';
import { env, falseCmd, hostname, ip, sleep, trueCmd } from './busybox/system';
import { cat, echo, grep, headTail, wc } from './busybox/text';
import { wget } from './busybox/wget';
import { curl } from './curl';
import { cleanPath } from './fs';
import { podHostname } from './hosts';
import { jq } from './jq';
import { getPod } from './pods';
import { type ExecSession, makeProc, type PodProc, podFiles, readPodFile, type WorkloadDeps } from './proc';
import { streamFor } from './state';

type Applet = (argv: string[], ctx: ProcContext, p: PodProc) => number;

const COREUTILS: Record<string, Applet> = {
  cat,
  echo: (argv, ctx) => echo(argv, ctx),
  grep,
  head: headTail,
  tail: headTail,
  wc,
  hostname,
  env,
  sleep: (argv, ctx) => sleep(argv, ctx),
  ls,
  touch,
  rm,
  mkdir,
  chmod,
  true: () => trueCmd(),
  false: () => falseCmd(),
};

const BUSYBOX_NET: Record<string, Applet> = { ping, nslookup, wget, ip };

/**
 * The rest of the BusyBox applets a student reaches for (all in Alpine's busyboxconfig: PRINTENV,
 * PWD, WHOAMI, ID, UNAME, DATE, NC with NC_110_COMPAT, NETSTAT). BusyBox images only: Debian's
 * coreutils versions in nginx differ, and nginx has no nc, ps or netstat at all.
 */
const BUSYBOX_MORE: Record<string, Applet> = {
  printenv,
  pwd,
  whoami: (argv, ctx) => whoami(argv, ctx),
  id: (argv, ctx) => id(argv, ctx),
  uname,
  date: (argv, ctx) => date(argv, ctx),
  nc,
  netstat,
  printf: (argv, ctx) => printf(argv, ctx),
};

/** ash builtins among the applets: run by a shell they fork no process (no PID). */
const ASH_BUILTINS = new Set(['echo', 'printf', 'true', 'false', 'pwd']);

/** Where each executable lives, so `/bin/ping` and `ping` both work (Alpine's busybox links). */
const LOCATIONS: Record<string, string> = {
  cat: '/bin',
  echo: '/bin',
  grep: '/bin',
  head: '/usr/bin',
  tail: '/usr/bin',
  wc: '/usr/bin',
  hostname: '/bin',
  env: '/usr/bin',
  sleep: '/bin',
  ls: '/bin',
  touch: '/bin',
  rm: '/bin',
  mkdir: '/bin',
  chmod: '/bin',
  true: '/bin',
  false: '/bin',
  ping: '/bin',
  nslookup: '/usr/bin',
  wget: '/usr/bin',
  ip: '/sbin',
  printenv: '/bin',
  pwd: '/bin',
  whoami: '/usr/bin',
  id: '/usr/bin',
  uname: '/bin',
  date: '/bin',
  nc: '/usr/bin',
  netstat: '/bin',
  printf: '/usr/bin',
  ps: '/bin',
  which: '/usr/bin',
  sh: '/bin',
  curl: '/usr/bin',
  jq: '/usr/bin',
};

function sh(argv: string[], ctx: ProcContext, p: PodProc, table: CommandTable): number {
  let script: string;
  let file: string | undefined;
  const a1 = argv[1];
  if (a1 === '-c') {
    const s = argv[2];
    if (s === undefined) {
      // dash: `sh: 0: -c requires an argument` (no line read yet); ash: `sh: -c requires an argument`.
      ctx.err(
        p.info.tools === 'debian-curl'
          ? `${argv[0] ?? 'sh'}: 0: -c requires an argument\n`
          : 'sh: -c requires an argument\n',
      );
      return 2;
    }
    script = s;
  } else if (a1 !== undefined && !a1.startsWith('-')) {
    const text = readPodFile(p, cleanPath(a1, workdir(p, ctx)));
    if (text === undefined) {
      // dash: `sh: 0: cannot open F: No such file` (errmsg E_OPEN, no line read yet; bookworm's
      // dash 0.5.12); ash: setinputfile's `can't open 'F': <strerror>`. Both exit 2.
      ctx.err(
        p.info.tools === 'debian-curl'
          ? `${argv[0] ?? 'sh'}: 0: cannot open ${a1}: No such file\n`
          : `sh: can't open '${a1}': No such file or directory\n`,
      );
      return 2;
    }
    script = text;
    file = a1;
  } else {
    script = ctx.stdin;
  }
  const run = p.deps.runScript;
  if (!run) {
    ctx.err('sh: no shell interpreter was provided to the workloads module\n');
    return 2;
  }
  const env = Object.fromEntries(Object.entries(ctx.env));
  // `sh -c` and `sh FILE` leave stdin to the script's commands (`kubectl exec -i … sh -c 'cat'`);
  // plain `sh` reads its script from stdin, so nothing is left over.
  // The shell starts in its parent's working directory (the container's for `kubectl exec`).
  const cwd = workdir(p, ctx);
  const flavor = p.info.tools === 'debian-curl' ? 'dash' : 'ash';
  // $0: `sh -c SCRIPT NAME`'s NAME or `sh FILE`'s FILE (dash `FILE: 2: foo: not found`, checked
  // on bookworm; ash `FILE: line 2: …`, procargs setarg0), else the name it was run by (dash).
  const named = a1 === '-c' ? argv[3] : file;
  return run(
    script,
    table,
    { ...ctx, env, cwd, stdin: a1 === undefined ? '' : ctx.stdin },
    podFiles(p),
    flavor,
    flavor === 'dash' ? (named ?? argv[0] ?? 'sh') : named,
    argv.slice(a1 === '-c' ? 4 : 2),
  );
}

/**
 * bash in the Debian images (Essential in Debian: bookworm's bash 5.2.15 at /bin/bash, which merged
 * /usr also makes /usr/bin/bash): `bash -c SCRIPT [NAME]`, `bash FILE`, or the script on stdin, run
 * by the kubectl layer's bash (src/kubectl/shell/pod-bash.ts). Texts as bash 5.2.15 prints them.
 */
function bash(argv: string[], ctx: ProcContext, p: PodProc, table: CommandTable): number {
  let argv0 = argv[0] ?? 'bash';
  let called: string | undefined;
  const a1 = argv[1];
  let script: string;
  let source: string | undefined;
  if (a1 === '-c') {
    const s = argv[2];
    if (s === undefined) {
      ctx.err(`${argv0}: -c: option requires an argument\n`);
      return 2;
    }
    script = s;
    source = '-c';
    if (argv[3] !== undefined) argv0 = argv[3];
  } else if (a1 !== undefined && !a1.startsWith('-')) {
    const text = readPodFile(p, cleanPath(a1, workdir(p, ctx)));
    if (text === undefined) {
      ctx.err(`${argv0}: ${a1}: No such file or directory\n`);
      return 127;
    }
    script = text;
    called = argv0;
    argv0 = a1;
  } else {
    script = ctx.stdin;
  }
  const run = p.deps.runScript;
  if (!run) {
    ctx.err(`${argv0}: no shell interpreter was provided to the workloads module\n`);
    return 2;
  }
  const env = Object.fromEntries(Object.entries(ctx.env));
  const start = {
    argv0,
    hostname: podHostname(p.cluster, p.pod),
    ...(source ? { source } : {}),
    ...(called ? { called } : {}),
  };
  const cwd = workdir(p, ctx);
  return run(
    script,
    table,
    { ...ctx, env, cwd, stdin: a1 === undefined ? '' : ctx.stdin },
    podFiles(p),
    start,
    undefined,
    argv.slice(a1 === '-c' ? 4 : 2),
  );
}

/** The in-container command table (names and absolute paths) for one Pod's first/named container. */
export function podCommands(
  cluster: Cluster,
  podKey: ObjectKey,
  deps: WorkloadDeps = {},
  containerName?: string,
): CommandTable {
  return buildTable(cluster, podKey, deps, containerName);
}

/**
 * The table for an interactive `kubectl exec -it POD -- sh`: the shell is the exec'd process
 * (it has a PID for the whole session and `ps` lists it); each line's commands are its children.
 */
export function podShellCommands(
  cluster: Cluster,
  podKey: ObjectKey,
  shellArgv: string[] = ['sh'],
  deps: WorkloadDeps = {},
  containerName?: string,
): CommandTable {
  return buildTable(cluster, podKey, deps, containerName, shellArgv);
}

function buildTable(
  cluster: Cluster,
  podKey: ObjectKey,
  deps: WorkloadDeps,
  containerName?: string,
  shellArgv?: string[],
): CommandTable {
  const pod = getPod(cluster, podKey);
  if (!pod) return {};
  const made = makeProc(cluster, podKey, pod, deps, containerName);
  if (!made || made.info.tools === 'none') return {};
  // One table serves one `kubectl exec`: its processes share a session (PIDs for `ps`).
  const session: ExecSession = { live: [], started: false };
  const p: PodProc = { ...made, session };
  if (shellArgv) spawn(p, session, shellArgv);
  const busybox = p.info.tools === 'alpine' || p.info.tools === 'alpine-curl';
  const applets: Record<string, Applet> = { ...COREUTILS };
  if (p.info.tools !== 'debian-curl') Object.assign(applets, BUSYBOX_NET);
  if (busybox) Object.assign(applets, BUSYBOX_MORE);
  // Debian's coreutils pwd (/bin is /usr/bin there): `kubectl exec web -- pwd` finds it.
  else applets.pwd = gnuPwd;
  // ps is in every BusyBox image; it lists processes where the tree is known (busybox/procs.ts).
  if (busybox) applets.ps = ps;
  if (p.info.tools === 'alpine-curl' || p.info.tools === 'debian-curl') applets.curl = curl;
  if (p.info.app === 'sleep') applets.jq = (argv, ctx) => jq(argv, ctx);
  const table: CommandTable = {};
  // Every command is a process: it gets a PID while it runs (but a shell runs its builtins itself).
  const bind =
    (fn: (argv: string[], ctx: ProcContext) => number): CommandFn =>
    (argv, ctx) => {
      if (busybox && session.live.length > 0 && ASH_BUILTINS.has(argv[0] ?? '')) return fn(argv, ctx);
      const proc = spawn(p, session, argv);
      try {
        return fn(argv, ctx);
      } finally {
        exit(session, proc);
      }
    };
  const add = (name: string, fn: CommandFn) => {
    table[name] = fn;
    const dir = LOCATIONS[name];
    if (dir) table[`${dir}/${name}`] = fn;
  };
  for (const [name, fn] of Object.entries(applets))
    add(
      name,
      bind((argv, ctx) => fn(argv, ctx, p)),
    );
  if (busybox)
    add(
      'which',
      bind((argv, ctx) => which(argv, ctx, p, table)),
    );
  const shell: CommandFn = bind((argv, ctx) => sh(argv, ctx, p, table));
  table.sh = shell;
  table['/bin/sh'] = shell;
  if (p.info.tools === 'debian-curl') {
    // bookworm's dash 0.5.12-2 ships /bin/dash and /bin/sh -> dash (dpkg -L dash); merged /usr
    // (/bin -> usr/bin) makes /usr/bin/dash and /usr/bin/sh the same files.
    for (const name of ['/usr/bin/sh', 'dash', '/bin/dash', '/usr/bin/dash']) table[name] = shell;
  }
  if (busybox) {
    table.ash = shell;
    table['/bin/ash'] = shell;
  }
  if (p.info.tools === 'debian-curl') {
    const bashFn: CommandFn = bind((argv, ctx) => bash(argv, ctx, p, table));
    for (const name of ['bash', '/bin/bash', '/usr/bin/bash']) table[name] = bashFn;
  }
  return table;
}

/**
 * Look up argv[0] the way the container runtime's exec does. When it is missing the message
 * depends on the runtime: Docker Desktop (cri-dockerd → dockerd) streams the runc error on stdout
 * and the exec exits 126; containerd (kind, k3s) fails the exec call, which kubectl prints as
 * `error: Internal error occurred: …` with exit code 1.
 */
export type ExecLookup =
  | { ok: true; run: CommandFn }
  | { ok: false; runtime: 'docker'; stdout: string; exitCode: 126 }
  | { ok: false; runtime: 'containerd'; error: string };

export function ociNotFound(command: string): string {
  const what = command.includes('/')
    ? `stat ${command}: no such file or directory`
    : `exec: "${command}": executable file not found in $PATH`;
  return `OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown`;
}

export function lookupExec(
  cluster: Cluster,
  podKey: ObjectKey,
  command: string,
  deps: WorkloadDeps = {},
  containerName?: string,
): ExecLookup {
  const table = podCommands(cluster, podKey, deps, containerName);
  const fn = Object.hasOwn(table, command) ? table[command] : undefined;
  if (fn) return { ok: true, run: fn };
  const oci = ociNotFound(command);
  if (cluster.profile === 'docker-desktop')
    return { ok: false, runtime: 'docker', stdout: `${oci}\n`, exitCode: 126 };
  const rng = streamFor(cluster, 'exec-ids');
  let id = '';
  for (let i = 0; i < 64; i++) id += rng.int(16).toString(16);
  return {
    ok: false,
    runtime: 'containerd',
    error: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": ${oci}`,
  };
}
