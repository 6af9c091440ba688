// The container blocks of kubectl describe (a Pod's, and a Pod template's with `space` "  ")
// [kubectl v0.34.9 pkg/describe/describe.go describeContainers and what it calls]. In order:
// name, Container ID / Image / Image ID, Port(s) / Host Port(s) (with a port's name in
// parentheses), SeccompProfile, Command, Args (a multi-line argument continues at the same level),
// State / Last State / Ready / Restart Count (only with a status), Limits / Requests (sorted
// resource names, Quantity.String() of the stored value), Liveness / Readiness / Startup,
// Environment Variables from (only when envFrom is set), Environment, Mounts (sorted by path) and
// Devices.
import type { ContainerState, ContainerStatus, Pod, Probe } from '../../sim/api/types';
import { quantityString, resourceFieldValue } from './describe-quantity';
import type { DescribeWriter } from './describe-util';
import { rfc1123z } from './describe-util';

// biome-ignore lint/suspicious/noExplicitAny: container specs are loosely typed decoded JSON.
type Any = any;
type Level = 0 | 1 | 2 | 3;

const bool = (b: boolean | undefined): string => (b ? 'True' : 'False');
const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);
const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

/** Go's %t of an optional *bool: false unless set to true. */
const optional = (ref: Any): boolean => ref?.optional === true;

/** Go's %q: a double-quoted string with Go escapes (for a mount's subPath). */
export function goQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** describeResources: `Limits:` then `Requests:`, each resource name sorted, one level deeper. */
export function describeResources(w: DescribeWriter, resources: unknown, level: Level): void {
  if (!isObj(resources)) return;
  for (const [title, rl] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    if (!isObj(rl)) continue;
    const names = Object.keys(rl).sort();
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const name of names) w.write((level + 1) as Level, `${name}:\t${quantityString(rl[name], true)}\n`);
  }
}

function portsString(ports: Any[], field: 'containerPort' | 'hostPort'): string {
  return ports
    .map((p) => {
      const s = `${Number(p?.[field] ?? 0)}/${str(p?.protocol ?? 'TCP')}`;
      return p?.name ? `${s} (${p.name})` : s;
    })
    .join(', ');
}

