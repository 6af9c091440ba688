// kubectl debug [KUBECTL v0.34.9 pkg/cmd/debug/debug.go, profiles.go]: Complete (the profile's
// applier, `unknown profile: X`; --env's key=value pairs), Validate in its order (attach without a
// container, --copy-to's flags, --image, the image reference, a name, the pull policy, --target's
// "Targeting container" notice, -t without -i, and the --profile=legacy deprecation that every
// run without --profile prints, legacy being 1.34's default), then Run: the builder's objects
// (`pods` when no type is given; a Node; anything else "not supported by debug"), and for a Pod an
// ephemeral container (debugByEphemeralContainer: computeDebugContainerName's
// `debugger-<5 random>` with its "Defaulting debug container name" notice, the two-way strategic
// patch of the Pod JSON sent to pods/NAME/ephemeralcontainers), then handleAttachPod when
// attaching (debug-attach.ts). The random suffix is utilrand.String(5) drawn from a stream of the
// cluster seed. --copy-to and node/NAME: debug-copy.ts.
import type { K8sObject, Pod } from '../../sim/api/types';
import { goJsonMarshal, twoWayPatch } from '../../sim/apiserver/apply-patch';
import { createRng } from '../../sim/runtime/rng';
import { formatError } from '../errors';
import { bool, str, strs } from '../flags';
import { doesNotHaveType, notFoundMessage, resolveResourceType } from '../resources';
import { attachDebugContainer } from './debug-attach';
import { debugByCopy, debugNode } from './debug-copy';
import { DEBUG_HELP } from './debug-help';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { validImageReference } from './run';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed JSON.
type Any = any;

export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];
const PULL = new Set(['Always', 'IfNotPresent', 'Never', '']);
/** utilrand's alphabet (no vowels, no 0/1/3), as rand.String draws from it. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export interface DebugOptions {
  args: string[];
  argsOnly: boolean;
  attach: boolean;
  container: string;
  copyTo: string;
  replace: boolean;
  env: { name: string; value: string }[];
  image: string;
  interactive: boolean;
  tty: boolean;
  quiet: boolean;
  pullPolicy: string;
  profile: string;
  sameNode: boolean;
  setImages: Map<string, string>;
  shareProcesses: boolean;
  shareProcessesChanged: boolean;
  keep: {
    labels: boolean;
    annotations: boolean;
    liveness: boolean;
    readiness: boolean;
    startup: boolean;
    init: boolean;
  };
  target: string;
  /** The 5-character suffix stream (nameSuffixFunc). */
  suffix: () => string;
}

/** pflag's stringToString: `k=v` or a CSV of them; a later flag adds to the map. */
function stringToString(values: string[], flag: string): Map<string, string> | string {
  const out = new Map<string, string>();
  for (const val of values) {
    const n = val.split('=').length - 1;
    if (n === 0)
      return `invalid argument "${val}" for "--${flag}" flag: ${val} must be formatted as key=value`;
    const pairs = n === 1 ? [val.replace(/^"+|"+$/g, '')] : val.split(',');
    for (const p of pairs) {
      const i = p.indexOf('=');
      if (i < 0) return `invalid argument "${val}" for "--${flag}" flag: ${p} must be formatted as key=value`;
      out.set(p.slice(0, i), p.slice(i + 1));
    }
  }
  return out;
}

