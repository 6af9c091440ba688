// The HTTP client side: resolve through cluster DNS, follow the TCP connection through the
// packet tracer (kube-proxy rules, DNAT, REJECT, unroutable), then hand the request to whatever
// app the connection reached. Pure with respect to time: it reports how long the exchange took
// and the caller lets that much simulated time pass (curl/wget via ctx.sleep, the UI by waiting).
import type { Node, Pod, Service } from '../../api/types';
import type { Cluster, Hop, Trace, TraceSource } from '../../contract';
import { podListens } from '../../net/listeners';
import { say } from '../../net/trace-wording';
import { getPod, podByIP } from '../pods';
import { nextTraceId } from '../traceids';
import { serveExternal } from './external';
import { serveHttp } from './server';
import type { HttpRequest, HttpRequestOptions, HttpResult, PortForward } from './types';
import { parseUrl } from './url';

/**
 * How long an unanswered SYN takes to fail on Linux: tcp_syn_retries=6 retransmits at 1, 3, 7,
 * 15, 31 and 63 s and gives up 64 s later (127 s); real curl transcripts report 127–131 s.
 */
export const SYN_TIMEOUT_MS = 127_000;

/** Where `host:port` on the student's machine leads, per cluster profile (reference §C3, §D). */
export type HostTarget =
  | { kind: 'port-forward'; forward: PortForward }
  | {
      kind: 'service';
      service: Service;
      /** The Service port (LoadBalancer) or its nodePort, whichever matched. */
      port: number;
      via: 'loadbalancer' | 'nodeport';
      node: string;
    }
  | { kind: 'none'; reason: string };

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * What answers on the host at `host:port`. Docker Desktop publishes every LoadBalancer port and
 * every NodePort on localhost; k3s serves them on the node IP (ServiceLB, kube-proxy); kind's
 * node network is not reachable from the host without extraPortMappings.
 */
export function hostConnect(
  cluster: Cluster,
  port: number,
  host = 'localhost',
  portForwards: readonly PortForward[] = [],
): HostTarget {
  const local = LOCAL_NAMES.has(host);
  if (local) {
    const fwd = portForwards.find((f) => f.localPort === port);
    if (fwd) return { kind: 'port-forward', forward: fwd };
  }
  const nodes = cluster.list('Node') as Node[];
  const firstNode = nodes[0]?.metadata.name ?? '';
  const nodeByIP = nodes.find((n) => n.status.addresses.some((a) => a.address === host));
  const services = cluster.list('Service') as Service[];
  const profile = cluster.profile;
  // Docker Desktop publishes on localhost; k3s (in its VM, as in the book) on the node's IP.
  const reachable = (profile === 'docker-desktop' && local) || (profile === 'k3s' && nodeByIP !== undefined);
  if (!reachable) {
    return {
      kind: 'none',
      reason:
        profile === 'kind'
          ? 'kind nodes run inside Docker containers: LoadBalancer stays <pending> and NodePorts are not published to the host without extraPortMappings'
          : `nothing on this machine listens on ${host}:${port}`,
    };
  }
  const node = nodeByIP?.metadata.name ?? firstNode;
  for (const svc of services) {
    if (svc.spec.type !== 'LoadBalancer') continue;
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length === 0) continue;
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port && p.protocol === 'TCP');
    if (sp) return { kind: 'service', service: svc, port, via: 'loadbalancer', node };
  }
  for (const svc of services) {
    if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') continue;
    const sp = (svc.spec.ports ?? []).find((p) => p.nodePort === port && p.protocol === 'TCP');
    if (sp) return { kind: 'service', service: svc, port, via: 'nodeport', node };
  }
  return { kind: 'none', reason: `nothing on this machine listens on ${host}:${port}` };
}

function hop(kind: Hop['kind'], from: string, to: string, label: string, atMs: number): Hop {
  return { kind, from, to, label, atMs };
}

