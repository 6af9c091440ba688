// curl and wget on the student's machine. They reach localhost the way the host would:
// an active `kubectl port-forward`, Docker Desktop's LoadBalancer publishing, or a NodePort;
// everything else is refused. The request itself runs through the workloads' HTTP model so
// the graph can animate it, and its duration passes on the simulated clock.
import { hostConnect, httpRequest } from '../../sim/workloads/http/client';
import type { HttpResult } from '../../sim/workloads/http/types';
import { parseUrl } from '../../sim/workloads/http/url';
import type { CommandTable, ProcContext } from '../shell/types';
import { resolvePath } from '../vfs';
import type { HostEnv } from './env';

interface Fetch {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** Run the request, print `Handling connection for N` through a matching port-forward, let time pass. */
export function hostFetch(env: HostEnv, ctx: ProcContext, f: Fetch): HttpResult & { emptyReply?: boolean } {
  const forwards = env.forwards
    .list()
    .map((p) => ({ localPort: p.localPort, podKey: p.podKey, podPort: p.podPort }));
  const u = parseUrl(f.url);
  const viaForward = u ? hostConnect(ctx.cluster, u.port, u.host, forwards).kind === 'port-forward' : false;
  if (u && viaForward) env.forwards.get(u.port)?.onConnection();
  const r = httpRequest(ctx.cluster, {
    source: { kind: 'host' },
    url: f.url,
    method: f.method,
    headers: f.headers,
    portForwards: forwards,
    ...(f.body !== undefined ? { body: f.body } : {}),
    ...(f.timeoutMs !== undefined ? { timeoutMs: f.timeoutMs } : {}),
  });
  for (const t of r.traces) ctx.trace(t);
  if (r.durationMs > 0) ctx.sleep(Math.round(r.durationMs));
  // kubectl accepted the local connection; the kubelet then failed to dial inside the Pod, so the
  // client sees the socket close without a byte, and the forward itself ends.
  if (u && viaForward && r.error?.kind === 'refused') {
    env.forwards.get(u.port)?.onConnectionFailed?.();
    return { ...r, emptyReply: true };
  }
  return r;
}

const CURL_TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function curl(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    let silent = false;
    let showError = false;
    let include = false;
    let head = false;
    let fail = false;
    let method: string | undefined;
    let body: string | undefined;
    let output: string | undefined;
    let writeOut: string | undefined;
    let timeoutMs: number | undefined;
    const headers: Record<string, string> = {};
    const urls: string[] = [];
    const needArg = (opt: string, v: string | undefined): v is string => {
      if (v === undefined) ctx.err(`curl: option ${opt}: requires parameter\n${CURL_TRY}`);
      return v !== undefined;
    };
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i] as string;
      if (!a.startsWith('-') || a === '-') {
        urls.push(a);
        continue;
      }
      const long: Record<string, string> = {
        '--silent': 's',
        '--show-error': 'S',
        '--include': 'i',
        '--head': 'I',
        '--fail': 'f',
        '--location': 'L',
        '--request': 'X',
        '--data': 'd',
        '--header': 'H',
        '--output': 'o',
        '--max-time': 'm',
        '--write-out': 'w',
      };
      const flags = a.startsWith('--') ? [long[a] ?? a] : [...a.slice(1)];
      for (const fl of flags) {
        switch (fl) {
          case 's':
            silent = true;
            break;
          case 'S':
            showError = true;
            break;
          case 'i':
            include = true;
            break;
          case 'I':
            head = true;
            break;
          case 'f':
            fail = true;
            break;
          case 'L':
          case 'v':
            break;
          case 'X':
          case 'd':
          case 'H':
          case 'o':
          case 'w':
          case 'm': {
            const v = argv[++i];
            if (!needArg(a, v)) return 2;
            if (fl === 'X') method = v;
            if (fl === 'd') body = v;
            if (fl === 'o') output = v;
            if (fl === 'w') writeOut = v;
            if (fl === 'H') {
              const c = v.indexOf(':');
              if (c > 0) headers[v.slice(0, c).trim()] = v.slice(c + 1).trim();
            }
            if (fl === 'm') {
              const s = Number.parseFloat(v);
              if (!Number.isFinite(s)) {
                ctx.err(`curl: option ${a}: expected a proper numerical parameter\n${CURL_TRY}`);
                return 2;
              }
              timeoutMs = s * 1000;
            }
            break;
          }
          default:
            ctx.err(
              a.startsWith('--')
                ? `curl: option ${a}: is unknown\n${CURL_TRY}`
                : `curl: option -${fl}: is unknown\n${CURL_TRY}`,
            );
            return 2;
        }
      }
    }
    if (urls.length === 0) {
      ctx.err(`curl: no URL specified!\n${CURL_TRY}`);
      return 2;
    }
    let code = 0;
    // -w/--write-out: curl expands it after each transfer, failed or not (http_code 000).
    const writeOutFor = (url: string, r: ReturnType<typeof hostFetch> | undefined, exit: number): string => {
      const res = r?.response;
      const u = parseUrl(url);
      const vars: Record<string, string> = {
        http_code: String(res?.status ?? 0).padStart(3, '0'),
        response_code: String(res?.status ?? 0).padStart(3, '0'),
        size_download: String(res && !head ? new TextEncoder().encode(res.body).length : 0),
        content_type: res?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
        url_effective: u ? `http://${u.host}${u.port === 80 ? '' : `:${u.port}`}${u.path}` : url,
        exitcode: String(exit),
        method: method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'),
      };
      return (writeOut ?? '').replace(
        /%\{([^}]*)\}|%%|\\([nrt\\])/g,
        (m, name: string | undefined, esc: string | undefined) => {
          if (m === '%%') return '%';
          if (esc !== undefined) return esc === 'n' ? '\n' : esc === 'r' ? '\r' : esc === 't' ? '\t' : '\\';
          const v = vars[name ?? ''];
          if (v === undefined) {
            ctx.err(`curl: unknown --write-out variable: '${name}'\n`);
            return '';
          }
          return v;
        },
      );
    };
    for (const url of urls) {
      let last: ReturnType<typeof hostFetch> | undefined;
      const before = code;
      code = 0;
      const one = (): void => {
        // curl 8 rejects these before connecting (lib/urlapi.c, lib/url.c).
        const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
        if (scheme && !['http', 'https'].includes((scheme[1] as string).toLowerCase())) {
          if (!silent || showError) ctx.err(`curl: (1) Protocol "${scheme[1]}" not supported\n`);
          code = 1;
          return;
        }
        if (scheme && scheme[2] === '') {
          if (!silent || showError) ctx.err('curl: (3) URL rejected: No host part in the URL\n');
          code = 3;
          return;
        }
        const u = parseUrl(url);
        const r = hostFetch(env, ctx, {
          url,
          method: method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'),
          headers:
            body !== undefined
              ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }
              : headers,
          ...(body !== undefined ? { body } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        });
        last = r;
        const host = u?.host ?? url;
        const port = u?.port ?? 80;
        const report = (msg: string) => {
          if (!silent || showError) ctx.err(`${msg}\n`);
        };
        if (r.emptyReply) {
          report('curl: (52) Empty reply from server');
          code = 52;
          return;
        }
        if (r.error) {
          switch (r.error.kind) {
            case 'nxdomain':
              report(`curl: (6) Could not resolve host: ${host}`);
              code = 6;
              break;
            case 'timeout':
              report(
                timeoutMs !== undefined
                  ? `curl: (28) Connection timed out after ${Math.round(r.connectMs)} milliseconds`
                  : `curl: (28) Failed to connect to ${host} port ${port} after ${Math.round(r.connectMs)} ms: Couldn't connect to server`,
              );
              code = 28;
              break;
            default:
              report(
                `curl: (7) Failed to connect to ${host} port ${port} after ${Math.round(r.connectMs)} ms: Couldn't connect to server`,
              );
              code = 7;
          }
          return;
        }
        const res = r.response;
        if (!res) return;
        if (fail && res.status >= 400) {
          report(`curl: (22) The requested URL returned error: ${res.status}`);
          code = 22;
          return;
        }
        let text = '';
        if (include || head) {
          text += `HTTP/1.1 ${res.status} ${res.statusText}\r\n`;
          for (const [k, v] of res.headers) text += `${k}: ${v}\r\n`;
          text += '\r\n';
        }
        if (!head) text += res.body;
        if (output === '/dev/null') {
          // discarded
        } else if (output !== undefined) {
          const e = env.fs.write(resolvePath(env.cwd(), output), text);
          if (e) {
            report(`curl: (23) Failure writing output to destination`);
            code = 23;
          }
        } else ctx.out(text);
      };
      one();
      if (writeOut !== undefined) ctx.out(writeOutFor(url, last, code));
      if (code === 0) code = before;
    }
    return code;
  };
}

function wgetDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** GNU wget: `-q`, `-O FILE` / `-O -`, `-T SECONDS`; without -O it saves to the URL's file name. */
function wget(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    let quiet = false;
    let output: string | undefined;
    let timeoutMs: number | undefined;
    const urls: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-O' || a === '-T') {
        const v = argv[++i];
        if (v === undefined) {
          ctx.err(
            `wget: option requires an argument -- '${a.slice(1)}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`,
          );
          return 2;
        }
        if (a === '-O') output = v;
        else timeoutMs = Number.parseFloat(v) * 1000;
      } else if (/^-q?O.+/.test(a)) {
        quiet = quiet || a.startsWith('-q');
        output = a.slice(a.indexOf('O') + 1);
      } else if (a === '-qO' || a === '-qO-') {
        quiet = true;
        output = a === '-qO-' ? '-' : argv[++i];
      } else if (a.startsWith('-')) {
        ctx.err(
          `wget: invalid option -- '${a.slice(1, 2)}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`,
        );
        return 2;
      } else urls.push(a);
    }
    if (urls.length === 0) {
      ctx.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    let code = 0;
    for (const url of urls) {
      const u = parseUrl(url);
      const full = u ? `${u.scheme}://${u.hostHeader}${u.path}` : url;
      const log = (s: string) => {
        if (!quiet) ctx.err(s);
      };
      log(`--${wgetDate(ctx.cluster.now())}--  ${full}\n`);
      const r = hostFetch(env, ctx, {
        url,
        method: 'GET',
        headers: {},
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      const host = u?.host ?? url;
      if (r.error) {
        if (r.error.kind === 'nxdomain') {
          log(
            `Resolving ${host} (${host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${host}’\n`,
          );
          code = 4;
          continue;
        }
        const ip = host === 'localhost' ? '127.0.0.1' : host;
        log(`Resolving ${host} (${host})... ${ip}${host === 'localhost' ? ', ::1' : ''}\n`);
        log(
          `Connecting to ${host} (${host})|${ip}|:${u?.port ?? 80}... failed: ${r.error.kind === 'timeout' ? 'Connection timed out' : 'Connection refused'}.\n`,
        );
        if (host === 'localhost')
          log(`Connecting to ${host} (${host})|::1|:${u?.port ?? 80}... failed: Connection refused.\n`);
        code = 4;
        continue;
      }
      const res = r.response;
      if (!res) continue;
      const ip = host === 'localhost' ? '127.0.0.1' : host;
      log(`Resolving ${host} (${host})... ${ip}${host === 'localhost' ? ', ::1' : ''}\n`);
      log(`Connecting to ${host} (${host})|${ip}|:${u?.port ?? 80}... connected.\n`);
      log(`HTTP request sent, awaiting response... ${res.status} ${res.statusText}\n`);
      if (res.status >= 400) {
        log(`${wgetDate(ctx.cluster.now())} ERROR ${res.status}: ${res.statusText}.\n\n`);
        code = 8;
        continue;
      }
      const bytes = new TextEncoder().encode(res.body).length;
      const type =
        res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1]?.split(';')[0] ?? 'text/plain';
      log(`Length: ${bytes} [${type}]\n`);
      const name = output ?? (u?.path.split('?')[0]?.split('/').pop() || 'index.html');
      if (name === '-') {
        ctx.out(res.body);
        continue;
      }
      log(`Saving to: ‘${name}’\n\n`);
      const e = env.fs.write(resolvePath(env.cwd(), name), res.body);
      if (e) {
        ctx.err(`${name}: No such file or directory\n`);
        code = 3;
        continue;
      }
      log(`${wgetDate(ctx.cluster.now())} - ‘${name}’ saved [${bytes}/${bytes}]\n\n`);
    }
    return code;
  };
}

export function httpCommands(env: HostEnv): CommandTable {
  return { curl: curl(env), wget: wget(env) };
}
