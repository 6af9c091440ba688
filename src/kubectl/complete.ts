// Tab completion for the terminal: command names, kubectl verbs and flags, resource types,
// object names from the cluster (also in TYPE/NAME form), namespaces after -n, and file paths.
import type { KindName } from '../sim/api/types';
import type { Cluster } from '../sim/contract';
import { ALLOWED as GET_OUTPUT_FORMATS } from './printers/output';
import { resolveResourceType } from './resources';
import type { Completion } from './session';
import { apiResourcesFor } from './verbs/api-resources-data';
import { CONFIG_FLAGS } from './verbs/config';
import { CONFIG_SUBCOMMANDS } from './verbs/config-help';
import { contextNamespace, type Kubeconfig } from './verbs/config-model';
import { allVerbs, findVerb } from './verbs/registry';
import { resolvePath, type Vfs } from './vfs';

interface CompletionSource {
  readonly cluster: Cluster;
  readonly fs: Vfs;
  cwd(): string;
  commandNames(): string[];
  /** The terminal's kubeconfig: its context names, and the namespace names are completed in. */
  readonly kubeconfig?: Kubeconfig;
}

/** `config` subcommands whose argument is a context name (kubectl's ContextCompletionFunc). */
const CONTEXT_ARG = new Set(['use-context', 'use', 'set-context', 'get-contexts', 'delete-context']);

/** `kubectl config …`: the subcommand, then context names; flags of the subcommand. */
function configCandidates(src: CompletionSource, rest: string[], word: string): string[] {
  const sub = rest[0];
  if (sub === undefined) return CONFIG_SUBCOMMANDS.map(([n]) => n);
  if (word.startsWith('-'))
    return [...(CONFIG_FLAGS[sub === 'use' ? 'use-context' : sub] ?? []), { name: 'help' }].map(
      (f) => `--${f.name}`,
    );
  if (CONTEXT_ARG.has(sub) && rest.length === 1) return [...(src.kubeconfig?.contexts.keys() ?? [])];
  return [];
}

/**
 * Commands kubectl gives no ValidArgsFunction (wait.go, events.go, set_env.go, set_selector.go
 * v0.34.9): cobra answers ShellCompDirectiveDefault and the shell completes file names.
 */
function withoutCompletion(verb: string, sub: string | undefined): boolean {
  return verb === 'wait' || verb === 'events' || (verb === 'set' && (sub === 'env' || sub === 'selector'));
}

/** Verbs completed by kubectl's ResourceTypeAndNameCompletionFunc (cmd.go sets it for get and debug). */
const RESOURCE_LIST_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch']);

/**
 * compGetResourceList (kubectl pkg/util/completion, v0.34.9): what `kubectl api-resources -o name
 * --cached --verbs=get` prints, `<name>[.<group>]`. No short names (`po`, `svc`, `deploy`) and no
 * `all`: `kubectl get dep<Tab>` gives `deployments.apps`.
 */
function resourceList(cluster: Cluster): string[] {
  return apiResourcesFor(cluster.profile)
    .filter((x) => x.verbs.includes('get'))
    .map((x) => (x.group ? `${x.name}.${x.group}` : x.name));
}

/** The validArgs kubectl's scale, rollout and set image pass to SpecifiedResourceTypeAndName…Func. */
function specifiedTypes(verb: string, sub: string | undefined): string[] | undefined {
  if (verb === 'scale') return ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
  if (verb === 'rollout')
    return sub === 'pause' || sub === 'resume' ? ['deployment'] : ['deployment', 'daemonset', 'statefulset'];
  if (verb === 'set' && sub === 'image')
    return [
      'daemonsets',
      'deployments',
      'pods',
      'cronjobs',
      'replicasets',
      'replicationcontrollers',
      'statefulsets',
    ];
  return undefined;
}

/** doPodResourceCompletion's resourcesWithPods: offered as `<type>/` after the Pod names. */
const RESOURCES_WITH_PODS = [
  'daemonsets',
  'deployments',
  'pods',
  'jobs',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
];