/** Complete and Validate; the first error's text (printed as `error: …`), else the options. */
function complete(args: ParsedArgs, ctx: KubectlContext): DebugOptions | { error: string } {
  const f = args.flags;
  const env = stringToString(strs(f, 'env'), 'env');
  if (typeof env === 'string') return { error: env };
  const setImages = stringToString(strs(f, 'set-image'), 'set-image');
  if (typeof setImages === 'string') return { error: setImages };
  const profile = str(f, 'profile') ?? 'legacy';
  if (!PROFILES.includes(profile)) return { error: `unknown profile: ${profile}` };
  const interactive = bool(f, 'stdin');
  const attachChanged = f.attach !== undefined;
  const names = args.positional;
  let stream: ReturnType<typeof createRng> | undefined;
  const o: DebugOptions = {
    args: args.dashArgs ?? [],
    argsOnly: bool(f, 'arguments-only'),
    attach: attachChanged ? bool(f, 'attach') : interactive,
    container: str(f, 'container') ?? '',
    copyTo: str(f, 'copy-to') ?? '',
    replace: bool(f, 'replace'),
    // Go ranges over the map: its order is random; sorted here.
    env: [...env.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value })),
    image: str(f, 'image') ?? '',
    interactive,
    tty: bool(f, 'tty'),
    quiet: bool(f, 'quiet'),
    pullPolicy: str(f, 'image-pull-policy') ?? '',
    profile,
    sameNode: bool(f, 'same-node'),
    setImages,
    shareProcesses: f['share-processes'] === undefined ? true : bool(f, 'share-processes'),
    shareProcessesChanged: f['share-processes'] !== undefined,
    keep: {
      labels: bool(f, 'keep-labels'),
      annotations: bool(f, 'keep-annotations'),
      liveness: bool(f, 'keep-liveness'),
      readiness: bool(f, 'keep-readiness'),
      startup: bool(f, 'keep-startup'),
      init: f['keep-init-containers'] === undefined ? true : bool(f, 'keep-init-containers'),
    },
    target: str(f, 'target') ?? '',
    suffix: () => {
      stream ??= createRng(ctx.cluster.seed).fork(`kubectl-debug/${ctx.cluster.now()}/${names.join(',')}`);
      let s = '';
      for (let i = 0; i < 5; i++) s += ALPHANUMS[stream.int(ALPHANUMS.length)];
      return s;
    },
  };
  // Validate
  if (o.attach && attachChanged && o.image === '' && o.container === '')
    return {
      error: 'you must specify --container or create a new container using --image in order to attach.',
    };
  if (o.copyTo !== '') {
    if (o.image === '' && o.setImages.size === 0 && o.args.length === 0)
      return { error: 'you must specify --image, --set-image or command arguments.' };
    if (o.args.length > 0 && o.container === '' && o.image === '')
      return { error: 'you must specify an existing container or a new image when specifying args.' };
  } else if (o.replace) return { error: '--replace may only be used with --copy-to.' };
  else if (o.sameNode) return { error: '--same-node may only be used with --copy-to.' };
  else if (o.setImages.size > 0) return { error: '--set-image may only be used with --copy-to.' };
  else if (o.image === '') return { error: 'you must specify --image when not using --copy-to.' };
  if (o.image !== '' && !validImageReference(o.image))
    return { error: `invalid image name "${o.image}": invalid reference format` };
  if (names.length === 0 && strs(f, 'filename').length === 0)
    return { error: 'NAME or filename is required for debug' };
  if (!PULL.has(o.pullPolicy)) return { error: `invalid image pull policy: ${o.pullPolicy}` };
  for (const [name, image] of o.setImages)
    if (!validImageReference(image))
      return { error: `invalid image name "${image}" for container "${name}": invalid reference format` };
  if (o.target !== '') {
    if (o.copyTo !== '')
      return { error: '--target is incompatible with --copy-to. Use --share-processes instead.' };
    if (!o.quiet)
      ctx.proc.out(
        `Targeting container "${o.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`,
      );
  }
  if (o.tty && !o.interactive) return { error: '-i/--stdin is required for containers with -t/--tty=true' };
  if (o.profile === 'legacy')
    ctx.proc.err(
      '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n',
    );
  return o;
}

/** containerNameToRef's names: containers, init containers, ephemeral containers. */
export function containerNames(pod: Any): Set<string> {
  const s = pod?.spec ?? {};
  return new Set(
    [...(s.containers ?? []), ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])].map(
      (c: Any) => c?.name,
    ),
  );
}

/** computeDebugContainerName: -c, else `debugger-` and 5 random characters not taken. */
export function debugContainerName(o: DebugOptions, pod: K8sObject, ctx: KubectlContext): string {
  if (o.container !== '') return o.container;
  const taken = containerNames(pod);
  let cn = '';
  while (cn === '' || taken.has(cn)) cn = `debugger-${o.suffix()}`;
  if (!o.quiet) ctx.proc.out(`Defaulting debug container name to ${cn}.\n`);
  return cn;
}

/** generateDebugContainer's EphemeralContainer, as json.Marshal writes it (omitempty fields left out). */
function ephemeralContainer(o: DebugOptions, name: string): Record<string, unknown> {
  const ec: Record<string, unknown> = { name };
  if (o.env.length > 0) ec.env = o.env;
  ec.image = o.image;
  if (o.pullPolicy !== '') ec.imagePullPolicy = o.pullPolicy;
  if (o.interactive) ec.stdin = true;
  ec.terminationMessagePolicy = 'File';
  if (o.tty) ec.tty = true;
  ec.resources = {};
  if (o.args.length > 0) ec[o.argsOnly ? 'args' : 'command'] = [...o.args];
  if (o.target !== '') ec.targetContainerName = o.target;
  // The legacy profile changes nothing here; general adds SYS_PTRACE (allowProcessTracing), and
  // the others their security contexts.
  const sc = profileSecurityContext(o.profile);
  if (sc) ec.securityContext = sc;
  return ec;
}

/** The securityContext each profile gives a debug container (profiles.go), ephemeral or copied. */
export function profileSecurityContext(profile: string): Record<string, unknown> | undefined {
  switch (profile) {
    case 'general':
      return { capabilities: { add: ['SYS_PTRACE'] } };
    case 'restricted':
      return {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      };
    case 'netadmin':
      return { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } };
    case 'sysadmin':
      return { privileged: true };
    default:
      return undefined;
  }
}

