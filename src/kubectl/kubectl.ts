// `kubectl <verb> …`: global flags (-n/--namespace, -h/--help), verb lookup with cobra's
// "unknown command" text and suggestions, per-verb flag parsing with pflag's errors, then run.
import type { Cluster } from '../sim/contract';
import { type FlagDef, parseFlags } from './flags';
import type { CommandFn, ProcContext } from './shell/types';
import { configurationError, contextNamespace } from './verbs/config-model';
import {
  allVerbs,
  findVerb,
  type KubectlContext,
  type KubectlHost,
  type KubectlVerb,
} from './verbs/registry';

/** Every top-level command of kubectl 1.34 (for suggestions and "not available here"). */
export const KUBECTL_COMMANDS = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
  'options',
  'help',
];

const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

/** cobra's levenshtein (case-insensitive). */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cur = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[t.length] as number;
}

/** cobra SuggestionsFor: distance ≤ 2 or a prefix, in command order. */
export function suggestionsFor(typed: string): string[] {
  if (typed.length > 256) return [];
  return KUBECTL_COMMANDS.filter(
    (c) => c !== 'help' && (levenshtein(typed, c) <= 2 || c.startsWith(typed.toLowerCase())),
  );
}

export function rootHelp(): string {
  const groups: [string, string[]][] = [
    ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
    ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
    ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
    [
      'Cluster Management Commands',
      ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
    ],
    [
      'Troubleshooting and Debugging Commands',
      ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
    ],
    ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
    ['Settings Commands', ['label', 'annotate', 'completion']],
    ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
  ];
  let out =
    'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  for (const [title, names] of groups) {
    const rows = names.map((n) => [n, findVerb(n)?.short ?? '(not available in this playground)'] as const);
    out += `\n${title}:\n`;
    for (const [n, s] of rows) out += `  ${n.padEnd(15)} ${s}\n`;
  }
  out +=
    '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** Pull the global flags out of the arguments (they may appear before or after the verb). */
function extractGlobals(
  args: string[],
):
  | { ok: true; rest: string[]; namespace: string | undefined; help: boolean }
  | { ok: false; message: string } {
  const rest: string[] = [];
  let namespace: string | undefined;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '-h' || a === '--help') {
      help = true;
      continue;
    }
    if (a === '-n' || a === '--namespace') {
      const v = args[i + 1];
      if (v === undefined)
        return {
          ok: false,
          message: a === '-n' ? "flag needs an argument: 'n' in -n" : 'flag needs an argument: --namespace',
        };
      namespace = v;
      i++;
      continue;
    }
    if (a.startsWith('--namespace=')) {
      namespace = a.slice(12);
      continue;
    }
    if (/^-n.+/.test(a) && !a.startsWith('--')) {
      namespace = a.slice(2).replace(/^=/, '');
      continue;
    }
    rest.push(a);
  }
  return { ok: true, rest, namespace, help };
}

