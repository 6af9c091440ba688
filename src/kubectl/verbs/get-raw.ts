// `kubectl get --raw PATH` [kubectl v0.34.9 pkg/cmd/get/get.go Complete/Validate/Run,
// pkg/rawhttp/raw.go RawGet]: a GET of the path through the REST client, the response body copied
// to stdout byte for byte. A status outside 2xx is client-go's error instead (rest.Request.Stream
// → transformResponse): a Status body gives its message (`pods "x" not found`), a plain-text body
// (the mux's `404 page not found` for a path nothing serves) gives NewGenericServerResponse's
// `the server could not find the requested resource`; cmdutil.CheckErr prints
// `Error from server (NotFound): …` and exits 1, with nothing on stdout.
// What the simulated server answers (./get-raw-discovery for discovery):
// - objects and lists of the kinds the store holds, for every path form of the kind (namespaced,
//   all namespaces, cluster-scoped, `/status`), with ?labelSelector=, ?fieldSelector= and
//   ?pretty=: the API server's JSON (./get-raw-json): compact with a newline, or indented with
//   two spaces and no newline for pretty [apiserver negotiate.go isPrettyPrint, json.go doEncode].
//   A list is `{kind: <Kind>List, apiVersion, metadata: {resourceVersion: the store's}, items}`,
//   its items without kind/apiVersion (the typed list's items carry no TypeMeta).
// - /healthz, /livez, /readyz and the checks of theirs the generic server registers: `ok`, no
//   newline [apiserver v0.34.9 server/healthz/healthz.go handleRootHealth: fmt.Fprint(w, "ok");
//   adaptCheckToHandler for `/<endpoint>/<check>`]: ping and log (every endpoint), etcd
//   (options/etcd.go AddHealthChecks: all three), etcd-readiness (AddReadyzChecks), and on
//   /readyz informer-sync (config.go) and shutdown (server/healthz.go addReadyzShutdownCheck).
// - /version (./raw-version), the resource lists /api/v1, /apis/G/V (./raw-resources), the
//   apps/v1 workloads' `scale` subresource (./raw-scale), pages of a list with ?limit= and
//   ?continue= (./raw-list-page), and a Pod's `log` (./raw-pod-log).
// Left out, with a notice: the health endpoints' ?verbose and their poststarthook/* checks (each
// post-start hook adds its check as it is registered [server/hooks.go AddPostStartHook], and
// New registers the preconfigured hooks by ranging over a map [server/config.go], so the order
// changes from one server start to the next; the 1.34 set of hook names is not established
// either), the resource lists of group/versions ./raw-resources does not establish,
// ?watch, the other subresources.

import { KINDS } from '../../sim/api/kinds';
import { goQuote } from '../../sim/api/labels';
import type { K8sObject, KindName } from '../../sim/api/types';
import type { ListOptions } from '../../sim/contract';
import { selectorParseError } from '../selector';
import { styleWarning } from '../warnings';
import { apiResourcesFor } from './api-resources-data';
import { ENDPOINTS_WARNING, eventListOrder } from './get';
import { apiGroup, apiGroupList, apiVersions, discoveryGroups } from './get-raw-discovery';
import { indentJson, marshalTyped } from './get-raw-json';
import { listPage } from './raw-list-page';
import { podLog } from './raw-pod-log';
import { apiResourceList } from './raw-resources';
import { scaleJson } from './raw-scale';
import { versionBody } from './raw-version';
import type { KubectlContext } from './registry';

/** cmdutil.CheckErr's `error: …` lines for --raw's own checks (Complete, then Validate). */
export function rawFlagError(
  raw: string,
  positional: readonly string[],
  o: { watch: boolean; selector: boolean; output: boolean },
): string | undefined {
  if (positional.length > 0) return 'arguments may not be passed when --raw is specified';
  if (o.watch || o.selector)
    return '--raw may not be specified with other flags that filter the server request or alter the output';
  if (o.output) return '--raw and --output are mutually exclusive';
  return parseRequestUriError(raw);
}

/**
 * Go's url.ParseRequestURI: an absolute path or an absolute URL (`scheme:` first); `*` too.
 * Its error as `--raw must be a valid URL path: parse "x": invalid URI for request`.
 */
