// kubectl cluster-info [KUBECTL cmd/clusterinfo]: the API server URL from the kubeconfig, then
// every kube-system Service labelled kubernetes.io/cluster-service=true (CoreDNS on kubeadm
// clusters, also Metrics-server on k3s). Printed without colour codes, as when not on a TTY.
import type { Service } from '../../sim/api/types';
import { apiServerUrl } from './config-model';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug
and diagnose cluster problems, use 'kubectl cluster-info dump'.

Examples:
  # Print the address of the control plane and cluster services
  kubectl cluster-info

Usage:
  kubectl cluster-info [flags] [options]

Use "kubectl cluster-info <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** The server of the current context's cluster (the profile's default kubeconfig without a terminal). */
function serverUrl(ctx: KubectlContext): string {
  const cfg = ctx.host?.kubeconfig;
  const cluster = cfg ? cfg.clusters.get(cfg.contexts.get(cfg.currentContext)?.cluster ?? '') : undefined;
  return cluster?.server ?? apiServerUrl(ctx.cluster.profile, ctx.cluster.seed);
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  if (args.positional[0] === 'dump') {
    proc.err('error: "kubectl cluster-info dump" is not available in this playground\n');
    return 1;
  }
  if (args.positional.length) {
    proc.err(`error: unknown command "${args.positional[0]}" for "kubectl cluster-info"\n`);
    return 1;
  }
  const url = serverUrl(ctx);
  proc.out(`Kubernetes control plane is running at ${url}\n`);
  const services = cluster.list('Service', { namespace: 'kube-system' }) as Service[];
  for (const s of services) {
    const labels = s.metadata.labels ?? {};
    if (labels['kubernetes.io/cluster-service'] !== 'true' && s.metadata.name !== 'kube-dns') continue;
    const name =
      labels['kubernetes.io/name'] ?? (s.metadata.name === 'kube-dns' ? 'CoreDNS' : s.metadata.name);
    const port = s.spec.ports?.[0];
    const portPart = port?.name ? `${s.metadata.name}:${port.name}` : s.metadata.name;
    proc.out(`${name} is running at ${url}/api/v1/namespaces/kube-system/services/${portPart}/proxy\n`);
  }
  proc.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

export const clusterInfoVerb: KubectlVerb = {
  name: 'cluster-info',
  short: 'Display cluster information',
  help: HELP,
  flags: [],
  run,
};