export function runKubectl(argv: string[], ctx: ProcContext, host: KubectlHost | undefined): number {
  const g = extractGlobals(argv.slice(1));
  if (!g.ok) {
    // pflag reports against the command being parsed: `See 'kubectl get --help' for usage.`
    const verb = argv.slice(1).find((a) => !a.startsWith('-') && findVerb(a));
    const raw = verb === undefined ? undefined : findVerb(verb);
    // A verb that parses its own flags reports them itself (`config set-context --namespace`).
    if (raw?.rawArgs) return runRaw(raw, verb as string, argv, ctx, host, undefined);
    ctx.err(
      `error: ${g.message}\nSee 'kubectl ${verb ? `${findVerb(verb)?.name} ` : ''}--help' for usage.\n`,
    );
    return 1;
  }
  const verbName = g.rest[0];
  if (verbName === undefined || verbName === 'help') {
    ctx.out(rootHelp());
    return 0;
  }
  if (verbName.startsWith('-')) {
    const parsed = parseFlags([verbName], GLOBAL_FLAGS);
    ctx.err(
      `error: ${parsed.ok ? `unknown flag: ${verbName}` : parsed.message}\nSee 'kubectl --help' for usage.\n`,
    );
    return 1;
  }
  const verb = findVerb(verbName);
  if (!verb) {
    if (KUBECTL_COMMANDS.includes(verbName)) {
      ctx.err(
        `error: "kubectl ${verbName}" is not available in this playground; run 'help' to see what is.\n`,
      );
      return 1;
    }
    const sugg = suggestionsFor(verbName);
    // cobra: the error text (with `\n\nDid you mean this?\n\t…\n` appended), a newline, then the hint.
    let msg = `error: unknown command "${verbName}" for "kubectl"`;
    if (sugg.length) msg += `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join('')}`;
    msg += "\nRun 'kubectl --help' for usage.\n";
    ctx.err(msg);
    return 1;
  }
  if (g.help) {
    // cobra finds the subcommand from the leading words (`create deployment --help`,
    // `rollout status --help`) and prints that command's help.
    const words: string[] = [];
    for (const w of g.rest.slice(1)) {
      if (w.startsWith('-')) break;
      words.push(w);
    }
    const help = hasSubcommandHelp(verb) ? verb.helpFor(words) : verb.help;
    ctx.out(help.endsWith('\n') ? help : `${help}\n`);
    return 0;
  }
  if (verb.rawArgs) return runRaw(verb, verbName, argv, ctx, host, g.namespace);
  const parsed = parseFlags(g.rest.slice(1), verb.flags);
  if (!parsed.ok) {
    ctx.err(`error: ${parsed.message}\nSee 'kubectl ${verb.name} --help' for usage.\n`);
    return 1;
  }
  // Every command that talks to the server first loads a usable client configuration
  // (`kubectl version --client` does not).
  const clientOnly = verb.name === 'version' && parsed.flags.client === true;
  const invalid = clientOnly ? undefined : configurationError(host?.kubeconfig);
  if (invalid !== undefined) {
    ctx.err(invalid);
    return 1;
  }
  return verb.run(
    { flags: parsed.flags, positional: parsed.positional, dashArgs: parsed.dashArgs },
    kubectlContext(ctx, host, g.namespace),
  );
}

/**
 * kubectl's namespace: -n/--namespace, else the kubeconfig's current context's, else `default`
 * (clientcmd DirectClientConfig.Namespace; only the flag counts as explicit).
 */
function kubectlContext(
  ctx: ProcContext,
  host: KubectlHost | undefined,
  flag: string | undefined,
): KubectlContext {
  const cluster: Cluster = ctx.cluster;
  return {
    cluster,
    namespace: flag ?? contextNamespace(host?.kubeconfig) ?? 'default',
    namespaceExplicit: flag !== undefined,
    proc: ctx,
    host,
  };
}

/** A verb that parses its own flags (global ones included) gets every word but the verb itself. */
function runRaw(
  verb: KubectlVerb,
  verbName: string,
  argv: string[],
  ctx: ProcContext,
  host: KubectlHost | undefined,
  namespace: string | undefined,
): number {
  const raw = argv.slice(1);
  const at = raw.findIndex((a, i) => a === verbName && raw[i - 1] !== '-n' && raw[i - 1] !== '--namespace');
  raw.splice(at, 1);
  return verb.run({ flags: {}, positional: raw, dashArgs: undefined }, kubectlContext(ctx, host, namespace));
}

/** A verb with subcommands of its own (`create deployment`): the help for its leading words. */
interface SubcommandHelp {
  helpFor(words: readonly string[]): string;
}

function hasSubcommandHelp(v: object): v is SubcommandHelp {
  return typeof (v as Partial<SubcommandHelp>).helpFor === 'function';
}

/** The `kubectl` entry of a command table. */
export function kubectlCommand(host: () => KubectlHost | undefined): CommandFn {
  return (argv, ctx) => runKubectl(argv, ctx, host());
}

export { allVerbs };
