// BusyBox 1.34.1 wget (networking/wget.c): `Connecting to host (ip:port)`, `saving to 'file'` or
// `writing to stdout`, a progress line when the size is known (stderr is not a tty under
// `kubectl exec`, so one final line), then `'file' saved` / `written to stdout`.
import type { ProcContext } from '../../../kubectl/shell/types';
import { cleanPath, missingReason, statPath } from '../fs';
import { httpRequest } from '../http/client';
import { parseUrl } from '../http/url';
import type { PodProc } from '../proc';
import { podFileExists, writePodFile } from '../proc';
import { getaddrinfo, podSource, withLookup } from '../resolve';
import { parseOpts } from './getopt';
import { workdir } from './info';
import { usageText } from './usage';

const LONGS: Record<string, string> = {
  spider: 'spider',
  quiet: 'q',
  'output-document': 'O:',
  'output-file': 'o:',
  'directory-prefix': 'P:',
  'user-agent': 'U:',
  header: 'header:',
  'post-data': 'post-data:',
  timeout: 'T:',
  'no-check-certificate': 'no-check-certificate',
  continue: 'c',
  'server-response': 'S',
  proxy: 'Y:',
};

/** libbb smart_ulltoa5: five columns, k/M/G scaling above 99999. */
function size5(n: number): string {
  if (n <= 99999) return String(n).padStart(5, ' ');
  const units = ' kMGTPEZY';
  let v = n;
  let i = 0;
  while (v > 9999 && i < units.length - 1) {
    v = Math.floor(v / 1024);
    i++;
  }
  return `${String(v).padStart(4, ' ')}${units[i]}`;
}

/** bb_progress_update's last line when stderr is not a terminal (no `\r`; 80-column bar). */
export function wgetProgressLine(name: string, size: number): string {
  const label = name.length > 20 ? name.slice(0, 20) : name.padEnd(20, ' ');
  return `${label} 100% |${'*'.repeat(32)}| ${size5(size)}  0:00:00 ETA\n`;
}

export function wget(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'cqSO:o:P:U:T:Y:', LONGS);
  if (!parsed.ok || parsed.args.length === 0) {
    if (parsed.ok === false && parsed.error) ctx.err(`wget: ${parsed.error}\n`);
    ctx.err(usageText('wget'));
    return 1;
  }
  const o = parsed.opts;
  const quiet = o.has('q');
  const timeoutS = o.has('T') ? Number(o.get('T')) : 900;
  let exit = 0;
  for (const rawUrl of parsed.args) {
    const url = parseUrl(rawUrl.includes('://') ? rawUrl : `http://${rawUrl}`);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https' && url.scheme !== 'ftp')) {
      ctx.err(`wget: not an http or ftp url: ${rawUrl}\n`);
      return 1;
    }
    const r = getaddrinfo(p, ctx, url.host, false);
    if (!r.ip) {
      if (r.dns) ctx.trace(r.dns);
      ctx.err(`wget: bad address '${url.host}'\n`);
      return 1;
    }
    if (!quiet) ctx.err(`Connecting to ${url.host} (${r.ip}:${url.port})\n`);
    const postData = o.get('post-data');
    const headers: Record<string, string> = { 'User-Agent': o.get('U') ?? 'Wget' };
    const result = httpRequest(p.cluster, {
      source: podSource(p),
      url: `http://${r.ip}:${url.port}${url.path}`,
      host: url.hostHeader,
      headers,
      method: postData !== undefined ? 'POST' : 'GET',
      ...(postData !== undefined ? { body: postData } : {}),
      ...(timeoutS > 0 ? { timeoutMs: timeoutS * 1000 } : {}),
    });
    // One journey for the graph: the lookup, then the connection (then whatever the server called).
    result.traces.forEach((t, i) => {
      ctx.trace(i === 0 ? withLookup(r.dns, t, url.host) : t);
    });
    if (result.error) {
      ctx.sleep(result.durationMs);
      if (result.error.kind === 'timeout') {
        // The alarm(-T) fires first unless the kernel gives up on the SYN before it.
        ctx.err(
          timeoutS > 0 && timeoutS * 1000 <= result.durationMs
            ? 'wget: download timed out\n'
            : `wget: can't connect to remote host (${r.ip}): Operation timed out\n`,
        );
      } else {
        ctx.err(`wget: can't connect to remote host (${r.ip}): Connection refused\n`);
      }
      return 1;
    }
    ctx.sleep(result.durationMs);
    const res = result.response;
    if (!res) return 1;
    if (o.has('S')) {
      let text = `  HTTP/1.1 ${res.status} ${res.statusText}\n`;
      for (const [k, v] of res.headers) text += `  ${k}: ${v}\n`;
      ctx.err(text);
    }
    if (!((res.status >= 200 && res.status <= 204) || (res.status >= 300 && res.status <= 308))) {
      ctx.err(`wget: server returned error: HTTP/1.1 ${res.status} ${res.statusText}\n`);
      return 1;
    }
    if (o.has('spider')) {
      if (!quiet) ctx.err('remote file exists\n');
      continue;
    }
    const out = o.get('O');
    const toStdout = out === '-';
    const fname = out ?? (url.path.split('?')[0]?.split('/').pop() || 'index.html');
    const dir = o.get('P');
    const path = dir ? `${dir.replace(/\/$/, '')}/${fname}` : fname;
    // Relative to the working directory (the shell's after `cd`).
    const abs = cleanPath(path, workdir(p, ctx));
    if (!toStdout && out === undefined && podFileExists(p, abs)) {
      ctx.err(`wget: can't open '${path}': File exists\n`);
      exit = 1;
      continue;
    }
    // xopen3 before retrieve_file_data's "saving to": a missing directory dies there.
    const parent = statPath(p, abs.slice(0, abs.lastIndexOf('/')) || '/');
    if (!toStdout && parent?.kind !== 'dir') {
      ctx.err(`wget: can't open '${path}': ${parent ? 'Not a directory' : missingReason(p, abs)}\n`);
      return 1;
    }
    const contentLength = res.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
    if (!quiet) ctx.err(toStdout ? 'writing to stdout\n' : `saving to '${path}'\n`);
    if (toStdout) ctx.out(res.body);
    else writePodFile(p, abs, res.body);
    if (!quiet) {
      // Chunked answers have no known size: the bar is only drawn once a second, so none shows.
      if (contentLength !== undefined) {
        const line = wgetProgressLine(toStdout ? '-' : fname, Number(contentLength));
        // On a terminal the bar is redrawn in place (`\r`) and PROGRESS_END adds the newline.
        ctx.err(ctx.tty ? `\r${line}` : line);
      }
      ctx.err(toStdout ? 'written to stdout\n' : `'${path}' saved\n`);
    }
  }
  return exit;
}
