// `kubectl events` [kubectl pkg/cmd/events]: the namespace's events sorted by last timestamp,
// `Kind/name` objects, `--for TYPE/NAME`, `--types`, `-A`, "No events found in X namespace.".
import type { Event } from '../../sim/api/types';
import { bool, type FlagDef, str } from '../flags';
import { translateTimestampSince } from '../printers/duration';
import { renderRows } from '../printers/tabwriter';
import { resolveResourceType } from '../resources';
import { eventListOrder } from './get';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { startWatchJob } from './util';

const FLAGS: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'for', type: 'string' },
  { name: 'types', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

function lastMs(e: Event): number {
  return Date.parse(e.lastTimestamp || e.firstTimestamp || e.metadata.creationTimestamp) || 0;
}

/** EventPrinter.printHeadings. */
function headings(all: boolean): string[] {
  const h = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return all ? ['NAMESPACE', ...h] : h;
}

/** EventPrinter.printOneEvent: LAST SEEN is getInterval's, measured at `now`. */
function eventRow(e: Event, now: number, all: boolean): string[] {
  const first = translateTimestampSince(e.firstTimestamp || e.metadata.creationTimestamp, now);
  const interval =
    e.count > 1 ? `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
  const row = [
    interval,
    e.type,
    e.reason,
    `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
    (e.message ?? '').trim(),
  ];
  return all ? [e.metadata.namespace ?? '', ...row] : row;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const p = ctx.proc;
  const { flags } = args;
  const all = bool(flags, 'all-namespaces');
  let forKind: string | undefined;
  let forName: string | undefined;
  const forArg = str(flags, 'for');
  if (forArg) {
    const i = forArg.indexOf('/');
    const t = i > 0 ? resolveResourceType(forArg.slice(0, i)) : undefined;
    if (!t) {
      p.err(`error: the server doesn't have a resource type "${i > 0 ? forArg.slice(0, i) : forArg}"\n`);
      return 1;
    }
    forKind = t.kind;
    forName = forArg.slice(i + 1);
  }
  const types = str(flags, 'types');
  let allowed: string[] | undefined;
  if (types) {
    allowed = types.split(',').map((s) => s.trim().toLowerCase());
    for (const t of allowed) {
      if (t !== 'normal' && t !== 'warning') {
        p.err(`error: valid --types are Normal or Warning\n`);
        return 1;
      }
    }
  }
  // The --for field selector (involvedObject kind and name) and --types (filteredEventType).
  const keep = (e: Event): boolean =>
    (forKind === undefined || (e.involvedObject?.kind === forKind && e.involvedObject?.name === forName)) &&
    (allowed === undefined || allowed.includes(e.type.toLowerCase()));
  const noHeaders = bool(flags, 'no-headers');
  if (bool(flags, 'watch')) return watchEvents(ctx, all, keep, noHeaders);
  const events = (ctx.cluster.list('Event', all ? {} : { namespace: ctx.namespace }) as Event[]).filter(keep);
  if (events.length === 0) {
    p.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const now = ctx.cluster.now();
  // Ties (whole seconds) in creation order, as real event names (`<object>.<hex UnixNano>`) give.
  const rv = (e: Event): number => Number(e.metadata.resourceVersion) || 0;
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => lastMs(a.e) - lastMs(b.e) || rv(a.e) - rv(b.e) || a.i - b.i);
  const rows: string[][] = [];
  if (!noHeaders) rows.push(headings(all));
  for (const { e } of sorted) rows.push(eventRow(e, now, all));
  p.out(renderRows(rows));
  return 0;
}

/**
 * `kubectl events --watch` [kubectl v0.34.9 pkg/cmd/events/events.go runWatch]: a watch without a
 * resourceVersion, so it starts with a synthetic ADDED for every Event that exists, in the watch
 * cache's key order (namespace, then name: object, then time), unsorted; then one row per write
 * (an Event's count going up is a MODIFIED), DELETED skipped; no "No events found" line. The
 * headings come with the first row; each row is flushed through a tabwriter that remembers widths.
 */
function watchEvents(
  ctx: KubectlContext,
  all: boolean,
  keep: (e: Event) => boolean,
  noHeaders: boolean,
): number {
  const remembered: number[] = [];
  let headed = noHeaders;
  const print = (e: Event, now: number): string => {
    const rows = headed ? [] : [headings(all)];
    headed = true;
    rows.push(eventRow(e, now, all));
    return renderRows(rows, remembered);
  };
  const existing = ctx.cluster.list('Event', all ? {} : { namespace: ctx.namespace }) as Event[];
  const byNamespace = new Map<string, Event[]>();
  for (const e of existing) {
    const ns = e.metadata.namespace ?? '';
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), e]);
  }
  const now = ctx.cluster.now();
  let out = '';
  for (const list of byNamespace.values())
    for (const e of eventListOrder(list) as Event[]) if (keep(e)) out += print(e, now);
  if (out) ctx.proc.out(out);
  const host = ctx.host;
  if (!host) return 0;
  startWatchJob(host, (job) =>
    ctx.cluster.watch('Event', (ev) => {
      const e = ev.object as Event;
      if (ev.type === 'DELETED' || (!all && e.metadata.namespace !== ctx.namespace) || !keep(e)) return;
      job.out(print(e, ev.at));
    }),
  );
  return 0;
}

export const eventsVerb: KubectlVerb = {
  name: 'events',
  short: 'List events',
  help: `Display events.

 Prints a table of the most important information about events. You can request events for a
namespace, for all namespace, or filtered to only those pertaining to a specified resource.

Examples:
  # List recent events in the default namespace
  kubectl events

  # List recent events in all namespaces
  kubectl events --all-namespaces

  # List recent events for the specified pod
  kubectl events --for pod/web-pod-13je7

  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal

Options:
    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces.

    --for='':
	Filter events to only those pertaining to the specified resource.

    --no-headers=false:
	When using the default output format, don't print headers.

    --types=[]:
	Output only events of given types.

Usage:
  kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: FLAGS,
  run,
};
