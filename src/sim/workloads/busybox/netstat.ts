// BusyBox 1.34.1 netstat (networking/netstat.c; Alpine: NETSTAT_WIDE, NETSTAT_PRG, ROUTE on).
// The sockets are the listeners the packet tracer knows (../net/listeners): the sleep image has
// none; the .NET images' Kestrel binds `http://+:80`, i.e. [::]:80 dual-stack (one tcp6 line,
// which netstat labels `tcp`). Connections only exist while a command runs, so none are shown.
// UNIX sockets: none in the sleep/Alpine images; the .NET ones (its diagnostics socket) are not modelled.
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

interface Sockets {
  inet: Listener[];
  /** Whether the container's UNIX sockets are known (none in the sleep/Alpine images). */
  unixKnown: boolean;
}

/** The sockets bound in this container, in /proc/net/{tcp,tcp6,udp,udp6} order. */
function sockets(p: PodProc): Sockets | undefined {
  const repo = imageRepository(p.container.image);
  const known = IMAGE_LISTENERS.find((l) => l.match(repo));
  if (p.info.app === 'numbers-api' || p.info.app === 'numbers-web')
    return {
      inet: (known?.ports ?? []).map((l) => ({
        proto: l.protocol === 'UDP' ? 'udp' : 'tcp',
        addr: '::',
        port: l.port,
        program: '1/dotnet',
      })),
      // The .NET runtime's diagnostics IPC socket (/tmp/dotnet-diagnostic-…) has an inode and
      // a name nobody can predict.
      unixKnown: false,
    };
  // The sleep image and plain Alpine/BusyBox images open no socket of any kind.
  if (p.info.app === 'sleep' || p.info.app === 'busybox') return { inet: [], unixKnown: true };
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
  for (const c of ['r', 'e']) {
    if (o.has(c)) {
      ctx.err(`netstat: -${c} is not simulated in this playground\n`);
      return 1;
    }
  }
  const socks = sockets(p);
  // No protocol option means all of them: tcp, udp, raw and unix.
  const any = ['t', 'u', 'w', 'x'].some((c) => o.has(c));
  const want = (c: string) => !any || o.has(c);
  if (socks === undefined || (want('x') && !socks.unixKnown)) {
    ctx.err(`netstat: the sockets of ${p.container.image} are not simulated in this playground\n`);
    return 1;
  }
  // -l: only listening; -a: both; neither: only connected.
  const listening = o.has('l') || o.has('a');
  const connected = o.has('a') || !o.has('l');
  const numeric = o.has('n');
  const width = o.has('W') ? 51 : 23;
  const prg = o.has('p');
  const banner = prg ? 'PID/Program name    ' : '';
  const mode =
    listening && connected ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  let out = '';
  if (want('t') || want('u') || want('w')) {
    out += `Active Internet connections ${mode}\n`;
    out += `Proto Recv-Q Send-Q ${'Local Address'.padEnd(width)} ${'Foreign Address'.padEnd(width)} State       ${banner}\n`;
    for (const proto of ['tcp', 'udp'] as const) {
      if (!want(proto[0] ?? '')) continue;
      for (const s of socks.inet) {
        // A bound, unconnected socket is a "listening" line: TCP LISTEN, or UDP with no peer.
        if (s.proto !== proto || !listening) continue;
        const port = numeric ? String(s.port) : (SERVICES[`${s.port}/${proto}`] ?? String(s.port));
        const local = `${s.addr}:${port}`;
        const foreign = `${s.addr}:*`;
        const state = proto === 'tcp' ? 'LISTEN' : '';
        out += `${proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(width)} ${foreign.padEnd(width)} ${state.padEnd(12)}${prg ? s.program.slice(0, 20) : ''}\n`;
      }
    }
  }
  if (want('x')) {
    out += `Active UNIX domain sockets ${mode}\n`;
    out += `Proto RefCnt Flags       Type       State         I-Node ${banner}Path\n`;
  }
  ctx.out(out);
  return 0;
}
