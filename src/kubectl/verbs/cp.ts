// kubectl cp [kubectl v0.34.9 pkg/cmd/cp/cp.go, filespec.go]: `[[namespace/]pod:]path` specs,
// one side local (the terminal's files) and one in a container, the copy done by an exec of tar
// in the container (./cp-container). Validate wants two arguments; Run parses the specs, then:
// - to a container: the local path must exist (`X doesn't exist in local filesystem`); an exec of
//   `test -d DEST` (its output discarded, any failure meaning "not a directory") decides whether
//   the file goes into DEST or becomes DEST; then `tar -xmf - -C DIR` reads the stream kubectl's
//   makeTar writes (members named from DEST's base name), its output on kubectl's own streams.
// - from a container: `tar cf - PATH`, whose stderr kubectl sends to its *stdout*
//   (TarPipe.initReadFrom: `ErrOut: t.o.Out`); untarAll writes each member under the local path
//   (os.MkdirAll of the parents, os.Create of the file: `open DEST: is a directory` when DEST is
//   one). The exec runs in a goroutine whose CheckErr exits the process on a Pod error. When tar
//   fails (a missing path) the main goroutine has already seen the archive's end and kubectl
//   exits 0 with tar's lines printed (kubernetes/kubectl#980, open): the usual outcome of that race.
// The exec's errors are exec's (./exec): NotFound for the Pod, a completed Pod, `-c` naming no
// container, a container not running, and the runtime's own when the image has no tar (Docker:
// the OCI message on stdout, `command terminated with exit code 126`; containerd: one error).
// GNU tar (Debian's nginx, ./cp-gnu) archives symbolic links as links and directories as members:
// untarAll makes the directories and skips each link with a warning on stderr, the first one
// naming the exec that would copy it (`ExecParentCmdName`, cobra's `kubectl`).
// Not modelled: --retries (the resume loop), --no-preserve (modes and owners are not modelled),
// BusyBox tar's symlinks and empty directories.
import type { Pod } from '../../sim/api/types';
import type { PodProc } from '../../sim/workloads/proc';
import { str } from '../flags';
import { goQuote } from '../printers/gofmt';
import {
  containerPath,
  containerRunning,
  isContainerDir,
  missingExecutable,
  procFor,
  type TarEntry,
  tarCreate,
  tarExtract,
  tarOf,
} from './cp-container';
import { gnuTarCreate, gnuTarExtract } from './cp-gnu';
import { defaultContainer, podHasContainer } from './exec';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Copy files and directories to and from containers.

Examples:
  # !!!Important Note!!!
  # Requires that the 'tar' binary is present in your container
  # image.  If 'tar' is not present, 'kubectl cp' will fail.
  #
  # For advanced use cases, such as symlinks, wildcard expansion or
  # file mode preservation, consider using 'kubectl exec'.
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar
  
  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar

Options:
    -c, --container='':
	Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the
	container to be attached or the first container in the pod will be chosen

    --no-preserve=false:
	The copied file/directory's ownership and permissions will not be preserved in the container

    --retries=0:
	Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative
	value for infinite retrying. The default is 0 (no retry).

Usage:
  kubectl cp <file-spec-src> <file-spec-dest> [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

interface FileSpec {
  podNamespace?: string;
  podName?: string;
  file: string;
}

const SPEC_FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** filespec.go stripTrailingSlash: one trailing slash, not the root's. */
const stripTrailingSlash = (f: string) => (f.length > 1 && f.endsWith('/') ? f.slice(0, -1) : f);

/** extractFileSpec: split at the first `:`; `ns/pod` at most one slash. */
function extractFileSpec(arg: string): FileSpec | string {
  const i = arg.indexOf(':');
  if (i === 0) return SPEC_FORMAT;
  if (i < 0) return { file: stripTrailingSlash(arg) };
  const pieces = arg.slice(0, i).split('/');
  const file = stripTrailingSlash(arg.slice(i + 1).replaceAll('\\', '/'));
  if (pieces.length === 1) return { podName: pieces[0] as string, file };
  if (pieces.length === 2) return { podNamespace: pieces[0] as string, podName: pieces[1] as string, file };
  return SPEC_FORMAT;
}

/** Go's path.Clean. */
function clean(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(s);
  }
  const body = out.join('/');
  return rooted ? `/${body}` : body || '.';
}

