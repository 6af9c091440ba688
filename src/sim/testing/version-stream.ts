// The core's complete version stream: every write the store makes, in resourceVersion order, with
// the object as written. A golden of it (./golden-versions, checked by version-stream.test.ts)
// pins the observable history byte for byte, so a rewrite of the core's hot path (the records
// port: compact records, v1 objects built on read) must keep every past version, not only the
// final state.
//
// What is read is only what a record-based store will also offer: `watch` (every put/remove, its
// WatchEvent.object) and `watchKeys` (every addLazy/touchLazy, the entry's `peek()`: its object
// as `object()` would give it then, without keeping the snapshot, so recording changes nothing).
//
// A lazy Event (the recorder's, apiserver/events.ts) is built AT THE WRITE: a repeat mutates the
// entry in place (count, lastTimestamp; events-correlator.ts also the message) and `touchLazy`
// re-stamps it (store.ts LazyObject.stamp drops the built snapshot), so building it later gives
// the latest state with the latest resourceVersion, never the version that write made.
//
// The other lazy entries (apiserver/published.ts) are built when the stream is read, after the
// run, because today's core gives them no fixed content at their write: a boot DaemonSet's status
// is computed from the Pods at its first build (published-build.ts, `st` unset), and the root CA
// in every kube-root-ca.crt (root-ca.ts rootCaPem, cached per store) from kube-system's uid and
// creation time at the first build, so building `default`'s at its write (before kube-system
// exists) pins a different CA for the whole cluster and an early DaemonSet build adds a write.
// Their versions in the stream are therefore their state at the end (all of an entry's versions
// alike), which is what any reader after the boot sees.
import { createHash } from 'node:crypto';
import type { KeyListener } from '../apiserver/store';
import type { WatchEvent, WatchEventType } from '../runtime/interfaces';

/** One write: its resourceVersion, watch type, kind, `namespace/name` (or `name`) and the object's JSON. */
export interface Version {
  rv: number;
  type: WatchEventType;
  kind: string;
  key: string;
  json: string;
}

/** What the recorder needs of a store (Store has it; a record-based store must keep it). */
export interface VersionSource {
  watch(fn: (ev: WatchEvent) => void): () => void;
  watchKeys(fn: KeyListener): () => void;
}

export interface VersionRecorder {
  /**
   * The versions so far, in resourceVersion order (call after the run: non-Event lazy entries are
   * built now). Throws if two writes share a resourceVersion.
   */
  versions(): Version[];
  stop(): void;
}

