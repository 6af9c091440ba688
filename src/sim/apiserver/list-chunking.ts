// Paginated lists (`?limit=N`, `?continue=TOKEN`) as a 1.34 API server answers them from its watch
// cache. ConsistentListFromCache is GA (locked on) in 1.34 and ListFromCacheSnapshot beta (on)
// [apiserver v0.34.9 pkg/features/kube_features.go], so CacheDelegator.GetList serves a first page
// and, from the snapshot at the token's revision, the next ones [pkg/storage/cacher/delegator.go,
// delegator/interface.go ShouldDelegateList, cacher.go ShouldDelegateContinue, GetList]:
// - the items of the request's key prefix (`/<resource>/<ns>` or `/<resource>`), in key order, from
//   the continue key on; selected while they match, until `limit` are selected; `hasMore` when an
//   item (matching or not) follows the last one selected (cacher.go GetList);
// - the token: storage.PrepareContinueToken → EncodeContinue(lastKey+"\x00", key, rv), the key
//   being the prefix WITHOUT its trailing slash, so `start` keeps a leading `/`: base64 RawURL of
//   `{"v":"meta.k8s.io/v1","rv":RV,"start":"/web-1\u0000"}` [pkg/storage/continue.go];
//   remainingItemCount = items from the continue key on − limit, only with no selector;
// - a token is decoded first by storage.ValidateListOptions: a 400 `invalid continue token: …`
//   with DecodeContinue's errors [pkg/storage/interfaces.go, continue.go].
// Left out: the watch cache's index pre-filtering other than Pods' spec.nodeName; a token whose
// revision's snapshot this module did not keep (a real server whose cache dropped it lists from
// etcd at that revision — etcd3/store.go GetList, whose next token's start has no leading `/` —
// until etcd compacts it: a 410 Gone, not modelled); JSON inside a token that is not a
// well-formed object of the three fields (Go's encoding/json messages are not reproduced).
import type { K8sObject } from '../api/types';

/** One stored object of the request's scope, with its key below the prefix: `name` or `ns/name`. */
export interface ChunkEntry {
  key: string;
  obj: K8sObject;
}

/** Go's byte order of UTF-8 keys: code point order (the names here are ASCII). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortEntries(entries: ChunkEntry[]): ChunkEntry[] {
  return [...entries].sort((x, y) => compareKeys(x.key, y.key));
}

const RAW_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function rawUrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += RAW_URL.charAt(v >> 18) + RAW_URL.charAt((v >> 12) & 63);
    out += RAW_URL.charAt((v >> 6) & 63) + RAW_URL.charAt(v & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = (bytes[i] as number) << 16;
    out += RAW_URL.charAt(v >> 18) + RAW_URL.charAt((v >> 12) & 63);
  } else if (rest === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += RAW_URL.charAt(v >> 18) + RAW_URL.charAt((v >> 12) & 63) + RAW_URL.charAt((v >> 6) & 63);
  }
  return out;
}

/**
 * base64.RawURLEncoding.DecodeString (Go encoding/base64 decodeQuantum, no padding, not strict):
 * the bytes, or the offset CorruptInputError reports (`\r` and `\n` skipped, `=` is a bad byte,
 * one symbol left over at the end is an error at its position).
 */
export function rawUrlDecode(s: string): { ok: true; bytes: Uint8Array } | { ok: false; at: number } {
  const src = new TextEncoder().encode(s);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        if (j === 1) return { ok: false, at: si - j };
        dlen = j;
        break;
      }
      const c = src[si] as number;
      si++;
      const d = c < 128 ? RAW_URL.indexOf(String.fromCharCode(c)) : -1;
      if (d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      return { ok: false, at: si - 1 };
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    out.push((val >> 16) & 255);
    if (dlen >= 3) out.push((val >> 8) & 255);
    if (dlen === 4) out.push(val & 255);
    if (dlen < 4) break;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** encoding/json's string: `<`, `>`, `&`, U+2028/9 and control bytes as \u00XX (\n \r \t short). */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** EncodeContinue(prefix + start, prefix, rv): `start` as the token carries it. */
export function encodeContinue(start: string, rv: number): string {
  const json = `{"v":"meta.k8s.io/v1","rv":${rv},"start":${goJsonString(start)}}`;
  return rawUrlEncode(new TextEncoder().encode(json));
}

/** Go's path.Clean (lexical): the form DecodeContinue compares the start key with. */
export function goPathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const body = parts.join('/');
  if (rooted) return `/${body}`;
  return body === '' ? '.' : body;
}

