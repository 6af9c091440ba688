// kubectl config SUBCOMMAND [KUBECTL pkg/cmd/config/*.go v0.34.9] against the terminal's
// kubeconfig (./config-model): current-context, get-contexts, get-clusters, get-users,
// use-context (alias use), set-context, delete-context and view. The other subcommands are listed
// and answer that they are not available here. Messages and errors as the Go sources print them
// through cmdutil.CheckErr (`error: ` prefix; an aggregate of several errors one per line, bare).
// The verb parses its own arguments (rawArgs): set-context's --namespace is its own flag, which
// shadows the global one (and has no -n shorthand).
import { type FlagDef, type FlagValue, parseFlags } from '../flags';
import { goQuote } from '../printers/gofmt';
import { TABLE_TABWRITER, tabwrite } from '../printers/tabwriter';
import { CONFIG_HELP, CONFIG_SUBCOMMANDS, SUB_HELP } from './config-help';
import { defaultKubeconfig, type Kubeconfig } from './config-model';
import { runView, VIEW_FLAGS } from './config-view';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const GLOBAL_NS: FlagDef = { name: 'namespace', short: 'n', type: 'string' };

const SUB_FLAGS: Record<string, FlagDef[]> = {
  'current-context': [],
  'get-contexts': [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  'get-clusters': [],
  'get-users': [],
  'use-context': [],
  'delete-context': [],
  'set-context': [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', type: 'string' },
  ],
  view: VIEW_FLAGS,
};

/** Flags whose value may follow as the next word (cobra skips it when it looks for the subcommand). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '--cluster', '--user']);

/** The kubeconfig file kubectl reads and writes (clientcmd.RecommendedHomeFile for $HOME). */
export const KUBECONFIG_PATH = '/home/student/.kube/config';

function splitSubcommand(args: readonly string[]): { sub: string | undefined; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    return { sub: a === 'use' ? 'use-context' : a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { sub: undefined, rest: [...args] };
}

/** The terminal's kubeconfig, or the profile's default when kubectl runs without a terminal. */
function kubeconfigOf(ctx: KubectlContext): Kubeconfig {
  return ctx.host?.kubeconfig ?? defaultKubeconfig(ctx.cluster.profile, ctx.cluster.seed);
}

/** Go's %v of a []string: `[a b]`. */
function goList(xs: readonly string[]): string {
  return `[${xs.join(' ')}]`;
}

function sorted(xs: Iterable<string>): string[] {
  return [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function fail(ctx: KubectlContext, message: string): number {
  ctx.proc.err(`error: ${message}\n`);
  return 1;
}

function currentContext(ctx: KubectlContext, cfg: Kubeconfig): number {
  if (cfg.currentContext === '') return fail(ctx, 'current-context is not set');
  ctx.proc.out(`${cfg.currentContext}\n`);
  return 0;
}

function getContexts(
  ctx: KubectlContext,
  cfg: Kubeconfig,
  flags: Record<string, FlagValue>,
  names: string[],
): number {
  const output = typeof flags.output === 'string' ? flags.output : '';
  if (output !== '' && output !== 'name')
    return fail(
      ctx,
      `--output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
    );
  const nameOnly = output === 'name';
  const showHeaders = !(flags['no-headers'] === true || nameOnly);
  const errs: string[] = [];
  const toPrint: string[] = [];
  if (names.length === 0) toPrint.push(...cfg.contexts.keys());
  for (const n of names) {
    if (cfg.contexts.has(n)) toPrint.push(n);
    else errs.push(`context ${n} not found`);
  }
  let text = showHeaders ? 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n' : '';
  for (const n of sorted(toPrint)) {
    const c = cfg.contexts.get(n);
    if (!c) continue;
    text += nameOnly
      ? `${n}\n`
      : `${cfg.currentContext === n ? '*' : ' '}\t${n}\t${c.cluster}\t${c.user}\t${c.namespace}\n`;
  }
  ctx.proc.out(tabwrite(text, TABLE_TABWRITER));
  if (errs.length === 1) return fail(ctx, errs[0] as string);
  if (errs.length > 1) {
    ctx.proc.err(errs.map((e) => `${e}\n`).join(''));
    return 1;
  }
  return 0;
}

function listNames(ctx: KubectlContext, names: Iterable<string>, sort: boolean): number {
  // get_clusters.go ranges over the Go map (random order); get_users.go sorts. One cluster here.
  const list = sort ? sorted(names) : [...names];
  ctx.proc.out(`NAME\n${list.map((n) => `${n}\n`).join('')}`);
  return 0;
}

function switchContext(ctx: KubectlContext, cfg: Kubeconfig, args: string[]): number {
  if (args.length !== 1) {
    // helpErrorf: the help on stdout, then the error.
    ctx.proc.out(SUB_HELP['use-context'] as string);
    return fail(ctx, `Unexpected args: ${goList(args)}`);
  }
  const name = args[0] as string;
  if (name === '') return fail(ctx, 'empty context names are not allowed');
  if (!cfg.contexts.has(name)) return fail(ctx, `no context exists with the name: ${goQuote(name)}`);
  cfg.currentContext = name;
  ctx.proc.out(`Switched to context ${goQuote(name)}.\n`);
  return 0;
}

function setContext(
  ctx: KubectlContext,
  cfg: Kubeconfig,
  flags: Record<string, FlagValue>,
  args: string[],
): number {
  if (args.length > 1) {
    ctx.proc.out(SUB_HELP['set-context'] as string);
    return fail(ctx, `Unexpected args: ${goList(args)}`);
  }
  const current = flags.current === true;
  let name = args[0] ?? '';
  if (name === '' && !current) return fail(ctx, 'you must specify a non-empty context name or --current');
  if (name !== '' && current) return fail(ctx, 'you cannot specify both a context name and --current');
  if (current) {
    if (cfg.currentContext === '') return fail(ctx, 'no current context is set');
    name = cfg.currentContext;
  }
  const existing = cfg.contexts.get(name);
  const next = existing ? { ...existing } : { cluster: '', user: '', namespace: '' };
  // cliflag.StringFlag: only the flags given change the entry (an empty value clears it).
  if (typeof flags.cluster === 'string') next.cluster = flags.cluster;
  if (typeof flags.user === 'string') next.user = flags.user;
  if (typeof flags.namespace === 'string') next.namespace = flags.namespace;
  cfg.contexts.set(name, next);
  ctx.proc.out(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}

function deleteContext(ctx: KubectlContext, cfg: Kubeconfig, args: string[]): number {
  if (args.length !== 1) {
    // runDeleteContext: cmd.Help() and no error.
    ctx.proc.out(SUB_HELP['delete-context'] as string);
    return 0;
  }
  const name = args[0] as string;
  if (!cfg.contexts.has(name)) return fail(ctx, `cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
  if (cfg.currentContext === name)
    ctx.proc.err(
      'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    );
  cfg.contexts.delete(name);
  ctx.proc.out(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
  return 0;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { sub, rest } = splitSubcommand(args.positional);
  if (sub === undefined) {
    // cmdutil.DefaultSubCommandRun: the help on stderr, exit code 1.
    ctx.proc.err(CONFIG_HELP);
    return 1;
  }
  const own = SUB_FLAGS[sub];
  if (!own) {
    if (CONFIG_SUBCOMMANDS.some(([n]) => n === sub))
      return fail(
        ctx,
        `"kubectl config ${sub}" is not available in this playground; run 'help' to see what is.`,
      );
    // `config` itself runs (DefaultSubCommandRun): its flags are parsed first, then
    // RequireNoArguments names every remaining word.
    const top = parseFlags(rest, [GLOBAL_NS]);
    if (!top.ok) {
      ctx.proc.err(`error: ${top.message}\nSee 'kubectl config --help' for usage.\n`);
      return 1;
    }
    const words = [sub, ...top.positional, ...(top.dashArgs ?? [])].join(' ');
    ctx.proc.err(`error: unknown command ${goQuote(words)}\nSee 'kubectl config -h' for help and examples\n`);
    return 1;
  }
  // set-context's own --namespace hides the global flag (and its -n); elsewhere -n is accepted.
  const defs = sub === 'set-context' ? own : [...own, GLOBAL_NS];
  const parsed = parseFlags(rest, defs);
  if (!parsed.ok) {
    ctx.proc.err(`error: ${parsed.message}\nSee 'kubectl config ${sub} --help' for usage.\n`);
    return 1;
  }
  const positional = [...parsed.positional, ...(parsed.dashArgs ?? [])];
  const cfg = kubeconfigOf(ctx);
  switch (sub) {
    case 'current-context':
      return currentContext(ctx, cfg);
    case 'get-contexts':
      return getContexts(ctx, cfg, parsed.flags, positional);
    case 'get-clusters':
      return listNames(ctx, cfg.clusters.keys(), false);
    case 'get-users':
      return listNames(ctx, cfg.users.keys(), true);
    case 'use-context':
      return switchContext(ctx, cfg, positional);
    case 'set-context':
      return setContext(ctx, cfg, parsed.flags, positional);
    case 'delete-context':
      return deleteContext(ctx, cfg, positional);
    default:
      return runView(ctx, cfg, parsed.flags, positional);
  }
}

/** Each implemented subcommand's own flags (completion offers them). */
export const CONFIG_FLAGS: Readonly<Record<string, readonly FlagDef[]>> = SUB_FLAGS;

export const configVerb: KubectlVerb & { helpFor(words: readonly string[]): string } = {
  name: 'config',
  short: 'Modify kubeconfig files',
  help: CONFIG_HELP,
  helpFor(words) {
    const w = words[0] === 'use' ? 'use-context' : words[0];
    return (w !== undefined && SUB_HELP[w]) || CONFIG_HELP;
  },
  flags: [],
  rawArgs: true,
  run,
};
