// Hand an HTTP request that reached a Pod to the app of the container listening on that port.
import type { Container, Pod } from '../../api/types';
import type { Cluster } from '../../contract';
import { podListens } from '../../net/listeners';
import type { AppContext, HttpClient, Served } from '../apps/common';
import { serveCoreDns, serveGeneric } from '../apps/misc';
import { serveNginx } from '../apps/nginx';
import { serveNumbersApi } from '../apps/numbersApi';
import { serveNumbersWeb } from '../apps/numbersWeb';
import { imageInfo } from '../images';
import type { HttpRequest } from './types';

/** The container whose process owns `port` (known images by their app, others by containerPorts). */
export function listeningContainer(pod: Pod, port: number): Container | undefined {
  for (const c of pod.spec.containers) {
    const single: Pod = { ...pod, spec: { ...pod.spec, containers: [c] } };
    if (podListens(single, port, 'TCP')) return c;
  }
  return undefined;
}

export function serveHttp(
  cluster: Cluster,
  pod: Pod,
  port: number,
  request: HttpRequest,
  client: HttpClient,
): Served {
  const container = listeningContainer(pod, port);
  if (!container) return { traces: [], durationMs: 0 };
  const ctx: AppContext = { cluster, pod, container, port, request, client };
  const info = imageInfo(container.image);
  switch (info.app) {
    case 'numbers-api':
      return serveNumbersApi(ctx);
    case 'numbers-web':
      return serveNumbersWeb(ctx, info.styleVariant);
    case 'nginx':
      return serveNginx(ctx);
    case 'coredns':
      return serveCoreDns(ctx);
    default:
      return serveGeneric(ctx);
  }
}
