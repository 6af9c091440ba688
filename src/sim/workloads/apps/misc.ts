// CoreDNS's HTTP side (health :8080, ready :8181, metrics :9153) and the default for any other
// image: it answers HTTP on each declared containerPort with a short plain-text line.
import { type AppContext, httpDate, type Served, statusText, utf8Length } from './common';

function plain(
  ctx: AppContext,
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): Served {
  return {
    response: {
      status,
      statusText: statusText(status),
      headers: [
        ['Content-Type', contentType],
        ['Date', httpDate(ctx.cluster.now())],
        ['Content-Length', String(utf8Length(body))],
      ],
      body,
    },
    traces: [],
    durationMs: 1,
  };
}

export function serveCoreDns(ctx: AppContext): Served {
  const path = ctx.request.path.split('?')[0] ?? '/';
  // Port 53 speaks DNS, not HTTP: the server closes the connection without an HTTP answer.
  if (ctx.port === 53) return { traces: [], durationMs: 1 };
  if (ctx.port === 8080 && path === '/health') return plain(ctx, 200, 'OK');
  if (ctx.port === 8181 && path === '/ready') return plain(ctx, 200, 'OK');
  if (ctx.port === 9153 && path === '/metrics')
    return plain(
      ctx,
      200,
      '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="go1.23.3",revision="51e11f1",version="1.12.0"} 1\n',
      'text/plain; version=0.0.4; charset=utf-8',
    );
  return plain(ctx, 404, '404 page not found\n');
}

export function serveGeneric(ctx: AppContext): Served {
  const { pod, container, port } = ctx;
  return plain(ctx, 200, `${pod.metadata.name}: ${container.image} answering on port ${port}\n`);
}
