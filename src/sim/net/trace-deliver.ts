// The tracer's delivery: the packet has its final destination address (after any DNAT). Whose is
// it — a Pod (forwarded to its node; does a process listen?), a node (kube-proxy's NodePort and
// load-balancer rules there, the node's own daemons, a hostNetwork Pod's socket), a host on the
// internet, or nobody — and does it answer?
import type { Pod } from '../api/types';
import type { HopRef } from '../contract';
import { hostNetworkListener } from './hostnet';
import { podListens } from './listeners';
import type { ServiceModel } from './model';
import { PUBLIC_RESOLVERS } from './pod-dns';
import { nobodyOwns, pingNode, pingPod } from './trace-icmp';
import { viaLoadBalancerIP, viaNodePort } from './trace-proxy';
import { type Ctx, daemon, EXTERNAL_BY_IP, hop, NODE_PORTS, nodeRst, type Outcome } from './trace-walk';
import { via as after, lost, outcome, type Said, say, what } from './trace-wording';

/**
 * The packet has its final destination address: who owns it, and does it answer? `viaNode` is
 * the node it is on (after a DNAT there), `via` the reason's prefix (the Service or loopback).
 */
export function deliver(
  c: Ctx,
  from: HopRef,
  ip: string,
  port: number,
  viaNode?: string,
  via?: Said,
): Outcome {
  const { protocol: proto } = c.req;
  const s = c.s;
  const owner = s.podByIP.get(ip);
  const fromNode = viaNode ?? c.srcNode;
  if (owner) {
    const podKey = owner.key;
    const pod = s.pods.byRef(owner) as Pod;
    const ref = `Pod/${podKey}`;
    const dstNode = pod.spec.nodeName;
    if (fromNode && dstNode && dstNode !== fromNode) {
      hop(c, 'forward', `Node/${fromNode}`, `Node/${dstNode}`, `→ ${dstNode} (${ip})`, 0.1);
    }
    const note = pod.metadata.deletionTimestamp
      ? say('noteTerminating', {}, ' (Terminating, still running)')
      : undefined;
    const terminating = note?.text ?? '';
    const n = note?.code ?? '';
    if (proto === 'ICMP') return pingPod(c, from, ip, podKey, note, via);
    const running = pod.status?.phase === 'Running';
    hop(c, 'deliver', from, ref, what(proto, ip, port), 0.02);
    if (running && podListens(pod, port, proto)) {
      hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'SYN-ACK' : 'UDP reply', 0.03);
      return outcome(
        'delivered',
        after(
          via,
          say(
            'podListens',
            { pod: podKey, note: n, port, proto },
            `Pod ${podKey}${terminating} listens on ${port}/${proto} and answers`,
          ),
        ),
      );
    }
    hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'RST' : 'ICMP port unreachable', 0.03);
    const image = pod.spec.containers.map((x) => x.image).join(', ');
    const p = { pod: podKey, note: n, port, proto, image };
    return outcome(
      'refused',
      after(
        via,
        proto === 'TCP'
          ? say(
              'podRefusedTcp',
              p,
              `nothing in Pod ${podKey}${terminating} listens on ${port}/${proto} (image ${image}), so its kernel answers the SYN with RST: connection refused`,
            )
          : say(
              'podRefusedUdp',
              p,
              `nothing in Pod ${podKey}${terminating} listens on ${port}/${proto} (image ${image}), so its kernel answers ICMP port unreachable: connection refused`,
            ),
      ),
    );
  }
  const nodeName = s.nodeByIP.get(ip);
  if (nodeName) return toNode(c, nodeName, ip, port, from, fromNode, via);
  const ext = EXTERNAL_BY_IP.get(ip);
  if (ext) {
    const ref = `external:${ext}`;
    hop(c, 'deliver', from, ref, what(proto, ip, port), 5);
    // Web hosts answer 80/443; a public resolver (8.8.8.8, 1.1.1.1) answers DNS on 53, UDP and TCP.
    const dns = port === 53 && PUBLIC_RESOLVERS[ip] !== undefined;
    if (proto === 'ICMP' || dns || (proto === 'TCP' && (port === 80 || port === 443))) {
      const answer =
        proto === 'ICMP'
          ? say('echoReply', { ip }, `ICMP echo reply from ${ip}`)
          : proto === 'TCP'
            ? 'SYN-ACK'
            : 'UDP reply';
      hop(c, 'reply', ref, c.src, answer, 5);
      return outcome(
        'delivered',
        say(
          'externalDelivered',
          { ip, host: ext },
          `${ip} is ${ext} on the internet, reached through the node's default route (SNAT)`,
        ),
      );
    }
    return lost(
      proto,
      say(
        'externalSilent',
        { host: ext, ip, port, proto },
        `${ext} (${ip}) does not answer on ${port}/${proto}`,
      ),
    );
  }
  hop(c, 'drop', from, `external:${ip}`, nobodyOwns(ip), 0.02);
  const former = s.formerPodIP.get(ip);
  const why = former
    ? say(
        'formerPod',
        { ip, pod: former },
        `${ip} belonged to Pod ${former}, which was deleted; no Pod owns it now`,
      )
    : say('nobodyOwnsIP', { ip }, `no Pod, node or host owns ${ip}`);
  return lost(proto, after(via, why));
}

