// kubectl describe configmap|secret|serviceaccount as kubectl v0.34.9 prints them
// [pkg/describe/describe.go ConfigMapDescriber, describeSecret, describeServiceAccount].
import type { ConfigMap, Secret, ServiceAccount } from '../../sim/api/types';
import { base64Decode, decodedSize } from '../../sim/apiserver/go-base64';
import type { DescribeInput } from './describe-kinds';
import { DescribeWriter, describeEvents, describeObjectMeta } from './describe-util';

function sortedKeys(m: Record<string, string> | undefined): string[] {
  return Object.keys(m ?? {}).sort();
}

/** Each data value in full under a `----` rule, then the binaryData sizes; events when fetched. */
export function describeConfigMap({ obj, events, now }: DescribeInput): string {
  const cm = obj as ConfigMap;
  const w = new DescribeWriter();
  describeObjectMeta(w, cm.metadata);
  w.write(0, '\nData\n====\n');
  for (const k of sortedKeys(cm.data)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data?.[k] ?? ''}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of sortedKeys(cm.binaryData))
    w.write(0, `${k}: ${decodedSize(cm.binaryData?.[k] ?? '')} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, events, now);
  return w.done();
}

/** Sizes only (a service-account token's value is shown); a Secret's describe has no events. */
export function describeSecret({ obj }: DescribeInput): string {
  const s = obj as Secret;
  const w = new DescribeWriter();
  describeObjectMeta(w, s.metadata);
  w.write(0, `\nType:\t${s.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of sortedKeys(s.data)) {
    const v = s.data?.[k] ?? '';
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token')
      w.write(0, `${k}:\t${decodeText(v)}\n`);
    else w.write(0, `${k}:\t${decodedSize(v)} bytes\n`);
  }
  return w.done();
}

/** string(secret.Data[k]): the bytes as text. */
function decodeText(b64: string): string {
  const r = base64Decode(b64);
  return r.ok ? new TextDecoder().decode(r.bytes) : '';
}

const EMPTY_HEADER = '                   ';

/**
 * The three secret lists under headers sorted by name (Image pull secrets, Mountable secrets,
 * Tokens), `(not found)` after a listed Secret the namespace does not have; tokens are the
 * service-account-token Secrets annotated with this account's name and uid.
 */
export function describeServiceAccount({ obj, events, now, related }: DescribeInput): string {
  const sa = obj as ServiceAccount;
  const secrets = related.secrets ?? [];
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const names = (l: { name?: string }[] | undefined) => (l ?? []).map((r) => r.name ?? '');
  const w = new DescribeWriter();
  describeObjectMeta(w, sa.metadata);
  const sections: [string, string[], boolean][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets), true],
    ['Mountable secrets: ', names(sa.secrets), true],
    ['Tokens:            ', tokens.map((s) => s.metadata.name), false],
  ];
  for (const [header, list, check] of sections) {
    if (list.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const n of list) {
      w.write(0, `${prefix}\t${n}${check && !existing.has(n) ? ' (not found)' : ''}\n`);
      prefix = EMPTY_HEADER;
    }
  }
  describeEvents(w, events, now);
  return w.done();
}
