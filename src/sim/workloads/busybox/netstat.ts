// BusyBox 1.34.1 netstat (networking/netstat.c; Alpine: NETSTAT_WIDE, NETSTAT_PRG, ROUTE on).
// The sockets are the listeners the packet tracer knows (../net/listeners): the sleep image has
// none; the .NET images' Kestrel binds `http://+:80`, i.e. [::]:80 dual-stack (one tcp6 line,
// which netstat labels `tcp`). Connections only exist while a command runs, so none are shown.
import type { ProcContext } from '../../../kubectl/shell/types';
import { IMAGE_LISTENERS, imageRepository } from '../../net/listeners';
import type { PodProc } from '../proc';
import { parseOpts } from './getopt';
import { usageText } from './usage';

interface Listener {
  proto: 'tcp' | 'udp';
  /** Address as xmalloc_sockaddr2dotted_noport prints it (`::`, `0.0.0.0`). */
  addr: string;
  port: number;
  program: string;
}

/** The sockets bound in this container, in /proc/net/{tcp,tcp6,udp,udp6} order. */
function listeners(p: PodProc): Listener[] | undefined {
  const repo = imageRepository(p.container.image);
  const known = IMAGE_LISTENERS.find((l) => l.match(repo));
  if (!known || known.ports.length === 0) return [];
  if (p.info.app === 'numbers-api' || p.info.app === 'numbers-web')
    return known.ports.map((l) => ({
      proto: l.protocol === 'UDP' ? 'udp' : 'tcp',
      addr: '::',
      port: l.port,
      program: '1/dotnet',
    }));
  return undefined;
}

/** Alpine's /etc/services names for the ports these images use (getservbyport without -n). */
const SERVICES: Record<string, string> = { '80/tcp': 'http', '53/tcp': 'domain', '53/udp': 'domain' };

export function netstat(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'laentuwxrWp');
  if (!parsed.ok || parsed.args.length > 0) {
    if (parsed.ok === false && parsed.error) ctx.err(`netstat: ${parsed.error}\n`);
    ctx.err(usageText('netstat'));
    return 1;
  }
  const o = parsed.opts;
  for (const c of ['r', 'e', 'w', 'x']) {
    if (o.has(c)) {
      ctx.err(`netstat: -${c} is not simulated in this playground\n`);
      return 1;
    }
  }
  if (!o.has('t') && !o.has('u')) {
    ctx.err('netstat: only -t and -u sockets are simulated in this playground\n');
    return 1;
  }
  const socks = listeners(p);
  if (socks === undefined) {
    ctx.err(`netstat: the sockets of ${p.container.image} are not simulated in this playground\n`);
    return 1;
  }
  const listening = o.has('l') || o.has('a');
  const connected = !o.has('l');
  const numeric = o.has('n');
  const width = o.has('W') ? 51 : 23;
  const prg = o.has('p');
  const mode =
    listening && connected ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  let out = `Active Internet connections ${mode}\n`;
  out += `Proto Recv-Q Send-Q ${'Local Address'.padEnd(width)} ${'Foreign Address'.padEnd(width)} State       ${prg ? 'PID/Program name    ' : ''}\n`;
  for (const proto of ['tcp', 'udp'] as const) {
    if (!o.has(proto[0] ?? '')) continue;
    for (const s of socks) {
      // A bound, unconnected socket is a "listening" line: TCP LISTEN, or UDP with no peer.
      if (s.proto !== proto || !listening) continue;
      const port = numeric ? String(s.port) : (SERVICES[`${s.port}/${proto}`] ?? String(s.port));
      const local = `${s.addr}:${port}`;
      const foreign = `${s.addr}:*`;
      const state = proto === 'tcp' ? 'LISTEN' : '';
      out += `${proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(width)} ${foreign.padEnd(width)} ${state.padEnd(12)}${prg ? s.program.slice(0, 20) : ''}\n`;
    }
  }
  ctx.out(out);
  return 0;
}