const OBJECT_VERBS = new Set([
  'get',
  'edit',
  'describe',
  'delete',
  'wait',
  'scale',
  'rollout',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'events',
  'label',
  'annotate',
  'patch',
  'set',
]);

/**
 * kubectl cp's ValidArgsFunction [kubectl pkg/cmd/cp/cp.go NewCmdCp], first argument only: a
 * path-looking word (`/`, `.`, `~`) or one with `:` gets nothing of cp's own; `NS/` completes
 * `NS/POD:`; otherwise namespaces with `/` and Pods with `:`, then the matching local files when
 * there are both candidates and a prefix, or `./` and `/` for an empty word. Where cp offers
 * nothing (and for later arguments) the shell completes file names.
 */
function cpCandidates(src: CompletionSource, typedArgs: number, word: string, namespace: string): string[] {
  if (typedArgs > 0 || /^[/.~]/.test(word) || word.includes(':')) return paths(src, word);
  const slash = word.indexOf('/');
  const comps =
    slash > 0
      ? objectNames(src.cluster, 'Pod', word.slice(0, slash)).map((n) => `${word.slice(0, slash)}/${n}:`)
      : [
          ...objectNames(src.cluster, 'Namespace', namespace).map((n) => `${n}/`),
          ...objectNames(src.cluster, 'Pod', namespace).map((n) => `${n}:`),
        ];
  const matching = comps.filter((c) => c.startsWith(word));
  // No candidates of cp's own: the shell completes file names itself.
  if (matching.length === 0) return paths(src, word);
  if (word.length > 0 && slash < 0) matching.push(...paths(src, word));
  else if (word.length === 0) matching.push('./', '/');
  return matching;
}

/**
 * cordon/uncordon/drain: a node name as the first argument (ResourceNameCompletionFunc "node");
 * taint: the type `node`, then a node name (SpecifiedResourceTypeAndNameCompletionFunc).
 */
function nodeArgCandidates(cluster: Cluster, verb: string, typed: string[]): string[] {
  if (verb !== 'taint') return typed.length === 0 ? objectNames(cluster, 'Node', '') : [];
  if (typed.length === 0) return ['node'];
  return typed.length === 1 ? objectNames(cluster, 'Node', '') : [];
}

/** Verbs whose first word is a subcommand; the object arguments follow it. */
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'selector'],
};

export function commonPrefix(xs: string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0] as string;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function paths(src: CompletionSource, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dir = resolvePath(src.cwd(), dirPart === '' ? '.' : dirPart);
  if (!src.fs.isDir(dir)) return [];
  return src.fs
    .list(dir)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => `${dirPart}${n}${src.fs.isDir(`${dir}/${n}`) ? '/' : ''}`);
}

function objectNames(cluster: Cluster, kind: KindName | undefined, namespace: string): string[] {
  if (!kind) return [];
  const namespaced = kind !== 'Node' && kind !== 'Namespace';
  return cluster.list(kind, namespaced ? { namespace } : {}).map((o) => o.metadata.name);
}

/**
 * The word being completed (from `start` to the cursor) and the words before it in the current
 * simple command: after the last | ; & ( and not inside quotes (good enough here).
 */
