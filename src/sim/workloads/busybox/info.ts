// BusyBox 1.34.1 applets that report on the process and its system: printenv, pwd, whoami, id,
// uname, which (coreutils/*.c, debianutils/which.c). Every container runs as root; the groups
// are what the runtime gives root from Alpine's /etc/group (real `kubectl exec … id` output).
import type { CommandTable, ProcContext } from '../../../kubectl/shell/types';
import type { Node } from '../../api/types';
import { cleanPath } from '../fs';
import { podHostname } from '../hosts';
import { type PodProc, processEnv } from '../proc';
import { parseOpts } from './getopt';
import { usageText } from './usage';

/** The process environment: what the shell passes down, or the container's own at the top. */
export function environ(ctx: ProcContext, p: PodProc): Record<string, string> {
  return Object.keys(ctx.env).length > 0 ? ctx.env : Object.fromEntries(processEnv(p));
}

/** printenv: all of environ, or each named variable's value; exit 1 if any is unset. */
export function printenv(argv: string[], ctx: ProcContext, p: PodProc): number {
  const env = environ(ctx, p);
  const names = argv.slice(1);
  if (names.length === 0) {
    ctx.out(
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    return 0;
  }
  let code = 0;
  let out = '';
  for (const n of names) {
    const v = Object.hasOwn(env, n) ? env[n] : undefined;
    if (v === undefined) code = 1;
    else out += `${v}\n`;
  }
  ctx.out(out);
  return code;
}

/**
 * The working directory a command runs in: the shell's (`cd`) when a shell started it, else the
 * container's: the Pod's `workingDir` (the runtime's cwd), or else the image's WORKDIR
 * (none in the sleep, busybox, Alpine and nginx images, so `/`; the .NET images set WORKDIR /app).
 */
export function workdir(p: PodProc, ctx?: Pick<ProcContext, 'cwd'>): string {
  if (ctx?.cwd !== undefined) return ctx.cwd;
  const wd = (p.container as { workingDir?: string }).workingDir;
  if (wd?.startsWith('/')) return cleanPath(wd);
  return p.info.app === 'numbers-api' || p.info.app === 'numbers-web' ? '/app' : '/';
}

/** pwd [-LP]: -L prints $PWD when it names the current directory, else getcwd(). */
export function pwd(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'LP');
  if (!parsed.ok) {
    if (parsed.error) ctx.err(`pwd: ${parsed.error}\n`);
    ctx.err(usageText('pwd'));
    return 1;
  }
  ctx.out(`${workdir(p, ctx)}\n`);
  return 0;
}

/**
 * GNU coreutils 9.1 pwd (Debian images): -L/-P (physical by default, the same here), getopt's
 * message for another option, `ignoring non-option arguments` for operands (pwd.c).
 */
export function gnuPwd(argv: string[], ctx: ProcContext, p: PodProc): number {
  let operands = false;
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && (a === '--logical' || a === '--physical')) continue;
    else if (options && (a === '--help' || a === '--version')) {
      ctx.err(`pwd: ${a} is not modelled in this playground\n`);
      return 1;
    } else if (options && a.startsWith('-') && a !== '-') {
      const bad = a.startsWith('--') ? undefined : [...a.slice(1)].find((c) => c !== 'L' && c !== 'P');
      if (a.startsWith('--') || bad !== undefined) {
        ctx.err(
          `${a.startsWith('--') ? `pwd: unrecognized option '${a}'` : `pwd: invalid option -- '${bad}'`}\nTry 'pwd --help' for more information.\n`,
        );
        return 1;
      }
    } else operands = true;
  }
  if (operands) ctx.err('pwd: ignoring non-option arguments\n');
  ctx.out(`${workdir(p, ctx)}\n`);
  return 0;
}

export function whoami(argv: string[], ctx: ProcContext): number {
  if (argv.length > 1) {
    ctx.err(usageText('whoami'));
    return 1;
  }
  ctx.out('root\n');
  return 0;
}

/** root's groups: gid 0 plus every /etc/group line of Alpine 3.15 that lists root. */
const ROOT_GROUPS: [number, string][] = [
  [0, 'root'],
  [1, 'bin'],
  [2, 'daemon'],
  [3, 'sys'],
  [4, 'adm'],
  [6, 'disk'],
  [10, 'wheel'],
  [11, 'floppy'],
  [20, 'dialout'],
  [26, 'tape'],
  [27, 'video'],
];

