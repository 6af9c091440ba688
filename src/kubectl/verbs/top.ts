// `kubectl top`: Docker Desktop ships no metrics-server, so kubectl answers exactly this.
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

function run(_args: ParsedArgs, ctx: KubectlContext): number {
  ctx.proc.err('error: Metrics API not available\n');
  return 1;
}

export const topVerb: KubectlVerb = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  help: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'containers', type: 'bool' },
  ],
  run,
};