/**
 * displayWarning: the profile gave the debug container capabilities or privileges, but the Pod runs
 * as a non-root user that the container does not override to root.
 */
export function displayWarning(c: Any, pod: Any, ctx: KubectlContext): void {
  const podUser = pod?.spec?.securityContext?.runAsUser;
  const sc = c?.securityContext;
  if (podUser == null || podUser === 0 || !sc || sc.runAsUser === 0) return;
  if (sc.privileged !== true && !(sc.capabilities?.add?.length > 0)) return;
  ctx.proc.err(
    'Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n',
  );
}

/** debugByEphemeralContainer: the patch to pods/NAME/ephemeralcontainers; the container's name. */
function debugByEphemeralContainer(o: DebugOptions, pod: K8sObject, ctx: KubectlContext): string | undefined {
  const name = debugContainerName(o, pod, ctx);
  const original = structuredClone(pod) as Any;
  const modified = structuredClone(pod) as Any;
  const ec = ephemeralContainer(o, name);
  modified.spec.ephemeralContainers = [...(modified.spec.ephemeralContainers ?? []), ec];
  displayWarning(ec, pod, ctx);
  const patch = goJsonMarshal(twoWayPatch(original, modified, 'Pod'));
  const r = ctx.cluster.patch('Pod', pod.metadata.namespace, pod.metadata.name, 'strategic', patch, {
    subresource: 'ephemeralcontainers',
  });
  if (!r.ok) {
    ctx.proc.err(`${formatError(r.error)}\n`);
    return undefined;
  }
  return name;
}

/** The builder's object for one argument: `NAME` (a Pod) or `TYPE/NAME`. */
function lookup(ctx: KubectlContext, arg: string): { obj: K8sObject } | { error: string } {
  const slash = arg.indexOf('/');
  const typeName = slash < 0 ? 'pods' : arg.slice(0, slash);
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const t = resolveResourceType(typeName);
  if (!t) return { error: doesNotHaveType(typeName) };
  const ns = t.namespaced ? ctx.namespace : undefined;
  const obj = t.simulated ? ctx.cluster.get(t.simulated, ns, name) : undefined;
  if (!obj) return { error: notFoundMessage(t, name) };
  if (t.kind !== 'Pod' && t.kind !== 'Node') {
    const gv = t.group ? `${t.group}/${t.version}` : t.version;
    return { error: `error: "${gv}, Kind=${t.kind}" not supported by debug` };
  }
  return { obj };
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const o = complete(args, ctx);
  if ('error' in o) {
    ctx.proc.err(`error: ${o.error}\n`);
    return 1;
  }
  // -f and --custom read files (a Pod to debug, a partial container spec): not modelled here.
  const unsupported =
    strs(args.flags, 'filename').length > 0 ? '-f' : str(args.flags, 'custom') ? '--custom' : '';
  if (unsupported !== '') {
    ctx.proc.err(`error: "kubectl debug ${unsupported}" is not available in this playground\n`);
    return 1;
  }
  for (const arg of args.positional) {
    const found = lookup(ctx, arg);
    if ('error' in found) {
      ctx.proc.err(`${found.error}\n`);
      return 1;
    }
    let made: { pod: Pod; container: string } | undefined;
    if (found.obj.kind === 'Node') made = debugNode(o, found.obj, ctx);
    else if (o.copyTo !== '') made = debugByCopy(o, found.obj as Pod, ctx);
    else {
      const container = debugByEphemeralContainer(o, found.obj, ctx);
      if (container !== undefined) made = { pod: found.obj as Pod, container };
    }
    if (!made) return 1;
    if (o.attach && made.container !== '') return attachDebugContainer(o, made.pod, made.container, ctx);
  }
  return 0;
}

export const debugVerb: KubectlVerb = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  help: DEBUG_HELP,
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'arguments-only', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'copy-to', type: 'string' },
    { name: 'replace', type: 'bool' },
    { name: 'env', type: 'stringArray' },
    { name: 'image', type: 'string' },
    { name: 'keep-labels', type: 'bool' },
    { name: 'keep-annotations', type: 'bool' },
    { name: 'keep-liveness', type: 'bool' },
    { name: 'keep-readiness', type: 'bool' },
    { name: 'keep-startup', type: 'bool' },
    { name: 'keep-init-containers', type: 'bool' },
    { name: 'set-image', type: 'stringArray' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'same-node', type: 'bool' },
    { name: 'share-processes', type: 'bool' },
    { name: 'target', type: 'string' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'profile', type: 'string' },
    { name: 'custom', type: 'string' },
  ],
  run,
};