/** id [-ugGnr] [USER]; only root (the user every chapter container runs as) is known. */
export function id(argv: string[], ctx: ProcContext): number {
  const parsed = parseOpts(argv.slice(1), 'rnugG');
  const usage = (error?: string) => {
    if (error) ctx.err(`id: ${error}\n`);
    ctx.err(usageText('id'));
    return 1;
  };
  if (!parsed.ok) return usage(parsed.error);
  const o = parsed.opts;
  const which = ['u', 'g', 'G'].filter((c) => o.has(c));
  // getopt32 "?1:u--g:g--u:G--u:u--G:g--G:G--g:r?ugG:n?ugG": one USER at most, one of -u/-g/-G,
  // and -r or -n only together with one of them.
  if (parsed.args.length > 1 || which.length > 1) return usage();
  if ((o.has('r') || o.has('n')) && which.length === 0) return usage();
  const user = parsed.args[0];
  if (user !== undefined && user !== 'root') {
    ctx.err(`id: user ${user} is not simulated in this playground\n`);
    return 1;
  }
  const names = o.has('n');
  const one = (nr: number, name: string) => (names ? name : String(nr));
  if (o.has('u')) ctx.out(`${one(0, 'root')}\n`);
  else if (o.has('g')) ctx.out(`${one(0, 'root')}\n`);
  else if (o.has('G')) ctx.out(`${ROOT_GROUPS.map(([n, g]) => one(n, g)).join(' ')}\n`);
  else ctx.out(`uid=0(root) gid=0(root) groups=${ROOT_GROUPS.map(([n, g]) => `${n}(${g})`).join(',')}\n`);
  return 0;
}

/** Kernel architecture names (uname -m) for the Node's GOARCH. */
const MACHINE: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64' };

/**
 * utsname.version of the kernel builds whose `uname -v` is known from real runs (a kernel
 * release alone does not fix it: Docker Desktop ships several builds of one release).
 */
const KERNEL_VERSION: Record<string, string> = {
  '6.10.14-linuxkit/arm64': '#1 SMP Sat May 17 08:28:57 UTC 2025',
};

const UNAME_LONGS: Record<string, string> = {
  all: 'a',
  'kernel-name': 's',
  nodename: 'n',
  'kernel-release': 'r',
  release: 'r',
  'kernel-version': 'v',
  machine: 'm',
  processor: 'p',
  'hardware-platform': 'i',
  'operating-system': 'o',
};

/**
 * uname [-snrvmpioa]: the fields in that fixed order, space-separated; `-a` drops the unknown
 * processor and platform; no option means -s. The node's kernel is the container's kernel.
 */
export function uname(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'snrvmpioa', UNAME_LONGS);
  if (!parsed.ok || parsed.args.length > 0) {
    if (parsed.ok === false && parsed.error) ctx.err(`uname: ${parsed.error}\n`);
    ctx.err(usageText('uname'));
    return 1;
  }
  const o = parsed.opts;
  const all = o.has('a');
  const order = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'];
  let wanted = all ? order : order.filter((c) => o.has(c));
  if (wanted.length === 0) wanted = ['s'];
  const nodes = p.cluster.list('Node') as Node[];
  const node = nodes.find((n) => n.metadata.name === p.pod.spec.nodeName) ?? nodes[0];
  const release = node?.status.nodeInfo?.kernelVersion ?? '';
  const arch = node?.status.nodeInfo?.architecture ?? 'amd64';
  const version = KERNEL_VERSION[`${release}/${arch}`];
  if (wanted.includes('v') && version === undefined) {
    ctx.err(
      `uname: the build string (-v) of kernel ${release} on ${arch} is not simulated in this playground\n`,
    );
    return 1;
  }
  const unknown = all ? '' : 'unknown';
  const fields: Record<string, string> = {
    s: 'Linux',
    n: podHostname(p.cluster, p.pod),
    r: release,
    v: version ?? '',
    m: MACHINE[arch] ?? arch,
    p: unknown,
    i: unknown,
    o: 'Linux',
  };
  ctx.out(
    `${wanted
      .map((c) => fields[c] ?? '')
      .filter((f) => f !== '')
      .join(' ')}\n`,
  );
  return 0;
}

/** bb_default_root_path, used when PATH is unset. */
const DEFAULT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';

/** which [-a] COMMAND...: the first (or every) $PATH directory holding COMMAND; exit 1 if any is missing. */
export function which(argv: string[], ctx: ProcContext, p: PodProc, table: CommandTable): number {
  const parsed = parseOpts(argv.slice(1), 'a');
  if (!parsed.ok || parsed.args.length === 0) {
    if (parsed.ok === false && parsed.error) ctx.err(`which: ${parsed.error}\n`);
    ctx.err(usageText('which'));
    return 1;
  }
  const path = (environ(ctx, p).PATH ?? DEFAULT_PATH).split(':');
  let status = 0;
  let out = '';
  for (const cmd of parsed.args) {
    let missing = true;
    if (cmd.includes('/')) {
      if (Object.hasOwn(table, cmd)) {
        missing = false;
        out += `${cmd}\n`;
      }
    } else {
      for (const dir of path) {
        // find_executable: an empty PATH element is the current directory (`/` here).
        const full = `${dir === '' ? '.' : dir.replace(/\/+$/, '')}/${cmd}`;
        if (Object.hasOwn(table, full)) {
          missing = false;
          out += `${full}\n`;
          if (!parsed.opts.has('a')) break;
        }
      }
    }
    if (missing) status = 1;
  }
  ctx.out(out);
  return status;
}
