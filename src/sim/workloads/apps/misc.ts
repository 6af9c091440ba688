// CoreDNS's HTTP side (health :8080, ready :8181, metrics :9153) and the default for any other
// image: it answers HTTP on each declared containerPort with a short plain-text line.
import { imageTag } from '../images';
import { type AppContext, httpDate, type Served, statusText, utf8Length } from './common';
import { coreDnsBuild } from './coredns-builds';

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
  if (ctx.port === 9153 && path === '/metrics') {
    // The build of this image (coremain/version.go, .go-version, the release commit); a tag whose
    // build is not established here exposes no build_info rather than another release's.
    const b = coreDnsBuild(imageTag(ctx.container.image));
    const info = b
      ? `# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="${b.go}",revision="${b.commit}",version="${b.version}"} 1\n`
      : '';
    return plain(ctx, 200, info, 'text/plain; version=0.0.4; charset=utf-8');
  }
  return plain(ctx, 404, '404 page not found\n');
}

export function serveGeneric(ctx: AppContext): Served {
  const { pod, container, port } = ctx;
  return plain(ctx, 200, `${pod.metadata.name}: ${container.image} answering on port ${port}\n`);
}
