// Hosts outside the cluster that the chapter reaches: GitHub's raw content CDN, which serves
// sixeyed/kiamol's `ch03/numbers/rng` file (exactly `42`, no newline) — the ExternalName case.
import type { Cluster, TraceSource } from '../../contract';
import type { Served } from '../apps/common';
import { httpDate, statusText, utf8Length } from '../apps/common';
import { streamFor } from '../state';
import type { HttpRequest } from './types';

export const GITHUB_RAW_HOST = 'raw.githubusercontent.com';
export const KIAMOL_RNG_PATH = '/sixeyed/kiamol/master/ch03/numbers/rng';
/** GitHub's published Fastly addresses for raw.githubusercontent.com. */
export const GITHUB_RAW_IPS = ['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133'];

function canonicalHost(cluster: Cluster, source: TraceSource, typed: string): string {
  if (source.kind === 'host') return typed;
  try {
    return cluster.net.resolve(source, typed).canonicalName ?? typed;
  } catch {
    return typed;
  }
}

export function serveExternal(
  cluster: Cluster,
  source: TraceSource,
  typedHost: string,
  ip: string | undefined,
  request: HttpRequest,
): Served {
  const canonical = canonicalHost(cluster, source, typedHost).replace(/\.$/, '').toLowerCase();
  const rtt = 15 + streamFor(cluster, 'internet-rtt').int(20);
  const isGitHub = canonical === GITHUB_RAW_HOST || (ip !== undefined && GITHUB_RAW_IPS.includes(ip));
  if (!isGitHub) {
    return { traces: [], durationMs: rtt };
  }
  // The CDN routes by Host header: only `raw.githubusercontent.com` finds the repository files.
  // Any other Host (the Service name `numbers-api`) gets a 404 — which numbers-web retries.
  const hostHeader = (request.host.split(':')[0] ?? '').toLowerCase();
  const path = request.path.split('?')[0] ?? '/';
  const found = hostHeader === GITHUB_RAW_HOST && path === KIAMOL_RNG_PATH;
  const status = found ? 200 : 404;
  const body = found ? '42' : '404: Not Found';
  return {
    response: {
      status,
      statusText: statusText(status),
      headers: [
        ['Connection', 'keep-alive'],
        ['Content-Length', String(utf8Length(body))],
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Date', httpDate(cluster.now())],
        ['Via', '1.1 varnish'],
      ],
      body,
    },
    traces: [],
    durationMs: rtt,
  };
}
