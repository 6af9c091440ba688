// Response building shared by the simulated servers.
import type { Container, Pod } from '../../api/types';
import type { Cluster, Trace } from '../../contract';
import type { HttpRequest, HttpRequestOptions, HttpResponse, HttpResult } from '../http/types';

export interface Served {
  /** Undefined when the peer closed the connection without an HTTP answer. */
  response?: HttpResponse;
  traces: Trace[];
  durationMs: number;
}

/** The HTTP client an app uses for its own outgoing calls (injected to keep modules acyclic). */
export type HttpClient = (cluster: Cluster, opts: HttpRequestOptions) => HttpResult;

export interface AppContext {
  cluster: Cluster;
  pod: Pod;
  container: Container;
  port: number;
  request: HttpRequest;
  client: HttpClient;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** RFC 7231 IMF-fixdate from the simulated clock. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** A container's environment as the process sees it: image ENV overridden by the Pod spec's `env`. */
export function containerEnv(container: Container, imageEnv: Record<string, string>): Record<string, string> {
  const env = { ...imageEnv };
  for (const e of container.env ?? []) env[e.name] = e.value ?? '';
  return env;
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
