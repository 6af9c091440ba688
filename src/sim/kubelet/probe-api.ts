// The API server's side of probes, bound late (src/sim/late) because only Pods the student writes
// have them and the API server is in the page's first-paint JS:
//   defaulting [K8S 1.34 pkg/apis/core/v1/defaults.go SetDefaults_Probe (a 0 or missing
//   timeoutSeconds → 1, periodSeconds → 10, successThreshold → 1, failureThreshold → 3),
//   SetDefaults_HTTPGetAction (path "/" and scheme HTTP), SetDefaults_GRPCAction (service "")];
//   validation [pkg/apis/core/validation/validation.go validateProbe, validateHandler,
//   validateLivenessProbe / validateReadinessProbe / validateStartupProbe, validatePortNumOrName].

import { copyOwn } from '../apiserver/copy';
import { type FieldError, forbidden, invalid, unsupported } from '../apiserver/errors';
import { portNameErrors } from '../apiserver/validation-pod-fields';

// biome-ignore lint/suspicious/noExplicitAny: defaulting and validation walk loosely typed JSON.
type Any = any;

/** field.Required with its detail. */
const required = (field: string, detail: string): FieldError => ({
  field,
  message: detail ? `Required value: ${detail}` : 'Required value',
});

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);
const unset = (n: unknown) => n === undefined || n === null || n === 0;

function probeDefaulted(p: Any): boolean {
  if (!isObj(p)) return true;
  if (
    unset(p.timeoutSeconds) ||
    unset(p.periodSeconds) ||
    unset(p.successThreshold) ||
    unset(p.failureThreshold)
  )
    return false;
  if (isObj(p.httpGet) && (!p.httpGet.path || !p.httpGet.scheme)) return false;
  if (isObj(p.grpc) && (p.grpc.service === undefined || p.grpc.service === null)) return false;
  return true;
}

/** Whether every probe of container `c` carries its defaults already (a controller's rewrite). */
export function probesDefaulted(c: Any): boolean {
  for (const k of PROBES) if (!probeDefaulted(c[k])) return false;
  return true;
}

function defaultProbe(p: Any): Any {
  if (!isObj(p) || probeDefaulted(p)) return p;
  const q = copyOwn(p);
  if (isObj(p.httpGet)) {
    const g = copyOwn(p.httpGet);
    if (!g.path) g.path = '/';
    if (!g.scheme) g.scheme = 'HTTP';
    q.httpGet = g;
  }
  if (isObj(p.grpc) && (p.grpc.service === undefined || p.grpc.service === null))
    q.grpc = { ...copyOwn(p.grpc), service: '' };
  if (unset(q.timeoutSeconds)) q.timeoutSeconds = 1;
  if (unset(q.periodSeconds)) q.periodSeconds = 10;
  if (unset(q.successThreshold)) q.successThreshold = 1;
  if (unset(q.failureThreshold)) q.failureThreshold = 3;
  return q;
}

/** Default the probes of `out`, a container copy that is ours to fill in. */
export function defaultProbes(out: Any): void {
  for (const k of PROBES) if (out[k] !== undefined && out[k] !== null) out[k] = defaultProbe(out[k]);
}

const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/** validatePortNumOrName: a port number or an IANA service name (IsValidPortName's messages). */
function pushPortNumOrNameErrors(out: FieldError[], v: unknown, field: () => string): void {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 65535) out.push(invalid(field(), v, PORT_RANGE));
    return;
  }
  if (typeof v !== 'string') return;
  for (const m of portNameErrors(v)) out.push(invalid(field(), v, m));
}

const SCHEMES = ['HTTP', 'HTTPS'];
const HEADER_NAME = /^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/;

function pushHandlerErrors(out: FieldError[], p: Any, path: string): void {
  let handlers = 0;
  const one = (name: string, check: () => void) => {
    if (p[name] === undefined || p[name] === null) return;
    if (handlers > 0) {
      out.push(forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'));
      return;
    }
    handlers++;
    check();
  };
  one('exec', () => {
    const cmd = p.exec.command;
    if (!Array.isArray(cmd) || cmd.length === 0) out.push(required(`${path}.exec.command`, ''));
  });
  one('httpGet', () => {
    const g = p.httpGet;
    if (!g.path) out.push(required(`${path}.httpGet.path`, ''));
    pushPortNumOrNameErrors(out, g.port, () => `${path}.httpGet.port`);
    if (g.port === undefined || g.port === null) out.push(invalid(`${path}.httpGet.port`, 0, PORT_RANGE));
    if (!SCHEMES.includes(g.scheme)) out.push(unsupported(`${path}.httpGet.scheme`, g.scheme, SCHEMES));
    // validateHTTPGetAction reports a bad header name at `httpHeaders` itself, without the index
    // or `.name` (1.34 pkg/apis/core/validation/validation.go).
    const headers: Any[] = Array.isArray(g.httpHeaders) ? g.httpHeaders : [];
    for (let i = 0; i < headers.length; i++) {
      const name = headers[i]?.name;
      if (typeof name !== 'string' || !HEADER_NAME.test(name))
        out.push(
          invalid(
            `${path}.httpGet.httpHeaders`,
            name ?? '',
            "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
          ),
        );
    }
  });
  one('tcpSocket', () => {
    const port = p.tcpSocket.port;
    if (port === undefined || port === null) out.push(invalid(`${path}.tcpSocket.port`, 0, PORT_RANGE));
    else pushPortNumOrNameErrors(out, port, () => `${path}.tcpSocket.port`);
  });
  one('grpc', () => {
    const port = p.grpc.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      out.push(invalid(`${path}.grpc.port`, port ?? 0, PORT_RANGE));
  });
  if (handlers === 0) out.push(required(path, 'must specify a handler type'));
}

const NONNEGATIVE = 'must be greater than or equal to 0';

function pushOneProbe(out: FieldError[], p: Any, path: string): void {
  pushHandlerErrors(out, p, path);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ])
    if (typeof p[f] === 'number' && p[f] < 0) out.push(invalid(`${path}.${f}`, p[f], NONNEGATIVE));
  const g = p.terminationGracePeriodSeconds;
  if (typeof g === 'number' && g <= 0)
    out.push(invalid(`${path}.terminationGracePeriodSeconds`, g, 'must be greater than 0'));
}

/** A regular container's probes, in validateContainers' order. */
export function pushProbeErrors(out: FieldError[], c: Any, path: string): void {
  const l = c.livenessProbe;
  if (isObj(l)) {
    pushOneProbe(out, l, `${path}.livenessProbe`);
    if (l.successThreshold !== 1)
      out.push(invalid(`${path}.livenessProbe.successThreshold`, l.successThreshold ?? 0, 'must be 1'));
  }
  const r = c.readinessProbe;
  if (isObj(r)) {
    pushOneProbe(out, r, `${path}.readinessProbe`);
    if (r.terminationGracePeriodSeconds !== undefined && r.terminationGracePeriodSeconds !== null)
      out.push(
        invalid(
          `${path}.readinessProbe.terminationGracePeriodSeconds`,
          r.terminationGracePeriodSeconds,
          'must not be set for readinessProbes',
        ),
      );
  }
  const s = c.startupProbe;
  if (isObj(s)) {
    pushOneProbe(out, s, `${path}.startupProbe`);
    if (s.successThreshold !== 1)
      out.push(invalid(`${path}.startupProbe.successThreshold`, s.successThreshold ?? 0, 'must be 1'));
  }
}