function describeBasicInfo(w: DescribeWriter, c: Any, st: ContainerStatus | undefined, space: string): void {
  w.write(1, `${space ? ' ' : ''}${str(c.name)}:\n`);
  if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
  w.write(2, `Image:\t${str(c.image)}\n`);
  if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
  const ports = list(c.ports);
  const p = portsString(ports, 'containerPort');
  w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
  const h = portsString(ports, 'hostPort');
  w.write(2, h.includes(',') ? `Host Ports:\t${h}\n` : `Host Port:\t${h || '<none>'}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (isObj(seccomp)) {
    w.write(2, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
}

function describeCommand(w: DescribeWriter, c: Any): void {
  for (const [title, args] of [
    ['Command', list(c.command)],
    ['Args', list(c.args)],
  ] as const) {
    if (args.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const a of args) for (const s of str(a).split('\n')) w.write(3, `${s}\n`);
  }
}

function describeStatus(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  const t = state?.terminated as
    | (NonNullable<ContainerState['terminated']> & { signal?: number })
    | undefined;
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    // describeStatus prints a waiting state's reason only, not its message.
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (t) {
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

function describeProbes(w: DescribeWriter, c: Any): void {
  if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeEnvFrom(w: DescribeWriter, c: Any): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of list(c.envFrom)) {
    const [from, ref] = e?.configMapRef
      ? ['ConfigMap', e.configMapRef]
      : e?.secretRef
        ? ['Secret', e.secretRef]
        : ['', undefined];
    const name = str(ref?.name);
    const prefix = str(e?.prefix);
    const what = prefix ? `${from} with prefix '${prefix}'` : from;
    w.write(3, `${name}\t${what}\tOptional: ${optional(ref)}\n`);
  }
}

/**
 * EnvValueRetriever: kubectl's scheme has no field-label conversions for Pods, so only
 * metadata.name and metadata.namespace resolve (DefaultMetaV1FieldSelectorConversion); any other
 * fieldPath prints an empty value. A Pod template has no resolver at all.
 */
function fieldRefValue(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return '';
  if (fieldPath === 'metadata.name') return pod.metadata.name;
  if (fieldPath === 'metadata.namespace') return pod.metadata.namespace ?? '';
  return '';
}

function describeEnv(w: DescribeWriter, c: Any, pod: Pod | undefined): void {
  const env = list(c.env);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e?.name);
    const from = e?.valueFrom;
    if (!isObj(from)) {
      const lines = str(e?.value).split('\n');
      w.write(3, `${name}:\t${lines[0]}\n`);
      for (const s of lines.slice(1)) w.write(3, `\t${s}\n`);
      continue;
    }
    if (isObj(from.fieldRef)) {
      const f = from.fieldRef;
      w.write(
        3,
        `${name}:\t${fieldRefValue(pod, str(f.fieldPath))} (${str(f.apiVersion)}:${str(f.fieldPath)})\n`,
      );
    } else if (isObj(from.resourceFieldRef)) {
      const r = from.resourceFieldRef;
      const res = str(r.resource);
      let v = resourceFieldValue(res, r.divisor, c.resources) ?? '';
      if (v === '0' && (res === 'limits.cpu' || res === 'limits.memory')) v = 'node allocatable';
      w.write(3, `${name}:\t${v} (${res})\n`);
    } else if (isObj(from.secretKeyRef)) {
      const k = from.secretKeyRef;
      w.write(
        3,
        `${name}:\t<set to the key '${str(k.key)}' in secret '${str(k.name)}'>\tOptional: ${optional(k)}\n`,
      );
    } else if (isObj(from.configMapKeyRef)) {
      const k = from.configMapKeyRef;
      w.write(
        3,
        `${name}:\t<set to the key '${str(k.key)}' of config map '${str(k.name)}'>\tOptional: ${optional(k)}\n`,
      );
    }
  }
}

function describeMounts(w: DescribeWriter, c: Any): void {
  const mounts = [...list(c.volumeMounts)].sort((a, b) =>
    str(a?.mountPath) < str(b?.mountPath) ? -1 : str(a?.mountPath) > str(b?.mountPath) ? 1 : 0,
  );
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m?.readOnly ? 'ro' : 'rw'];
    if (m?.subPath) flags.push(`path=${goQuoted(str(m.subPath))}`);
    w.write(3, `${str(m?.mountPath)} from ${str(m?.name)} (${flags.join(',')})\n`);
  }
  const devices = [...list(c.volumeDevices)].sort((a, b) =>
    str(a?.devicePath) < str(b?.devicePath) ? -1 : str(a?.devicePath) > str(b?.devicePath) ? 1 : 0,
  );
  if (devices.length > 0) {
    // Go writes the mounts' `none` here too, which is only set when there are no mounts.
    w.write(2, `Devices:${none}\n`);
    for (const d of devices) w.write(3, `${str(d?.devicePath)} from ${str(d?.name)}\n`);
  }
}

/**
 * describeContainers. `statuses` undefined for a Pod template (no ID, state or env resolution);
 * `pod` resolves a fieldRef's value.
 */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly unknown[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
  pod?: Pod,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers as Any[]) {
    const st = byName.get(c?.name);
    describeBasicInfo(w, c, st, space);
    describeCommand(w, c);
    if (st) {
      describeStatus(w, 'State', st.state);
      if (st.lastState?.terminated) describeStatus(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${bool(st.ready)}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    describeResources(w, c?.resources, 2);
    describeProbes(w, c);
    if (list(c?.envFrom).length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}

/** Go's url.escape(s, encodePath): all but unreserved characters and `$&+,/:;=@` as %XX. */
function escapePath(path: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * An HTTP probe's target as describe.go builds it: url.URL{Scheme: lower-case scheme, Host:
 * net.JoinHostPort(host, port) (IPv6 in brackets), Path}.String().
 */
function probeURL(g: NonNullable<Probe['httpGet']>): string {
  const scheme = (g.scheme ?? '').toLowerCase();
  const port = String(g.port ?? '');
  const host = g.host ?? '';
  const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const path = g.path ?? '';
  let out = scheme === '' ? '' : `${scheme}:`;
  if ((scheme !== '' || hostPort !== '') && (hostPort !== '' || path !== '')) out += `//${hostPort}`;
  const escaped = path === '*' ? '*' : escapePath(path);
  if (escaped !== '' && !escaped.startsWith('/') && hostPort !== '') out += '/';
  // RFC 3986 §4.2: a first segment with a colon would read as a scheme.
  if (out === '' && (escaped.split('/')[0] ?? '').includes(':')) out += './';
  return out + escaped;
}

/** describe.go DescribeProbe: the handler (url.URL String, %v of a []string) and its numbers. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) return `http-get ${probeURL(p.httpGet)} ${attrs}`;
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