/**
 * A packet to node `nodeName`'s address `ip`: kube-proxy's load-balancer IP and NodePort rules
 * first, then whatever listens on the node (its own daemons, a hostNetwork Pod). Without `from`
 * the client sends it straight there.
 */
export function toNode(
  c: Ctx,
  nodeName: string,
  ip: string,
  port: number,
  from?: HopRef,
  fromNode?: string,
  via?: Said,
): Outcome {
  const { protocol: proto } = c.req;
  const ref = `Node/${nodeName}`;
  if (!from) hop(c, 'send', c.src, ref, what(proto, ip, port), 0.01);
  if (proto === 'ICMP') return pingNode(c, nodeName, ip);
  const s = c.s;
  const lbKey = s.svcByLBAddr.get(`${ip}:${port}/${proto}`);
  if (lbKey) return viaLoadBalancerIP(c, lbKey, nodeName, ip, port);
  const npKey = s.svcByNodePort.get(`${port}/${proto}`);
  if (npKey) return viaNodePort(c, s.models.get(npKey) as ServiceModel, port, nodeName, ip);
  if (proto === 'TCP' && NODE_PORTS[port] && (port !== 6443 || s.profile.apiServerEndpoint.ip === ip)) {
    hop(c, 'reply', ref, c.src, 'SYN-ACK', 0.03);
    return outcome(
      'delivered',
      say(
        'nodeDaemon',
        { daemon: daemon(port), ip, port, node: nodeName },
        `${NODE_PORTS[port]} listens on ${ip}:${port} on node ${nodeName}`,
      ),
    );
  }
  // A hostNetwork Pod's process listens in the node's network namespace: its port is the node's.
  const hn = hostNetworkListener(s, nodeName, port, proto);
  if (hn?.running) return toHostNetPod(c, hn.key, nodeName, ip, port, from, fromNode, via);
  const phase = hn?.pod.status?.phase ?? 'Pending';
  const later = hn
    ? say(
        'noteHostNetPending',
        { pod: hn.key, phase },
        ` (the hostNetwork Pod ${hn.key} would, but it is ${phase}, its container not started yet)`,
      )
    : undefined;
  const l = later?.text ?? '';
  const p = { node: nodeName, port, proto, later: later?.code ?? '' };
  return nodeRst(
    c,
    ref,
    nodeName,
    after(
      via,
      proto === 'TCP'
        ? say(
            'nodeNothingTcp',
            p,
            `nothing on node ${nodeName} listens on ${port}/${proto}${l}, so it answers RST`,
          )
        : say(
            'nodeNothingUdp',
            p,
            `nothing on node ${nodeName} listens on ${port}/${proto}${l}, so it answers ICMP port unreachable`,
          ),
    ),
  );
}

/** Delivery to a Running hostNetwork Pod's socket on the node's address `ip`. */
function toHostNetPod(
  c: Ctx,
  key: string,
  nodeName: string,
  ip: string,
  port: number,
  from?: HopRef,
  fromNode?: string,
  via?: Said,
): Outcome {
  const proto = c.req.protocol;
  const ref = `Pod/${key}`;
  const name = key.slice(key.indexOf('/') + 1);
  if (from && fromNode && fromNode !== nodeName)
    hop(c, 'forward', `Node/${fromNode}`, `Node/${nodeName}`, `→ ${nodeName} (${ip})`, 0.1);
  const w = what(proto, ip, port);
  const label = say(
    'hostNetDeliver',
    { what: w, pod: name },
    `${w}: delivered to the Pod ${name} on the node's network`,
  );
  hop(c, 'deliver', from ?? `Node/${nodeName}`, ref, label, 0.02);
  hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'SYN-ACK' : 'UDP reply', 0.03);
  c.endpoint = { ip, port, pod: ref };
  return outcome(
    'delivered',
    after(
      via,
      say(
        'hostNetDelivered',
        { pod: key, node: nodeName, port, proto, ip },
        `delivered to the Pod ${key} on node ${nodeName}'s network: it runs with hostNetwork, so its process listens on ${port}/${proto} in the node's own network namespace, at ${ip}`,
      ),
    ),
  );
}
