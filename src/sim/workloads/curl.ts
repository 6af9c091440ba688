// curl 7.80.0 (Alpine 3.15's package, installed in kiamol/ch03-sleep). Messages follow lib/connect.c
// and lib/multi.c of the 7.8x line: `Failed to connect to <host> port <n> after <ms> ms: <strerror>`
// (musl wording), `Could not resolve host`, `Connection timed out after <ms> milliseconds` for -m.
// The progress meter goes to stderr unless -s, because stdout is a pipe under `kubectl exec`.
import type { ProcContext } from '../../kubectl/shell/types';
import { parseOpts } from './busybox/getopt';
import { workdir } from './busybox/info';
import { cleanPath } from './fs';
import { httpRequest } from './http/client';
import type { HttpResponse } from './http/types';
import { parseUrl } from './http/url';
import type { PodProc } from './proc';
import { writePodFile } from './proc';
import { getaddrinfo, podSource, withLookup } from './resolve';

export const CURL_VERSION = '7.80.0';

const LONGS: Record<string, string> = {
  silent: 's',
  'show-error': 'S',
  verbose: 'v',
  'max-time': 'm:',
  'connect-timeout': 'connect-timeout:',
  output: 'o:',
  'remote-name': 'O',
  include: 'i',
  head: 'I',
  request: 'X:',
  header: 'H:',
  data: 'd:',
  fail: 'f',
  location: 'L',
  'write-out': 'w:',
  'user-agent': 'A:',
};

/** curl's max5data(): five columns, k/M/G units above 99999 bytes. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5, ' ');
  if (n < 10 * 1024 * 1024) return `${String(Math.floor(n / 1024)).padStart(4, ' ')}k`;
  return `${String(Math.floor(n / (1024 * 1024))).padStart(4, ' ')}M`;
}

/** time2str(): `--:--:--` for zero, else `H:MM:SS` right-aligned in 8 columns. */
function time8(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, ' ')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** One progress-meter line (without the leading `\r`). */
export function meterLine(downloaded: number, sizeKnown: boolean, elapsedMs: number): string {
  const total = downloaded;
  const pctTotal = total > 0 ? 100 : 0;
  const pctDl = sizeKnown && downloaded > 0 ? 100 : 0;
  const speed = elapsedMs > 0 ? Math.floor((downloaded * 1000) / elapsedMs) : downloaded;
  return (
    `${String(pctTotal).padStart(3, ' ')} ${max5(sizeKnown ? total : downloaded)}  ` +
    `${String(pctDl).padStart(3, ' ')} ${max5(downloaded)}  ${String(0).padStart(3, ' ')} ${max5(0)}  ` +
    `${max5(speed)}  ${max5(0)} ${sizeKnown ? time8(elapsedMs) : '--:--:--'} ${time8(elapsedMs)} --:--:-- ${max5(speed)}`
  );
}

function statusLine(res: HttpResponse): string {
  return `HTTP/1.1 ${res.status} ${res.statusText}`.trimEnd();
}

