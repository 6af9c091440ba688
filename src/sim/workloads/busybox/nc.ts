// BusyBox 1.34.1 nc as Alpine builds it: NC_110_COMPAT, NC_SERVER and NC_EXTRA are on, so the
// applet is networking/nc_bloaty.c (nc-1.10 semantics: -z, -v, -w).
//
// What it prints (nc_bloaty.c nc_main):
// - the host is resolved first (xhost2sockaddr): failure is `nc: bad address 'HOST'`, exit 1;
// - connected: with -v, `HOST (IP:PORT) open` on stderr; without -z it then shovels stdin to the
//   peer and the peer's bytes to stdout until the peer closes; exit 0;
// - not connected: exit 1, silent unless verbose — one -v reports everything but a refusal
//   (`nc: HOST (IP:PORT): Operation timed out`), -vv reports refusals too;
// - -vv adds `sent N, rcvd M` at the end.
// -w SECS arms an alarm around connect(): an unanswered SYN fails after SECS instead of the
// kernel's 127 s. The connection is one trace through the tracer, after the DNS lookup, exactly
// like wget's: the UI animates query → answer → SYN → where it stops.
import type { ProcContext } from '../../../kubectl/shell/types';
import type { Trace } from '../../contract';
import { httpRequest, SYN_TIMEOUT_MS } from '../http/client';
import type { HttpResponse } from '../http/types';
import type { PodProc } from '../proc';
import { getaddrinfo, podSource, withLookup } from '../resolve';
import { usageText } from './usage';

/** Options this simulator does not model (listening, UDP, exec, hex dumps). */
const NOT_SIMULATED = new Set(['l', 'k', 'u', 'e', 'o', 'b']);
const WITH_ARG = new Set(['p', 's', 'w', 'i', 'o']);

interface NcArgs {
  verbose: number;
  zero: boolean;
  waitS: number;
  intervalS: number;
  operands: string[];
}

type Parsed =
  | { ok: true; args: NcArgs }
  | { ok: false; error?: string; unsupported?: string; noUsage?: boolean };

function parse(argv: string[]): Parsed {
  const r: NcArgs = { verbose: 0, zero: false, waitS: 0, intervalS: 0, operands: [] };
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      r.operands.push(...args.slice(i + 1));
      break;
    }
    // getopt32 permutes: options may follow the operands (`nc host 80 -v`).
    if (!a.startsWith('-') || a === '-') {
      r.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (NOT_SIMULATED.has(c)) return { ok: false, unsupported: c };
      if (WITH_ARG.has(c)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return { ok: false, error: `option requires an argument: ${c}` };
        if (c === 'w' || c === 'i') {
          // -w is `w:+` (xatoi_positive); -i is xatou_range(1, 65535).
          if (!/^\d+$/.test(v)) return { ok: false, error: `invalid number '${v}'`, noUsage: true };
          if (c === 'w') r.waitS = Number(v);
          else r.intervalS = Number(v);
        }
        break;
      }
      if (c === 'v') r.verbose++;
      else if (c === 'z') r.zero = true;
      else if (c !== 'n') return { ok: false, error: `unrecognized option: ${c}` };
    }
  }
  return { ok: true, args: r };
}

/** bb_lookup_port: a number, or a name from Alpine's /etc/services; anything else is port 0. */
function lookupPort(s: string | undefined): number {
  if (s === undefined) return 0;
  if (/^\d+$/.test(s) && Number(s) <= 65535) return Number(s);
  return { http: 80, https: 443, domain: 53 }[s] ?? 0;
}

/** One HTTP request read from stdin, as a server would parse it off the wire. */
function parseHttp(
  data: string,
):
  | { method: string; path: string; host?: string; headers: Record<string, string>; body: string }
  | undefined {
  const end = data.indexOf('\r\n\r\n') >= 0 ? data.indexOf('\r\n\r\n') : data.indexOf('\n\n');
  if (end < 0) return undefined;
  const head = data.slice(0, end).split(/\r?\n/);
  const body = data.slice(end + (data.startsWith('\r\n\r\n', end) ? 4 : 2));
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(head[0] ?? '');
  if (!m?.[1] || !m[2]) return undefined;
  const headers: Record<string, string> = {};
  let host: string | undefined;
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const k = line.slice(0, colon).trim();
    const v = line.slice(colon + 1).trim();
    if (k.toLowerCase() === 'host') host = v;
    else headers[k] = v;
  }
  return { method: m[1], path: m[2], ...(host !== undefined ? { host } : {}), headers, body };
}

