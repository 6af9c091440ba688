// BusyBox 1.34.1 ping (networking/ping.c, FEATURE_FANCY_PING): one echo request per -i interval
// on the simulated clock, each followed through the packet tracer. With -c N it exits as soon as
// N replies are in; after the last send with replies missing it waits 2×RTT (≥1 s) if anything
// answered, else -W seconds (MAXWAIT 10). Exit 1 when nothing answered (or -w cut replies short).
import type { ProcContext } from '../../../kubectl/shell/types';
import type { Node, Service } from '../../api/types';
import type { Rng } from '../../runtime/interfaces';
import { podByIP } from '../pods';
import type { PodProc } from '../proc';
import { getaddrinfo, podSource, withLookup } from '../resolve';
import { streamFor } from '../state';
import { parseOpts } from './getopt';
import { usageText } from './usage';

const MAXWAIT_S = 10;
/** Without -c or -w a real ping runs until Ctrl-C; this many packets stand in for that. */
export const DEFAULT_UNBOUNDED_PACKETS = 3600;

function fmtUs(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

function nodeIPs(p: PodProc): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of p.cluster.list('Node') as Node[])
    for (const a of n.status.addresses) if (a.type === 'InternalIP') m.set(a.address, n.metadata.name);
  return m;
}

type Where = 'local' | 'cross-node' | 'node' | 'internet';

/** Who would answer an echo to `ip`: a Pod or node here, one across nodes, or the internet. */
function whereIs(p: PodProc, ip: string, nodes: Map<string, string>): Where {
  const here = p.pod.spec.nodeName;
  const dest = podByIP(p.cluster, ip);
  if (dest) return !here || dest.spec.nodeName === here ? 'local' : 'cross-node';
  const node = nodes.get(ip);
  if (node) return node === here ? 'local' : 'node';
  // A ClusterIP only answers in IPVS mode, and then the local node's kube-ipvs0 does.
  const isClusterIP = (p.cluster.list('Service') as Service[]).some((s) =>
    (s.spec.clusterIPs ?? [s.spec.clusterIP]).includes(ip),
  );
  if (isClusterIP) return 'local';
  return 'internet';
}

/** Reply TTL (64 from this node, one less per routed hop; kindnet cross-node shows 62) and RTT in µs. */
function replyShape(where: Where, rng: Rng): { ttl: number; us: number } {
  switch (where) {
    case 'local':
      return { ttl: 64, us: 40 + rng.int(90) };
    case 'cross-node':
      return { ttl: 62, us: 180 + rng.int(420) };
    case 'node':
      return { ttl: 63, us: 150 + rng.int(300) };
    default:
      return { ttl: 57, us: 9000 + rng.int(12000) };
  }
}

export function ping(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'qvAc:s:t:w:W:I:np:i:46');
  if (!parsed.ok || parsed.args.length !== 1) {
    if (parsed.ok === false && parsed.error) ctx.err(`ping: ${parsed.error}\n`);
    ctx.err(usageText('ping'));
    return 1;
  }
  const o = parsed.opts;
  const num = (flag: string, def: number): number | undefined => {
    const v = o.get(flag);
    if (v === undefined) return def;
    if (!/^\d+$/.test(v)) {
      ctx.err(`ping: invalid number '${v}'\n`);
      return undefined;
    }
    return Number(v);
  };
  const count = num('c', 0);
  const datalen = num('s', 56);
  const waitS = num('W', MAXWAIT_S);
  const deadlineS = num('w', 0);
  if (count === undefined || datalen === undefined || waitS === undefined || deadlineS === undefined)
    return 1;
  const intervalMs = Math.round(Number.parseFloat(o.get('i') ?? '1') * 1000);
  if (!Number.isFinite(intervalMs) || intervalMs < 0) {
    ctx.err(`ping: invalid number '${o.get('i')}'\n`);
    return 1;
  }
  const quiet = o.has('q');
  const host = parsed.args[0] ?? '';

  // The lookup is reported with the first echo request (one trace: DNS, then ICMP), or alone when
  // the name does not resolve.
  const r = getaddrinfo(p, ctx, host, false);
  if (!r.ip) {
    if (r.dns) ctx.trace(r.dns);
    ctx.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const ip = r.ip;
  ctx.out(`PING ${host} (${ip}): ${datalen} data bytes\n`);

  const rng = streamFor(p.cluster, `ping:${p.podKey}`);
  const nodes = nodeIPs(p);
  // Nothing can press Ctrl-C inside one synchronous command: a run longer than the cap ends as
  // if interrupted there (statistics, then exit), whether it had no -c or a huge one.
  const cap = Math.max(1, p.deps.maxUnboundedPackets ?? DEFAULT_UNBOUNDED_PACKETS);
  const limit = count > 0 ? Math.min(count, Math.max(cap, DEFAULT_UNBOUNDED_PACKETS)) : cap;
  let transmitted = 0;
  let received = 0;
  let tmin = Number.POSITIVE_INFINITY;
  let tmax = 0;
  let tsum = 0;
  let elapsedMs = 0;
  /** One trace per command: the first echo (after its DNS lookup), then one more only when an echo's fate changes (a Pod deleted mid-run). */
  let lastFate = '';

  const stats = (): number => {
    let out = `\n--- ${host} ping statistics ---\n${transmitted} packets transmitted, ${received} packets received, `;
    const loss = transmitted ? Math.floor(((transmitted - received) * 100) / transmitted) : 0;
    out += `${loss}% packet loss\n`;
    if (received > 0) {
      const avg = Math.floor(tsum / received);
      out += `round-trip min/avg/max = ${fmtUs(tmin)}/${fmtUs(avg)}/${fmtUs(tmax)} ms\n`;
    }
    ctx.out(out);
    return received === 0 || (deadlineS > 0 && received < count) ? 1 : 0;
  };
  const wait = (ms: number) => {
    ctx.sleep(ms);
    elapsedMs += ms;
  };

  try {
    for (let seq = 0; ; seq++) {
      if (deadlineS > 0 && elapsedMs >= deadlineS * 1000) return stats();
      transmitted++;
      let replied = false;
      let ttl = 64;
      let us = 0;
      if (ip.startsWith('127.')) {
        replied = true;
        us = 20 + rng.int(30);
      } else {
        const t = p.cluster.net.trace({ source: podSource(p), destination: ip, protocol: 'ICMP' });
        const fate = `${t.verdict}|${t.reason}`;
        if (seq === 0) ctx.trace(withLookup(r.dns, t, host));
        else if (fate !== lastFate) ctx.trace(t);
        lastFate = fate;
        replied = t.verdict === 'delivered';
        ({ ttl, us } = replyShape(whereIs(p, ip, nodes), rng));
      }
      if (replied) {
        received++;
        tsum += us;
        tmin = Math.min(tmin, us);
        tmax = Math.max(tmax, us);
        if (!quiet) ctx.out(`${datalen + 8} bytes from ${ip}: seq=${seq} ttl=${ttl} time=${fmtUs(us)} ms\n`);
      }
      if (count > 0 && received >= count) return stats();
      if (transmitted < limit) {
        wait(intervalMs);
        continue;
      }
      if (count === 0 || count > limit) return stats();
      // All -c packets sent: wait ~2 RTT (at least 1 s) if anything answered, else -W seconds.
      wait(received > 0 ? Math.max(1, Math.floor(tmax / (512 * 1024))) * 1000 : waitS * 1000);
      return stats();
    }
  } catch (e) {
    // Ctrl-C (SIGINT) prints the statistics before the process ends.
    stats();
    throw e;
  }
}