export function currentWord(line: string, cursor: number): { word: string; start: number; words: string[] } {
  const before = line.slice(0, cursor);
  const sub = before.lastIndexOf('$(');
  const cmdStart = Math.max(
    before.lastIndexOf('|'),
    before.lastIndexOf(';'),
    before.lastIndexOf('&'),
    sub >= 0 ? sub + 1 : -1,
  );
  const cmdText = before.slice(cmdStart + 1);
  const m = /(\S*)$/.exec(cmdText);
  const word = m?.[1] ?? '';
  const start = cursor - word.length;
  const words = cmdText
    .slice(0, cmdText.length - word.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return { word, start, words };
}

export function completeLine(src: CompletionSource, line: string, cursor: number): Completion {
  const { word, start, words } = currentWord(line, cursor);
  let candidates: string[] = [];

  if (words.length === 0) {
    candidates = src.commandNames().filter((c) => c.startsWith(word) && !c.includes('/'));
  } else if (words[0] === 'kubectl') {
    const args = words.slice(1);
    const prev = args[args.length - 1];
    let namespace = contextNamespace(src.kubeconfig) ?? 'default';
    const nsIdx = args.findIndex((a) => a === '-n' || a === '--namespace');
    if (nsIdx >= 0 && args[nsIdx + 1]) namespace = args[nsIdx + 1] as string;
    const positional = args.filter(
      (a, i) =>
        !a.startsWith('-') &&
        !['-n', '--namespace', '-f', '--filename', '-l', '-o', '-c'].includes(args[i - 1] ?? ''),
    );
    const verbName = positional[0];
    if ((prev === '-o' || prev === '--output') && verbName === 'get') {
      // get_flags.go registers a completion for --output: PrintFlags.AllowedFormats
      candidates = GET_OUTPUT_FORMATS.split(',');
    } else if (prev === '-n' || prev === '--namespace') {
      candidates = objectNames(src.cluster, 'Namespace', namespace);
    } else if (prev === '-f' || prev === '--filename') {
      candidates = paths(src, word);
    } else if (verbName === 'config') {
      candidates = configCandidates(src, positional.slice(1), word);
    } else if (word.startsWith('-')) {
      const verb = verbName ? findVerb(verbName) : undefined;
      const flags = [...(verb?.flags ?? []), { name: 'namespace' }, { name: 'help' }];
      candidates = flags.map((f) => `--${f.name}`).filter((f) => f.startsWith(word));
    } else if (!verbName) {
      candidates = allVerbs()
        .map((v) => v.name)
        .filter((n) => n.startsWith(word));
    } else if (verbName === 'cp') {
      candidates = cpCandidates(src, positional.length - 1, word, namespace);
    } else if (['cordon', 'uncordon', 'drain', 'taint'].includes(verbName)) {
      candidates = nodeArgCandidates(src.cluster, verbName, positional.slice(1));
    } else if (OBJECT_VERBS.has(verbName)) {
      const rest = positional.slice(1);
      const subs = SUBCOMMANDS[verbName];
      if (subs && rest.length === 0) {
        candidates = subs.filter((s) => s.startsWith(word));
      } else if (withoutCompletion(verbName, rest[0])) {
        candidates = paths(src, word);
      } else {
        const typed = subs ? rest.slice(1) : rest;
        const slash = word.indexOf('/');
        if (slash > 0) {
          const t = resolveResourceType(word.slice(0, slash));
          const prefix = word.slice(0, slash + 1);
          candidates = objectNames(src.cluster, t?.simulated, namespace)
            .map((n) => `${prefix}${n}`)
            .filter((n) => n.startsWith(word));
        } else if (typed.length === 0 && !['attach', 'exec', 'port-forward', 'logs'].includes(verbName)) {
          const types =
            specifiedTypes(verbName, rest[0]) ??
            (RESOURCE_LIST_VERBS.has(verbName) ? resourceList(src.cluster) : []);
          candidates = types.filter((t) => t.startsWith(word));
        } else if (typed.length === 0) {
          candidates = objectNames(src.cluster, 'Pod', namespace).filter((n) => n.startsWith(word));
          candidates.push(...RESOURCES_WITH_PODS.map((t) => `${t}/`).filter((t) => t.startsWith(word)));
        } else {
          const t = resolveResourceType(typed[0] as string);
          candidates = objectNames(src.cluster, t?.simulated, namespace).filter((n) => n.startsWith(word));
        }
      }
    } else {
      candidates = paths(src, word);
    }
  } else {
    candidates = paths(src, word);
  }
  candidates = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  return { start, end: cursor, candidates, common: commonPrefix(candidates) };
}
