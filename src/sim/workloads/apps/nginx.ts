// The official nginx image: the files of its document root on :80 (the welcome page until a
// student copies another index.html in) and nginx's own error pages, plus one combined-format
// access log line per request on stdout (`kubectl logs`).
import { statPath } from '../fs';
import { NGINX_ROOT, NGINX_VERSION, nginxContentType } from '../image-nginx';
import { makeProc, readPodFile } from '../proc';
import { procState } from '../state';
import { type AppContext, httpDate, type Served, statusText, utf8Length } from './common';

export { NGINX_VERSION, NGINX_WELCOME } from '../image-nginx';

/**
 * nginx's own error pages (ngx_http_special_response.c): the page's head, ngx_http_error_tail
 * with the version, lines ending in CRLF.
 */
function errorPage(status: number): string {
  const title = `${status} ${statusText(status)}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$time_local` as nginx writes it: `25/Nov/2026:17:24:25 +0000`. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** ngx_http_parse_complex_uri's normalisation: %XX decoded, `//` merged, `.` and `..` resolved. */
function normalizeUri(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const parts = decoded.split('/');
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i] as string;
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(s);
  }
  const trailing = decoded.endsWith('/') || /\/\.{1,2}$/.test(decoded);
  return `/${out.join('/')}${trailing && out.length ? '/' : ''}`;
}

interface Answer {
  status: number;
  body: string;
  type: string;
  /** The file's time and size for Last-Modified and ETag (static files only). */
  file?: { mtime: number | undefined; size: number };
  location?: string;
}

/**
 * default.conf's `location /`: `root /usr/share/nginx/html; index index.html index.htm;` over the
 * container's file system (../fs.ts), so what `kubectl cp` or `echo >` put there is served.
 * ngx_http_index_module for a URI ending in `/` (the first index file that exists, else 403 for
 * an existing directory — autoindex is off — and 404 for a missing one);
 * ngx_http_static_module for the rest (404 when missing, 301 to URI/ for a directory). The
 * student's own default.conf edits are not read: the root and index stay the image's.
 */
function answer(ctx: AppContext, uri: string): Answer {
  const { cluster, pod, container } = ctx;
  const key = `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const p = makeProc(cluster, key, pod, {}, container.name);
  const err = (status: number): Answer => ({ status, body: errorPage(status), type: 'text/html' });
  if (!p) return err(404);
  const serve = (path: string): Answer | undefined => {
    const node = statPath(p, path);
    if (node?.kind !== 'file') return undefined;
    const body = readPodFile(p, path) ?? '';
    return {
      status: 200,
      body,
      type: nginxContentType(path),
      file: { mtime: node.mtime, size: utf8Length(body) },
    };
  };
  const full = `${NGINX_ROOT}${uri}`;
  if (uri.endsWith('/')) {
    for (const index of ['index.html', 'index.htm']) {
      const served = serve(`${full}${index}`);
      if (served) return served;
    }
    return err(statPath(p, full.replace(/\/$/, ''))?.kind === 'dir' ? 403 : 404);
  }
  const node = statPath(p, full);
  if (node?.kind === 'dir') {
    // The header filter makes the Location absolute: the Host header's name, the local port
    // unless 80 (absolute_redirect and port_in_redirect on, server_name_in_redirect off).
    const host = ctx.request.host.replace(/:\d+$/, '');
    const port = ctx.port === 80 ? '' : `:${ctx.port}`;
    return { ...err(301), location: `http://${host}${port}${uri}/` };
  }
  return serve(full) ?? err(404);
}

export function serveNginx(ctx: AppContext): Served {
  const { request, cluster } = ctx;
  const raw = request.path.split('?')[0] ?? '/';
  const uri = normalizeUri(raw);
  const a: Answer =
    uri === undefined ? { status: 400, body: errorPage(400), type: 'text/html' } : answer(ctx, uri);
  const { status, body } = a;
  const headers: [string, string][] = [
    ['Server', `nginx/${NGINX_VERSION}`],
    ['Date', httpDate(cluster.now())],
    ['Content-Type', a.type],
    ['Content-Length', String(utf8Length(body))],
  ];
  // ngx_http_header_filter's order: Last-Modified, Location, Connection, then the list
  // (the static module's ETag `"<mtime hex>-<size hex>"`, the range filter's Accept-Ranges).
  const mtime = a.file?.mtime;
  if (mtime !== undefined) headers.push(['Last-Modified', httpDate(mtime)]);
  if (a.location) headers.push(['Location', a.location]);
  headers.push(['Connection', 'keep-alive']);
  if (a.file && mtime !== undefined)
    headers.push(['ETag', `"${Math.floor(mtime / 1000).toString(16)}-${a.file.size.toString(16)}"`]);
  if (a.file) headers.push(['Accept-Ranges', 'bytes']);
  const ua = request.headers['User-Agent'] ?? request.headers['user-agent'] ?? '-';
  procState(cluster, ctx.pod.metadata.uid).logs.push({
    at: cluster.now(),
    text: `${request.clientIP ?? '-'} - - [${nginxTime(cluster.now())}] "${request.method} ${request.path} HTTP/1.1" ${status} ${request.method === 'HEAD' ? 0 : utf8Length(body)} "-" "${ua}" "-"`,
  });
  return {
    response: {
      status,
      statusText: statusText(status),
      headers,
      body: request.method === 'HEAD' ? '' : body,
    },
    traces: [],
    durationMs: 1,
  };
}