export type DecodedContinue =
  | { ok: true; start: string; rv: number }
  | { ok: false; error: string }
  | { ok: false; unmodelled: string };

const INVALID = 'continue key is not valid';

/**
 * storage.DecodeContinue's checks, as ValidateListOptions reports them (the 400's message), or
 * the start key below the prefix (without its leading `/`) and the token's revision.
 */
export function decodeContinue(token: string): DecodedContinue {
  const raw = rawUrlDecode(token);
  if (!raw.ok)
    return {
      ok: false,
      error: `invalid continue token: ${INVALID}: illegal base64 data at input byte ${raw.at}`,
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw.bytes));
  } catch {
    return { ok: false, unmodelled: 'a continue token that is not JSON (Go’s encoding/json message)' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, unmodelled: 'a continue token that is not a JSON object' };
  const o = parsed as Record<string, unknown>;
  // Go matches the field names case-insensitively; only the exact names are modelled.
  const keys = Object.keys(o);
  if (keys.some((k) => k.toLowerCase() !== k && ['v', 'rv', 'start'].includes(k.toLowerCase())))
    return { ok: false, unmodelled: 'a continue token with differently cased field names' };
  const v = o.v ?? '';
  const rv = o.rv ?? 0;
  const start = o.start ?? '';
  if (
    typeof v !== 'string' ||
    typeof start !== 'string' ||
    typeof rv !== 'number' ||
    !Number.isSafeInteger(rv)
  )
    return { ok: false, unmodelled: 'a continue token with fields of other types' };
  if (v !== 'meta.k8s.io/v1')
    return {
      ok: false,
      error: `invalid continue token: ${INVALID}: server does not recognize this encoded version ${v}`,
    };
  if (rv === 0)
    return {
      ok: false,
      error: `invalid continue token: ${INVALID}: incorrect encoded start resourceVersion (version meta.k8s.io/v1)`,
    };
  if (start === '')
    return {
      ok: false,
      error: `invalid continue token: ${INVALID}: encoded start key empty (version meta.k8s.io/v1)`,
    };
  const key = start.startsWith('/') ? start : `/${start}`;
  if (goPathClean(key) !== key) return { ok: false, error: `invalid continue token: ${INVALID}: ${start}` };
  return { ok: true, start: key.slice(1), rv };
}

export interface Page {
  items: K8sObject[];
  continue?: string;
  remainingItemCount?: number;
}

/**
 * cacher.go GetList over `entries` (the prefix's items in key order, already from the watch
 * cache's index when one applied): from `start` on, the first `limit` that match.
 */
export function pageOf(
  entries: readonly ChunkEntry[],
  o: {
    limit: number;
    start?: string | undefined;
    rv: number;
    matches: (obj: K8sObject) => boolean;
    empty: boolean;
  },
): Page {
  const items =
    o.start === undefined ? entries : entries.filter((e) => compareKeys(e.key, o.start as string) >= 0);
  const selected: K8sObject[] = [];
  let lastKey = '';
  let hasMore = false;
  for (let i = 0; i < items.length; i++) {
    const e = items[i] as ChunkEntry;
    if (o.matches(e.obj)) {
      selected.push(e.obj);
      lastKey = e.key;
    }
    if (o.limit > 0 && selected.length >= o.limit) {
      hasMore = i < items.length - 1;
      break;
    }
  }
  const page: Page = { items: selected };
  if (hasMore) {
    page.continue = encodeContinue(`/${lastKey}\u0000`, o.rv);
    if (o.empty) page.remainingItemCount = items.length - o.limit;
  }
  return page;
}

/**
 * The watch cache's snapshots (watch_cache.go: one per revision, kept while the event window
 * holds it): here, the kind's whole store at each revision a token was issued for, per cluster.
 */
const snapshots = new WeakMap<object, Map<string, ChunkEntry[]>>();
const KEPT = 32;

export function keepSnapshot(owner: object, kind: string, rv: number, all: ChunkEntry[]): void {
  let m = snapshots.get(owner);
  if (!m) {
    m = new Map();
    snapshots.set(owner, m);
  }
  m.set(`${kind}@${rv}`, all);
  while (m.size > KEPT) m.delete(m.keys().next().value as string);
}

export function snapshotAt(owner: object, kind: string, rv: number): ChunkEntry[] | undefined {
  return snapshots.get(owner)?.get(`${kind}@${rv}`);
}