function parseRequestUriError(raw: string): string | undefined {
  if (raw.startsWith('/') || raw === '*' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return undefined;
  return `--raw must be a valid URL path: parse ${goQuote(raw)}: invalid URI for request`;
}

type Answer =
  | { ok: true; body: string; warning?: string }
  | { ok: false; error: string }
  | { ok: false; notSimulated: string };

const NOT_FOUND: Answer = {
  ok: false,
  error: 'Error from server (NotFound): the server could not find the requested resource',
};

/** The kinds the store holds, by `group/version/resource`. */
function servedKind(group: string, version: string, resource: string): KindName | undefined {
  for (const info of Object.values(KINDS))
    if (info.group === group && info.version === version && info.resource === resource) return info.kind;
  return undefined;
}

/** Subresources the store's kinds have a status for (the registries' `/status` routes). */
const WITH_STATUS = new Set<KindName>([
  'Pod',
  'Service',
  'Node',
  'Namespace',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'PersistentVolumeClaim',
  'PersistentVolume',
] as KindName[]);

/** Kinds whose `scale` subresource answers a GET (./raw-scale). */
const SCALED = new Set<KindName>(['Deployment', 'ReplicaSet', 'StatefulSet'] as KindName[]);

/** Other GET-able subresources the real server routes (not simulated here). */
const OTHER_SUBRESOURCES: Record<string, string[]> = {
  pods: [
    'attach',
    'binding',
    'ephemeralcontainers',
    'eviction',
    'exec',
    'log',
    'portforward',
    'proxy',
    'resize',
  ],
  services: ['proxy'],
  nodes: ['proxy'],
  namespaces: ['finalize'],
  deployments: ['scale'],
  replicasets: ['scale'],
  statefulsets: ['scale'],
  serviceaccounts: ['token'],
};

/** The Go struct behind a kind in ./get-raw-structs. */
function structOf(kind: KindName): string {
  const g = KINDS[kind].group;
  const pkg = g === '' ? '' : g.split('.')[0];
  return pkg ? `${pkg}.${kind}` : kind;
}

/** url.ParseQuery: `+` is a space, %XX decoded; the first value of each key. */
function parseQuery(q: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(k)) out.set(k, eq < 0 ? '' : dec(part.slice(eq + 1)));
  }
  return out;
}

/** strconv.ParseBool (an unparsable value is false). */
const parseBool = (s: string) => ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s);

function encodeObject(obj: K8sObject, kind: KindName, pretty: boolean): string {
  const text = marshalTyped(obj, structOf(kind));
  return pretty ? indentJson(text) : `${text}\n`;
}

/** A page's ListMeta beyond the revision (metav1.ListMeta field order: continue, remainingItemCount). */
interface PageMeta {
  rv: number;
  continue?: string | undefined;
  remainingItemCount?: number | undefined;
}

function encodeList(
  ctx: KubectlContext,
  kind: KindName,
  objs: K8sObject[],
  pretty: boolean,
  page?: PageMeta,
): string {
  const info = KINDS[kind];
  const t = structOf(kind);
  const items = objs.map((o) => {
    const { kind: _k, apiVersion: _a, ...rest } = o as unknown as Record<string, unknown>;
    return marshalTyped(rest, t);
  });
  const rv = page?.rv ?? storeRevision(ctx, objs);
  let meta = `"resourceVersion":"${rv}"`;
  if (page?.continue !== undefined) meta += `,"continue":"${page.continue}"`;
  if (page?.remainingItemCount !== undefined) meta += `,"remainingItemCount":${page.remainingItemCount}`;
  const text = `{"kind":"${kind}List","apiVersion":"${info.apiVersion}","metadata":{${meta}},"items":[${items.join(',')}]}`;
  return pretty ? indentJson(text) : `${text}\n`;
}

/**
 * The list's resourceVersion is the store's revision at the time of the list (etcd's). The
 * facade does not expose it; the simulator's cluster carries its store in `internals`.
 */
function storeRevision(ctx: KubectlContext, objs: K8sObject[]): number {
  const internals = (ctx.cluster as { internals?: { store?: { revision?: number } } }).internals;
  const rev = internals?.store?.revision;
  if (typeof rev === 'number') return rev;
  return objs.reduce((m, o) => Math.max(m, Number(o.metadata.resourceVersion) || 0), 0);
}

function notSimulated(what: string): Answer {
  return { ok: false, notSimulated: what };
}