/** Follow one TCP connection from the student's machine. */
function connectFromHost(
  cluster: Cluster,
  host: string,
  port: number,
  portForwards: readonly PortForward[],
): { trace: Trace; pod?: Pod; noListener?: boolean } {
  const source: TraceSource = { kind: 'host' };
  const base = {
    id: nextTraceId(cluster, 'http'),
    source,
    destination: host,
    protocol: 'TCP' as const,
    port,
    startedAt: cluster.now(),
  };
  const target = hostConnect(cluster, port, host, portForwards);
  if (target.kind === 'port-forward') {
    // kubectl port-forward tunnels through the API server and kubelet straight into the Pod's
    // network namespace: no Service, no kube-proxy rule.
    const { podKey, podPort } = target.forward;
    const pod = getPod(cluster, podKey);
    const ip = pod?.status?.podIP;
    const listening = pod !== undefined && podListens(pod, podPort, 'TCP');
    const hops: Hop[] = [hop('send', 'host', podKey, `port-forward localhost:${port} → ${podPort}`, 0)];
    if (listening) hops.push(hop('deliver', 'host', podKey, `:${podPort}`, 0.2));
    else {
      const none = say('pfNoListener', { port: podPort }, `nothing listens on ${podPort}`);
      hops.push({ ...hop('reject', podKey, 'host', none.text, 0.2), textCode: none.code });
    }
    const why = listening
      ? say(
          'pfTunnel',
          { local: port, port: podPort },
          `port-forward tunnels localhost:${port} to port ${podPort} inside the Pod`,
        )
      : say(
          'pfRefused',
          { port: podPort },
          `port-forward reached the Pod, but nothing listens on port ${podPort} there`,
        );
    const trace: Trace = {
      ...base,
      ...(ip ? { resolvedIP: ip, endpoint: { ip, port: podPort, pod: podKey } } : {}),
      hops,
      verdict: listening ? 'delivered' : 'refused',
      reason: why.text,
      reasonCode: why.code,
    };
    return pod && listening ? { trace, pod } : { trace };
  }
  // Everything else is the packet tracer's: Docker Desktop's localhost publishing (LoadBalancer
  // through its NodePort chain, NodePorts), k3s node IPs, the internet, or nothing at all.
  const trace = cluster.net.trace({
    source,
    destination: LOCAL_NAMES.has(host) ? '127.0.0.1' : host,
    protocol: 'TCP',
    port,
  });
  const podKey = trace.endpoint?.pod;
  const pod = podKey ? getPod(cluster, podKey) : undefined;
  if (pod) return { trace, pod };
  return trace.verdict === 'refused' && target.kind === 'none' ? { trace, noListener: true } : { trace };
}

/**
 * The peer address the server sees: the Pod's own IP from a Pod; 127.0.0.1 through a
 * port-forward (kubelet dials localhost inside the Pod); the node's address for traffic that
 * kube-proxy masqueraded on its way in from outside (NodePort / LoadBalancer).
 */
function clientAddress(cluster: Cluster, source: TraceSource, trace: Trace): string | undefined {
  if (source.kind === 'pod') return getPod(cluster, source.key)?.status?.podIP;
  const nodeIP = (name: string) =>
    (cluster.list('Node') as Node[])
      .find((n) => n.metadata.name === name)
      ?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  if (source.kind === 'node') return nodeIP(source.name);
  if (trace.hops[0]?.label.startsWith('port-forward')) return '127.0.0.1';
  const via = trace.hops.find((h) => h.to.startsWith('Node/'))?.to.slice(5);
  return via ? nodeIP(via) : undefined;
}

