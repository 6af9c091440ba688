// A container's own environment as the kubelet makes it when it starts the container [K8S 1.34
// pkg/kubelet/kubelet_pods.go makeEnvironmentVariables]: envFrom first (each ConfigMap's data,
// each Secret's data, with the prefix; every key is taken — 1.34 no longer skips keys that are
// not C identifiers), then env in order, a later name replacing an earlier one: a literal value
// with its `$(VAR)` references expanded (third_party/forked/golang/expansion: the variables so far,
// then the Service links; `$$` is `$`; an unknown reference stays as written), else valueFrom
// (fieldRef, configMapKeyRef, secretKeyRef; a missing optional ref sets nothing). The objects are
// the versions live when the container started (config-history.ts): env never changes after.
// Go ranges over the data maps in random order; here keys come in sorted order.
import type { ConfigMap, Container, Pod, Secret } from '../api/types';
import { base64Decode } from '../apiserver/go-base64';
import type { Cluster } from '../contract';
import { configObjectAt } from './config-history';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed JSON here.
type Any = any;

const utf8 = new TextDecoder();

/** A Secret `data` value's bytes as the string Go's string(v) makes of them. */
export function secretText(b64: string): string {
  const r = base64Decode(b64);
  return r.ok ? utf8.decode(r.bytes) : '';
}

/** expansion.Expand with MappingFuncFor(vars, services). */
export function expandEnv(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '$' || i + 1 >= input.length) continue;
    out += input.slice(checkpoint, i);
    const next = input[i + 1];
    let advance = 1;
    if (next === '$') out += '$';
    else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) out += '$(';
      else {
        const name = input.slice(i + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - i;
      }
    } else out += `$${next}`;
    i += advance;
    checkpoint = i + 1;
  }
  return out + input.slice(checkpoint);
}

/** podFieldSelectorRuntimeValue for the fields a student's manifests use. */
export function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return ((pod.metadata as Any)[m[1] as string]?.[m[2] as string] as string | undefined) ?? '';
  const st = pod.status as Any;
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return (pod.spec as Any).serviceAccountName ?? '';
    case 'status.hostIP':
      return st?.hostIP ?? '';
    case 'status.hostIPs':
      return ((st?.hostIPs ?? []) as { ip: string }[]).map((x) => x.ip).join(',');
    case 'status.podIP':
      return st?.podIP ?? '';
    case 'status.podIPs':
      return ((st?.podIPs ?? []) as { ip: string }[]).map((x) => x.ip).join(',');
    default:
      return '';
  }
}

/**
 * The container's variables from env and envFrom (tmpEnv), in the order they were first set.
 * `services`: the Service link variables, for `$(VAR)` references.
 */
export function containerEnv(
  cluster: Cluster,
  pod: Pod,
  c: Container,
  started: number,
  services: ReadonlyMap<string, string>,
): Map<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const at = (kind: 'ConfigMap' | 'Secret', name: string) => configObjectAt(cluster, kind, ns, name, started);
  const vars = new Map<string, string>();
  const x = c as Any;
  for (const from of (x.envFrom ?? []) as Any[]) {
    const prefix = String(from?.prefix ?? '');
    if (from?.configMapRef) {
      const cm = at('ConfigMap', String(from.configMapRef.name ?? '')) as ConfigMap | undefined;
      const data = cm?.data ?? {};
      for (const k of Object.keys(data).sort()) vars.set(prefix + k, data[k] as string);
    } else if (from?.secretRef) {
      const s = at('Secret', String(from.secretRef.name ?? '')) as Secret | undefined;
      const data = s?.data ?? {};
      for (const k of Object.keys(data).sort()) vars.set(prefix + k, secretText(data[k] as string));
    }
  }
  const lookup = (name: string) => vars.get(name) ?? services.get(name);
  for (const e of (x.env ?? []) as Any[]) {
    const name = String(e?.name ?? '');
    let value: string | undefined = e?.value ? expandEnv(String(e.value), lookup) : '';
    const from = e?.value ? undefined : e?.valueFrom;
    if (from?.fieldRef) value = fieldValue(pod, String(from.fieldRef.fieldPath ?? ''));
    else if (from?.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      value = (at('ConfigMap', String(ref.name ?? '')) as ConfigMap | undefined)?.data?.[ref.key];
    } else if (from?.secretKeyRef) {
      const ref = from.secretKeyRef;
      const b64 = (at('Secret', String(ref.name ?? '')) as Secret | undefined)?.data?.[ref.key];
      value = b64 === undefined ? undefined : secretText(b64);
    }
    // A missing optional object or key: `continue`, the variable is not set.
    if (value !== undefined) vars.set(name, value);
  }
  return vars;
}