/** The object or list at a resource path (segments after `/api/v1` or `/apis/G/V`). */
function resourceGet(
  ctx: KubectlContext,
  group: string,
  version: string,
  segs: string[],
  query: Map<string, string>,
): Answer {
  let ns: string | undefined;
  let rest = segs;
  // `/namespaces/NS/RESOURCE…`; in the core group `/namespaces/NAME[/status|/finalize]` is the
  // namespace object itself.
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    (group !== '' || !['status', 'finalize'].includes(rest[2] as string))
  ) {
    ns = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, sub, ...more] = rest;
  if (resource === undefined || more.length > 0) return NOT_FOUND;
  const kind = servedKind(group, version, resource);
  if (!kind) {
    const served = apiResourcesFor(ctx.cluster.profile).some(
      (r) => r.group === group && r.version === version && r.name === resource,
    );
    return served ? notSimulated(`${resource} (this cluster does not hold them)`) : NOT_FOUND;
  }
  const info = KINDS[kind];
  // A namespaced resource's collection across all namespaces, or a cluster-scoped one's; a
  // namespaced path for a cluster-scoped resource (or the reverse for a name) has no route.
  if (ns !== undefined && !info.namespaced) return NOT_FOUND;
  if (ns === undefined && info.namespaced && name !== undefined) return NOT_FOUND;
  if (kind === 'Pod' && sub === 'log' && name !== undefined && ns !== undefined) {
    const a = podLog(ctx, ns, name, query);
    return a.ok ? { ok: true, body: a.body } : 'error' in a ? a : notSimulated(a.notSimulated);
  }
  if (sub !== undefined) {
    const routed = sub === 'status' ? WITH_STATUS.has(kind) : sub === 'scale' && SCALED.has(kind);
    if (!routed) {
      return OTHER_SUBRESOURCES[resource]?.includes(sub)
        ? notSimulated(`the ${resource}/${sub} subresource`)
        : NOT_FOUND;
    }
  }
  if (query.has('watch')) return notSimulated('?watch');
  const pretty = parseBool(query.get('pretty') ?? '');
  const warning = kind === 'Endpoints' ? ENDPOINTS_WARNING : undefined;
  if (name !== undefined) {
    const obj = ctx.cluster.get(kind, ns, name);
    if (!obj) {
      const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
      return { ok: false, error: `Error from server (NotFound): ${qualified} ${goQuote(name)} not found` };
    }
    if (sub === 'scale') {
      const text = scaleJson(obj);
      return { ok: true, body: pretty ? indentJson(text) : `${text}\n` };
    }
    return { ok: true, body: encodeObject(obj, kind, pretty), ...(warning ? { warning } : {}) };
  }
  const labelSelector = query.get('labelSelector');
  const fieldSelector = query.get('fieldSelector');
  if (labelSelector !== undefined) {
    const bad = selectorParseError(labelSelector);
    if (bad !== undefined) return { ok: false, error: `Error from server (BadRequest): ${bad}` };
  }
  const opts: ListOptions = {};
  if (ns !== undefined) opts.namespace = ns;
  if (labelSelector) opts.labelSelector = labelSelector;
  if (fieldSelector) opts.fieldSelector = fieldSelector;
  let objs: K8sObject[];
  try {
    objs = ctx.cluster.list(kind, opts);
  } catch (e) {
    return {
      ok: false,
      error: `Error from server (BadRequest): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (query.has('limit') || query.has('continue')) {
    // A list with a resourceVersion and a limit is the legacy exact read; with a continue, a 400.
    if (query.has('resourceVersion') || query.has('resourceVersionMatch'))
      return notSimulated('?resourceVersion with ?limit or ?continue');
    const a = listPage(ctx, kind, {
      namespace: ns,
      labelSelector,
      fieldSelector,
      limit: query.get('limit'),
      continue: query.get('continue'),
      revision: storeRevision(ctx, objs),
    });
    if (a.ok) {
      const body = encodeList(ctx, kind, a.page.items, pretty, {
        rv: a.rv,
        continue: a.page.continue,
        remainingItemCount: a.page.remainingItemCount,
      });
      return { ok: true, body, ...(warning ? { warning } : {}) };
    }
    if ('error' in a) return { ok: false, error: `Error from server (BadRequest): ${a.error}` };
    if ('notSimulated' in a) return notSimulated(a.notSimulated);
  }
  if (kind === 'Event') objs = eventListOrder(objs);
  return { ok: true, body: encodeList(ctx, kind, objs, pretty), ...(warning ? { warning } : {}) };
}

const HEALTH = new Set(['healthz', 'livez', 'readyz']);

/** The individual checks each health endpoint serves (see the header). */
const HEALTH_CHECKS: Record<string, string[]> = {
  healthz: ['ping', 'log', 'etcd'],
  livez: ['ping', 'log', 'etcd'],
  readyz: ['ping', 'log', 'etcd', 'etcd-readiness', 'informer-sync', 'shutdown'],
};

/** Discovery goes through the same negotiated serializer: ?pretty= indents it too. */
function discovery(compactLine: string, query: Map<string, string>): string {
  return parseBool(query.get('pretty') ?? '') ? indentJson(compactLine.slice(0, -1)) : compactLine;
}

/** What the simulated API server answers for a GET of `uri`. */
export function rawGet(ctx: KubectlContext, uri: string): Answer {
  // rest.Request.RequestURI keeps only the path and the query of an absolute URL.
  let u = uri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '').replace(/#.*$/, '');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(u)) u = u.replace(/^[^:]*:/, '');
  const qi = u.indexOf('?');
  const path = qi < 0 ? u : u.slice(0, qi);
  const query = parseQuery(qi < 0 ? '' : u.slice(qi + 1));
  // go-restful's router splits the trimmed path: a trailing slash changes nothing.
  const segs = path.replace(/^\/+|\/+$/g, '').split('/');
  const profile = ctx.cluster.profile;
  const [s0, s1, s2, s3, ...rest] = segs;
  if (s0 !== undefined && HEALTH.has(s0)) {
    if (s1 === undefined || s1 === '') {
      if (query.has('verbose')) return notSimulated(`/${s0}?verbose (the server's list of checks)`);
      return { ok: true, body: 'ok' };
    }
    if (s2 === undefined && HEALTH_CHECKS[s0]?.includes(s1)) return { ok: true, body: 'ok' };
    return notSimulated(`/${segs.join('/')}`);
  }
  if (s0 === 'version' && s1 === undefined) {
    const body = versionBody(profile, ctx.cluster.proxyMode);
    return body === undefined
      ? notSimulated('/version (this server build is not known)')
      : { ok: true, body };
  }
  if (s0 === 'api') {
    if (s1 === undefined) return { ok: true, body: discovery(apiVersions(profile), query) };
    if (s1 !== 'v1') return NOT_FOUND;
    if (s2 === undefined) {
      const list = apiResourceList(profile, 'v1');
      return list ? { ok: true, body: discovery(list, query) } : notSimulated('/api/v1 (the resource list)');
    }
    return resourceGet(ctx, '', 'v1', [s2, ...(s3 === undefined ? [] : [s3]), ...rest], query);
  }
  if (s0 === 'apis') {
    if (s1 === undefined) return { ok: true, body: discovery(apiGroupList(profile), query) };
    const group = discoveryGroups(profile).find((g) => g.name === s1);
    if (!group) return NOT_FOUND;
    if (s2 === undefined) return { ok: true, body: discovery(apiGroup(profile, s1) as string, query) };
    if (!group.versions.includes(s2)) return NOT_FOUND;
    if (s3 === undefined) {
      const list = apiResourceList(profile, `${s1}/${s2}`);
      if (list) return { ok: true, body: discovery(list, query) };
      return notSimulated(`/apis/${s1}/${s2} (the resource list)`);
    }
    return resourceGet(ctx, s1, s2, [s3, ...rest], query);
  }
  // The rest of a 1.34 server's root paths (`/`'s RootPaths list: /logs, /metrics,
  // /metrics/slis, /openapi/v2, /openapi/v3, /openid/v1/jwks,
  // /.well-known/openid-configuration): served there, not modelled here, so not a 404.
  if (s0 !== undefined && OTHER_ROOTS.has(s0))
    return notSimulated(s0 === '' ? '/ (the root paths)' : `/${s0}`);
  return NOT_FOUND;
}

const OTHER_ROOTS = new Set(['', 'logs', 'metrics', 'openapi', 'openid', '.well-known']);

/** GetOptions.Run with --raw: the body on stdout, or client-go's error through CheckErr. */
export function runRawGet(ctx: KubectlContext, uri: string): number {
  const a = rawGet(ctx, uri);
  if (a.ok) {
    // client-go's default warning handler prints the server's Warning headers to stderr.
    if (a.warning) ctx.proc.err(styleWarning(ctx.proc, `${a.warning}\n`));
    ctx.proc.out(a.body);
    return 0;
  }
  if ('error' in a) {
    ctx.proc.err(`${a.error}\n`);
    return 1;
  }
  ctx.proc.err(
    `error: "kubectl get --raw ${uri}" is not available in this playground: ${a.notSimulated} is not simulated.\n`,
  );
  return 1;
}
