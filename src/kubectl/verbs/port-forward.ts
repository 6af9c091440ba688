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

/** 64 hex characters derived from the Pod's uid: stands in for the containerd sandbox id. */
function sandboxId(uid: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 96; round++) {
    for (const ch of `${uid}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** klog's header for an error line: `E1206 09:37:12.462498   21400 portforward.go:424]`. */
export function klogPrefix(nowMs: number, pid: number): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `E${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:` +
    `${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')} ${String(pid).padStart(7, ' ')} portforward.go:424]`
  );
}

/**
 * The error client-go's port-forwarder hands to runtime.HandleError when containerd cannot dial
 * the port inside the Pod's network namespace (containerd sandbox_portforward_linux.go), quoted
 * the way klog's structured `err=` value prints it.
 */
export function forwardDialError(local: number, remote: number, uid: string): string {
  const id = sandboxId(uid);
  const hex = id.slice(64);
  const netns = `cni-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  const sandbox = id.slice(0, 64);
  return (
    `an error occurred forwarding ${local} -> ${remote}: error forwarding port ${remote} to pod ${sandbox}, uid : ` +
    `failed to execute portforward in network namespace \\"/var/run/netns/${netns}\\": failed to connect to localhost:${remote} ` +
    `inside namespace \\"${sandbox}\\", IPv4: dial tcp4 127.0.0.1:${remote}: connect: connection refused ` +
    `IPv6 dial tcp6 [::1]:${remote}: connect: connection refused `
  );
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
      onConnectionFailed: () => {
        if (handle.done) return;
        handle.err(
          `${klogPrefix(cluster.now(), handle.pid ?? 1)} "Unhandled Error" err="${forwardDialError(m.local, m.remote, uid)}"\n`,
        );
        handle.err('error: lost connection to pod\n');
        handle.finish(1);
      },
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
