// kiamol/ch03-numbers-web (reference §A2; sixeyed/kiamol ch03 Numbers.Web): a Razor Pages app on
// port 80. GET / shows the form; POST / (the Go! button) calls RngApi__Url FROM THIS POD with
// RestSharp 106 (HttpWebRequest, 100 s default timeout). A 404 is retried once with the Host
// header set to RngApi__RetryHost — the trick that makes the ExternalName to GitHub answer 42.
import type { HttpResult, WebPage } from '../http/types';
import { procState, streamFor } from '../state';
import { type AppContext, containerEnv, httpDate, type Served, statusText } from './common';

export const DEFAULT_API_URL = 'http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng';
export const DEFAULT_RETRY_HOST = 'raw.githubusercontent.com';
/** HttpWebRequest.Timeout default. */
export const HTTPWEBREQUEST_TIMEOUT_MS = 100_000;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function antiforgeryToken(ctx: AppContext): string {
  const rng = streamFor(ctx.cluster, `antiforgery:${ctx.pod.metadata.uid}`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = 'CfDJ8';
  for (let i = 0; i < 150; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

/** The page as _Layout.cshtml + Index.cshtml render it. */
function renderPage(page: WebPage, token: string): string {
  let body: string;
  if (page.number !== undefined) {
    body = `    <p>Here it is: ${page.number}</p>\n    <p>(Using API at: ${escapeHtml(page.apiUrl ?? '')})</p>\n`;
  } else if (page.error) {
    body = `    <p>${escapeHtml(page.error)}</p>\n    <p>(Using API at: ${escapeHtml(page.apiUrl ?? '')})</p>\n`;
  } else {
    body =
      '    <form method="post">\n        <p>Get a random number</p>\n        <input type="submit" value="Go!"/>\n' +
      `    <input name="__RequestVerificationToken" type="hidden" value="${token}" /></form>\n`;
  }
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n    <meta charset="utf-8" />\n' +
    '    <meta name="viewport" content="width=device-width, initial-scale=1.0" />\n' +
    `    <title>${escapeHtml(page.title)}</title>\n` +
    '    <link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css" />\n' +
    '    <link rel="stylesheet" href="/css/site.css" />\n</head>\n<body>\n\n' +
    '    <div class="container">\n        <main role="main" class="pb-3">\n            \n' +
    `<h1>${escapeHtml(page.heading)}</h1>\n\n${body}\n` +
    '        </main>\n    </div>\n\n' +
    '    <script src="/lib/jquery/dist/jquery.min.js"></script>\n' +
    '    <script src="/lib/bootstrap/dist/js/bootstrap.bundle.min.js"></script>\n' +
    '    <script src="/js/site.js?v=4q1jwFhaPaZgr8WAUSrux6hAuh0XDg9kPS3xIVq36I0"></script>\n\n    \n</body>\n</html>\n'
  );
}

/** The exception RestSharp's failed call turns into (logged by IndexModel.OnPostAsync). */
function failureMessage(result: HttpResult, host: string, port: number): string {
  let status = '0';
  let message = '';
  if (result.response) {
    const names: Record<number, string> = { 404: 'NotFound', 500: 'InternalServerError', 400: 'BadRequest' };
    status = names[result.response.status] ?? String(result.response.status);
  } else if (result.error?.kind === 'nxdomain') {
    message = `Name does not resolve (${host}:${port})`;
  } else if (result.error?.kind === 'timeout') {
    message = 'The operation has timed out.';
  } else {
    message = `Connection refused (${host}:${port})`;
  }
  return (
    `API call failed: System.Exception: Service call failed, status: ${status}, message: ${message}\n` +
    '   at Numbers.Web.Services.RandomNumberService.GetNumber() in /src/Services/RandomNumberService.cs:line 33\n' +
    '   at Numbers.Web.Pages.IndexModel.OnPostAsync() in /src/Pages/Index.cshtml.cs:line 38'
  );
}

/**
 * wwwroot/css/site.css as each image ships it (our own stylesheet text, not the book's file).
 * The only difference between :latest and :v2 is this file (reference §A2): v2 sets Comic Sans
 * MS, an antiquewhite main area and a reddish sidebar gradient. Serving it lets a student tell
 * the versions apart from the terminal (`curl localhost:8088/css/site.css`), e.g. when a
 * too-broad Service selector balances across both web Deployments in the lab.
 */
export const SITE_CSS: Record<'v1' | 'v2', string> = {
  v1:
    'html {\n  font-size: 14px;\n}\n\nbody {\n  margin-bottom: 60px;\n}\n\n' +
    'main {\n  padding: 1rem;\n}\n',
  v2:
    'html {\n  font-size: 14px;\n}\n\nbody {\n  margin-bottom: 60px;\n  font-family: "Comic Sans MS", cursive;\n}\n\n' +
    'main {\n  padding: 1rem;\n  background-color: antiquewhite;\n}\n\n' +
    '.sidebar {\n  background-image: linear-gradient(180deg, rgb(140, 20, 20) 0%, rgb(200, 90, 60) 70%);\n}\n',
};

/** A static file as ASP.NET Core's StaticFileMiddleware answers it (Content-Length, no chunking). */
function staticFile(ctx: AppContext, body: string, contentType: string): Served {
  const at = ctx.cluster.now();
  return {
    response: {
      status: 200,
      statusText: statusText(200),
      headers: [
        ['Content-Length', String(new TextEncoder().encode(body).length)],
        ['Content-Type', contentType],
        ['Date', httpDate(at)],
        ['Server', 'Kestrel'],
        ['Accept-Ranges', 'bytes'],
        ['Last-Modified', httpDate(Date.UTC(2021, 0, 1))],
      ],
      body: ctx.request.method === 'HEAD' ? '' : body,
    },
    traces: [],
    durationMs: 2,
  };
}

export function serveNumbersWeb(ctx: AppContext, styleVariant: 'v1' | 'v2'): Served {
  const { cluster, pod, container, request } = ctx;
  const path = request.path.split('?')[0] ?? '/';
  const headersFor = (contentType: string | undefined, body: string): [string, string][] => {
    const h: [string, string][] = [];
    if (body === '') h.push(['Content-Length', '0']);
    if (contentType) h.push(['Content-Type', contentType]);
    h.push(['Date', httpDate(cluster.now())], ['Server', 'Kestrel']);
    if (body !== '') h.push(['Transfer-Encoding', 'chunked']);
    return h;
  };
  const reply = (status: number, body: string, page?: WebPage, extra: Partial<Served> = {}): Served => ({
    response: {
      status,
      statusText: statusText(status),
      headers: headersFor(body ? 'text/html; charset=utf-8' : undefined, body),
      body,
      ...(page ? { page } : {}),
    },
    traces: extra.traces ?? [],
    durationMs: extra.durationMs ?? 3,
  });
  if ((request.method === 'GET' || request.method === 'HEAD') && path.toLowerCase() === '/css/site.css')
    return staticFile(ctx, SITE_CSS[styleVariant], 'text/css');
  if (path !== '/' && path.toLowerCase() !== '/index') return reply(404, '');
  const token = antiforgeryToken(ctx);
  const base = {
    title: 'KIAMOL - Numbers.Web',
    heading: 'KIAMOL Random Number Generator',
    styleVariant,
  };
  if (request.method === 'GET' || request.method === 'HEAD') {
    const page: WebPage = { ...base, form: true, formBody: `__RequestVerificationToken=${token}` };
    return reply(200, renderPage(page, token), page);
  }
  if (request.method !== 'POST') return reply(405, '');
  // Razor Pages validate the antiforgery token on POST; without it the answer is an empty 400.
  if (!(request.body ?? '').includes('__RequestVerificationToken=')) return reply(400, '');

  const env = containerEnv(container, {
    RngApi__Url: DEFAULT_API_URL,
    RngApi__RetryHost: DEFAULT_RETRY_HOST,
  });
  const apiUrl = env.RngApi__Url ?? DEFAULT_API_URL;
  const retryHost = env.RngApi__RetryHost ?? DEFAULT_RETRY_HOST;
  const source = {
    kind: 'pod' as const,
    key: `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
  };
  let result = ctx.client(cluster, { source, url: apiUrl, timeoutMs: HTTPWEBREQUEST_TIMEOUT_MS });
  const traces = [...result.traces];
  let durationMs = result.durationMs;
  if (result.response?.status === 404) {
    result = ctx.client(cluster, {
      source,
      url: apiUrl,
      host: retryHost,
      timeoutMs: HTTPWEBREQUEST_TIMEOUT_MS,
    });
    traces.push(...result.traces);
    durationMs += result.durationMs;
  }
  const ok = result.response && result.response.status >= 200 && result.response.status < 300;
  const n = ok ? Number.parseInt((result.response?.body ?? '').trim(), 10) : Number.NaN;
  if (ok && /^\s*-?\d+\s*$/.test(result.response?.body ?? '') && Number.isFinite(n)) {
    const page: WebPage = { ...base, form: false, number: n, apiUrl };
    return reply(200, renderPage(page, token), page, { traces, durationMs: durationMs + 3 });
  }
  const urlHost = /^[a-z]+:\/\/([^/:]+)(?::(\d+))?/i.exec(apiUrl);
  const message =
    ok && result.response
      ? `API call failed: System.FormatException: Input string was not in a correct format.\n   at Numbers.Web.Services.RandomNumberService.GetNumber() in /src/Services/RandomNumberService.cs:line 35\n   at Numbers.Web.Pages.IndexModel.OnPostAsync() in /src/Pages/Index.cshtml.cs:line 38`
      : failureMessage(result, urlHost?.[1] ?? '', Number(urlHost?.[2] ?? 80));
  procState(cluster, pod.metadata.uid).logs.push({
    at: cluster.now() + durationMs,
    text: `fail: Numbers.Web.Pages.IndexModel[0]\n${message.replace(/^/gm, '      ')}`,
  });
  const page: WebPage = { ...base, form: false, error: 'RNG service unavailable!', apiUrl };
  return reply(200, renderPage(page, token), page, { traces, durationMs: durationMs + 3 });
}
