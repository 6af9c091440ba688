// `kubectl get --raw '/api/v1/namespaces/NS/pods?limit=N'` and `?continue=TOKEN`: the page the 1.34
// API server's registry and watch cache answer (../../sim/apiserver/list-chunking for the cacher's
// rules and the token). What happens before the storage [apiserver v0.34.9
// pkg/registry/generic/registry/store.go ListPredicate; pkg/storage/selection_predicate.go]:
// - without a continue token, a field selector's exact `metadata.namespace=X` narrows an
//   all-namespaces list to X's prefix (MatchesSingleNamespace, X a valid namespace name), and an
//   exact `metadata.name=X` makes it a GET of that one key (MatchesSingle; a namespace known), so
//   no page and no token;
// - the first page of Pods with an exact `spec.nodeName=X` comes from the watch cache's
//   spec.nodeName index (kubernetes pkg/registry/core/pod/strategy.go MatchPod/Indexers; cacher
//   watch_cache.go listLatestRV), so only Pods on X are looked at;
// - a continue page is read from the snapshot at the token's revision (a negative revision: the
//   latest), with the request's own prefix (a token is not tied to its namespace).
import { KINDS } from '../../sim/api/kinds';
import { matches } from '../../sim/api/labels';
import { parseSelector } from '../../sim/api/selector-parse';
import type { K8sObject, KindName } from '../../sim/api/types';
import {
  compileFieldSelector,
  convertFieldLabel,
  parseFieldSelector,
} from '../../sim/apiserver/field-selectors';
import {
  type ChunkEntry,
  decodeContinue,
  keepSnapshot,
  type Page,
  pageOf,
  snapshotAt,
  sortEntries,
} from '../../sim/apiserver/list-chunking';
import type { KubectlContext } from './registry';

export type PageAnswer =
  | { ok: true; page: Page; rv: number }
  | { ok: false; error: string }
  | { ok: false; notSimulated: string }
  | { ok: false; unpaged: true };

/** A field selector's exact value for `label` (andTerm.RequiresExactMatch: the first `=` term). */
function exactField(kind: KindName, fieldSelector: string | undefined, label: string): string | undefined {
  if (!fieldSelector) return undefined;
  const parsed = parseFieldSelector(fieldSelector);
  if ('error' in parsed) return undefined;
  for (const t of parsed.terms) {
    const c = convertFieldLabel(kind, t.label);
    if ('label' in c && c.label === label && t.op === '=') return t.value;
  }
  return undefined;
}

function hasTerms(fieldSelector: string): boolean {
  const parsed = parseFieldSelector(fieldSelector);
  return !('terms' in parsed) || parsed.terms.length > 0;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The kind's whole store, keyed below `/<resource>/`: `ns/name` or `name`. */
function allEntries(ctx: KubectlContext, kind: KindName): ChunkEntry[] {
  const namespaced = KINDS[kind].namespaced;
  return sortEntries(
    ctx.cluster.list(kind).map((obj) => ({
      key: namespaced ? `${obj.metadata.namespace ?? ''}/${obj.metadata.name}` : obj.metadata.name,
      obj,
    })),
  );
}

/** The entries under the request's prefix, keyed below it. */
function scoped(entries: ChunkEntry[], ns: string | undefined): ChunkEntry[] {
  if (ns === undefined) return entries;
  const p = `${ns}/`;
  return entries.filter((e) => e.key.startsWith(p)).map((e) => ({ key: e.key.slice(p.length), obj: e.obj }));
}

/**
 * The page for a list request carrying `limit` and/or `continue` (selectors already checked by
 * the caller, as the handler decodes them first). `unpaged`: answer it as a whole list.
 */
export function listPage(
  ctx: KubectlContext,
  kind: KindName,
  o: {
    namespace: string | undefined;
    labelSelector: string | undefined;
    fieldSelector: string | undefined;
    limit: string | undefined;
    continue: string | undefined;
    revision: number;
  },
): PageAnswer {
  if (kind === 'Event')
    return { ok: false, notSimulated: 'pages of Events (their list order here is not the key order)' };
  let limit = 0;
  if (o.limit !== undefined && o.limit !== '') {
    // strconv.ParseInt's syntax; its error's wording through the parameter codec is not established.
    if (!/^[+-]?\d+$/.test(o.limit)) return { ok: false, notSimulated: `?limit=${o.limit}` };
    limit = Number(o.limit);
    if (!Number.isSafeInteger(limit)) return { ok: false, notSimulated: `?limit=${o.limit}` };
  }
  const token = o.continue ?? '';
  const namespaced = KINDS[kind].namespaced;
  let ns = namespaced ? o.namespace : undefined;
  if (token === '') {
    if (namespaced && ns === undefined) {
      const only = exactField(kind, o.fieldSelector, 'metadata.namespace');
      if (only !== undefined && only.length <= 63 && DNS_LABEL.test(only)) ns = only;
    }
    const single = exactField(kind, o.fieldSelector, 'metadata.name');
    if (single !== undefined && (!namespaced || ns !== undefined)) return { ok: false, unpaged: true };
    if (limit <= 0) return { ok: false, unpaged: true };
  }
  let rv = o.revision;
  let entries: ChunkEntry[];
  let start: string | undefined;
  let fresh = true;
  if (token !== '') {
    const d = decodeContinue(token);
    if (!d.ok)
      return 'error' in d ? { ok: false, error: d.error } : { ok: false, notSimulated: d.unmodelled };
    start = d.start;
    if (d.rv > 0 && d.rv !== o.revision) {
      const kept = snapshotAt(ctx.cluster, kind, d.rv);
      if (!kept)
        return {
          ok: false,
          notSimulated: `a continue token for revision ${d.rv}, whose list this playground did not keep`,
        };
      entries = kept;
      rv = d.rv;
      fresh = false;
    } else entries = allEntries(ctx, kind);
  } else entries = allEntries(ctx, kind);
  const all = entries;
  let items = scoped(entries, ns);
  const node =
    kind === 'Pod' && token === '' ? exactField(kind, o.fieldSelector, 'spec.nodeName') : undefined;
  if (node !== undefined)
    items = items.filter((e) => ((e.obj as { spec?: { nodeName?: string } }).spec?.nodeName ?? '') === node);
  const label = o.labelSelector ? parseSelector(o.labelSelector) : undefined;
  const field = o.fieldSelector ? compileFieldSelector(kind, o.fieldSelector) : undefined;
  const page = pageOf(items, {
    limit,
    start,
    rv,
    matches: (obj: K8sObject) => (!label || matches(label, obj.metadata.labels)) && (!field || field(obj)),
    // SelectionPredicate.Empty: both selectors select everything (`,` parses to no term).
    empty: !label?.length && !(o.fieldSelector && hasTerms(o.fieldSelector)),
  });
  if (page.continue !== undefined && fresh) keepSnapshot(ctx.cluster, kind, rv, all);
  return { ok: true, page, rv };
}