/** `Pod/default/x` → `default/x`; `Node/x` → `x`. */
function keyAfterKind(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

/**
 * Records every write of `store` from now on. `perturb` (tests of the harness itself only) may
 * replace a version as it is captured.
 */
export function recordVersions(store: VersionSource, perturb?: (v: Version) => Version): VersionRecorder {
  const out: Version[] = [];
  const push = (v: Version) => out.push(perturb ? perturb(v) : v);
  const a = store.watch((ev) =>
    push({
      rv: +ev.object.metadata.resourceVersion,
      type: ev.type,
      kind: ev.kind,
      key: keyAfterKind(ev.key),
      json: JSON.stringify(ev.object),
    }),
  );
  // Other lazy entries (apiserver/published.ts: the boot's ConfigMaps, ServiceAccounts and
  // DaemonSets, k3s's svclb DaemonSets) are built when the stream is read, after the run: their
  // build reads live state, so building one at its write would change the cluster (see the header).
  const deferred: { v: Version; entry: Parameters<KeyListener>[3] }[] = [];
  const b = store.watchKeys((type, kind, ns, entry) => {
    const v: Version = {
      rv: entry.rv,
      type,
      kind,
      key: ns === '' ? entry.key() : `${ns}/${entry.key()}`,
      json: '',
    };
    if (kind !== 'Event') {
      deferred.push({ v, entry });
      out.push(v);
      return;
    }
    // An Event is built now: the version this write made. Its build reads only the entry's own
    // fields, and peek keeps no snapshot, so reading it here changes nothing.
    v.json = JSON.stringify(entry.peek());
    push(v);
  });
  return {
    versions() {
      for (const d of deferred.splice(0)) {
        d.v.json = JSON.stringify(d.entry.peek());
        if (perturb) out[out.indexOf(d.v)] = perturb(d.v);
      }
      // A listener that writes inside another's delivery makes later listeners hear the nested
      // write first: resourceVersion order is the write order.
      const v = [...out].sort((x, y) => x.rv - y.rv);
      for (let i = 1; i < v.length; i++)
        if ((v[i] as Version).rv === (v[i - 1] as Version).rv)
          throw new Error(`two writes share resourceVersion ${(v[i] as Version).rv}`);
      return v;
    },
    stop() {
      a();
      b();
    },
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A golden line: `rv TYPE kind key sha256(json)[0:16]`. */
export function versionLine(v: Version): string {
  return `${v.rv} ${v.type} ${v.kind} ${v.key} ${sha256(v.json).slice(0, 16)}`;
}

/** sha256 over every version's `rv TYPE kind key json` line, in order: the whole stream. */
export function streamHash(vs: readonly Version[]): string {
  const h = createHash('sha256');
  for (const v of vs) h.update(`${v.rv} ${v.type} ${v.kind} ${v.key} ${v.json}\n`);
  return h.digest('hex');
}

/**
 * The golden file's text: `# stream sha256 <hex> versions <n>`, any `# `-prefixed extra header
 * lines (a scenario's generated commands), then one line per version.
 */
export function goldenText(vs: readonly Version[], header: readonly string[] = []): string {
  const lines = [`# stream sha256 ${streamHash(vs)} versions ${vs.length}`];
  for (const h of header) lines.push(`# ${h}`);
  for (const v of vs) lines.push(versionLine(v));
  return `${lines.join('\n')}\n`;
}

export interface Golden {
  hash: string;
  count: number;
  header: string[];
  lines: string[];
}

export function parseGolden(text: string): Golden {
  const all = text.split('\n').filter((l) => l !== '');
  const m = /^# stream sha256 ([0-9a-f]{64}) versions (\d+)$/.exec(all[0] ?? '');
  if (!m) throw new Error(`not a version-stream golden: ${all[0]}`);
  const header = all
    .slice(1)
    .filter((l) => l.startsWith('# '))
    .map((l) => l.slice(2));
  return { hash: m[1] as string, count: Number(m[2]), header, lines: all.filter((l) => !l.startsWith('#')) };
}

/** The first version that differs from the golden, or undefined when the stream is equal. */
export interface StreamDiff {
  /** Index in the stream (0-based). */
  index: number;
  expected: string | undefined;
  actual: Version | undefined;
  message: string;
}

/** Compares a recorded stream with a golden: the first differing version, described. */
export function compareStream(golden: Golden, vs: readonly Version[]): StreamDiff | undefined {
  const n = Math.max(golden.lines.length, vs.length);
  for (let i = 0; i < n; i++) {
    const exp = golden.lines[i];
    const v = vs[i];
    const got = v === undefined ? undefined : versionLine(v);
    if (exp === got) continue;
    const where = v ? `rv ${v.rv} ${v.type} ${v.kind} ${v.key}` : '(stream ended)';
    const message = [
      `first differing version #${i}: ${where}`,
      `  expected: ${exp ?? '(golden ended)'}`,
      `  actual:   ${got ?? '(stream ended)'}`,
      ...(v ? [`  new object: ${v.json}`] : []),
    ].join('\n');
    return { index: i, expected: exp, actual: v, message };
  }
  const hash = streamHash(vs);
  if (hash !== golden.hash || vs.length !== golden.count)
    return {
      index: -1,
      expected: golden.hash,
      actual: undefined,
      message: `every line matches but the stream hash differs (${hash} vs ${golden.hash}): a 64-bit line hash collided or the golden was edited by hand`,
    };
  return undefined;
}
