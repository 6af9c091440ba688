// kubectl port-forward (reference §B11) [KUBECTL portforward.go; client-go portforward]:
// pick one Pod (for svc/ map the Service port to the Pod's targetPort), listen on localhost,
// print the two `Forwarding from` lines and block; each connection prints `Handling connection
// for N`. The forward is pinned to that Pod: when it goes, the forward breaks.
import type { Pod, Service } from '../../sim/api/types';
import { hostConnect } from '../../sim/workloads/http/client';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { podForObject } from './util';

const HELP = `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends
when the selected pod terminates, and a rerun of the command is needed to resume forwarding.

Examples:
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000
  
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the
  deployment
  kubectl port-forward deployment/mydeployment 5000 6000
  
  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected
  by the service
  kubectl port-forward service/myservice 8443:https
  
  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000
  
  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000

Options:
    --pod-running-timeout=1m0s:
	The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running

Usage:
  kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

interface Mapping {
  local: number;
  remote: number;
  /** The port as typed (`80`, `http`), for the error list `[{8080 80}]`. */
  remoteText: string;
}

/** First local port tried for `:REMOTE` (kubectl asks the OS for a free one; ours is deterministic). */
const EPHEMERAL_START = 40_511;

/** Resolve a remote port spec against the Pod (named container ports) or the Service. */
function remotePort(spec: string, pod: Pod, svc: Service | undefined): number | string {
  if (svc) {
    const sp = (svc.spec.ports ?? []).find((p) => String(p.port) === spec || p.name === spec);
    if (!sp) return `error: Service ${svc.metadata.name} does not have a service port ${spec}`;
    const tp = sp.targetPort ?? sp.port;
    if (typeof tp === 'number') return tp;
    const named = pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === tp);
    if (!named) return `error: Pod '${pod.metadata.name}' does not have a named port '${tp}'`;
    return named.containerPort;
  }
  if (/^\d+$/.test(spec)) return Number(spec);
  const named = pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === spec);
  if (!named) return `error: Pod '${pod.metadata.name}' does not have a named port '${spec}'`;
  return named.containerPort;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster, host } = ctx;
  const [target, ...specs] = args.positional;
  if (target === undefined || specs.length === 0) {
    proc.err(
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
    );
    return 1;
  }
  const found = podForObject(ctx, target);
  if (!found.ok) {
    proc.err(`${found.message}\n`);
    return 1;
  }
  const pod = found.pod;
  const mappings: Mapping[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 2 || parts.some((p, i) => p === '' && i === 1)) {
      proc.err(`error: invalid port format '${spec}'\n`);
      return 1;
    }
    const [a, b] = parts as [string, string | undefined];
    const localText = b === undefined ? a : a;
    const remoteText = b === undefined ? a : b;
    const r = remotePort(remoteText, pod, found.service);
    if (typeof r === 'string') {
      proc.err(`${r}\n`);
      return 1;
    }
    let local: number;
    if (b !== undefined && a === '') {
      local = EPHEMERAL_START;
      while (host?.forwards.get(local) || mappings.some((m) => m.local === local)) local++;
    } else if (/^\d+$/.test(localText)) local = Number(localText);
    else {
      proc.err(
        `error: Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax\n`,
      );
      return 1;
    }
    if (local > 65535 || r > 65535 || r < 1) {
      proc.err(
        `error: Error parsing local port '${local}': strconv.ParseUint: parsing "${local}": value out of range\n`,
      );
      return 1;
    }
    mappings.push({ local, remote: r, remoteText: String(r) });
  }
  if (pod.status?.phase !== 'Running') {
    proc.err(
      `error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}\n`,
    );
    return 1;
  }
  if (!host) {
    proc.err('error: port-forward needs the terminal: nothing can connect to it here\n');
    return 1;
  }
  // Listen: a port already taken (another forward, or Docker Desktop's LoadBalancer / NodePort
  // publishing on localhost) fails for both loopback addresses.
  const listening: Mapping[] = [];
  for (const m of mappings) {
    const busy =
      host.forwards.get(m.local) !== undefined ||
      hostConnect(cluster, m.local, 'localhost', []).kind === 'service';
    if (busy) {
      proc.err(
        `Unable to listen on port ${m.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${m.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${m.local}: bind: address already in use]\n`,
      );
      continue;
    }
    listening.push(m);
  }
  if (listening.length === 0) {
    proc.err(
      `error: unable to listen on any of the requested ports: [${mappings.map((m) => `{${m.local} ${m.remote}}`).join(' ')}]\n`,
    );
    return 1;
  }
  for (const m of listening) {
    proc.out(
      `Forwarding from 127.0.0.1:${m.local} -> ${m.remote}\nForwarding from [::1]:${m.local} -> ${m.remote}\n`,
    );
  }
  const namespace = pod.metadata.namespace ?? ctx.namespace;
  const podKey = `Pod/${namespace}/${pod.metadata.name}`;
  const uid = pod.metadata.uid;
  let unsubscribe: (() => void) | undefined;
  const handle = host.startJob({
    onSignal: (sig, h) => h.finish(sig === 'INT' ? 0 : 143),
    onEnd: () => {
      unsubscribe?.();
      for (const m of listening)
        if (host.forwards.get(m.local)?.podKey === podKey) host.forwards.remove(m.local);
    },
  });
  for (const m of listening) {
    host.forwards.add({
      localPort: m.local,
      podKey,
      podPort: m.remote,
      onConnection: () => handle.out(`Handling connection for ${m.local}\n`),
    });
  }
  unsubscribe = cluster.subscribe(() => {
    if (handle.done) return;
    const cur = cluster.get('Pod', namespace, pod.metadata.name) as Pod | undefined;
    const stopped =
      !cur ||
      cur.metadata.uid !== uid ||
      cur.status?.phase !== 'Running' ||
      (cur.metadata.deletionTimestamp !== undefined &&
        !cur.status?.containerStatuses?.some((c) => c.state?.running));
    if (stopped) {
      handle.err('error: lost connection to pod\n');
      handle.finish(1);
    }
  });
  return 0;
}

export const portForwardVerb: KubectlVerb = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  help: HELP,
  flags: [
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'address', type: 'stringArray' },
  ],
  run,
};