/** The response bytes as the server wrote them: status line, headers, body (chunked if so framed). */
function wire(res: HttpResponse): string {
  let text = `HTTP/1.1 ${res.status} ${res.statusText}\r\n`;
  for (const [k, v] of res.headers) text += `${k}: ${v}\r\n`;
  text += '\r\n';
  const chunked = res.headers.some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && v === 'chunked');
  if (!chunked) return text + res.body;
  const size = new TextEncoder().encode(res.body).length;
  return `${text}${size > 0 ? `${size.toString(16)}\r\n${res.body}\r\n` : ''}0\r\n\r\n`;
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

export function nc(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parse(argv);
  if (!parsed.ok) {
    if (parsed.unsupported) {
      ctx.err(`nc: -${parsed.unsupported} is not simulated in this playground\n`);
      return 1;
    }
    if (parsed.error) ctx.err(`nc: ${parsed.error}\n`);
    // A bad number dies in xatoi (bb_error_msg_and_die); getopt errors show the usage.
    if (!parsed.noUsage) ctx.err(usageText('nc'));
    return 1;
  }
  const o = parsed.args;
  // "?2": at most HOST and PORT; an outbound connect needs a host.
  if (o.operands.length > 2 || o.operands.length === 0) {
    ctx.err(usageText('nc'));
    return 1;
  }
  const host = o.operands[0] ?? '';
  const port = lookupPort(o.operands[1]);
  const r = getaddrinfo(p, ctx, host, false);
  if (!r.ip) {
    if (r.dns) ctx.trace(r.dns);
    ctx.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const dotted = `${r.ip}:${port}`;
  const finish = (code: number, sent = 0, rcvd = 0) => {
    if (o.verbose > 1) ctx.err(`sent ${sent}, rcvd ${rcvd}\n`);
    return code;
  };
  const data = ctx.stdin;
  const request = !o.zero && data !== '' ? parseHttp(data) : undefined;
  if (request) {
    // Data for an HTTP server: the connection and the exchange are the HTTP client's.
    if (o.intervalS > 0) ctx.sleep(o.intervalS * 1000);
    const result = httpRequest(p.cluster, {
      source: podSource(p),
      url: `http://${r.ip}:${port}${request.path}`,
      method: request.method,
      host: request.host ?? '',
      headers: request.headers,
      ...(request.body !== '' ? { body: request.body } : {}),
      ...(o.waitS > 0 ? { timeoutMs: o.waitS * 1000 } : {}),
    });
    result.traces.forEach((t, i) => {
      ctx.trace(i === 0 ? withLookup(r.dns, t, host) : t);
    });
    const connected = result.connectMs < result.durationMs || result.response !== undefined;
    if (result.error && !connected) {
      ctx.sleep(result.durationMs);
      return finish(failed(ctx, o.verbose, host, dotted, result.error.kind === 'timeout'));
    }
    if (o.verbose) ctx.err(`${host} (${dotted}) open\n`);
    ctx.sleep(result.durationMs);
    const out = result.response ? wire(result.response) : '';
    ctx.out(out);
    return finish(0, byteLength(data), byteLength(out));
  }
  // -z, or nothing (or nothing HTTP) to send: just the connection, through the tracer.
  const trace: Trace = p.cluster.net.trace({
    source: podSource(p),
    destination: r.ip,
    protocol: 'TCP',
    port,
  });
  ctx.trace(withLookup(r.dns, trace, host));
  if (trace.verdict === 'delivered') {
    if (o.verbose) ctx.err(`${host} (${dotted}) open\n`);
    // Without -z the peer gets stdin and a FIN; an HTTP server closes without an answer.
    return finish(0, o.zero ? 0 : byteLength(data), 0);
  }
  const timedOut = trace.verdict === 'timeout' || trace.verdict === 'no-reply';
  ctx.sleep(timedOut ? (o.waitS > 0 ? Math.min(o.waitS * 1000, SYN_TIMEOUT_MS) : SYN_TIMEOUT_MS) : 0);
  return finish(failed(ctx, o.verbose, host, dotted, timedOut));
}

/** connect() failed: `bb_perror_msg("%s (%s)")` unless it is a refusal at one -v. */
function failed(ctx: ProcContext, verbose: number, host: string, dotted: string, timedOut: boolean): number {
  if (verbose > 1 || (verbose === 1 && timedOut))
    ctx.err(`nc: ${host} (${dotted}): ${timedOut ? 'Operation timed out' : 'Connection refused'}\n`);
  return 1;
}
