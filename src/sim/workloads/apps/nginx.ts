// The official nginx image: the default welcome page on :80 and nginx's own 404 page, plus one
// combined-format access log line per request on stdout (`kubectl logs`).
import { procState } from '../state';
import { type AppContext, httpDate, type Served, statusText, utf8Length } from './common';

export const NGINX_VERSION = '1.27.3';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NOT_FOUND = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$time_local` as nginx writes it: `25/Nov/2026:17:24:25 +0000`. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function serveNginx(ctx: AppContext): Served {
  const { request, cluster } = ctx;
  const path = request.path.split('?')[0] ?? '/';
  const found = path === '/' || path === '/index.html';
  const status = found ? 200 : 404;
  const body = found ? NGINX_WELCOME : NOT_FOUND;
  const headers: [string, string][] = [
    ['Server', `nginx/${NGINX_VERSION}`],
    ['Date', httpDate(cluster.now())],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(utf8Length(body))],
    ['Connection', 'keep-alive'],
  ];
  if (found) headers.splice(4, 0, ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT']);
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
