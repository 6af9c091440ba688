// What a container runs, and whether it ends: the image's ENTRYPOINT/CMD combined with the Pod's
// command/args as Kubernetes does (a command replaces ENTRYPOINT and drops CMD; args alone replace
// CMD) [K8S docs "Define a Command and Arguments for a Container"; kuberuntime_container.go
// generateContainerConfig → ExpandContainerCommandAndArgs]. A server (the book's images, nginx,
// a shell waiting on an open stdin, `sleep inf`, `tail -f`) runs until it is stopped; `sleep N`
// ends after N s; anything else is run once through the in-Pod command table (src/sim/workloads,
// bound late) which says how long it ran and its exit code.
//
// Kept free of the workloads layer: the kubelet is in the boot chunk, and for the 5,000-Pod
// benchmark a container without command/args of a server image costs one lookup here.
import type { Container } from '../api/types';
import { parseImage } from './images';

export const SERVER: Program = Object.freeze({ kind: 'server' });

export type Program =
  | { kind: 'server' }
  | { kind: 'sleep'; ms: number }
  /** Run argv through the image's command table (the image has a shell and BusyBox/coreutils). */
  | { kind: 'run'; argv: string[] };

interface ImageProcess {
  entrypoint: readonly string[];
  cmd: readonly string[];
  /** Whether its command table is modelled (a shell and the BusyBox/coreutils applets). */
  tools: boolean;
  /** The image's own server, when ENTRYPOINT+CMD (or ENTRYPOINT + the given args) is it. */
  serves(argv: readonly string[]): boolean;
}

const never = () => false;

const processes = new Map<string, ImageProcess | null>();

/** imageProcessOf, one answer per repository; `defaultServer`: its own ENTRYPOINT+CMD serves. */
function imageProcess(repository: string): (ImageProcess & { defaultServer: boolean }) | undefined {
  let p = processes.get(repository);
  if (p === undefined) {
    const q = imageProcessOf(repository);
    p = q ? Object.freeze({ ...q, defaultServer: q.serves([...q.entrypoint, ...q.cmd]) }) : null;
    if (processes.size >= 1024) processes.clear();
    processes.set(repository, p);
  }
  return (p as (ImageProcess & { defaultServer: boolean }) | null) ?? undefined;
}

/** The images' Dockerfile ENTRYPOINT/CMD (docker inspect), for the repositories we model. */
function imageProcessOf(repository: string): ImageProcess | undefined {
  switch (repository) {
    // busybox: CMD ["sh"]; alpine: CMD ["/bin/sh"]; neither has an ENTRYPOINT.
    case 'docker.io/library/busybox':
      return { entrypoint: [], cmd: ['sh'], tools: true, serves: never };
    case 'docker.io/library/alpine':
      return { entrypoint: [], cmd: ['/bin/sh'], tools: true, serves: never };
    // kiamol/ch03-sleep (FROM alpine:3.15): CMD exec /bin/sh -c "trap : TERM INT; (while true; do
    // sleep 1000; done) & wait" (shell form), no ENTRYPOINT.
    case 'docker.io/kiamol/ch03-sleep':
      return {
        entrypoint: [],
        cmd: ['/bin/sh', '-c', 'exec /bin/sh -c "trap : TERM INT; (while true; do sleep 1000; done) & wait"'],
        tools: true,
        serves: (argv) =>
          argv.length === 3 && argv[0] === '/bin/sh' && argv[2]?.startsWith('exec /bin/sh') === true,
      };
    // nginx: ENTRYPOINT ["/docker-entrypoint.sh"], CMD ["nginx", "-g", "daemon off;"]; the entrypoint
    // configures nginx when $1 is nginx/nginx-debug and execs "$@" either way.
    case 'docker.io/library/nginx':
      return {
        entrypoint: ['/docker-entrypoint.sh'],
        cmd: ['nginx', '-g', 'daemon off;'],
        tools: true,
        serves: (argv) =>
          argv[0] === '/docker-entrypoint.sh' && (argv[1] === 'nginx' || argv[1] === 'nginx-debug'),
      };
    // The .NET images: ENTRYPOINT ["dotnet", "Numbers.*.dll"]; args are the app's own.
    case 'docker.io/kiamol/ch03-numbers-api':
      return {
        entrypoint: ['dotnet', 'Numbers.Api.dll'],
        cmd: [],
        tools: true,
        serves: (a) => a[0] === 'dotnet',
      };
    case 'docker.io/kiamol/ch03-numbers-web':
      return {
        entrypoint: ['dotnet', 'Numbers.Web.dll'],
        cmd: [],
        tools: true,
        serves: (a) => a[0] === 'dotnet',
      };
    default:
      return undefined;
  }
}

/** The process a container runs: ENTRYPOINT/CMD with command/args applied; undefined if unknown. */
export function containerArgv(c: Pick<Container, 'image' | 'command' | 'args'>): string[] | undefined {
  const img = imageProcess(parseImage(c.image).repository);
  if (c.command && c.command.length > 0) return [...c.command, ...(c.args ?? [])];
  if (!img) return undefined;
  if (c.args && c.args.length > 0) return [...img.entrypoint, ...c.args];
  return [...img.entrypoint, ...img.cmd];
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** BusyBox sleep's duration: seconds with an optional s/m/h/d suffix, summed; undefined if invalid. */
function sleepMs(args: readonly string[]): number | 'inf' | undefined {
  if (args.length === 0) return undefined;
  let ms = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return 'inf';
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's'];
    ms += Number(m[1]) * mult;
  }
  return Math.round(ms);
}

/**
 * What container `c` runs. Containers without command/args of an image whose own process is a
 * server are servers at once (the hot path: no argv is built).
 */
export function programOf(c: Container): Program {
  const custom =
    (c.command !== undefined && c.command.length > 0) || (c.args !== undefined && c.args.length > 0);
  const img = imageProcess(parseImage(c.image).repository);
  if (!img) return SERVER; // an image we do not model keeps running whatever it is given
  if (!custom && img.defaultServer) return SERVER;
  let argv = containerArgv(c) as string[];
  if (img.serves(argv) || !img.tools) return SERVER;
  // nginx's entrypoint script ends with exec "$@".
  if (argv[0] === '/docker-entrypoint.sh' && argv.length > 1) argv = argv.slice(1);
  const name = base(argv[0] ?? '');
  if (name === 'sleep') {
    const ms = sleepMs(argv.slice(1));
    if (ms === 'inf') return SERVER;
    if (ms !== undefined) return { kind: 'sleep', ms };
  }
  if (name === 'tail' && argv.slice(1).some((a) => a === '-f' || a === '-F' || /^-[a-zA-Z]*f/.test(a)))
    return SERVER;
  // A shell reading its script from stdin: with stdin open (-i) it waits for input; without, it
  // reads EOF at once and exits 0.
  if (SHELLS.has(name) && argv.length === 1 && c.stdin) return SERVER;
  return { kind: 'run', argv };
}

/**
 * Each container's program, or undefined when every one is a server without probes (the
 * kubelet's own path); a container with a probe goes through lifecycle.ts, which runs them, and so
 * does one with stdin open (a shell a terminal attaches to, whose `exit` ends it: lifecycle.ts
 * endContainerProcess).
 */
export function programsOf(containers: readonly Container[]): Program[] | undefined {
  let any = false;
  for (const c of containers)
    if (
      programOf(c) !== SERVER ||
      c.stdin === true ||
      c.livenessProbe !== undefined ||
      c.readinessProbe !== undefined ||
      c.startupProbe !== undefined
    )
      any = true;
  if (!any) return undefined;
  return containers.map(programOf);
}