/** Send one HTTP request and follow it to an answer or a curl-style error. */
export function httpRequest(cluster: Cluster, opts: HttpRequestOptions): HttpResult {
  const url = parseUrl(opts.url);
  const method = (opts.method ?? 'GET').toUpperCase();
  if (!url) {
    const bad = say('httpBadUrl', { url: opts.url }, `bad URL ${opts.url}`);
    return {
      error: { kind: 'nxdomain', message: bad.text, code: bad.code },
      traces: [],
      durationMs: 0,
      port: 0,
      connectMs: 0,
    };
  }
  const timeoutMs = opts.timeoutMs;
  const connectLimit = Math.min(timeoutMs ?? Number.POSITIVE_INFINITY, SYN_TIMEOUT_MS);
  let trace: Trace;
  let pod: Pod | undefined;
  let noListener = false;
  if (opts.source.kind === 'host') {
    // The student's machine resolves only public names and localhost (the tracer's host resolver).
    const r = connectFromHost(cluster, url.host, url.port, opts.portForwards ?? []);
    trace = r.trace;
    pod = r.pod;
    noListener = r.noListener === true;
  } else {
    trace = cluster.net.trace({
      source: opts.source,
      destination: url.host,
      protocol: 'TCP',
      port: url.port,
    });
    const podKey = trace.endpoint?.pod;
    pod = podKey ? getPod(cluster, podKey) : undefined;
    if (!pod && trace.verdict === 'delivered') {
      const ip = trace.endpoint?.ip ?? trace.resolvedIP;
      pod = ip ? podByIP(cluster, ip) : undefined;
    }
  }
  const traces = [trace];
  const dnsUsed = trace.hops.some((h) => h.kind === 'dns-query');
  const quick = dnsUsed ? 1 : 0;
  const ip = trace.endpoint?.ip ?? trace.resolvedIP;
  const baseResult = { traces, port: url.port, ...(trace.resolvedIP ? { ip: trace.resolvedIP } : {}) };
  // a refused or timed-out connection is explained by its trace's reason, machine form included
  const why = { message: trace.reason, ...(trace.reasonCode ? { code: trace.reasonCode } : {}) };

  switch (trace.verdict) {
    case 'nxdomain': {
      const nx = say('httpNoHost', { host: url.host }, `Could not resolve host: ${url.host}`);
      return {
        ...baseResult,
        error: { kind: 'nxdomain', message: nx.text, code: nx.code },
        durationMs: quick,
        connectMs: quick,
      };
    }
    case 'refused':
      return {
        ...baseResult,
        error: {
          kind: noListener ? 'no-listener' : 'refused',
          ...(trace.resolvedIP ? { ip: trace.resolvedIP } : {}),
          ...why,
        },
        durationMs: quick,
        connectMs: quick,
      };
    case 'timeout':
    case 'no-reply': {
      const waited = Number.isFinite(connectLimit) ? connectLimit : SYN_TIMEOUT_MS;
      return {
        ...baseResult,
        error: {
          kind: 'timeout',
          ...(trace.resolvedIP ? { ip: trace.resolvedIP } : {}),
          ...why,
        },
        durationMs: waited,
        connectMs: waited,
      };
    }
    default:
      break;
  }

  const clientIP = clientAddress(cluster, opts.source, trace);
  const request: HttpRequest = {
    ...(clientIP ? { clientIP } : {}),
    method,
    path: url.path,
    host: opts.host ?? url.hostHeader,
    headers: { ...(opts.headers ?? {}) },
    ...(opts.body !== undefined ? { body: opts.body } : {}),
  };
  const served = pod
    ? serveHttp(cluster, pod, trace.endpoint?.port ?? url.port, request, httpRequest)
    : serveExternal(cluster, opts.source, url.host, ip, request);
  traces.push(...served.traces);
  const durationMs = quick + served.durationMs;
  if (timeoutMs !== undefined && durationMs > timeoutMs) {
    // Connected, but the answer did not come back in time (curl: "Operation timed out after …").
    const late = say('httpNoAnswer', {}, 'the server did not answer in time');
    return {
      ...baseResult,
      error: { kind: 'timeout', ...(ip ? { ip } : {}), message: late.text, code: late.code },
      durationMs: timeoutMs,
      connectMs: quick,
    };
  }
  if (!served.response) {
    const reset = say('httpReset', {}, 'connection reset by peer');
    return {
      ...baseResult,
      error: { kind: 'refused', ...(ip ? { ip } : {}), message: reset.text, code: reset.code },
      durationMs,
      connectMs: quick,
    };
  }
  return { ...baseResult, response: served.response, durationMs, connectMs: quick };
}
