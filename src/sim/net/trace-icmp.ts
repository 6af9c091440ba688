// Who answers an ICMP echo (ping): kube-proxy's rules match only TCP/UDP ports, so a ping is
// answered by whatever owns the address (reference §B10 "Ping to a Service name": no interface
// holds a ClusterIP in iptables mode, so nobody answers; in IPVS mode kube-ipvs0 holds every
// ClusterIP and the node answers, kubernetes#65158).
import type { HopRef } from '../contract';
import type { ServiceModel } from './model';
import { type Ctx, hop, type Outcome } from './trace-walk';
import { outcome, type Said, say, via } from './trace-wording';

/** `ICMP echo reply from <ip>`: the answer's hop label. */
const echoReply = (ip: string) => say('echoReply', { ip }, `ICMP echo reply from ${ip}`);

/** A ping to a ClusterIP, from a client on `node`. */
export function pingClusterIP(c: Ctx, m: ServiceModel, ip: string, node: string, proxy: HopRef): Outcome {
  if (c.ipvs) {
    hop(
      c,
      'deliver',
      m.ref,
      `Node/${node}`,
      say('ipvsOwns', { node, ip }, `kube-ipvs0 on ${node} owns ${ip}`),
      0.02,
    );
    hop(c, 'reply', `Node/${node}`, c.src, echoReply(ip), 0.03);
    return outcome(
      'delivered',
      say(
        'pingIpvs',
        { node, ip },
        `in IPVS mode every ClusterIP is bound to the kube-ipvs0 interface on each node, so ${node} answers the ping for ${ip} itself`,
      ),
    );
  }
  hop(c, 'no-rule', proxy, m.ref, say('noRuleIcmp', {}, 'no rule matches ICMP'), 0.01);
  hop(c, 'drop', m.ref, m.ref, nobodyOwns(ip), 0.01);
  return outcome(
    'no-reply',
    say(
      'pingClusterIP',
      { ip },
      `ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns ${ip}, so nothing answers`,
    ),
  );
}

/** `nobody owns <ip>`: the hop where a packet to an address no interface holds is lost. */
export const nobodyOwns = (ip: string) => say('nobodyOwns', { ip }, `nobody owns ${ip}`);

/** A ping to a Pod's address: its network namespace answers, whatever runs in it. */
export function pingPod(
  c: Ctx,
  from: HopRef,
  ip: string,
  podKey: string,
  note: Said | undefined,
  prefix: Said | undefined,
): Outcome {
  const ref = `Pod/${podKey}`;
  hop(c, 'deliver', from, ref, `ICMP echo → ${ip}`, 0.02);
  hop(c, 'reply', ref, c.src, echoReply(ip), 0.03);
  const n = note?.text ?? '';
  return outcome(
    'delivered',
    via(
      prefix,
      say(
        'pingPod',
        { ip, pod: podKey, note: note?.code ?? '' },
        `${ip} is Pod ${podKey}${n}; its network namespace answers the echo`,
      ),
    ),
  );
}

/** A ping to a node's address: the node answers. */
export function pingNode(c: Ctx, nodeName: string, ip: string): Outcome {
  hop(c, 'reply', `Node/${nodeName}`, c.src, echoReply(ip), 0.03);
  return outcome(
    'delivered',
    say('pingNode', { ip, node: nodeName }, `${ip} is node ${nodeName}'s address; the node answers the ping`),
  );
}

/** A ping from the student's machine to 127.0.0.1. */
export function pingLocalhost(c: Ctx): Outcome {
  hop(c, 'reply', 'host', 'host', echoReply('127.0.0.1'), 0.01);
  return outcome('delivered', say('pingLocalhost', {}, 'localhost is your own machine'));
}
