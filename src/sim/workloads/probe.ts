// One run of a container's probe, as the kubelet's prober does it [K8S 1.34 pkg/probe/http
// (DoHTTPProbe), pkg/probe/tcp (DoTCPProbe), pkg/probe/exec, pkg/kubelet/prober/prober.go
// runProbe]: httpGet asks the app listening on the Pod's port (User-Agent kube-probe/1.34), a
// status in [200, 400) passes; tcpSocket passes when something listens; exec runs the command
// through the same in-Pod command table as `kubectl exec` and passes on exit code 0, its combined
// output being the failure's message. The outputs are the Go error texts the prober puts into
// the Unhealthy Event (`HTTP probe failed with statuscode: 404`, `dial tcp IP:PORT: connect:
// connection refused`). Bound late (src/sim/late): only a Pod the student writes has probes.
import type { Container, Node, Pod, PortRef, Probe } from '../api/types';
import type { Cluster, ObjectKey } from '../contract';
import { podListens } from '../net/listeners';
import { podCommands } from './commands';
import { httpRequest } from './http/client';
import { listeningContainer, serveHttp } from './http/server';
import { runInContainer } from './oneshot';

export interface ProbeOutcome {
  ok: boolean;
  /** The prober's output: the failure's text (empty on success). */
  output: string;
}

const PASS: ProbeOutcome = Object.freeze({ ok: true, output: '' });

/** The port number a probe names (a number, or the name of one of the container's ports). */
function resolvePort(ref: PortRef, c: Container): number | string {
  if (typeof ref === 'number') return ref;
  if (/^\d+$/.test(ref)) return Number(ref);
  for (const p of c.ports ?? []) if (p.name === ref) return p.containerPort;
  // prober.go ResolveContainerPort's error.
  return `couldn't find port: ${ref} in ${JSON.stringify(c.ports ?? [])}`;
}

const refused = (ip: string, port: number) => `dial tcp ${ip}:${port}: connect: connection refused`;

export function runProbe(
  cluster: Cluster,
  pod: Pod,
  container: Container,
  probe: Probe,
  now: number,
): ProbeOutcome {
  const ip = pod.status?.podIP ?? '';
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = resolvePort(g.port, container);
    if (typeof port === 'string') return { ok: false, output: port };
    const host = g.host || ip;
    let path = g.path ?? '/';
    if (!path.startsWith('/')) path = `/${path}`;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port}${path}`;
    // Go's *url.Error: `Get "URL": cause`.
    const fail = (cause: string): ProbeOutcome => ({ ok: false, output: `Get "${url}": ${cause}` });
    if (!listeningContainer(pod, port)) return fail(refused(host, port));
    const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.34', Accept: '*/*' };
    for (const h of g.httpHeaders ?? []) headers[h.name] = h.value;
    const served = serveHttp(
      cluster,
      pod,
      port,
      {
        method: 'GET',
        path,
        host: `${host}:${port}`,
        headers,
        clientIP: probeSourceIP(cluster, pod),
      },
      httpRequest,
    );
    if (served.durationMs > timeoutMs)
      return fail('context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
    const res = served.response;
    if (!res) return fail('EOF');
    if (res.status >= 200 && res.status < 400) return PASS;
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    if (typeof port === 'string') return { ok: false, output: port };
    const host = probe.tcpSocket.host || ip;
    if (podListens({ ...pod, spec: { ...pod.spec, containers: [container] } }, port, 'TCP')) return PASS;
    return { ok: false, output: refused(host, port) };
  }
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const key: ObjectKey = `Pod/${pod.metadata.namespace}/${pod.metadata.name}`;
    const table = podCommands(cluster, key, {}, container.name);
    const cmd = argv[0] ?? '';
    if (!Object.hasOwn(table, cmd)) {
      // The runtime's exec error, which the exec prober reports as the probe's output.
      const what = cmd.includes('/')
        ? `stat ${cmd}: no such file or directory`
        : `exec: "${cmd}": executable file not found in $PATH`;
      return {
        ok: false,
        output: `OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown`,
      };
    }
    const r = runInContainer(cluster, key, container.name, argv, now);
    // A command still running at timeoutSeconds fails the probe with what it wrote so far
    // (ExecProbeTimeout, GA since 1.20).
    if (r.durationMs > timeoutMs) return { ok: false, output: r.output };
    return r.exitCode === 0 ? PASS : { ok: false, output: r.output };
  }
  if (probe.grpc) {
    // gRPC health checking needs a server implementing grpc.health.v1; none of the modelled
    // images does, so the connection is refused or the service unimplemented.
    const port = probe.grpc.port;
    if (!listeningContainer(pod, port))
      return {
        ok: false,
        output: `timeout: failed to connect service "${ip}:${port}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded`,
      };
    return {
      ok: false,
      output:
        'this server does not implement the grpc health protocol (grpc.health.v1.Health): rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health',
    };
  }
  return { ok: false, output: 'missing probe handler' };
}

/**
 * The kubelet connects from the node's side of the Pod network: the first address of the node's
 * podCIDR (the cni0 bridge of Docker Desktop and k3s/flannel, kindnet's veth gateway), which is
 * what the app sees (nginx logs `10.1.0.1 … "kube-probe/1.34"`).
 */
function probeSourceIP(cluster: Cluster, pod: Pod): string {
  const node = pod.spec.nodeName
    ? (cluster.get('Node', undefined, pod.spec.nodeName) as Node | undefined)
    : undefined;
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\//.exec(node?.spec?.podCIDR ?? '');
  if (!m) return pod.status?.hostIP ?? '';
  return `${m[1]}.${m[2]}.${m[3]}.${Number(m[4]) + 1}`;
}