const join = (...parts: string[]) => clean(parts.filter((x) => x !== '').join('/'));
const dirOf = (p: string) => {
  const c = clean(p);
  const i = c.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : c.slice(0, i);
};
const baseOf = (p: string) => {
  const c = clean(p);
  return c === '/' ? '/' : c.slice(c.lastIndexOf('/') + 1);
};

/** stripPathShortcuts: leading `../` runs, a bare `.`/`..`, one leading `/`. */
function stripPathShortcuts(p: string): string {
  let s = p;
  while (s.startsWith('../')) s = s.slice(3);
  if (s === '.' || s === '..') s = '';
  return s.startsWith('/') ? s.slice(1) : s;
}

/** What ExecOptions.Run finds before it streams: the Pod and the container, or the error printed. */
type Target = { ok: true; pod: Pod; container: string; proc: PodProc } | { ok: false; code: number };

/** The command's context with its `-c`. */
interface CpContext extends KubectlContext {
  container: string | undefined;
}

function execTarget(ctx: CpContext, spec: FileSpec, notice: ((t: string) => void) | undefined): Target {
  const { proc, cluster } = ctx;
  const ns = spec.podNamespace ?? ctx.namespace;
  const pod = cluster.get('Pod', ns, spec.podName as string) as Pod | undefined;
  const fail = (text: string): Target => {
    if (notice) proc.err(text);
    return { ok: false, code: 1 };
  };
  if (!pod) return fail(`Error from server (NotFound): pods "${spec.podName}" not found\n`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed')
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
  let container = ctx.container;
  if (container === undefined) container = defaultContainer(pod, false, notice ?? (() => {}));
  else if (!podHasContainer(pod, container))
    return fail(
      `Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}\n`,
    );
  if (!containerRunning(pod, container))
    return fail(`error: unable to upgrade connection: container not found ("${container}")\n`);
  const p = procFor(cluster, pod, container);
  if (!p) return fail(`error: unable to upgrade connection: container not found ("${container}")\n`);
  return { ok: true, pod, container, proc: p };
}

/**
 * The image has no tar: the runtime's exec error, as exec prints it (Docker: on stdout, then
 * exit 126; containerd: one error line, exit 1).
 */
function noTar(ctx: CpContext, t: Extract<Target, { ok: true }>, stdoutTo: (s: string) => void): number {
  const lookup = missingExecutable(ctx.cluster, t.pod, t.container, 'tar');
  if (lookup.ok) return 0;
  if (lookup.runtime === 'docker') {
    stdoutTo(lookup.stdout);
    ctx.proc.err(`command terminated with exit code ${lookup.exitCode}\n`);
    return lookup.exitCode;
  }
  ctx.proc.err(`error: ${lookup.error}\n`);
  return 1;
}

/** The local files under `path` as makeTar's members (names from `destBase`). */
function localEntries(ctx: CpContext, path: string, destBase: string): TarEntry[] {
  const host = ctx.host;
  if (host?.stat(path) !== 'dir') return [{ name: destBase, dir: false, text: host?.readFile(path) ?? '' }];
  const names = host.readDir(path);
  if (names.length === 0) return [{ name: destBase, dir: true, text: '' }];
  return names.flatMap((n) => localEntries(ctx, join(path, n), `${destBase}/${n}`));
}

function copyToPod(ctx: CpContext, src: FileSpec, dest: FileSpec): number {
  const { proc, host } = ctx;
  if (!host?.stat(src.file)) {
    proc.err(`error: ${src.file} doesn't exist in local filesystem\n`);
    return 1;
  }
  // checkDestinationIsDir: `test -d DEST`, its streams discarded.
  let destFile = dest.file;
  const probe = execTarget(ctx, dest, undefined);
  if (probe.ok) {
    if (tarOf(probe.proc) === 'none') missingExecutable(ctx.cluster, probe.pod, probe.container, 'test');
    else if (isContainerDir(probe.proc, containerPath(probe.proc, dest.file)))
      destFile = join(dest.file, baseOf(src.file));
  }
  const t = execTarget(ctx, dest, proc.err);
  if (!t.ok) return t.code;
  const kind = tarOf(t.proc);
  if (kind === 'none') return noTar(ctx, t, proc.out);
  const entries = localEntries(ctx, clean(src.file), baseOf(destFile));
  const dir = dirOf(destFile);
  const r = kind === 'gnu' ? gnuTarExtract(t.proc, dir, entries) : tarExtract(t.proc, dir, entries);
  if (r.stdout) proc.out(r.stdout);
  if (r.stderr) proc.err(r.stderr);
  if (r.code !== 0) {
    proc.err(`command terminated with exit code ${r.code}\n`);
    return r.code;
  }
  return 0;
}

function copyFromPod(ctx: CpContext, src: FileSpec, dest: FileSpec): number {
  const { proc, host } = ctx;
  // The exec's notices and tar's stderr reach kubectl's stdout.
  const t = execTarget(ctx, src, proc.out);
  if (!t.ok) return t.code;
  const kind = tarOf(t.proc);
  if (kind === 'none') return noTar(ctx, t, () => {});
  const r = kind === 'gnu' ? gnuTarCreate(t.proc, src.file) : tarCreate(t.proc, src.file);
  if (r.stderr) proc.out(r.stderr);
  const prefix = stripPathShortcuts(clean(src.file.replace(/^[/\\]+/, '')));
  let symlinkWarned = false;
  for (const e of r.entries) {
    if (!e.name.startsWith(prefix)) {
      proc.err('error: tar contents corrupted\n');
      return 1;
    }
    const target = join(dest.file, stripTrailingSlash(e.name.slice(prefix.length)));
    const parentErr = mkdirAll(ctx, dirOf(target));
    if (parentErr) {
      proc.err(`error: ${parentErr}\n`);
      return 1;
    }
    if (e.dir) {
      const err = mkdirAll(ctx, target);
      if (err) {
        proc.err(`error: ${err}\n`);
        return 1;
      }
      continue;
    }
    if (e.link !== undefined) {
      const skip = `warning: skipping symlink: ${goQuote(target)} -> ${goQuote(e.link)}`;
      if (symlinkWarned) proc.err(`${skip}\n`);
      else {
        const ns = goQuote(src.podNamespace ?? '');
        const how = `kubectl exec -n ${ns} ${goQuote(src.podName ?? '')} -- tar cf - ${goQuote(src.file)} | tar xf -`;
        proc.err(`${skip} (consider using "${how}")\n`);
        symlinkWarned = true;
      }
      continue;
    }
    if (host?.stat(target) === 'dir') {
      proc.err(`error: open ${target}: is a directory\n`);
      return 1;
    }
    host?.writeFile?.(target, e.text);
  }
  return 0;
}

/** os.MkdirAll(path, 0755): `mkdir P: not a directory` when a file is in the way. */
function mkdirAll(ctx: CpContext, path: string): string | undefined {
  const host = ctx.host;
  if (!host || path === '.' || path === '/') return undefined;
  const kind = host.stat(path);
  if (kind === 'dir') return undefined;
  if (kind === 'file') return `mkdir ${path}: not a directory`;
  const up = mkdirAll(ctx, dirOf(path));
  if (up) return up;
  host.mkdir?.(path);
  return undefined;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  const c: CpContext = { ...ctx, container: str(args.flags, 'container') };
  if (args.positional.length !== 2) {
    proc.err('error: source and destination are required\n');
    return 1;
  }
  const src = extractFileSpec(args.positional[0] as string);
  if (typeof src === 'string') {
    proc.err(`error: ${src}\n`);
    return 1;
  }
  const dest = extractFileSpec(args.positional[1] as string);
  if (typeof dest === 'string') {
    proc.err(`error: ${dest}\n`);
    return 1;
  }
  if (src.podName && dest.podName) {
    proc.err('error: one of src or dest must be a local file specification\n');
    return 1;
  }
  if (src.file === '' || dest.file === '') {
    proc.err('error: filepath can not be empty\n');
    return 1;
  }
  if (src.podName) return copyFromPod(c, src, dest);
  if (dest.podName) return copyToPod(c, src, dest);
  proc.err('error: one of src or dest must be a remote file specification\n');
  return 1;
}

export const cpVerb: KubectlVerb = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  help: HELP,
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'no-preserve', type: 'bool' },
    { name: 'retries', type: 'int' },
  ],
  run,
};
