// HTTP as the simulated apps see it: one request in, one response out, plus the packet traces
// of every hop it took (a numbers-web POST includes its own call to numbers-api).
import type { ObjectKey, TextCode, Trace, TraceSource } from '../../contract';

export interface HttpRequest {
  method: string;
  /** Path plus query, starting with `/`. */
  path: string;
  /** The Host header as sent (`numbers-api`, `localhost:8080`). */
  host: string;
  headers: Record<string, string>;
  body?: string;
  /** Who connected (the client's address as the server sees it after any SNAT). */
  clientIP?: string;
}

/** What the UI's sandboxed browser pane needs to draw a numbers-web page without parsing HTML. */
export interface WebPage {
  title: string;
  heading: string;
  /** Present after a successful POST. */
  number?: number;
  /** `RNG service unavailable!` after a failed POST. */
  error?: string;
  /** The `(Using API at: …)` URL, shown after a POST. */
  apiUrl?: string;
  /** true on GET: the `Get a random number` form with its `Go!` button. */
  form: boolean;
  /** The form's POST body (its antiforgery token): send it back to press Go!. */
  formBody?: string;
  /** v2: Comic Sans MS, antiquewhite main area, reddish sidebar gradient (lab image). */
  styleVariant: 'v1' | 'v2';
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** In wire order; names as the server writes them. */
  headers: [string, string][];
  body: string;
  page?: WebPage;
}

/** Why a connection produced no response, in curl's terms. */
export type HttpErrorKind = 'refused' | 'timeout' | 'nxdomain' | 'no-listener';

export interface HttpError {
  kind: HttpErrorKind;
  /** The address that was tried, when resolution succeeded. */
  ip?: string;
  /** Plain words for the UI. */
  message: string;
  /**
   * `message` in machine form (a key of the UI's trace catalogue and its params, as Trace.reasonCode),
   * so the browser pane can say it in the page's language; its English message renders to `message`.
   */
  code?: TextCode;
}

/** `kubectl port-forward` mappings on the student's machine: localhost:localPort → pod:podPort. */
export interface PortForward {
  localPort: number;
  podKey: ObjectKey;
  podPort: number;
}

export interface HttpRequestOptions {
  source: TraceSource;
  url: string;
  method?: string;
  /** Override the Host header (RestSharp's BaseHost, curl -H 'Host: …'). */
  host?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's own overall timeout (curl -m, wget -T, HttpWebRequest's 100 s). */
  timeoutMs?: number;
  /** For a host source: active port-forwards, which take precedence over LoadBalancer ports. */
  portForwards?: PortForward[];
}

export interface HttpResult {
  response?: HttpResponse;
  error?: HttpError;
  traces: Trace[];
  /** Simulated time the exchange took (DNS + connect + server work + nested calls), in ms. */
  durationMs: number;
  /** The address connected to (resolved name, ClusterIP, Pod IP). */
  ip?: string;
  port: number;
  /** Time spent before the connection was established or failed (curl's "after N ms"). */
  connectMs: number;
}