export function curl(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'sSvm:o:OiIX:H:d:fLw:A:', LONGS);
  if (!parsed.ok) {
    ctx.err(
      `curl: ${parsed.error ?? 'option error'}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
    );
    return 2;
  }
  const o = parsed.opts;
  const rawUrl = parsed.args[0];
  if (!rawUrl) {
    ctx.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const silent = o.has('s');
  const showError = !silent || o.has('S');
  const verbose = o.has('v');
  // The meter is off when the body itself goes to the terminal (`exec -t`), and with -s.
  // Simplification: -v hides it here too (real curl interleaves both).
  const toFile = o.get('o') !== undefined && o.get('o') !== '-';
  const meter = !silent && !verbose && (toFile || o.has('O') || ctx.tty !== true);
  let meterStarted = false;
  const fail = (code: number, msg: string, elapsedMs: number, downloaded = 0, errno?: string): number => {
    if (verbose) {
      // lib/connect.c logs the socket error, then the failure, then closes the connection.
      if (errno) ctx.err(`* connect to ${connectedIP} port ${portNo} failed: ${errno}\n`);
      ctx.err(`* ${msg}\n${code === 6 ? '' : '* Closing connection 0\n'}`);
    }
    // The meter redraws once a second while waiting; on failure no final newline is written, so
    // the error message follows the last meter line directly (`…     0curl: (7) …`).
    if (meterStarted && elapsedMs >= 1000) ctx.err(`\r${meterLine(downloaded, false, elapsedMs)}`);
    if (showError) ctx.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const url = parseUrl(rawUrl);
  let connectedIP = '';
  const portNo = url?.port ?? 80;
  if (!url) return fail(3, `URL using bad/illegal format or missing URL`, 0);
  if (url.scheme !== 'http' && url.scheme !== 'https') {
    return fail(1, `Protocol "${url.scheme}" not supported or disabled in libcurl`, 0);
  }
  if (meter) {
    ctx.err(`${METER_HEADER}\r${meterLine(0, false, 0)}`);
    meterStarted = true;
  }
  const maxTimeMs = o.has('m') ? Math.round(Number(o.get('m')) * 1000) : undefined;
  const connectTimeoutMs = o.has('connect-timeout')
    ? Math.round(Number(o.get('connect-timeout')) * 1000)
    : undefined;

  const r = getaddrinfo(p, ctx, url.host, false);
  if (!r.ip) {
    if (r.dns) ctx.trace(r.dns);
    const t = r.local ? 0 : 1;
    ctx.sleep(t);
    return fail(6, `Could not resolve host: ${url.host}`, t);
  }
  connectedIP = r.ip;
  if (verbose) ctx.err(`*   Trying ${r.ip}:${url.port}...\n`);
  const headers: Record<string, string> = {
    'User-Agent': o.get('A') ?? `curl/${CURL_VERSION}`,
    Accept: '*/*',
  };
  const extra = o.get('H');
  let hostHeader = url.hostHeader;
  if (extra) {
    const c = extra.indexOf(':');
    if (c > 0) {
      const k = extra.slice(0, c).trim();
      const v = extra.slice(c + 1).trim();
      if (k.toLowerCase() === 'host') hostHeader = v;
      else headers[k] = v;
    }
  }
  const data = o.get('d');
  const method = o.get('X') ?? (o.has('I') ? 'HEAD' : data !== undefined ? 'POST' : 'GET');
  const limit = [maxTimeMs, connectTimeoutMs].filter((x): x is number => x !== undefined);
  const result = httpRequest(p.cluster, {
    source: podSource(p),
    url: `http://${r.ip}:${url.port}${url.path}`,
    host: hostHeader,
    headers,
    method,
    ...(data !== undefined ? { body: data } : {}),
    ...(limit.length ? { timeoutMs: Math.min(...limit) } : {}),
  });
  // One journey for the graph: the lookup, then the connection (then whatever the server called).
  result.traces.forEach((t, i) => {
    ctx.trace(i === 0 ? withLookup(r.dns, t, url.host) : t);
  });
  const dnsMs = r.local ? 0 : 1;
  const elapsed = dnsMs + result.durationMs;
  ctx.sleep(elapsed);
  if (result.error) {
    const e = result.error;
    if (e.kind === 'timeout') {
      const curlTimer = limit.length > 0 && result.durationMs <= Math.min(...limit);
      if (curlTimer && result.connectMs >= result.durationMs)
        return fail(28, `Connection timed out after ${elapsed} milliseconds`, elapsed);
      if (curlTimer)
        return fail(28, `Operation timed out after ${elapsed} milliseconds with 0 bytes received`, elapsed);
      return fail(
        28,
        `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Operation timed out`,
        elapsed,
        0,
        'Operation timed out',
      );
    }
    return fail(
      7,
      `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Connection refused`,
      elapsed,
      0,
      'Connection refused',
    );
  }
  const res = result.response;
  if (!res) return fail(52, 'Empty reply from server', elapsed);
  if (verbose) {
    let v = `* Connected to ${url.host} (${r.ip}) port ${url.port} (#0)\n`;
    v += `> ${method} ${url.path} HTTP/1.1\n> Host: ${hostHeader}\n`;
    for (const [k, val] of Object.entries(headers)) v += `> ${k}: ${val}\n`;
    v += '> \n';
    v += '* Mark bundle as not supporting multiuse\n';
    v += `< ${statusLine(res)}\n`;
    for (const [k, val] of res.headers) v += `< ${k}: ${val}\n`;
    v += '< \n';
    ctx.err(v);
  }
  if (o.has('f') && res.status >= 400) {
    return fail(22, `The requested URL returned error: ${res.status}`, elapsed);
  }
  const head = `${statusLine(res)}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  let body = method === 'HEAD' ? '' : res.body;
  if (o.has('I') || o.has('i')) body = head + body;
  const sizeKnown = res.headers.some(([k]) => k.toLowerCase() === 'content-length');
  const outFile = o.get('o') ?? (o.has('O') ? url.path.split('/').pop() || '' : undefined);
  // -o/-O name a file relative to the working directory (the shell's after `cd`).
  if (outFile !== undefined && outFile !== '-') writePodFile(p, cleanPath(outFile, workdir(p, ctx)), body);
  else ctx.out(body);
  if (meter) ctx.err(`\r${meterLine(new TextEncoder().encode(res.body).length, sizeKnown, elapsed)}\n`);
  if (verbose) ctx.err(`* Connection #0 to host ${url.host} left intact\n`);
  const w = o.get('w');
  if (w !== undefined) ctx.out(w.replace(/%\{http_code\}/g, String(res.status)).replace(/\\n/g, '\n'));
  return 0;
}
